using Infra.Model.Policy.Reading;

namespace Infra.Model.Policy.Rules;

/// <summary>PC-TGW-002: transit gateways have default route table association and propagation disabled.</summary>
/// <remarks>
/// Both default to enable (EC2 API TransitGatewayRequestOptions; provider aws_ec2_transit_gateway), which associates
/// every new attachment with, and propagates it into, one default route table; AWS's centralized GWLB sample disables
/// both and associates each attachment explicitly.
/// </remarks>
public sealed class TransitGatewayDefaultRouteTablesOff : PolicyRule
{
    public override string Id => "PC-TGW-002";

    public override string Title => "Every transit gateway has default route table association and propagation disabled";

    public override string Rationale => "With the defaults on, every new attachment joins one shared route table that reaches every other attachment directly, around the inspection VPC.";

    public override IReadOnlyList<string> Equivalents { get; } = [];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        foreach (var gateway in context.Routing.Transit.TransitGateways)
        {
            var record = context.ById(gateway.Id);
            (bool On, string Key)[] settings =
            [
                (gateway.DefaultRouteTableAssociation, "defaultRouteTableAssociation"),
                (gateway.DefaultRouteTablePropagation, "defaultRouteTablePropagation"),
            ];
            var on = settings
                .Where(s => s.On)
                .Select(s => $"{s.Key} {Inputs.Show(record is null ? null : Inputs.String(record.Inputs, s.Key))}")
                .ToList();
            if (on.Count > 0)
            {
                yield return Finding(
                    gateway.Name,
                    $"Transit gateway {gateway.Name} has {Wording.And(on)} (unset means enable); set both to disable and associate and propagate each attachment explicitly.");
            }
        }
    }
}
