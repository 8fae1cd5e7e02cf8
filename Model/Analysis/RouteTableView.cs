using Infra.Model.Routing;

namespace Infra.Model.Analysis;

/// <summary>One route as the AWS console lists it.</summary>
/// <param name="Destination">The destination column: a CIDR block or a prefix list id (<c>pl-…</c>).</param>
/// <param name="Target">The target column: <c>local</c> or the target's id (<c>igw-…</c>, <c>nat-…</c>, <c>vpce-…</c>).</param>
/// <param name="TargetKind">What the target is.</param>
/// <param name="Description">The target in words with its logical name: <c>S3 gateway endpoint s3-endpoint</c>.</param>
public sealed record RouteLine(string Destination, string Target, TargetKind TargetKind, string Description)
{
    /// <summary>The line for a route of the routing model.</summary>
    public static RouteLine From(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var target = route.Target;
        var what = target.Kind == TargetKind.GatewayLoadBalancerEndpoint ? "GWLB endpoint" : target.Description;
        var description = target.Kind == TargetKind.Local
            ? "local"
            : target.ResourceName is null ? what : $"{what} {target.ResourceName}";
        return new RouteLine(route.Destination.Text, target.Kind == TargetKind.Local ? "local" : target.Id ?? "(unknown)", target.Kind, description);
    }
}

/// <summary>A subnet and the routes it uses.</summary>
/// <param name="Subnet">The subnet.</param>
/// <param name="RouteTableId">The id of the table it uses.</param>
/// <param name="RouteTableName">The logical name of that table (null for the VPC's implicit main table).</param>
/// <param name="IsMainTable">True when the table is its VPC's main table (what subnets without an association use).</param>
/// <param name="Routes">The effective routes, local first.</param>
public sealed record SubnetRouteTable(SubnetRef Subnet, string RouteTableId, string? RouteTableName, bool IsMainTable, IReadOnlyList<RouteLine> Routes);

/// <summary>The route table edge-associated with a gateway: where traffic entering through it goes.</summary>
/// <param name="GatewayId">The gateway's id.</param>
/// <param name="GatewayName">The gateway's logical name.</param>
/// <param name="VpcName">The gateway's VPC.</param>
/// <param name="RouteTableId">The edge table's id.</param>
/// <param name="RouteTableName">The edge table's logical name.</param>
/// <param name="Routes">Its routes, local first.</param>
public sealed record EdgeRouteTable(string GatewayId, string GatewayName, string? VpcName, string RouteTableId, string? RouteTableName, IReadOnlyList<RouteLine> Routes);

/// <summary>Every subnet's effective routes and every edge route table, in the order the plan shows them.</summary>
/// <param name="Subnets">Subnets in the order of <see cref="ReachabilityAnalyzer.Subnets"/>.</param>
/// <param name="Edges">Edge-associated tables, by gateway name.</param>
public sealed record RouteTableView(IReadOnlyList<SubnetRouteTable> Subnets, IReadOnlyList<EdgeRouteTable> Edges)
{
    /// <summary>Builds the view from the routing model, with subnets labelled and ordered as by the analyzer.</summary>
    public static RouteTableView Build(RoutingModel routing, ReachabilityAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(analyzer);
        var subnets = analyzer.Subnets
            .OrderBy(s => s.VpcName, StringComparer.Ordinal)
            .Select(s =>
            {
                var table = routing.RouteTableOf(s.Id);
                return new SubnetRouteTable(
                    s,
                    table.Id,
                    table.Name,
                    table.IsMain,
                    [.. routing.EffectiveRoutes(s.Id).Select(RouteLine.From)]);
            })
            .ToList();
        var edges = routing.InternetGateways
            .Select(g => (gateway: g, table: routing.EdgeRouteTableOf(g.Id)))
            .Where(e => e.table is not null)
            .Select(e => new EdgeRouteTable(
                e.gateway.Id,
                e.gateway.Name,
                e.gateway.VpcId is null ? null : routing.Vpcs.FirstOrDefault(v => v.Id == e.gateway.VpcId)?.Name,
                e.table!.Id,
                e.table.Name,
                [.. routing.EdgeRoutes(e.gateway.Id).Select(RouteLine.From)]))
            .ToList();
        return new RouteTableView(subnets, edges);
    }
}
