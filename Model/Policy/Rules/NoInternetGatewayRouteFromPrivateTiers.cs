using Infra.Model.Addressing;
using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>PC-NET-005: no route table of a private or application subnet routes straight to an internet gateway.</summary>
public sealed class NoInternetGatewayRouteFromPrivateTiers : PolicyRule
{
    private static readonly string[] PrivateTiers = [Tiers.Private, Tiers.Application];

    public override string Id => "PC-NET-005";

    public override string Title => "No route table used by a private or application subnet has a route to an internet gateway";

    public override string Rationale => "A direct internet gateway route makes a private subnet public and bypasses the NAT gateway and the inspection appliances.";

    public override IReadOnlyList<string> Equivalents { get; } = [];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        var routing = context.Routing;
        var subnetsByTable = new Dictionary<RouteTableInfo, List<SubnetInfo>>();
        foreach (var subnet in routing.Subnets.Where(s => PrivateTiers.Contains(s.Tier)))
        {
            RouteTableInfo table;
            try
            {
                table = routing.RouteTableOf(subnet.Id);
            }
            catch (InvalidOperationException)
            {
                continue; // The subnet's VPC is not among the resources: its routes are unknown.
            }

            if (!subnetsByTable.TryGetValue(table, out var subnets))
            {
                subnetsByTable[table] = subnets = [];
            }

            subnets.Add(subnet);
        }

        foreach (var (table, subnets) in subnetsByTable.OrderBy(t => t.Key.ToString(), StringComparer.Ordinal))
        {
            var users = Wording.And(subnets
                .GroupBy(s => s.Tier!, StringComparer.Ordinal)
                .OrderBy(g => Array.IndexOf(PrivateTiers, g.Key))
                .Select(g => Wording.Named($"{g.Key} subnet", $"{g.Key} subnets", g.Select(s => s.Name))));
            foreach (var route in routing.RoutesOfTable(table.Id).Where(r => r.Target.Kind == TargetKind.InternetGateway))
            {
                var gateway = route.Target.ResourceName ?? route.Target.Id;
                yield return Finding(
                    table.ToString(),
                    $"Route table {table}, used by {users}, sends {route.Destination} straight to internet gateway {gateway}; private and application subnets must leave through a NAT gateway or a Gateway Load Balancer endpoint.");
            }
        }
    }
}
