using System.Text.Json;

namespace Infra.Components;

/// <summary>IAM policy documents this project writes more than once.</summary>
public static class PolicyJson
{
    /// <summary>A trust policy that lets one AWS service assume a role.</summary>
    public static string ServiceTrust(string servicePrincipal) => JsonSerializer.Serialize(new
    {
        Version = "2012-10-17",
        Statement = new[]
        {
            new
            {
                Effect = "Allow",
                Principal = new { Service = servicePrincipal },
                Action = "sts:AssumeRole",
            },
        },
    });

    /// <summary>
    /// A trust policy that lets one AWS service assume a role only on behalf of one account: the condition keeps
    /// another account's use of the service from borrowing the role (the confused-deputy problem).
    /// </summary>
    public static string ServiceTrustForAccount(string servicePrincipal, string accountId) => JsonSerializer.Serialize(new
    {
        Version = "2012-10-17",
        Statement = new[]
        {
            new
            {
                Effect = "Allow",
                Principal = new { Service = servicePrincipal },
                Action = "sts:AssumeRole",
                Condition = new { StringEquals = new Dictionary<string, string> { ["aws:SourceAccount"] = accountId } },
            },
        },
    });
}
