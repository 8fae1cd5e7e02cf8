using Infra.Model.Addressing;
using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>
/// PC-EP-001: every interface endpoint sits behind its own security group, which admits HTTPS (tcp 443) from the VPC's
/// CIDR blocks and nothing else.
/// </summary>
public sealed class InterfaceEndpointHttpsFromVpcOnly : PolicyRule
{
    public override string Id => "PC-EP-001";

    public override string Title => "Interface endpoint security groups admit tcp 443 from the VPC's CIDR and nothing else";

    public override string Rationale => "An interface endpoint is a private door to an AWS API; any other port or source lets more than the VPC's own workloads use it.";

    public override IReadOnlyList<string> Equivalents { get; } = [];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        var endpoints = context.Routing.Endpoints.Where(e => e.Type == EndpointInfo.InterfaceType).ToList();
        foreach (var endpoint in endpoints.Where(e => e.SecurityGroupIds.Count == 0))
        {
            yield return Finding(endpoint.Name, $"Interface endpoint {endpoint.Name} has no security group; give it one that admits tcp 443 from the VPC only.");
        }

        var rules = context.SecurityGroupRules;
        var groups = endpoints
            .SelectMany(e => e.SecurityGroupIds.Select(g => (group: g, endpoint: e)))
            .GroupBy(x => x.group, StringComparer.Ordinal)
            .OrderBy(g => rules.GroupName(g.Key), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var groupName = rules.GroupName(group.Key);
            var users = Wording.Named("interface endpoint", "interface endpoints", group.Select(x => x.endpoint.Name).Distinct(StringComparer.Ordinal));
            var vpcBlocks = group
                .Select(x => context.Vpc(x.endpoint.VpcId))
                .OfType<VpcInfo>()
                .SelectMany(v => v.Ipv4Blocks)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var vpcText = vpcBlocks.Count == 0 ? "the VPC's CIDR" : $"the VPC's CIDR {Wording.And(vpcBlocks)}";
            var admitsHttpsFromVpc = false;
            foreach (var rule in rules.Of(group.Key, Direction.Ingress))
            {
                var https = rule.IsExactly("tcp", 443);
                foreach (var peer in rule.Peers)
                {
                    var fromVpc = peer.Kind == PeerKind.Ipv4Cidr && vpcBlocks.Any(block => Within(peer.Text, block));
                    if (https && fromVpc)
                    {
                        admitsHttpsFromVpc = true;
                        continue;
                    }

                    var subject = rule.Carrier.Id == rule.GroupId
                        ? $"Security group {groupName} of {users}"
                        : $"Ingress rule {rule.Carrier.Name} of security group {groupName} ({users})";
                    yield return Finding(rule.Carrier.Name, $"{subject} admits {rule.Traffic} from {peer}; it may admit only tcp 443 from {vpcText}.");
                }
            }

            if (!admitsHttpsFromVpc)
            {
                yield return Finding(groupName, $"Security group {groupName} of {users} admits no tcp 443 from {vpcText}, so nothing in the VPC can reach the endpoint.");
            }
        }
    }

    private static bool Within(string inner, string outer) =>
        Cidr.TryParse(inner, out var innerBlock) && Cidr.TryParse(outer, out var outerBlock) && outerBlock.Contains(innerBlock);
}
