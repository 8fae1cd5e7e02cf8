using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>PC-NET-002: every VPC adopts its default security group and leaves it without rules.</summary>
public sealed class DefaultSecurityGroupClosed : PolicyRule
{
    public override string Id => "PC-NET-002";

    public override string Title => "Every VPC's default security group is adopted (DefaultSecurityGroup) and has no ingress or egress rules";

    public override string Rationale => "AWS creates the default group allowing all traffic between its members and all egress; anything launched without a group lands in it.";

    public override IReadOnlyList<string> Equivalents { get; } = ["CKV2_AWS_12", "HIPAA.Security-VPCDefaultSecurityGroupClosed"];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        var adopted = context.OfType(AwsTypes.DefaultSecurityGroup).ToList();
        foreach (var vpc in context.Routing.Vpcs)
        {
            var groups = adopted.Where(g => Inputs.String(g.Inputs, "vpcId") == vpc.Id).ToList();
            if (groups.Count == 0)
            {
                yield return Finding(
                    vpc.Name,
                    $"VPC {vpc.Name} leaves its default security group with the rules AWS gives it (all traffic between members, all egress); adopt it with a DefaultSecurityGroup that has no rules.");
                continue;
            }

            foreach (var group in groups)
            {
                var ingress = context.SecurityGroupRules.Of(group.Id, Direction.Ingress).Count;
                var egress = context.SecurityGroupRules.Of(group.Id, Direction.Egress).Count;
                if (ingress + egress > 0)
                {
                    yield return Finding(
                        group.Name,
                        $"Default security group {group.Name} of VPC {vpc.Name} has {Wording.Count(ingress, "ingress rule", "ingress rules")} and {Wording.Count(egress, "egress rule", "egress rules")}; it must have none.");
                }
            }
        }
    }
}
