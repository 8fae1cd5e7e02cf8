using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>PC-NET-001: every VPC has a flow log that records all traffic.</summary>
public sealed class VpcFlowLogs : PolicyRule
{
    public override string Id => "PC-NET-001";

    public override string Title => "Every VPC has a flow log that records ALL traffic (accepted and rejected)";

    public override string Rationale => "Without flow records nobody can tell afterwards what talked to what, or prove that traffic took the private path.";

    public override IReadOnlyList<string> Equivalents { get; } = ["CKV2_AWS_11", "AwsSolutions-VPC7"];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        var flowLogs = context.OfType(AwsTypes.FlowLog).ToList();
        foreach (var vpc in context.Routing.Vpcs)
        {
            var traffic = flowLogs
                .Where(f => Inputs.String(f.Inputs, "vpcId") == vpc.Id)
                .Select(f => Inputs.String(f.Inputs, "trafficType") ?? "unset")
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (traffic.Count == 0)
            {
                yield return Finding(vpc.Name, $"VPC {vpc.Name} has no flow log.");
            }
            else if (!traffic.Contains("ALL"))
            {
                yield return Finding(vpc.Name, $"VPC {vpc.Name} has flow logs for {Wording.And(traffic)} traffic only; one must record ALL traffic.");
            }
        }
    }
}
