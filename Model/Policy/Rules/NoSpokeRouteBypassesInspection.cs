using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>
/// PC-TGW-003: in a transit gateway with an inspection VPC, nothing routes a spoke's traffic around it: the transit
/// gateway route tables the spokes are associated with send every route to an inspection attachment (or drop it), and
/// no subnet of a spoke VPC routes to an internet, egress-only or NAT gateway or a peering connection.
/// </summary>
public sealed class NoSpokeRouteBypassesInspection : PolicyRule
{
    private static readonly TargetKind[] BypassTargets =
        [TargetKind.InternetGateway, TargetKind.EgressOnlyInternetGateway, TargetKind.NatGateway, TargetKind.PeeringConnection];

    public override string Id => "PC-TGW-003";

    public override string Title => "No spoke route bypasses the inspection VPC: spoke transit gateway route tables lead only to an inspection attachment, spoke subnets have no internet, NAT or peering route";

    public override string Rationale => "A route from a spoke straight to another spoke or out of its own VPC carries traffic the appliances never see.";

    public override IReadOnlyList<string> Equivalents { get; } = [];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        var routing = context.Routing;
        var transit = routing.Transit;
        var inspection = TransitRoles.InspectionAttachments(routing).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var spokes = TransitRoles.SpokeAttachments(routing);

        var tables = spokes
            .Select(a => (attachment: a, table: transit.AssociatedRouteTable(a.Id)))
            .Where(x => x.table is not null)
            .GroupBy(x => x.table!)
            .OrderBy(g => g.Key.ToString(), StringComparer.Ordinal);
        foreach (var group in tables)
        {
            var users = Wording.Named("spoke attachment", "spoke attachments", group.Select(x => x.attachment.Name));
            foreach (var route in transit.RoutesOfTable(group.Key.Id).Where(r => !r.IsBlackhole && !inspection.Contains(r.AttachmentId!)))
            {
                var kind = route.Kind == TransitRouteKind.Static ? "static" : "propagated";
                yield return Finding(
                    group.Key.ToString(),
                    $"Transit gateway route table {group.Key}, associated with {users}, sends {route.Destination} ({kind}) to attachment {context.NameOf(route.AttachmentId!)} instead of the inspection VPC's attachment.");
            }
        }

        var spokeVpcs = spokes.Select(a => a.VpcId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var spokeTables = routing.Subnets
            .Where(s => s.VpcId is not null && spokeVpcs.Contains(s.VpcId) && context.Vpc(s.VpcId) is not null)
            .Select(s => routing.RouteTableOf(s.Id))
            .Distinct()
            .OrderBy(t => t.ToString(), StringComparer.Ordinal);
        foreach (var table in spokeTables)
        {
            foreach (var route in routing.RoutesOfTable(table.Id).Where(r => BypassTargets.Contains(r.Target.Kind)))
            {
                yield return Finding(
                    table.ToString(),
                    $"Route table {table} of spoke VPC {context.NameOf(table.VpcId!)} sends {route.Destination} to {route.Target.Description} {route.Target.ResourceName ?? route.Target.Id}, around the inspection VPC.");
            }
        }
    }
}
