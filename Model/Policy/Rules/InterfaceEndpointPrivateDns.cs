using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>
/// PC-EP-002: every interface endpoint has private DNS on, and its VPC has DNS support (on unless turned off) and DNS
/// hostnames (off unless turned on), which private DNS needs.
/// </summary>
public sealed class InterfaceEndpointPrivateDns : PolicyRule
{
    public override string Id => "PC-EP-002";

    public override string Title => "Interface endpoints have private DNS on, and their VPC has DNS support and DNS hostnames on";

    public override string Rationale => "Without private DNS, clients resolve the service's public name and leave through the internet path instead of the endpoint.";

    public override IReadOnlyList<string> Equivalents { get; } = [];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        var endpoints = context.Routing.Endpoints.Where(e => e.Type == EndpointInfo.InterfaceType).ToList();
        foreach (var endpoint in endpoints.Where(e => !e.PrivateDnsEnabled))
        {
            yield return Finding(endpoint.Name, $"Interface endpoint {endpoint.Name} has private DNS off, so clients resolve the service's public name and bypass the endpoint.");
        }

        foreach (var byVpc in endpoints.GroupBy(e => e.VpcId ?? "", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var vpc = context.ById(byVpc.Key);
            if (vpc is null)
            {
                continue;
            }

            var off = new List<string>();
            if (Inputs.Boolean(vpc.Inputs, "enableDnsSupport") == false)
            {
                off.Add("DNS support");
            }

            if (Inputs.Boolean(vpc.Inputs, "enableDnsHostnames") != true)
            {
                off.Add("DNS hostnames");
            }

            if (off.Count > 0)
            {
                var users = Wording.Named("interface endpoint", "interface endpoints", byVpc.Select(e => e.Name));
                yield return Finding(vpc.Name, $"VPC {vpc.Name} has {Wording.And(off)} off, which private DNS for {users} needs.");
            }
        }
    }
}
