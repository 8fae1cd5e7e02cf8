using Infra.Model.Addressing;
using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>PC-NET-003: only public-tier subnets hand out public IP addresses on launch.</summary>
public sealed class NoPublicIpOutsidePublicTier : PolicyRule
{
    public override string Id => "PC-NET-003";

    public override string Title => "No subnet outside the public tier maps public IPs on launch, and no instance outside it asks for one";

    public override string Rationale => "A public address makes a private workload reachable from the internet as soon as any route or group allows it.";

    public override IReadOnlyList<string> Equivalents { get; } = ["CKV_AWS_130", "CKV_AWS_88"];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        foreach (var subnet in context.Routing.Subnets.Where(s => s.MapPublicIpOnLaunch && s.Tier != Tiers.Public))
        {
            yield return Finding(subnet.Name, $"Subnet {subnet.Name} ({Describe(subnet.Tier)}) maps public IPs on launch; only public-tier subnets may.");
        }

        foreach (var instance in context.OfType(AwsTypes.Instance).Where(i => Inputs.Boolean(i.Inputs, "associatePublicIpAddress") == true))
        {
            var subnetId = Inputs.String(instance.Inputs, "subnetId");
            var subnet = context.Subnet(subnetId);
            if (subnet?.Tier != Tiers.Public)
            {
                var where = subnet is null ? $"subnet {subnetId ?? "(unset)"}" : $"subnet {subnet.Name} ({Describe(subnet.Tier)})";
                yield return Finding(instance.Name, $"Instance {instance.Name} asks for a public IP address in {where}; only public-tier subnets may hand them out.");
            }
        }
    }

    private static string Describe(string? tier) => tier is null ? "no Tier tag" : $"tier {tier}";
}
