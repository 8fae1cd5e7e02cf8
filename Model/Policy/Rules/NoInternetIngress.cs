using Infra.Model.Addressing;
using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>A protocol and port a rule allows (see <see cref="NoInternetIngress"/>).</summary>
/// <param name="Protocol">tcp or udp, lower case.</param>
/// <param name="Port">The port.</param>
public sealed record PortSpec(string Protocol, int Port)
{
    /// <summary><c>tcp 443</c>.</summary>
    public override string ToString() => $"{Protocol} {Port}";
}

/// <summary>
/// PC-NET-004: no security group admits traffic from anywhere (0.0.0.0/0 or ::/0), except on the ports the public tier
/// is meant to serve: a single port of <see cref="PublicIngressPorts"/>, on a group used only by resources in
/// public-tier subnets. The list is empty by default: this project serves nothing to the internet.
/// </summary>
public sealed class NoInternetIngress(IReadOnlyList<PortSpec>? publicIngressPorts = null) : PolicyRule
{
    public override string Id => "PC-NET-004";

    public override string Title => "No security group admits 0.0.0.0/0 or ::/0, except on an allowed public ingress port of a group used only in the public tier";

    public override string Rationale => "An internet-open port is the first thing scanners find; private connectivity means nothing listens to the internet unless a public tier is meant to.";

    public override IReadOnlyList<string> Equivalents { get; } = ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277", "AwsSolutions-EC23"];

    /// <summary>The ports a public-tier group may open to the internet (empty by default).</summary>
    public IReadOnlyList<PortSpec> PublicIngressPorts { get; } = publicIngressPorts ?? [];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        var rules = context.SecurityGroupRules;
        foreach (var rule in rules.All.Where(r => r.Direction == Direction.Ingress))
        {
            foreach (var peer in rule.Peers.Where(p => p.IsAnywhere))
            {
                var subject = Subject(rules, rule);
                var groupName = rules.GroupName(rule.GroupId);
                if (!PublicIngressPorts.Any(p => rule.IsExactly(p.Protocol, p.Port)))
                {
                    var allowed = PublicIngressPorts.Count == 0
                        ? "no port may be open to the internet"
                        : $"only {Wording.And(PublicIngressPorts.Select(p => p.ToString()))} may be open to the internet";
                    yield return Finding(rule.Carrier.Name, $"{subject} admits {rule.Traffic} from {peer}; {allowed}.");
                }
                else if (!UsedOnlyInPublicTier(context, rule.GroupId))
                {
                    yield return Finding(
                        rule.Carrier.Name,
                        $"{subject} admits {rule.Traffic} from {peer}, but security group {groupName} is not used only by resources in public-tier subnets.");
                }
            }
        }
    }

    private static string Subject(SecurityGroupRules rules, SecurityGroupRule rule) =>
        rule.Carrier.Id == rule.GroupId
            ? $"Security group {rule.Carrier.Name}"
            : $"Ingress rule {rule.Carrier.Name} of security group {rules.GroupName(rule.GroupId)}";

    /// <summary>Whether every resource that uses the group sits in public-tier subnets (and at least one does).</summary>
    private static bool UsedOnlyInPublicTier(PolicyContext context, string groupId)
    {
        var subnetIds = new List<string>();
        foreach (var record in context.Resources)
        {
            var (groupKey, subnetKeys) = record.Type switch
            {
                AwsTypes.Instance => ("vpcSecurityGroupIds", new[] { "subnetId" }),
                AwsTypes.NetworkInterface => ("securityGroups", ["subnetId"]),
                AwsTypes.LoadBalancer => ("securityGroups", ["subnets"]),
                Routing.AwsTypes.VpcEndpoint => ("securityGroupIds", ["subnetIds"]),
                _ => ((string?)null, Array.Empty<string>()),
            };
            if (groupKey is null || !Inputs.Strings(record.Inputs, groupKey).Contains(groupId))
            {
                continue;
            }

            var used = subnetKeys.SelectMany(k => Inputs.String(record.Inputs, k) is { } one ? [one] : Inputs.Strings(record.Inputs, k)).ToList();
            if (used.Count == 0)
            {
                return false;
            }

            subnetIds.AddRange(used);
        }

        return subnetIds.Count > 0 && subnetIds.All(id => context.Subnet(id)?.Tier == Tiers.Public);
    }
}
