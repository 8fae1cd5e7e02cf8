using System.Text;
using Infra.Model.Analysis;
using Infra.Model.Routing;

namespace Infra.Plan.Rendering;

/// <summary>
/// The network as a Graphviz diagram: each VPC a cluster with an AZ cluster per zone holding its subnets, NAT
/// gateways, GWLB endpoints, interface endpoints and appliances; gateways and gateway endpoints at VPC level; an
/// arrow for every route that is not local (labelled with its destination), edge routes from the internet gateway,
/// and the PrivateLink hop from each GWLB endpoint to its load balancer.
/// </summary>
public static class DotRenderer
{
    private static readonly Dictionary<string, string> TierColours = new(StringComparer.Ordinal)
    {
        ["public"] = "#d5e8d4",
        ["private"] = "#dae8fc",
        ["application"] = "#fff2cc",
        ["endpoint"] = "#f8cecc",
        ["appliance"] = "#e1d5e7",
    };

    /// <summary>The diagram in the DOT language (render with <c>dot -Tpng</c>).</summary>
    public static string Render(PlanResult plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var routing = plan.Analysis.Routing;
        var inventory = plan.Analysis.Inventory;
        var labels = plan.Analysis.Analyzer.Subnets.ToDictionary(s => s.Id, s => s.Label, StringComparer.Ordinal);
        var zoneOf = routing.Subnets.ToDictionary(s => s.Id, s => s.AvailabilityZone ?? "?", StringComparer.Ordinal);
        var dot = new StringBuilder();
        dot.AppendLine("digraph plan {");
        dot.AppendLine($"  graph [label={Quote($"{plan.Stack.ProjectName} / {plan.Stack.StackName} ({plan.Region})")}, labelloc=t, fontsize=18, fontname=\"Helvetica\", compound=true, newrank=true, rankdir=TB, nodesep=0.3, ranksep=0.6];");
        dot.AppendLine("  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded,filled\", fillcolor=white];");
        dot.AppendLine("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];");
        dot.AppendLine();

        var gatewayServices = routing.Endpoints.Where(e => e.Type == EndpointInfo.GatewayType && e.ServiceName is not null)
            .Select(e => ServiceLabel(e.ServiceName!)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (routing.InternetGateways.Count > 0)
        {
            dot.AppendLine("  internet [label=\"Internet\", shape=ellipse, fillcolor=\"#eeeeee\"];");
        }

        foreach (var service in gatewayServices)
        {
            dot.AppendLine($"  {Id("service", service)} [label={Quote($"{service}\n(regional service)")}, shape=ellipse, fillcolor=\"#eeeeee\"];");
        }

        // A transit gateway is regional: one node outside the VPCs, naming its route tables (the cross-VPC section has the paths).
        foreach (var gateway in routing.Transit.TransitGateways)
        {
            var tables = routing.Transit.RouteTables.Where(t => t.TransitGatewayId == gateway.Id).Select(t => t.ToString());
            dot.AppendLine($"  {Quote(gateway.Id)} [label={Quote($"transit gateway\n{gateway.Name}\n{string.Join("\n", tables)}")}, shape=doubleoctagon, fillcolor=\"#d4e6f1\"];");
        }

        var gatewayEndpointsInPlan = routing.Endpoints.Where(e => e.Type == EndpointInfo.GatewayLoadBalancerType).ToList();
        var targets = inventory.LoadBalancers.SelectMany(inventory.TargetsOf).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var vpc in routing.Vpcs)
        {
            dot.AppendLine();
            dot.AppendLine($"  subgraph {Id("cluster_vpc", vpc.Id)} {{");
            dot.AppendLine($"    label={Quote($"VPC {vpc.Name}\n{vpc.CidrBlock}")}; style=\"rounded\"; color=\"#232f3e\"; penwidth=1.5; fontsize=13;");
            foreach (var gateway in routing.InternetGateways.Where(g => g.VpcId == vpc.Id))
            {
                dot.AppendLine($"    {Quote(gateway.Id)} [label={Quote($"internet gateway\n{gateway.Name}")}, fillcolor=\"#f6d6a8\"];");
            }

            foreach (var endpoint in routing.Endpoints.Where(e => e.VpcId == vpc.Id && e.Type == EndpointInfo.GatewayType))
            {
                dot.AppendLine($"    {Quote(endpoint.Id)} [label={Quote($"{ServiceLabel(endpoint.ServiceName ?? "?")} gateway endpoint\n{endpoint.Name}")}, fillcolor=\"#c3e6cb\"];");
            }

            foreach (var loadBalancer in inventory.LoadBalancers.Where(l => l.SubnetIds.Any(s => routing.Subnets.Any(x => x.Id == s && x.VpcId == vpc.Id))))
            {
                dot.AppendLine($"    {Quote(loadBalancer.Id)} [label={Quote($"Gateway Load Balancer\n{loadBalancer.Name}")}, fillcolor=\"#d4b8e0\"];");
            }

            var subnets = routing.Subnets.Where(s => s.VpcId == vpc.Id).ToList();
            foreach (var zone in subnets.GroupBy(s => s.AvailabilityZone ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                dot.AppendLine($"    subgraph {Id("cluster_az", vpc.Id + zone.Key)} {{");
                dot.AppendLine($"      label={Quote(zone.Key)}; style=\"dashed,rounded\"; color=\"#879196\"; fontsize=11;");
                foreach (var subnet in zone.OrderBy(s => Array.IndexOf([.. Model.Addressing.Tiers.All], s.Tier ?? "")))
                {
                    var colour = TierColours.GetValueOrDefault(subnet.Tier ?? "", "#ffffff");
                    dot.AppendLine($"      {Quote(subnet.Id)} [label={Quote($"{labels.GetValueOrDefault(subnet.Id, subnet.Name)}\n{subnet.CidrBlock}")}, fillcolor=\"{colour}\"];");
                }

                foreach (var nat in routing.NatGateways.Where(n => n.SubnetId is not null && zoneOf.GetValueOrDefault(n.SubnetId) == zone.Key && subnets.Any(s => s.Id == n.SubnetId)))
                {
                    dot.AppendLine($"      {Quote(nat.Id)} [label={Quote($"NAT gateway nat-{Zones.Suffix(zone.Key)}\nin {labels.GetValueOrDefault(nat.SubnetId!, nat.SubnetId!)}")}, shape=octagon, fillcolor=\"#f6d6a8\"];");
                }

                foreach (var endpoint in gatewayEndpointsInPlan.Where(e => e.VpcId == vpc.Id && e.SubnetIds.Count > 0 && zoneOf.GetValueOrDefault(e.SubnetIds[0]) == zone.Key))
                {
                    dot.AppendLine($"      {Quote(endpoint.Id)} [label={Quote($"GWLB endpoint gwlbe-{Zones.Suffix(zone.Key)}\nin {labels.GetValueOrDefault(endpoint.SubnetIds[0], endpoint.SubnetIds[0])}")}, shape=hexagon, fillcolor=\"#f4b6b6\"];");
                }

                var interfaceEndpoints = routing.Endpoints
                    .Where(e => e.VpcId == vpc.Id && e.Type == EndpointInfo.InterfaceType && e.SubnetIds.Any(id => zoneOf.GetValueOrDefault(id) == zone.Key))
                    .ToList();
                if (interfaceEndpoints.Count > 0)
                {
                    var services = interfaceEndpoints.Select(e => Destination.ShortServiceName(e.ServiceName ?? e.Name)).Order(StringComparer.Ordinal).ToList();
                    var hosts = interfaceEndpoints.SelectMany(e => e.SubnetIds).Where(id => zoneOf.GetValueOrDefault(id) == zone.Key)
                        .Select(id => labels.GetValueOrDefault(id, id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                    dot.AppendLine($"      {Id("interfaces", vpc.Id + zone.Key)} [label={Quote($"interface endpoints ({services.Count}) in {string.Join(", ", hosts)}\n{Wrap(services, 4)}")}, shape=folder, fillcolor=\"#cfe2f3\"];");
                }

                var appliances = inventory.Instances.Where(i => i.SubnetId is not null && zoneOf.GetValueOrDefault(i.SubnetId) == zone.Key && subnets.Any(s => s.Id == i.SubnetId)).ToList();
                if (appliances.Count > 0)
                {
                    var types = string.Join(", ", appliances.GroupBy(a => a.InstanceType ?? "?").Select(g => $"{g.Count()} × {g.Key}"));
                    var what = appliances.All(a => targets.Contains(a.Id)) ? "appliances" : "instances";
                    dot.AppendLine($"      {Id("instances", vpc.Id + zone.Key)} [label={Quote($"{what}\n{types}")}, shape=component, fillcolor=\"#e1d5e7\"];");
                }

                dot.AppendLine("    }");
            }

            dot.AppendLine("  }");
        }

        // Edges point the way traffic goes; an edge against the layout's top-down order (internet at the top, the
        // private tiers at the bottom) is written the other way round with dir=back, so it keeps the layout tidy.
        dot.AppendLine();
        var rank = Ranks(routing, inventory);
        void Edge(string from, string to, string attributes)
        {
            var reverse = rank.GetValueOrDefault(to, 4) < rank.GetValueOrDefault(from, 4);
            dot.AppendLine(reverse
                ? $"  {to} -> {from} [dir=back, {attributes}];"
                : $"  {from} -> {to} [{attributes}];");
        }

        foreach (var gateway in routing.InternetGateways)
        {
            dot.AppendLine($"  internet -> {Quote(gateway.Id)} [dir=both, color=\"#e08a00\"];");
        }

        foreach (var endpoint in routing.Endpoints.Where(e => e.Type == EndpointInfo.GatewayType && e.ServiceName is not null))
        {
            dot.AppendLine($"  {Id("service", ServiceLabel(endpoint.ServiceName!))} -> {Quote(endpoint.Id)} [dir=back, style=dashed];");
        }

        foreach (var nat in routing.NatGateways.Where(n => n.SubnetId is not null))
        {
            dot.AppendLine($"  {Quote(nat.SubnetId!)} -> {Quote(nat.Id)} [style=invis];");
            var onward = Onward(routing, nat.SubnetId!);
            if (onward is not null)
            {
                Edge(Quote(nat.Id), Quote(onward), "label=\"0.0.0.0/0\", style=dashed, color=\"#e08a00\", fontcolor=\"#e08a00\"");
            }
        }

        foreach (var endpoint in gatewayEndpointsInPlan.Where(e => e.SubnetIds.Count > 0))
        {
            dot.AppendLine($"  {Quote(endpoint.SubnetIds[0])} -> {Quote(endpoint.Id)} [style=invis];");
        }

        // Routes: one arrow per subnet and target; several destinations to the same target share it.
        foreach (var subnet in routing.Subnets)
        {
            foreach (var target in routing.EffectiveRoutes(subnet.Id).Where(r => !r.IsLocal && r.Target.Id is not null).GroupBy(r => r.Target.Id!))
            {
                var destinations = string.Join("\n", target.Select(r => r.Destination.Kind == DestinationKind.PrefixList
                    ? $"{r.Destination.Text} ({ServiceLabel(r.Target.ServiceName ?? r.Destination.ServiceName ?? "?")})"
                    : r.Destination.Text));
                var colour = target.First().Target.Kind switch
                {
                    TargetKind.GatewayLoadBalancerEndpoint => "#c0392b",
                    TargetKind.NatGateway => "#e08a00",
                    TargetKind.GatewayEndpoint => "#2e7d32",
                    _ => "#555555",
                };
                Edge(Quote(subnet.Id), Quote(target.Key), $"label={Quote(destinations)}, color=\"{colour}\", fontcolor=\"{colour}\"");
            }
        }

        foreach (var edge in plan.Analysis.RouteTables.Edges)
        {
            foreach (var route in edge.Routes.Where(r => r.Target != "local"))
            {
                Edge(Quote(edge.GatewayId), Quote(route.Target), $"label={Quote($"edge route\n{route.Destination}")}, color=\"#1f5fa8\", fontcolor=\"#1f5fa8\", style=bold");
            }
        }

        foreach (var endpoint in gatewayEndpointsInPlan)
        {
            var service = inventory.EndpointServiceNamed(endpoint.ServiceName);
            var loadBalancer = service?.GatewayLoadBalancerArns.Select(inventory.LoadBalancerByArn).OfType<GatewayLoadBalancerInfo>().FirstOrDefault();
            if (loadBalancer is not null)
            {
                dot.AppendLine($"  {Quote(endpoint.Id)} -> {Quote(loadBalancer.Id)} [label=\"PrivateLink\", style=dashed, color=\"#8e44ad\", fontcolor=\"#8e44ad\", dir=both, constraint=false];");
            }
            else
            {
                var external = Id("external", endpoint.ServiceName ?? endpoint.Id);
                dot.AppendLine($"  {external} [label={Quote($"endpoint service\n{endpoint.ServiceName}\n(another stack)")}, shape=ellipse, fillcolor=\"#eeeeee\"];");
                dot.AppendLine($"  {Quote(endpoint.Id)} -> {external} [label=\"PrivateLink\", style=dashed, color=\"#8e44ad\", dir=both];");
            }
        }

        foreach (var loadBalancer in inventory.LoadBalancers)
        {
            foreach (var subnetId in loadBalancer.SubnetIds.Where(id => routing.Subnets.Any(s => s.Id == id)))
            {
                dot.AppendLine($"  {Quote(loadBalancer.Id)} -> {Quote(subnetId)} [style=invis];");
            }

            var targetZones = inventory.TargetsOf(loadBalancer)
                .Select(t => t.SubnetId is null ? null : routing.Subnets.FirstOrDefault(s => s.Id == t.SubnetId))
                .OfType<SubnetInfo>()
                .Select(s => (s.VpcId, Zone: s.AvailabilityZone ?? "?"))
                .Distinct();
            foreach (var (vpcId, zone) in targetZones)
            {
                dot.AppendLine($"  {Quote(loadBalancer.Id)} -> {Id("instances", vpcId + zone)} [label=\"GENEVE 6081\", color=\"#8e44ad\", fontcolor=\"#8e44ad\"];");
            }
        }

        foreach (var subnet in routing.Subnets)
        {
            var zone = subnet.AvailabilityZone ?? "?";
            var instances = Id("instances", subnet.VpcId + zone);
            if (inventory.Instances.Any(i => i.SubnetId == subnet.Id))
            {
                dot.AppendLine($"  {Quote(subnet.Id)} -> {instances} [style=invis];");
            }
        }

        foreach (var group in rank.GroupBy(r => r.Value).OrderBy(g => g.Key))
        {
            dot.AppendLine($"  {{ rank=same; {string.Join("; ", group.Select(r => r.Key))}; }}");
        }

        dot.AppendLine("}");
        return dot.ToString();
    }

    /// <summary>The layout row of each node: internet and services at the top, the private tiers and instances at the bottom.</summary>
    private static Dictionary<string, int> Ranks(RoutingModel routing, NetworkInventory inventory)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        if (routing.InternetGateways.Count > 0)
        {
            rank["internet"] = 0;
        }

        foreach (var gateway in routing.InternetGateways)
        {
            rank[Quote(gateway.Id)] = 1;
        }

        foreach (var service in routing.Endpoints.Where(e => e.Type == EndpointInfo.GatewayType && e.ServiceName is not null)
            .Select(e => ServiceLabel(e.ServiceName!)).Distinct(StringComparer.Ordinal))
        {
            rank[Id("service", service)] = 0;
        }

        var zoneOf = routing.Subnets.ToDictionary(s => s.Id, s => (s.VpcId, Zone: s.AvailabilityZone ?? "?"), StringComparer.Ordinal);
        foreach (var endpoint in routing.Endpoints)
        {
            switch (endpoint.Type)
            {
                case EndpointInfo.GatewayType:
                    rank[Quote(endpoint.Id)] = 1;
                    break;
                case EndpointInfo.GatewayLoadBalancerType:
                    rank[Quote(endpoint.Id)] = 3;
                    break;
                case EndpointInfo.InterfaceType:
                    foreach (var (vpcId, zone) in endpoint.SubnetIds.Where(zoneOf.ContainsKey).Select(id => zoneOf[id]))
                    {
                        rank[Id("interfaces", vpcId + zone)] = 4;
                    }

                    break;
            }
        }

        foreach (var instance in inventory.Instances.Where(i => i.SubnetId is not null && zoneOf.ContainsKey(i.SubnetId)))
        {
            var (vpcId, zone) = zoneOf[instance.SubnetId!];
            rank[Id("instances", vpcId + zone)] = 5;
        }

        foreach (var subnet in routing.Subnets)
        {
            rank[Quote(subnet.Id)] = subnet.Tier switch
            {
                "public" or "endpoint" => 2,
                _ => 4,
            };
        }

        foreach (var nat in routing.NatGateways)
        {
            rank[Quote(nat.Id)] = 3;
        }

        foreach (var loadBalancer in inventory.LoadBalancers)
        {
            rank[Quote(loadBalancer.Id)] = 3;
        }

        return rank;
    }

    private static string? Onward(RoutingModel routing, string subnetId)
    {
        var route = routing.Lookup(subnetId, ReachabilityAnalyzer.InternetProbeAddress);
        return route is null || route.IsLocal ? null : route.Target.Id;
    }

    private static string ServiceLabel(string serviceName) => Destination.ShortServiceName(serviceName) switch
    {
        "s3" => "S3",
        "dynamodb" => "DynamoDB",
        var other => other,
    };

    private static string Wrap(IReadOnlyList<string> items, int perLine) =>
        string.Join("\n", items.Chunk(perLine).Select(chunk => string.Join(", ", chunk)));

    private static string Id(string prefix, string key)
    {
        var clean = new StringBuilder(prefix).Append('_');
        foreach (var c in key)
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return clean.ToString();
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
