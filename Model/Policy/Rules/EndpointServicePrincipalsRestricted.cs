using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>
/// PC-GWLB-002: every VPC endpoint service names the principals allowed to connect (allowedPrincipals or
/// VpcEndpointServiceAllowedPrinciple resources), and none of them is a wildcard.
/// </summary>
public sealed class EndpointServicePrincipalsRestricted : PolicyRule
{
    public override string Id => "PC-GWLB-002";

    public override string Title => "Every endpoint service names its allowed principals, none of them * or another wildcard";

    public override string Rationale => "A wildcard principal lets any AWS account attach its VPC to the inspection appliances.";

    public override IReadOnlyList<string> Equivalents { get; } = [];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        var separate = context.OfType(AwsTypes.VpcEndpointServiceAllowedPrincipal).ToList();
        foreach (var service in context.OfType(AwsTypes.VpcEndpointService))
        {
            var principals = Inputs.Strings(service.Inputs, "allowedPrincipals")
                .Select(p => (carrier: service.Name, principal: p))
                .Concat(separate
                    .Where(s => Inputs.String(s.Inputs, "vpcEndpointServiceId") == service.Id)
                    .Select(s => (carrier: s.Name, principal: Inputs.String(s.Inputs, "principalArn") ?? "")))
                .ToList();
            if (principals.Count == 0)
            {
                yield return Finding(service.Name, $"Endpoint service {service.Name} names no allowed principals; list the accounts or roles that may connect.");
            }

            foreach (var (carrier, principal) in principals.Where(p => p.principal.Contains('*', StringComparison.Ordinal)))
            {
                yield return Finding(carrier, $"Endpoint service {service.Name} allows the wildcard principal {principal}, so AWS accounts nobody named can connect their VPCs to it.");
            }
        }
    }
}
