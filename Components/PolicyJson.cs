using System.Text.Json;

namespace Infra.Components;

/// <summary>IAM policy documents this project writes more than once.</summary>
internal static class PolicyJson
{
    /// <summary>
    /// A trust policy that lets one AWS service assume a role; with <paramref name="sourceAccount"/>, only on behalf of
    /// that account, so that another account's use of the service cannot borrow the role (the confused-deputy problem).
    /// </summary>
    public static string ServiceTrust(string servicePrincipal, string? sourceAccount = null)
    {
        var statement = new Dictionary<string, object>
        {
            ["Effect"] = "Allow",
            ["Principal"] = new Dictionary<string, string> { ["Service"] = servicePrincipal },
            ["Action"] = "sts:AssumeRole",
        };
        if (sourceAccount is not null)
        {
            statement["Condition"] = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, string> { ["aws:SourceAccount"] = sourceAccount },
            };
        }

        return JsonSerializer.Serialize(new Dictionary<string, object> { ["Version"] = "2012-10-17", ["Statement"] = new[] { statement } });
    }
}
