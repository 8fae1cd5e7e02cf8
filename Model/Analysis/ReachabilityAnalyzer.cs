using Infra.Model.Addressing;
using Infra.Model.Appliances;
using Infra.Model.Routing;

namespace Infra.Model.Analysis;

/// <summary>
/// What each subnet can reach, and by which path, worked out from the routing model: the internet, S3 and DynamoDB,
/// each interface endpoint's service, every other tier, and connections from the internet.
/// </summary>
/// <remarks>
/// The model, and what it assumes:
/// <list type="bullet">
/// <item>Routes: longest prefix match over each subnet's effective table (<see cref="RoutingModel"/>); prefix-list
/// routes only for the gateway services. A NAT gateway or GWLB endpoint hands the packet to the route table of its
/// own subnet; an internet gateway delivers public addresses only.</item>
/// <item>Inspection: a GWLB endpoint reaches the Gateway Load Balancer of the endpoint service it names (when that
/// service is in the stack), which needs a node in the endpoint's AZ, and the appliances registered in the target
/// groups of its listeners (instances registered one by one, or an Auto Scaling group's desired capacity spread over
/// its subnets): those of that AZ unless cross-zone load balancing is on. Only healthy targets count: their security
/// groups admit GENEVE and the health check port from the load balancer's subnet, and a pass-through appliance
/// (tag <see cref="ApplianceTags.Key"/>) answers the health check's protocol; a custom AMI is vouched for, untagged
/// appliances give an unknown verdict.</item>
/// <item>Interface endpoints: reached with private DNS from their own VPC, through the local route, when one of
/// their security groups admits TCP 443 from the source subnet's block. From another VPC the service is only
/// reachable over the internet.</item>
/// <item>Inbound: the internet gateway's edge route table (or, without one, the local route) takes the connection to
/// the subnet, and the subnet's replies must leave through the same internet gateway and the same GWLB endpoints;
/// replies through a NAT gateway cannot answer inbound connections.</item>
/// <item>Not modelled: network ACLs (the defaults allow everything), the workloads' own security groups (none is
/// part of the stack but the demo instance's), public IP assignment (noted, not checked), and anything past a
/// peering connection or network interface target (the verdict is then <see cref="Verdict.Unknown"/>).</item>
/// <item>Transit gateways: past a route to a transit gateway the path is traced by <see cref="CrossVpcPaths"/>
/// (attachments, their route tables, appliance mode), and checked hop by hop as above. Flows between VPCs attached to
/// the same transit gateway are the cross-VPC view's (<see cref="AnalyzeTransit"/>), VPC to VPC, not each subnet's.</item>
/// </list>
/// An availability zone loss is modelled by naming the lost zones: a hop whose zones are all lost breaks the flow.
/// </remarks>
public sealed partial class ReachabilityAnalyzer
{
    /// <summary>The address the analysis sends internet traffic to (TEST-NET-2, never inside a VPC).</summary>
    public const string InternetProbeAddress = "198.51.100.1";

    private const int MaxHops = 8;

    private static readonly IReadOnlySet<string> NoZones = new HashSet<string>(StringComparer.Ordinal);

    private readonly RoutingModel _routing;
    private readonly NetworkInventory _inventory;
    private readonly Dictionary<string, SubnetInfo> _subnets;
    private readonly Dictionary<string, SubnetRef> _refs;
    private readonly Dictionary<string, VpcInfo> _vpcs;
    private readonly Dictionary<string, EndpointInfo> _endpoints;
    private readonly Dictionary<(string Subnet, string Address), Route?> _lookups = [];
    private readonly Dictionary<(string LoadBalancer, string Target, string? Zone), string?> _unhealthy = [];
    private readonly Dictionary<string, IReadOnlyList<Route>> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Range?> _blocks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tierNames;
    private readonly Dictionary<string, string> _tierOfSubnet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SubnetInfo>> _subnetsOfTier = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hostAddresses = new(StringComparer.Ordinal);
    private readonly ILookup<string?, EndpointInfo> _interfaceEndpoints;

    private ReachabilityAnalyzer(RoutingModel routing, NetworkInventory inventory)
    {
        _routing = routing;
        _inventory = inventory;
        _vpcs = routing.Vpcs.ToDictionary(v => v.Id, StringComparer.Ordinal);
        _subnets = routing.Subnets.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _endpoints = routing.Endpoints.ToDictionary(e => e.Id, StringComparer.Ordinal);

        // A tier is named by itself when only one VPC has it, else by VPC and tier.
        var tiersByVpc = routing.Subnets.Where(s => s.Tier is not null).GroupBy(s => s.Tier!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.VpcId).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        _tierNames = routing.Subnets.Where(s => s.Tier is not null)
            .Select(s => (key: TierKey(s), name: tiersByVpc[s.Tier!] > 1 ? $"{VpcName(s.VpcId)}/{s.Tier}" : s.Tier!))
            .DistinctBy(t => t.key)
            .ToDictionary(t => t.key, t => t.name, StringComparer.Ordinal);

        foreach (var subnet in routing.Subnets.Where(s => s.Tier is not null).OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal))
        {
            var name = _tierNames[TierKey(subnet)];
            _tierOfSubnet[subnet.Id] = name;
            if (!_subnetsOfTier.TryGetValue(name, out var members))
            {
                _subnetsOfTier[name] = members = [];
            }

            members.Add(subnet);
        }

        _interfaceEndpoints = routing.Endpoints.Where(e => e.Type == EndpointInfo.InterfaceType).ToLookup(e => e.ServiceName, StringComparer.Ordinal);

        var ordered = routing.Subnets
            .OrderBy(s => TierOrder(s.Tier))
            .ThenBy(s => s.Tier, StringComparer.Ordinal)
            .ThenBy(s => VpcName(s.VpcId), StringComparer.Ordinal)
            .ThenBy(s => s.AvailabilityZone, StringComparer.Ordinal)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var labels = ordered.Select(s => s.Tier is null ? s.Name : $"{_tierNames[TierKey(s)]}-{Zones.Suffix(s.AvailabilityZone)}").ToList();
        var duplicated = labels.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        _refs = new Dictionary<string, SubnetRef>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            var s = ordered[i];
            _refs[s.Id] = new SubnetRef(
                s.Id, s.Name, duplicated.Contains(labels[i]) ? s.Name : labels[i], s.Tier, s.AvailabilityZone, s.CidrBlock, s.VpcId, VpcName(s.VpcId));
        }

        Subnets = [.. ordered.Select(s => _refs[s.Id])];
        AvailabilityZones = [.. routing.Subnets.Select(s => s.AvailabilityZone).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

        var region = routing.Endpoints.Select(e => e.ServiceName).OfType<string>()
            .Select(n => n.Split('.')).Where(p => p.Length > 3 && p[0] == "com" && p[1] == "amazonaws" && p[2] != "vpce")
            .Select(p => p[2]).FirstOrDefault();
        var interfaceServices = routing.Endpoints.Where(e => e.Type == EndpointInfo.InterfaceType && e.ServiceName is not null)
            .Select(e => e.ServiceName!)
            .Distinct(StringComparer.Ordinal)
            .Select(n => new FlowDestination(FlowKind.InterfaceService, Destination.ShortServiceName(n), n))
            .OrderBy(d => d.Name, StringComparer.Ordinal);
        var tiers = Subnets.Where(s => s.Tier is not null).Select(TierName).Distinct(StringComparer.Ordinal)
            .Select(t => new FlowDestination(FlowKind.Tier, t));
        Destinations =
        [
            FlowDestination.Internet,
            new FlowDestination(FlowKind.GatewayService, "S3", region is null ? null : $"com.amazonaws.{region}.s3"),
            new FlowDestination(FlowKind.GatewayService, "DynamoDB", region is null ? null : $"com.amazonaws.{region}.dynamodb"),
            .. interfaceServices,
            .. tiers,
            FlowDestination.FromInternet,
        ];
    }

    /// <summary>Every subnet, by tier (canonical order), VPC and AZ.</summary>
    public IReadOnlyList<SubnetRef> Subnets { get; }

    /// <summary>The AZs of the subnets, sorted.</summary>
    public IReadOnlyList<string> AvailabilityZones { get; }

    /// <summary>
    /// The destinations every subnet is checked against: internet, S3, DynamoDB, each interface service, each tier
    /// (a subnet's own tier is skipped), and inbound from the internet.
    /// </summary>
    public IReadOnlyList<FlowDestination> Destinations { get; }

    /// <summary>Builds the analyzer.</summary>
    public static ReachabilityAnalyzer Create(RoutingModel routing, NetworkInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(inventory);
        return new ReachabilityAnalyzer(routing, inventory);
    }

    /// <summary>Every flow of every subnet outside <paramref name="lostZones"/>, by subnet then destination.</summary>
    public IReadOnlyList<Flow> Analyze(IReadOnlySet<string>? lostZones = null)
    {
        var lost = lostZones ?? NoZones;
        var flows = new List<Flow>();
        foreach (var source in Subnets)
        {
            if (source.AvailabilityZone is not null && lost.Contains(source.AvailabilityZone))
            {
                continue;
            }

            foreach (var destination in Destinations)
            {
                if (destination.Kind == FlowKind.Tier &&
                    (destination.Name == TierName(source) || JoinedByTransitGateway(source.VpcId, _subnetsOfTier[destination.Name][0].VpcId)))
                {
                    continue;
                }

                flows.Add(Evaluate(source, destination, lost));
            }
        }

        return flows;
    }

    /// <summary>The subnet with this id, logical name or label.</summary>
    public SubnetRef Subnet(string idNameOrLabel) =>
        Subnets.FirstOrDefault(s => s.Id == idNameOrLabel || s.Name == idNameOrLabel || s.Label == idNameOrLabel)
        ?? throw new KeyNotFoundException($"No subnet has the id, name or label '{idNameOrLabel}'.");

    /// <summary>One flow.</summary>
    public Flow Evaluate(SubnetRef source, FlowDestination destination, IReadOnlySet<string>? lostZones = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        var lost = lostZones ?? NoZones;
        var subnet = _subnets[source.Id];
        return destination.Kind switch
        {
            FlowKind.Internet => Internet(source, subnet, destination, lost),
            FlowKind.GatewayService => GatewayService(source, subnet, destination, lost),
            FlowKind.InterfaceService => InterfaceService(source, subnet, destination, lost),
            FlowKind.Tier => Tier(source, subnet, destination, lost),
            _ => Inbound(source, subnet, destination, lost),
        };
    }

    private Flow Internet(SubnetRef source, SubnetInfo subnet, FlowDestination destination, IReadOnlySet<string> lost)
    {
        var trace = new Trace();
        var result = Walk(subnet, InternetProbeAddress, toInternet: true, null, lost, trace);
        NotePublicAddress(subnet, trace, result);
        return Finish(source, destination, result, trace);
    }

    private Flow GatewayService(SubnetRef source, SubnetInfo subnet, FlowDestination destination, IReadOnlySet<string> lost)
    {
        var shortName = destination.Name.ToLowerInvariant();
        var route = RoutesOf(subnet.Id).FirstOrDefault(r =>
            r.Destination.Kind == DestinationKind.PrefixList &&
            r.Target.Kind == TargetKind.GatewayEndpoint &&
            (r.Target.ServiceName ?? r.Destination.ServiceName) is { } service &&
            Destination.ShortServiceName(service) == shortName);
        var trace = new Trace();
        if (route is not null)
        {
            trace.Hops.Add(new PathHop(HopKind.GatewayEndpoint, "vpce (gateway)", route.Target.ResourceName, route.Target.Id, []));
            return Finish(source, destination, new WalkResult(WalkEnd.Delivered, ""), trace);
        }

        var result = Walk(subnet, InternetProbeAddress, toInternet: true, null, lost, trace);
        if (result.End == WalkEnd.Delivered)
        {
            trace.Notes.Add($"No {destination.Name} gateway endpoint route in this subnet's table: the traffic takes the internet path to the public {destination.Name} endpoint"
                + (trace.Hops.Any(h => h.Kind == HopKind.NatGateway) ? " and the NAT gateway bills it per GB." : "."));
            NotePublicAddress(subnet, trace, result);
            return Finish(source, destination, result, trace);
        }

        return Finish(source, destination, result with { Reason = $"no {destination.Name} gateway endpoint route, and {result.Reason}" }, trace);
    }

    private Flow InterfaceService(SubnetRef source, SubnetInfo subnet, FlowDestination destination, IReadOnlySet<string> lost)
    {
        var candidates = _interfaceEndpoints[destination.ServiceName].ToList();
        var endpoint = candidates.FirstOrDefault(e => e.VpcId == subnet.VpcId);
        var trace = new Trace();
        if (endpoint is null)
        {
            var viaInternet = Walk(subnet, InternetProbeAddress, toInternet: true, null, lost, trace);
            var where = candidates.Count > 0 ? $"the {destination.Name} interface endpoint is in VPC {VpcName(candidates[0].VpcId)}" : "no interface endpoint";
            if (viaInternet.End == WalkEnd.Delivered)
            {
                trace.Notes.Add($"Not through the interface endpoint ({where}): the traffic takes the internet path to the service's public endpoint.");
                NotePublicAddress(subnet, trace, viaInternet);
                return Finish(source, destination, viaInternet, trace);
            }

            return Finish(source, destination, viaInternet with { Reason = $"{viaInternet.Reason} ({where})" }, trace);
        }

        var interfaces = endpoint.SubnetIds.Select(id => _subnets.GetValueOrDefault(id)).OfType<SubnetInfo>().ToList();
        var hop = new PathHop(
            HopKind.InterfaceEndpoint,
            $"vpce-{destination.Name} (interface)",
            endpoint.Name,
            endpoint.Id,
            [.. interfaces.Select(s => s.AvailabilityZone).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        var live = interfaces.Where(s => s.AvailabilityZone is null || !lost.Contains(s.AvailabilityZone)).ToList();
        if (interfaces.Count == 0)
        {
            return Finish(source, destination, new WalkResult(WalkEnd.Stopped, $"interface endpoint {endpoint.Name} has no subnets"), trace);
        }

        if (live.Count == 0)
        {
            trace.LostHop = hop;
            return Finish(source, destination, new WalkResult(WalkEnd.Stopped, $"every network interface of {hop.Description} is in a lost AZ"), trace);
        }

        // Any live interface will do: the regional DNS name answers with all of them.
        var reached = false;
        var reason = "";
        foreach (var eni in live.OrderBy(s => s.AvailabilityZone == subnet.AvailabilityZone ? 0 : 1))
        {
            var probe = new Trace();
            var walk = eni.CidrBlock is null
                ? new WalkResult(WalkEnd.Unknown, $"subnet {eni.Name} has no CIDR block")
                : Walk(subnet, HostAddress(eni.CidrBlock), toInternet: false, eni.VpcId, lost, probe);
            if (walk.End == WalkEnd.Delivered)
            {
                trace.Hops.AddRange(probe.Hops.Where(h => h.Kind != HopKind.Local));
                reached = true;
                break;
            }

            reason = walk.Reason;
        }

        if (!reached)
        {
            return Finish(source, destination, new WalkResult(WalkEnd.Stopped, $"no route to the network interfaces of {endpoint.Name}: {reason}"), trace);
        }

        trace.Hops.Add(hop);
        var (admitted, why) = AdmitsHttps(endpoint, subnet);
        if (admitted != true)
        {
            return Finish(source, destination, new WalkResult(admitted is null ? WalkEnd.Unknown : WalkEnd.Stopped, why), trace);
        }

        if (!endpoint.PrivateDnsEnabled)
        {
            trace.Notes.Add($"Private DNS is off on {endpoint.Name}: clients must use the endpoint's own DNS name, the service's public name still resolves to the internet.");
        }

        return Finish(source, destination, new WalkResult(WalkEnd.Delivered, ""), trace);
    }

    private Flow Tier(SubnetRef source, SubnetInfo subnet, FlowDestination destination, IReadOnlySet<string> lost)
    {
        var targets = _subnetsOfTier.GetValueOrDefault(destination.Name) ?? [];
        var live = targets.Where(s => s.AvailabilityZone is null || !lost.Contains(s.AvailabilityZone)).ToList();
        var trace = new Trace();
        if (live.Count == 0)
        {
            trace.LostHop = new PathHop(HopKind.Subnet, destination.Name, null, null, [.. targets.Select(t => t.AvailabilityZone).OfType<string>()]);
            return Finish(source, destination, new WalkResult(WalkEnd.Stopped, $"every subnet of tier {destination.Name} is in a lost AZ"), trace);
        }

        WalkResult? first = null;
        var failures = new List<(SubnetInfo Target, WalkResult Result)>();
        foreach (var target in live)
        {
            var probe = new Trace();
            var result = target.CidrBlock is null
                ? new WalkResult(WalkEnd.Unknown, $"subnet {target.Name} has no CIDR block")
                : Walk(subnet, HostAddress(target.CidrBlock), toInternet: false, target.VpcId, lost, probe);
            if (result.End == WalkEnd.Delivered)
            {
                if (first is null)
                {
                    first = result;
                    trace.Hops.AddRange(probe.Hops);
                }
            }
            else
            {
                if (failures.Count == 0 && first is null)
                {
                    trace.Hops.AddRange(probe.Hops);
                    trace.LostHop = probe.LostHop;
                }

                failures.Add((target, result));
            }
        }

        if (failures.Count == 0)
        {
            return Finish(source, destination, first!.Value, trace);
        }

        var otherVpc = failures[0].Target.VpcId != subnet.VpcId && !AttachedVpcs.Contains(subnet.VpcId ?? "");
        var reason = otherVpc && failures[0].Result.End == WalkEnd.Stopped
            ? $"no route: tier {destination.Name} is in VPC {VpcName(failures[0].Target.VpcId)}, with no peering or transit gateway to it"
            : failures[0].Result.Reason;
        if (failures.Count < live.Count)
        {
            return Finish(
                source,
                destination,
                new WalkResult(WalkEnd.Unknown, $"only some subnets of tier {destination.Name}: {string.Join(", ", failures.Select(f => f.Target.Name))} not reached ({reason})"),
                trace);
        }

        return Finish(source, destination, failures[0].Result with { Reason = reason }, trace);
    }

    private Flow Inbound(SubnetRef source, SubnetInfo subnet, FlowDestination destination, IReadOnlySet<string> lost)
    {
        var trace = new Trace();
        var gateway = _routing.InternetGateways.FirstOrDefault(g => g.VpcId == subnet.VpcId);
        if (gateway is null)
        {
            return Finish(source, destination, new WalkResult(WalkEnd.Stopped, $"no internet gateway in VPC {VpcName(subnet.VpcId)}"), trace);
        }

        if (subnet.CidrBlock is null)
        {
            return Finish(source, destination, new WalkResult(WalkEnd.Unknown, $"subnet {subnet.Name} has no CIDR block"), trace);
        }

        var address = HostAddress(subnet.CidrBlock);
        trace.Hops.Add(GatewayHop(gateway));
        var edge = _routing.EdgeRoutes(gateway.Id);
        if (edge.Count > 0)
        {
            var route = LongestMatch(edge, address);
            if (route is null)
            {
                return Finish(source, destination, new WalkResult(WalkEnd.Stopped, $"the edge route table of {gateway.Name} has no route to {subnet.CidrBlock}"), trace);
            }

            if (route.Target.Kind == TargetKind.GatewayLoadBalancerEndpoint)
            {
                var (ok, endpointSubnet) = Inspect(route.Target.Id, lost, trace, out var stop);
                if (!ok)
                {
                    return Finish(source, destination, stop, trace);
                }

                var onward = Walk(endpointSubnet!, address, toInternet: false, subnet.VpcId, lost, trace);
                if (onward.End != WalkEnd.Delivered)
                {
                    return Finish(source, destination, onward, trace);
                }

                trace.Hops.RemoveAll(h => h.Kind == HopKind.Local);
            }
            else if (route.Target.Kind != TargetKind.Local)
            {
                return Finish(source, destination, new WalkResult(WalkEnd.Unknown, $"the edge route table sends {subnet.CidrBlock} to {route.Target} (not modelled)"), trace);
            }
        }

        trace.Hops.Add(new PathHop(HopKind.Subnet, source.Label, subnet.Name, subnet.Id, subnet.AvailabilityZone is null ? [] : [subnet.AvailabilityZone]));

        // Replies must leave the way the connection came in.
        var replies = new Trace();
        var back = Walk(subnet, InternetProbeAddress, toInternet: true, null, lost, replies);
        if (back.End != WalkEnd.Delivered)
        {
            trace.LostHop = replies.LostHop;
            var why = back.Reason == "no route" ? "no route back to the internet for the replies" : $"the replies cannot leave: {back.Reason}";
            return Finish(source, destination, back with { Reason = why }, trace);
        }

        if (replies.Hops.FirstOrDefault(h => h.Kind == HopKind.NatGateway) is { } nat)
        {
            return Finish(source, destination, new WalkResult(WalkEnd.Stopped, $"replies leave through {nat.Description}, which cannot answer connections from the internet"), trace);
        }

        var inward = trace.Hops.Where(h => h.Kind == HopKind.GatewayLoadBalancerEndpoint).Select(h => h.ResourceId).ToList();
        var outward = replies.Hops.Where(h => h.Kind == HopKind.GatewayLoadBalancerEndpoint).Select(h => h.ResourceId).ToList();
        if (!inward.SequenceEqual(outward))
        {
            var inText = inward.Count == 0 ? "directly" : $"through {string.Join(", ", trace.Hops.Where(h => h.Kind == HopKind.GatewayLoadBalancerEndpoint).Select(h => h.Label))}";
            var outText = outward.Count == 0 ? "directly" : $"through {string.Join(", ", replies.Hops.Where(h => h.Kind == HopKind.GatewayLoadBalancerEndpoint).Select(h => h.Label))}";
            return Finish(
                source,
                destination,
                new WalkResult(WalkEnd.Unknown, $"asymmetric: connections arrive {inText} but replies leave {outText}, which stateful appliances drop"),
                trace);
        }

        if (!subnet.MapPublicIpOnLaunch)
        {
            trace.Notes.Add("Instances need a public or Elastic IP address: the subnet assigns none at launch.");
        }

        return Finish(source, destination, new WalkResult(WalkEnd.Delivered, ""), trace);
    }

    private WalkResult Walk(SubnetInfo from, string address, bool toInternet, string? destinationVpcId, IReadOnlySet<string> lost, Trace trace)
    {
        var current = from;
        for (var step = 0; ; step++)
        {
            // A path crosses at most a NAT gateway and a GWLB endpoint or two; more hops than that is a loop.
            if (step > MaxHops)
            {
                return new WalkResult(WalkEnd.Unknown, $"routing loop through {current.Name}");
            }

            var route = Lookup(current.Id, address);
            if (route is null)
            {
                var onward = ReferenceEquals(current, from) ? "" : $" onward from {current.Name}";
                return new WalkResult(WalkEnd.Stopped, toInternet ? $"no route{onward}" : $"no route to {address}{onward}");
            }

            switch (route.Target.Kind)
            {
                case TargetKind.Local:
                    if (!toInternet && destinationVpcId == current.VpcId)
                    {
                        trace.Hops.Add(new PathHop(HopKind.Local, "local", null, null, []));
                        return new WalkResult(WalkEnd.Delivered, "");
                    }

                    return new WalkResult(WalkEnd.Stopped, "no route");

                case TargetKind.InternetGateway:
                    var gateway = _routing.InternetGateways.FirstOrDefault(g => g.Id == route.Target.Id);
                    if (gateway is null || gateway.VpcId != current.VpcId)
                    {
                        return new WalkResult(WalkEnd.Stopped, $"the route's internet gateway {route.Target.Id} is not attached to VPC {VpcName(current.VpcId)}");
                    }

                    trace.Hops.Add(GatewayHop(gateway));
                    return toInternet
                        ? new WalkResult(WalkEnd.Delivered, "")
                        : new WalkResult(WalkEnd.Stopped, "no route (the internet gateway does not route private addresses)");

                case TargetKind.NatGateway:
                    var nat = _routing.NatGateways.FirstOrDefault(n => n.Id == route.Target.Id);
                    if (nat?.SubnetId is null || !_subnets.TryGetValue(nat.SubnetId, out var natSubnet))
                    {
                        return new WalkResult(WalkEnd.Unknown, $"NAT gateway {route.Target.Id} is not among the resources");
                    }

                    var natHop = new PathHop(
                        HopKind.NatGateway, $"nat-{Zones.Suffix(natSubnet.AvailabilityZone)}", nat.Name, nat.Id,
                        natSubnet.AvailabilityZone is null ? [] : [natSubnet.AvailabilityZone]);
                    trace.Hops.Add(natHop);
                    if (natHop.IsLostWith(lost))
                    {
                        trace.LostHop = natHop;
                        return new WalkResult(WalkEnd.Stopped, $"{natHop.Description} is in a lost AZ");
                    }

                    if (toInternet && nat.ConnectivityType == "private")
                    {
                        return new WalkResult(WalkEnd.Stopped, $"{natHop.Description} is a private NAT gateway, which does not reach the internet");
                    }

                    current = natSubnet;
                    break;

                case TargetKind.GatewayLoadBalancerEndpoint:
                    var (ok, endpointSubnet) = Inspect(route.Target.Id, lost, trace, out var stop);
                    if (!ok)
                    {
                        return stop;
                    }

                    current = endpointSubnet!;
                    break;

                case TargetKind.TransitGateway:
                    return CrossTransitGateway(from, current, address, toInternet, destinationVpcId, lost, trace);

                default:
                    return new WalkResult(WalkEnd.Unknown, $"leaves through {route.Target} (not modelled)");
            }
        }
    }

    /// <summary>GWLB endpoint → Gateway Load Balancer → appliances; returns the endpoint's subnet to route on from.</summary>
    private (bool Ok, SubnetInfo? EndpointSubnet) Inspect(string? endpointId, IReadOnlySet<string> lost, Trace trace, out WalkResult stop)
    {
        stop = default;
        if (endpointId is null || !_endpoints.TryGetValue(endpointId, out var endpoint) ||
            endpoint.SubnetIds.Count == 0 || !_subnets.TryGetValue(endpoint.SubnetIds[0], out var endpointSubnet))
        {
            stop = new WalkResult(WalkEnd.Unknown, $"GWLB endpoint {endpointId} or its subnet is not among the resources");
            return (false, null);
        }

        var zone = endpointSubnet.AvailabilityZone;
        var endpointHop = new PathHop(
            HopKind.GatewayLoadBalancerEndpoint, $"gwlbe-{Zones.Suffix(zone)}", endpoint.Name, endpoint.Id, zone is null ? [] : [zone]);
        trace.Hops.Add(endpointHop);
        if (endpointHop.IsLostWith(lost))
        {
            trace.LostHop = endpointHop;
            stop = new WalkResult(WalkEnd.Stopped, $"{endpointHop.Description} is in a lost AZ");
            return (false, null);
        }

        var service = _inventory.EndpointServiceNamed(endpoint.ServiceName);
        if (service is null)
        {
            trace.Hops.Add(new PathHop(HopKind.External, "GWLB (another stack)", endpoint.ServiceName, null, []));
            trace.Notes.Add($"The Gateway Load Balancer behind {endpoint.ServiceName} belongs to another stack: its zones and appliances are not checked here.");
            return (true, endpointSubnet);
        }

        var loadBalancer = service.GatewayLoadBalancerArns.Select(_inventory.LoadBalancerByArn).OfType<GatewayLoadBalancerInfo>().FirstOrDefault();
        if (loadBalancer is null)
        {
            stop = new WalkResult(WalkEnd.Unknown, $"endpoint service {service.Name} publishes no Gateway Load Balancer of this stack");
            return (false, null);
        }

        var nodeZones = loadBalancer.SubnetIds.Select(id => _subnets.GetValueOrDefault(id)?.AvailabilityZone).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (zone is null || !nodeZones.Contains(zone))
        {
            stop = new WalkResult(WalkEnd.Stopped, $"Gateway Load Balancer {loadBalancer.Name} has no node in {zone}, the AZ of {endpoint.Name}");
            return (false, null);
        }

        trace.Hops.Add(new PathHop(HopKind.GatewayLoadBalancer, "GWLB", loadBalancer.Name, loadBalancer.Id, [zone]));
        var targets = _inventory.TargetsOf(loadBalancer)
            .Select(t => (target: t, zone: t.SubnetId is null ? null : _subnets.GetValueOrDefault(t.SubnetId)?.AvailabilityZone))
            .ToList();
        var eligible = loadBalancer.CrossZone ? targets : [.. targets.Where(t => t.zone == zone)];
        if (eligible.Count == 0)
        {
            stop = new WalkResult(
                WalkEnd.Stopped,
                targets.Count == 0
                    ? $"no appliance is registered behind Gateway Load Balancer {loadBalancer.Name}"
                    : $"no appliance in {zone} behind {loadBalancer.Name}, and cross-zone load balancing is off");
            return (false, null);
        }

        var failures = eligible.Select(t => (t.target, t.zone, why: WhyUnhealthyCached(loadBalancer, t.target, t.zone))).ToList();
        var healthy = failures.Where(f => f.why is null).Select(f => (f.target, f.zone)).ToList();
        if (healthy.Count == 0)
        {
            stop = new WalkResult(WalkEnd.Stopped, $"no appliance behind {loadBalancer.Name} would be healthy, so the target group has no target to send to: {failures[0].why}");
            return (false, null);
        }

        // An Auto Scaling group replaces an appliance lost with its zone in another of its zones, which the load
        // balancer can use only when cross-zone load balancing is on.
        var zones = healthy.SelectMany(t => loadBalancer.CrossZone && _inventory.AutoScalingGroupNamed(t.target.AutoScalingGroup) is { } group
                ? group.SubnetIds.Select(id => _subnets.GetValueOrDefault(id)?.AvailabilityZone)
                : [t.zone])
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var appliances = new PathHop(HopKind.Appliances, "appliances", string.Join(", ", healthy.Select(t => t.target.Name)), null, [.. zones]);
        trace.Hops.Add(appliances);
        if (appliances.IsLostWith(lost))
        {
            trace.LostHop = appliances;
            stop = new WalkResult(WalkEnd.Stopped, $"every appliance behind {loadBalancer.Name} that {endpoint.Name} can use is in a lost AZ");
            return (false, null);
        }

        var software = healthy.Select(t => t.target.Appliance).Distinct(StringComparer.Ordinal).ToList();
        if (software.Contains(null))
        {
            stop = new WalkResult(
                WalkEnd.Unknown,
                $"what the appliances behind {loadBalancer.Name} run is not known, so whether they return GENEVE traffic is not either (tag them {ApplianceTags.Key}={ApplianceTags.PassThrough} or {ApplianceTags.Custom})");
            return (false, null);
        }

        if (software.Contains(ApplianceTags.PassThrough))
        {
            AddOnce(trace.Notes, "Inspected by the pass-through default appliance: it returns every packet to the Gateway Load Balancer and inspects nothing (set inspection.applianceAmi to a firewall).");
        }

        if (software.Contains(ApplianceTags.Custom))
        {
            AddOnce(trace.Notes, "Inspected by a custom appliance AMI the stack vouches for: the plan cannot check that it answers the health check and returns the GENEVE traffic.");
        }

        return (true, endpointSubnet);
    }

    /// <summary>
    /// <see cref="WhyUnhealthy"/>, once per load balancer, appliance and zone: it depends on nothing else, and every
    /// inspected flow of every walk (the AZ-loss analysis's too) asks it again.
    /// </summary>
    private string? WhyUnhealthyCached(GatewayLoadBalancerInfo loadBalancer, InstanceInfo target, string? zone)
    {
        var key = (loadBalancer.Id, target.Id, zone);
        if (!_unhealthy.TryGetValue(key, out var why))
        {
            why = WhyUnhealthy(loadBalancer, target, zone);
            _unhealthy[key] = why;
        }

        return why;
    }

    /// <summary>
    /// Why the target group would mark an appliance unhealthy, or drop its traffic: its security groups must admit
    /// GENEVE (UDP 6081) and the health check port from the load balancer's node in its zone (a Gateway Load Balancer
    /// has no security group; its nodes use addresses of their subnets), and the pass-through appliance answers only
    /// the health check protocols it serves. Null when nothing stands in the way.
    /// </summary>
    private string? WhyUnhealthy(GatewayLoadBalancerInfo loadBalancer, InstanceInfo target, string? zone)
    {
        var nodes = loadBalancer.SubnetIds.Select(id => _subnets.GetValueOrDefault(id)).OfType<SubnetInfo>().Where(s => s.CidrBlock is not null).ToList();
        var node = nodes.FirstOrDefault(s => s.AvailabilityZone == zone) ?? nodes.FirstOrDefault();
        var targetGroups = _inventory.TargetGroupsOf(loadBalancer);
        var check = targetGroups.Count > 0 ? targetGroups[0] : null;
        var groups = target.SecurityGroupIds ?? [];
        if (groups.Count == 0)
        {
            return $"{target.Name} has no security group, so it gets the VPC's default group, which admits neither GENEVE nor the health check";
        }

        if (node is not null)
        {
            var rules = groups.SelectMany(_inventory.IngressRulesOf).Where(r => r.CidrIpv4 is not null && Block(r.CidrIpv4) is { } block && Block(node.CidrBlock!) is { } from && block.Contains(from)).ToList();
            if (!rules.Any(r => r.CoversUdp(PassThroughAppliance.GenevePort)))
            {
                return $"no security group rule of {target.Name} admits GENEVE (UDP {PassThroughAppliance.GenevePort}) from the load balancer's subnet {node.CidrBlock}";
            }

            if (check is { HealthCheckEnabled: true } && !rules.Any(r => r.CoversTcp(check.HealthCheckPort)))
            {
                return $"no security group rule of {target.Name} admits the health check (TCP {check.HealthCheckPort}) from the load balancer's subnet {node.CidrBlock}";
            }
        }

        if (check is { HealthCheckEnabled: true } && target.Appliance == ApplianceTags.PassThrough &&
            !PassThroughAppliance.HealthCheckProtocols.Contains(check.HealthCheckProtocol))
        {
            var answered = PassThroughAppliance.HealthCheckProtocols;
            return $"the pass-through appliance answers {string.Join(", ", answered.Take(answered.Count - 1))} and {answered[^1]} health checks, not the {check.HealthCheckProtocol} check of target group {check.Name}";
        }

        return null;
    }

    private static void AddOnce(List<string> notes, string note)
    {
        if (!notes.Contains(note))
        {
            notes.Add(note);
        }
    }

    private (bool? Admitted, string Reason) AdmitsHttps(EndpointInfo endpoint, SubnetInfo source)
    {
        if (endpoint.SecurityGroupIds.Count == 0)
        {
            return (false, $"{endpoint.Name} has no security group, so it gets the VPC's default group, which admits only its own members");
        }

        var rules = endpoint.SecurityGroupIds.SelectMany(_inventory.IngressRulesOf).Where(r => r.CoversTcp(443)).ToList();
        if (source.CidrBlock is not null && rules.Any(r => r.CidrIpv4 is not null && Block(r.CidrIpv4) is { } block && Block(source.CidrBlock) is { } from && block.Contains(from)))
        {
            return (true, "");
        }

        if (rules.Any(r => r.OtherSource is not null))
        {
            return (null, $"the security groups of {endpoint.Name} admit HTTPS only from {string.Join(", ", rules.Select(r => r.OtherSource).OfType<string>())}, which depends on the client");
        }

        return (false, $"no security group rule of {endpoint.Name} admits HTTPS (TCP 443) from {source.CidrBlock}");
    }

    private IReadOnlyList<Route> RoutesOf(string subnetId)
    {
        if (!_routes.TryGetValue(subnetId, out var routes))
        {
            routes = _routing.EffectiveRoutes(subnetId);
            _routes[subnetId] = routes;
        }

        return routes;
    }

    private Route? Lookup(string subnetId, string address)
    {
        if (!_lookups.TryGetValue((subnetId, address), out var route))
        {
            route = LongestMatch(RoutesOf(subnetId), address);
            _lookups[(subnetId, address)] = route;
        }

        return route;
    }

    private Route? LongestMatch(IEnumerable<Route> routes, string address)
    {
        if (Block(address + "/32") is not { } ip)
        {
            return null;
        }

        Route? best = null;
        var bestLength = -1;
        foreach (var route in routes)
        {
            if (route.Destination.Kind == DestinationKind.Cidr && Block(route.Destination.Text) is { } block &&
                block.Prefix > bestLength && block.Contains(ip))
            {
                best = route;
                bestLength = block.Prefix;
            }
        }

        return best;
    }

    /// <summary>A parsed IPv4 block, cached: the analysis compares the same few blocks many times.</summary>
    private Range? Block(string text)
    {
        if (!_blocks.TryGetValue(text, out var block))
        {
            block = Cidr.TryParse(text, out var parsed, out _)
                ? new Range(parsed.First, parsed.PrefixLength == 0 ? uint.MaxValue : parsed.First + (uint)((1L << (32 - parsed.PrefixLength)) - 1), parsed.PrefixLength)
                : null;
            _blocks[text] = block;
        }

        return block;
    }

    private static PathHop GatewayHop(InternetGatewayInfo gateway) => new(HopKind.InternetGateway, "igw", gateway.Name, gateway.Id, []);

    private static void NotePublicAddress(SubnetInfo subnet, Trace trace, WalkResult result)
    {
        if (result.End == WalkEnd.Delivered && !subnet.MapPublicIpOnLaunch && trace.Hops.Count > 0 &&
            trace.Hops[^1].Kind == HopKind.InternetGateway && !trace.Hops.Any(h => h.Kind == HopKind.NatGateway))
        {
            trace.Notes.Add("Instances need a public or Elastic IP address to use the internet gateway: the subnet assigns none at launch.");
        }
    }

    private static Flow Finish(SubnetRef source, FlowDestination destination, WalkResult result, Trace trace)
    {
        var verdict = result.End switch
        {
            WalkEnd.Delivered => Verdict.Reachable,
            WalkEnd.Stopped => Verdict.Unreachable,
            _ => Verdict.Unknown,
        };
        return new Flow(source, destination, verdict, [.. trace.Hops], result.Reason, [.. trace.Notes], verdict == Verdict.Reachable ? null : trace.LostHop);
    }

    private static int TierOrder(string? tier)
    {
        var index = tier is null ? -1 : Tiers.All.ToList().IndexOf(tier);
        return index < 0 ? int.MaxValue : index;
    }

    private static string TierKey(SubnetInfo subnet) => $"{subnet.VpcId}/{subnet.Tier}";

    private string TierName(SubnetRef subnet) => _tierOfSubnet.GetValueOrDefault(subnet.Id) ?? subnet.Name;

    private string HostAddress(string cidr)
    {
        if (!_hostAddresses.TryGetValue(cidr, out var address))
        {
            address = Zones.HostAddress(cidr);
            _hostAddresses[cidr] = address;
        }

        return address;
    }

    private string VpcName(string? vpcId) => vpcId is not null && _vpcs.TryGetValue(vpcId, out var vpc) ? vpc.Name : vpcId ?? "(unknown)";

    private enum WalkEnd
    {
        Delivered,
        Stopped,
        Unknown,
    }

    private readonly record struct WalkResult(WalkEnd End, string Reason);

    /// <summary>An IPv4 block as its first and last address.</summary>
    private readonly record struct Range(uint First, uint Last, int Prefix)
    {
        public bool Contains(Range other) => other.First >= First && other.Last <= Last;
    }

    private sealed class Trace
    {
        public List<PathHop> Hops { get; } = [];

        public List<string> Notes { get; } = [];

        public PathHop? LostHop { get; set; }
    }
}
