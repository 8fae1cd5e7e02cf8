using Infra.Model.Addressing;

namespace Infra.Model.Policy.Rules;

/// <summary>PC-TGW-004: no two VPCs attached to one transit gateway have overlapping blocks.</summary>
/// <remarks>
/// "A transit gateway doesn't support routing between VPCs with identical CIDRs, or if a CIDR in a range overlaps a
/// CIDR in an attached VPC", and the routes of a newly attached overlapping VPC are not propagated ("Amazon VPC
/// attachments in AWS Transit Gateway", limits, https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html).
/// </remarks>
public sealed class NoOverlappingAttachedVpcs : PolicyRule
{
    public override string Id => "PC-TGW-004";

    public override string Title => "No two VPCs attached to one transit gateway have overlapping CIDR blocks";

    public override string Rationale => "A transit gateway does not route between overlapping VPC blocks and does not propagate a block that overlaps one already attached, so a spoke silently becomes unreachable.";

    public override IReadOnlyList<string> Equivalents { get; } = [];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        foreach (var gateway in context.Routing.Transit.TransitGateways)
        {
            var blocks = context.Routing.Transit.Attachments
                .Where(a => a.TransitGatewayId == gateway.Id && a.VpcId is not null)
                .Select(a => (attachment: a, vpc: context.Vpc(a.VpcId)))
                .Where(x => x.vpc is not null)
                .SelectMany(x => x.vpc!.Ipv4Blocks
                    .Where(c => Cidr.TryParse(c, out _))
                    .Select(c => (x.attachment, vpc: x.vpc!, cidr: c)))
                .ToList();
            for (var i = 0; i < blocks.Count; i++)
            {
                for (var j = i + 1; j < blocks.Count; j++)
                {
                    var (first, second) = (blocks[i], blocks[j]);
                    if (first.vpc.Id != second.vpc.Id && Cidr.Overlaps(first.cidr, second.cidr))
                    {
                        yield return Finding(
                            second.attachment.Name,
                            $"VPCs {first.vpc.Name} ({first.cidr}) and {second.vpc.Name} ({second.cidr}) are both attached to transit gateway {gateway.Name} and their blocks overlap; give every attached VPC its own block.");
                    }
                }
            }
        }
    }
}
