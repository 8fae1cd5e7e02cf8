using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>
/// PC-EC2-001: every instance and launch template requires IMDSv2 session tokens (metadataOptions.httpTokens =
/// required), or turns the metadata service off.
/// </summary>
public sealed class InstanceMetadataV2Required : PolicyRule
{
    public override string Id => "PC-EC2-001";

    public override string Title => "Instances and launch templates require IMDSv2 (metadataOptions.httpTokens = required)";

    public override string Rationale => "IMDSv1 answers any request that reaches it, so a server-side request forgery hands out the instance role's credentials.";

    public override IReadOnlyList<string> Equivalents { get; } = ["CKV_AWS_79"];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        foreach (var record in context.OfType(AwsTypes.Instance, AwsTypes.LaunchTemplate))
        {
            var options = Inputs.Map(record.Inputs, "metadataOptions");
            var tokens = Inputs.String(options, "httpTokens");
            if (tokens != "required" && Inputs.String(options, "httpEndpoint") != "disabled")
            {
                var kind = record.Type == AwsTypes.Instance ? "Instance" : "Launch template";
                yield return Finding(record.Name, $"{kind} {record.Name} does not require IMDSv2 (metadataOptions.httpTokens is {Inputs.Show(tokens)}); set it to required.");
            }
        }
    }
}
