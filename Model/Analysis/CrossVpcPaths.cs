using System.Collections.Immutable;
using System.Net;
using Infra.Model.Addressing;
using Infra.Model.Routing;

namespace Infra.Model.Analysis;

/// <summary>What a step of a cross-VPC path is.</summary>
public enum PathStepKind
{
    /// <summary>A subnet whose route table decides the next hop (or that the traffic is delivered to).</summary>
    Subnet,

    /// <summary>A transit gateway attachment's network interface in one AZ (entering or leaving the gateway).</summary>
    TransitGatewayAttachment,

    /// <summary>The transit gateway route table associated with the attachment the traffic entered through.</summary>
    TransitGatewayRouteTable,

    /// <summary>A Gateway Load Balancer endpoint (the appliances behind it see the traffic).</summary>
    GatewayLoadBalancerEndpoint,

    /// <summary>A NAT gateway.</summary>
    NatGateway,

    /// <summary>An internet gateway.</summary>
    InternetGateway,
}

/// <summary>One step of a path.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">The resource id.</param>
/// <param name="Name">The logical name (the id when unnamed).</param>
/// <param name="Zone">The AZ the traffic is in at this step, when it has one.</param>
public sealed record PathStep(PathStepKind Kind, string Id, string Name, string? Zone)
{
    /// <summary><c>kind name (zone)</c>.</summary>
    public override string ToString() => Zone is null ? $"{Kind} {Name}" : $"{Kind} {Name} ({Zone})";
}

/// <summary>How a traced path ends.</summary>
public enum PathEnd
{
    /// <summary>Delivered to the subnet that holds the destination address (the last step).</summary>
    Delivered,

    /// <summary>Left through an internet gateway.</summary>
    Internet,

    /// <summary>Dropped by a transit gateway blackhole route.</summary>
    Blackhole,

    /// <summary>No route matches the destination (in a subnet's or a transit gateway route table).</summary>
    NoRoute,

    /// <summary>A subnet routes to the transit gateway, but the VPC's attachment has no interface in the subnet's
    /// AZ: AWS forwards only through an attachment interface in the same AZ.</summary>
    NoAttachmentInZone,

    /// <summary>The attachment the traffic entered through is associated with no transit gateway route table.</summary>
    NotAssociated,

    /// <summary>A target the tracer does not follow (peering, interface, unknown ids).</summary>
    Unsupported,

    /// <summary>The path revisits a step in the same AZ: a routing loop.</summary>
    Loop,
}

/// <summary>One possible path of a flow. A flow has several when the transit gateway may pick among AZs.</summary>
/// <param name="Steps">The steps, source subnet first.</param>
/// <param name="End">How it ends.</param>
/// <param name="PinnedZones">Appliance-mode attachment id → the AZ the flow is pinned to on this path.</param>
public sealed record TracedPath(ImmutableArray<PathStep> Steps, PathEnd End, ImmutableSortedDictionary<string, string> PinnedZones)
{
    /// <summary>The Gateway Load Balancer endpoints crossed, in order.</summary>
    public IReadOnlyList<PathStep> InspectionEndpoints => [.. Steps.Where(s => s.Kind == PathStepKind.GatewayLoadBalancerEndpoint)];

    /// <summary>The steps, one per line.</summary>
    public override string ToString() => $"{string.Join(" → ", Steps)} ⇒ {End}";
}

/// <summary>A flow there and its reply back, for one choice of the transit gateway's AZs.</summary>
/// <param name="Forward">The path from the source to the destination.</param>
/// <param name="Return">The reply's path back to the source.</param>
public sealed record RoundTrip(TracedPath Forward, TracedPath Return)
{
    /// <summary>Both directions arrive, and the reply crosses exactly the inspection endpoints the request crossed,
    /// in reverse order: a stateful appliance sees both halves of the connection.</summary>
    public bool IsSymmetric =>
        Forward.End is PathEnd.Delivered or PathEnd.Internet &&
        Return.End == PathEnd.Delivered &&
        Forward.InspectionEndpoints.Select(s => s.Id).SequenceEqual(Return.InspectionEndpoints.Select(s => s.Id).Reverse());

    /// <summary>Both directions cross at least one Gateway Load Balancer endpoint.</summary>
    public bool IsInspectedBothWays => Forward.InspectionEndpoints.Count > 0 && Return.InspectionEndpoints.Count > 0;
}

/// <summary>
/// Traces flows across VPCs: subnet route tables, transit gateway attachments and route tables, Gateway Load
/// Balancer endpoints, NAT and internet gateways, with the AZ the traffic is in at each step.
/// </summary>
/// <remarks>
/// How the transit gateway picks the AZ of the attachment interface a flow leaves through ("How Amazon VPC Transit
/// Gateways work", Availability Zones, https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html, and
/// "Example: Appliance in a shared services VPC", https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html):
/// <list type="bullet">
/// <item>Appliance mode off: the traffic stays in the AZ it entered the gateway in (AZ affinity), if the destination
/// attachment has an interface there; otherwise it may leave through any of the attachment's AZs (each is traced).</item>
/// <item>Appliance mode on: the gateway picks one interface of the attachment by a flow hash and keeps it for the life
/// of the flow, the reply included. The hash is unknown, so each AZ is traced as a separate path that pins the flow to
/// it; the reply of a <see cref="RoundTrip"/> reuses the pins of its request.</item>
/// </list>
/// Traffic leaving a GWLB endpoint (back from the appliances) is routed by the endpoint subnet's table; traffic a NAT
/// gateway forwards, by the NAT gateway subnet's table; traffic leaving an attachment interface, by that interface's
/// subnet's table. The reply of an internet flow starts at the NAT gateway that translated the request.
/// </remarks>
public sealed class CrossVpcPaths
{
    private const int MaxSteps = 64;
    private readonly RoutingModel _routing;

    /// <summary>Creates a tracer over a routing model.</summary>
    public CrossVpcPaths(RoutingModel routing)
    {
        ArgumentNullException.ThrowIfNull(routing);
        _routing = routing;
    }

    /// <summary>A host address inside a subnet (the fifth address, the first AWS does not reserve).</summary>
    public string HostIn(string subnet)
    {
        var info = _routing.Subnet(subnet);
        return Zones.HostAddress(info.CidrBlock ?? throw new InvalidOperationException($"Subnet {info.Name} has no CIDR block."));
    }

    /// <summary>Every path a flow from a subnet to an address may take.</summary>
    /// <param name="fromSubnet">The source subnet's id or logical name.</param>
    /// <param name="destinationAddress">The IPv4 destination.</param>
    /// <param name="pinnedZones">Appliance-mode pins the flow already has (the request's, for a reply).</param>
    public IReadOnlyList<TracedPath> Trace(string fromSubnet, string destinationAddress, IReadOnlyDictionary<string, string>? pinnedZones = null)
    {
        var subnet = _routing.Subnet(fromSubnet);
        var pins = pinnedZones?.ToImmutableSortedDictionary(StringComparer.Ordinal) ?? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
        var results = new List<TracedPath>();
        FromSubnet(subnet, IPAddress.Parse(destinationAddress), [], pins, results);
        return results;
    }

    /// <summary>
    /// The flow from a host of <paramref name="fromSubnet"/> to <paramref name="destinationAddress"/> and its reply,
    /// once per possible path of the request (and of the reply, where it may still pick an AZ).
    /// </summary>
    public IReadOnlyList<RoundTrip> RoundTrips(string fromSubnet, string destinationAddress)
    {
        var source = HostIn(fromSubnet);
        var trips = new List<RoundTrip>();
        foreach (var forward in Trace(fromSubnet, destinationAddress))
        {
            trips.AddRange(Replies(forward, source).Select(reply => new RoundTrip(forward, reply)));
        }

        return trips;
    }

    /// <summary>
    /// The paths a reply to <paramref name="forward"/> may take back to <paramref name="sourceAddress"/>, with the
    /// request's appliance-mode pins: from the subnet it was delivered to, or from the NAT gateway that translated it
    /// on its way to the internet. None when the request does not arrive (or reached the internet without NAT).
    /// </summary>
    public IReadOnlyList<TracedPath> Replies(TracedPath forward, string sourceAddress)
    {
        ArgumentNullException.ThrowIfNull(forward);
        var replies = new List<TracedPath>();
        var last = forward.Steps[^1];
        if (forward.End == PathEnd.Delivered)
        {
            FromSubnet(_routing.Subnet(last.Id), IPAddress.Parse(sourceAddress), [], forward.PinnedZones, replies);
        }
        else if (forward.End == PathEnd.Internet && forward.Steps.LastOrDefault(s => s.Kind == PathStepKind.NatGateway) is { } nat)
        {
            var natInfo = _routing.NatGateways.Single(n => n.Id == nat.Id);
            var natSubnet = _routing.Subnet(natInfo.SubnetId!);
            FromSubnet(natSubnet, IPAddress.Parse(sourceAddress), [nat], forward.PinnedZones, replies);
        }

        return replies;
    }

    private void FromSubnet(
        SubnetInfo subnet, IPAddress destination, ImmutableArray<PathStep> steps, ImmutableSortedDictionary<string, string> pins, List<TracedPath> results)
    {
        var zone = subnet.AvailabilityZone;
        var here = new PathStep(PathStepKind.Subnet, subnet.Id, subnet.Name, zone);
        if (steps.Contains(here) || steps.Length >= MaxSteps)
        {
            results.Add(new TracedPath(steps.Add(here), PathEnd.Loop, pins));
            return;
        }

        steps = steps.Add(here);
        var route = _routing.Lookup(subnet.Id, destination.ToString());
        if (route is null)
        {
            results.Add(new TracedPath(steps, PathEnd.NoRoute, pins));
            return;
        }

        var target = route.Target;
        switch (target.Kind)
        {
            case TargetKind.Local:
                var inside = _routing.Subnets.FirstOrDefault(s =>
                    s.VpcId == subnet.VpcId && Cidr.TryParse(s.CidrBlock, out var block) && block.Contains(destination));
                if (inside is null)
                {
                    results.Add(new TracedPath(steps, PathEnd.NoRoute, pins));
                }
                else
                {
                    var arrived = new PathStep(PathStepKind.Subnet, inside.Id, inside.Name, inside.AvailabilityZone);
                    results.Add(new TracedPath(inside.Id == subnet.Id ? steps : steps.Add(arrived), PathEnd.Delivered, pins));
                }

                return;

            case TargetKind.TransitGateway:
                EnterTransitGateway(subnet, target.Id!, destination, steps, pins, results);
                return;

            case TargetKind.GatewayLoadBalancerEndpoint:
                var endpoint = _routing.Endpoints.FirstOrDefault(e => e.Id == target.Id);
                var endpointSubnet = endpoint?.SubnetIds.Select(id => _routing.Subnets.FirstOrDefault(s => s.Id == id)).FirstOrDefault();
                if (endpoint is null || endpointSubnet is null)
                {
                    results.Add(new TracedPath(steps, PathEnd.Unsupported, pins));
                    return;
                }

                FromSubnet(endpointSubnet, destination, steps.Add(new PathStep(PathStepKind.GatewayLoadBalancerEndpoint, endpoint.Id, endpoint.Name, endpointSubnet.AvailabilityZone)), pins, results);
                return;

            case TargetKind.NatGateway:
                var nat = _routing.NatGateways.FirstOrDefault(n => n.Id == target.Id);
                var natSubnet = nat?.SubnetId is null ? null : _routing.Subnets.FirstOrDefault(s => s.Id == nat.SubnetId);
                if (nat is null || natSubnet is null)
                {
                    results.Add(new TracedPath(steps, PathEnd.Unsupported, pins));
                    return;
                }

                FromSubnet(natSubnet, destination, steps.Add(new PathStep(PathStepKind.NatGateway, nat.Id, nat.Name, natSubnet.AvailabilityZone)), pins, results);
                return;

            case TargetKind.InternetGateway:
                var gateway = _routing.InternetGateways.FirstOrDefault(g => g.Id == target.Id);
                results.Add(new TracedPath(steps.Add(new PathStep(PathStepKind.InternetGateway, target.Id!, gateway?.Name ?? target.Id!, null)), PathEnd.Internet, pins));
                return;

            default:
                results.Add(new TracedPath(steps, PathEnd.Unsupported, pins));
                return;
        }
    }

    private void EnterTransitGateway(
        SubnetInfo subnet, string transitGatewayId, IPAddress destination, ImmutableArray<PathStep> steps,
        ImmutableSortedDictionary<string, string> pins, List<TracedPath> results)
    {
        var transit = _routing.Transit;
        var attachment = transit.AttachmentsOfVpc(subnet.VpcId!).FirstOrDefault(a => a.TransitGatewayId == transitGatewayId);
        if (attachment is null)
        {
            results.Add(new TracedPath(steps, PathEnd.NoRoute, pins));
            return;
        }

        // Traffic reaches the gateway only through the attachment's interface in the subnet's own AZ
        // ("Amazon VPC attachments in AWS Transit Gateway", limits).
        var zone = subnet.AvailabilityZone;
        if (zone is null || transit.AttachmentSubnetIn(attachment, zone) is null)
        {
            results.Add(new TracedPath(steps, PathEnd.NoAttachmentInZone, pins));
            return;
        }

        steps = steps.Add(new PathStep(PathStepKind.TransitGatewayAttachment, attachment.Id, attachment.Name, zone));
        var table = transit.AssociatedRouteTable(attachment.Id);
        if (table is null)
        {
            results.Add(new TracedPath(steps, PathEnd.NotAssociated, pins));
            return;
        }

        steps = steps.Add(new PathStep(PathStepKind.TransitGatewayRouteTable, table.Id, table.Name ?? table.Id, null));
        var route = transit.Lookup(table.Id, destination.ToString());
        if (route is null || route.IsBlackhole)
        {
            results.Add(new TracedPath(steps, route is null ? PathEnd.NoRoute : PathEnd.Blackhole, pins));
            return;
        }

        var exit = transit.Attachments.FirstOrDefault(a => a.Id == route.AttachmentId);
        if (exit is null)
        {
            results.Add(new TracedPath(steps, PathEnd.Unsupported, pins));
            return;
        }

        foreach (var (exitZone, exitPins) in ExitZones(exit, zone, pins))
        {
            var exitSubnet = transit.AttachmentSubnetIn(exit, exitZone)!;
            FromSubnet(exitSubnet, destination, steps.Add(new PathStep(PathStepKind.TransitGatewayAttachment, exit.Id, exit.Name, exitZone)), exitPins, results);
        }
    }

    private IEnumerable<(string Zone, ImmutableSortedDictionary<string, string> Pins)> ExitZones(
        TransitGatewayAttachmentInfo exit, string entryZone, ImmutableSortedDictionary<string, string> pins)
    {
        var zones = _routing.Transit.ZonesOf(exit);
        if (exit.ApplianceMode)
        {
            // One interface per flow, chosen by a flow hash and kept for the reply.
            if (pins.TryGetValue(exit.Id, out var pinned) && zones.Contains(pinned))
            {
                return [(pinned, pins)];
            }

            return zones.Select(z => (z, pins.SetItem(exit.Id, z)));
        }

        // AZ affinity: stay in the AZ the traffic entered the gateway in, when the attachment is there.
        return zones.Contains(entryZone) ? [(entryZone, pins)] : zones.Select(z => (z, pins));
    }
}
