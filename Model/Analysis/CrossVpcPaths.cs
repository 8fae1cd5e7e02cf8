using System.Collections.Immutable;
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
    /// <summary>When the path was made by joining: the steps before <see cref="Tail"/> (<see cref="Steps"/> is both).</summary>
    internal ImmutableArray<PathStep> Head { get; init; } = [];

    /// <summary>When the path was made by joining: the shared path it ends with, which callers may evaluate once.</summary>
    internal TracedPath? Tail { get; init; }

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
    private static readonly ImmutableSortedDictionary<string, string> NoPins = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    private readonly RoutingModel _routing;
    private readonly Dictionary<string, SubnetInfo> _subnets;
    private readonly Dictionary<string, EndpointInfo> _endpoints;
    private readonly Dictionary<string, NatGatewayInfo> _nats;
    private readonly Dictionary<string, InternetGatewayInfo> _internetGateways;
    private readonly Dictionary<string, TransitGatewayAttachmentInfo> _attachments;
    private readonly Dictionary<string, Block<SubnetInfo>[]> _subnetBlocksOfVpc;
    private readonly Dictionary<string, Block<Route>[]> _subnetRoutes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Block<TransitRoute>[]> _transitRoutes = new(StringComparer.Ordinal);
    private readonly Dictionary<SuffixKey, IReadOnlyList<TracedPath>> _suffixes = [];
    private readonly List<Frame> _inProgress = [];
    private readonly Dictionary<(string Vpc, string Gateway), TransitGatewayAttachmentInfo?> _attachmentOfVpc = [];
    private readonly Dictionary<string, TransitGatewayRouteTableInfo?> _associatedTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _zonesOfAttachment = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Attachment, string Zone), SubnetInfo?> _attachmentSubnet = [];
    private readonly Dictionary<string, uint> _addresses = new(StringComparer.Ordinal);
    private readonly Dictionary<ImmutableSortedDictionary<string, string>, string> _pinKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Pins, string Attachment, string Zone), ImmutableSortedDictionary<string, string>> _pinned = [];
    private readonly Dictionary<(string Attachment, string Zone), PathStep> _attachmentSteps = [];
    private readonly Dictionary<string, PathStep> _tableSteps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PathStep> _subnetSteps = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Subnet, string Gateway), TransitEntry> _entries = [];
    private readonly Dictionary<(string Subnet, TransitRoute Route, ImmutableSortedDictionary<string, string> Pins), TransitExit[]?> _exits = [];

    /// <summary>Creates a tracer over a routing model.</summary>
    public CrossVpcPaths(RoutingModel routing)
    {
        ArgumentNullException.ThrowIfNull(routing);
        _routing = routing;
        _subnets = routing.Subnets.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _endpoints = routing.Endpoints.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _nats = routing.NatGateways.ToDictionary(n => n.Id, StringComparer.Ordinal);
        _internetGateways = routing.InternetGateways.ToDictionary(g => g.Id, StringComparer.Ordinal);
        _attachments = routing.Transit.Attachments.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _subnetBlocksOfVpc = routing.Subnets
            .Where(s => s.VpcId is not null)
            .GroupBy(s => s.VpcId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => Block<SubnetInfo>.Of(s.CidrBlock, s)).OfType<Block<SubnetInfo>>().ToArray(), StringComparer.Ordinal);
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
        var subnet = _subnets.TryGetValue(fromSubnet, out var byId) ? byId : _routing.Subnet(fromSubnet);
        var pins = pinnedZones?.ToImmutableSortedDictionary(StringComparer.Ordinal) ?? NoPins;
        var results = new List<TracedPath>();
        results.AddRange(Suffixes(subnet, Address(destinationAddress), pins, remember: false));
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
            replies.AddRange(Suffixes(_subnets[last.Id], Address(sourceAddress), forward.PinnedZones, remember: false));
        }
        else if (forward.End == PathEnd.Internet && forward.Steps.LastOrDefault(s => s.Kind == PathStepKind.NatGateway) is { } nat)
        {
            var natSubnet = _subnets[_nats[nat.Id].SubnetId!];
            FromSubnet(natSubnet, Address(sourceAddress), [nat], forward.PinnedZones, replies);
        }

        return replies;
    }

    /// <summary>
    /// The paths from <paramref name="subnet"/> on, after <paramref name="steps"/>. What happens from a subnet on depends
    /// only on the subnet, the destination and the pins, so it is traced once and joined to every way of getting
    /// there: spokes' flows through the inspection VPC share that part.
    /// </summary>
    private void FromSubnet(SubnetInfo subnet, uint destination, ImmutableArray<PathStep> steps, ImmutableSortedDictionary<string, string> pins, List<TracedPath> results)
    {
        foreach (var suffix in Suffixes(subnet, destination, pins))
        {
            results.Add(Join(steps, suffix));
        }
    }

    /// <summary>
    /// <paramref name="suffix"/> after <paramref name="prefix"/>; when the suffix revisits a subnet the prefix went
    /// through, the path ends there as a loop.
    /// </summary>
    private static TracedPath Join(ImmutableArray<PathStep> prefix, TracedPath suffix)
    {
        if (prefix.IsEmpty)
        {
            return suffix;
        }

        for (var i = 0; i < suffix.Steps.Length; i++)
        {
            var step = suffix.Steps[i];
            if (step.Kind == PathStepKind.Subnet && prefix.Contains(step))
            {
                return new TracedPath(prefix.AddRange(suffix.Steps.AsSpan(0, i + 1)), PathEnd.Loop, suffix.PinnedZones);
            }
        }

        return new TracedPath(prefix.AddRange(suffix.Steps), suffix.End, suffix.PinnedZones) { Head = prefix, Tail = suffix };
    }

    /// <param name="subnet">Where the paths start.</param>
    /// <param name="destination">The destination address.</param>
    /// <param name="pins">The appliance-mode pins so far.</param>
    /// <param name="remember">Keep the result for later calls (false for where a trace starts: a flow's own source
    /// subnet and destination are seldom asked for again, the parts past it are).</param>
    private IReadOnlyList<TracedPath> Suffixes(SubnetInfo subnet, uint destination, ImmutableSortedDictionary<string, string> pins, bool remember = true)
    {
        var key = new SuffixKey(subnet.Id, destination, PinsKey(pins));
        if (_suffixes.TryGetValue(key, out var known))
        {
            return known;
        }

        var here = SubnetStep(subnet);
        var open = _inProgress.FindIndex(f => f.Key == key);
        if (open >= 0)
        {
            // A loop back to a subnet whose paths are being traced: what follows from the frames above it depends on
            // how they were reached, so they are not kept.
            for (var i = open + 1; i < _inProgress.Count; i++)
            {
                _inProgress[i].Tainted = true;
            }

            return [new TracedPath([here], PathEnd.Loop, pins)];
        }

        var frame = new Frame(key);
        _inProgress.Add(frame);
        var results = new List<TracedPath>();
        Step(subnet, here, destination, pins, results);
        _inProgress.RemoveAt(_inProgress.Count - 1);
        if (remember && !frame.Tainted)
        {
            _suffixes[key] = results;
        }

        return results;
    }

    private void Step(SubnetInfo subnet, PathStep here, uint destination, ImmutableSortedDictionary<string, string> pins, List<TracedPath> results)
    {
        ImmutableArray<PathStep> steps = [here];
        var route = Lookup(_subnetRoutes, subnet.Id, () => _routing.EffectiveRoutes(subnet.Id).Where(r => r.Destination.Kind == DestinationKind.Cidr), r => r.Destination.Text, destination);
        if (route is null)
        {
            results.Add(new TracedPath(steps, PathEnd.NoRoute, pins));
            return;
        }

        var target = route.Target;
        switch (target.Kind)
        {
            case TargetKind.Local:
                var inside = subnet.VpcId is not null && _subnetBlocksOfVpc.TryGetValue(subnet.VpcId, out var blocks)
                    ? Array.Find(blocks, b => b.Contains(destination))?.Value
                    : null;
                if (inside is null)
                {
                    results.Add(new TracedPath(steps, PathEnd.NoRoute, pins));
                }
                else
                {
                    var arrived = SubnetStep(inside);
                    results.Add(new TracedPath(inside.Id == subnet.Id ? steps : steps.Add(arrived), PathEnd.Delivered, pins));
                }

                return;

            case TargetKind.TransitGateway:
                EnterTransitGateway(subnet, target.Id!, destination, steps, pins, results);
                return;

            case TargetKind.GatewayLoadBalancerEndpoint:
                var endpoint = target.Id is null ? null : _endpoints.GetValueOrDefault(target.Id);
                var endpointSubnet = endpoint?.SubnetIds.Select(id => _subnets.GetValueOrDefault(id)).FirstOrDefault();
                if (endpoint is null || endpointSubnet is null)
                {
                    results.Add(new TracedPath(steps, PathEnd.Unsupported, pins));
                    return;
                }

                FromSubnet(endpointSubnet, destination, steps.Add(new PathStep(PathStepKind.GatewayLoadBalancerEndpoint, endpoint.Id, endpoint.Name, endpointSubnet.AvailabilityZone)), pins, results);
                return;

            case TargetKind.NatGateway:
                var nat = target.Id is null ? null : _nats.GetValueOrDefault(target.Id);
                var natSubnet = nat?.SubnetId is null ? null : _subnets.GetValueOrDefault(nat.SubnetId);
                if (nat is null || natSubnet is null)
                {
                    results.Add(new TracedPath(steps, PathEnd.Unsupported, pins));
                    return;
                }

                FromSubnet(natSubnet, destination, steps.Add(new PathStep(PathStepKind.NatGateway, nat.Id, nat.Name, natSubnet.AvailabilityZone)), pins, results);
                return;

            case TargetKind.InternetGateway:
                var gateway = target.Id is null ? null : _internetGateways.GetValueOrDefault(target.Id);
                results.Add(new TracedPath(steps.Add(new PathStep(PathStepKind.InternetGateway, target.Id!, gateway?.Name ?? target.Id!, null)), PathEnd.Internet, pins));
                return;

            default:
                results.Add(new TracedPath(steps, PathEnd.Unsupported, pins));
                return;
        }
    }

    private void EnterTransitGateway(
        SubnetInfo subnet, string transitGatewayId, uint destination, ImmutableArray<PathStep> steps,
        ImmutableSortedDictionary<string, string> pins, List<TracedPath> results)
    {
        if (!_entries.TryGetValue((subnet.Id, transitGatewayId), out var entry))
        {
            entry = Entry(subnet, transitGatewayId, steps);
            _entries[(subnet.Id, transitGatewayId)] = entry;
        }

        if (entry.End is { } end)
        {
            results.Add(new TracedPath(entry.Steps, end, pins));
            return;
        }

        var table = entry.Table!;
        var route = Lookup(_transitRoutes, table.Id, () => _routing.Transit.RoutesOfTable(table.Id), r => r.Destination, destination);
        if (route is null || route.IsBlackhole)
        {
            results.Add(new TracedPath(entry.Steps, route is null ? PathEnd.NoRoute : PathEnd.Blackhole, pins));
            return;
        }

        if (!_exits.TryGetValue((subnet.Id, route, pins), out var exits))
        {
            var exit = _attachments.GetValueOrDefault(route.AttachmentId!);
            exits = exit is null
                ? null
                : [.. ExitZones(exit, entry.Zone!, pins).Select(z => new TransitExit(AttachmentSubnetIn(exit, z.Zone)!, entry.Steps.Add(AttachmentStep(exit, z.Zone)), z.Pins))];
            _exits[(subnet.Id, route, pins)] = exits;
        }

        if (exits is null)
        {
            results.Add(new TracedPath(entry.Steps, PathEnd.Unsupported, pins));
            return;
        }

        foreach (var exit in exits)
        {
            FromSubnet(exit.Subnet, destination, exit.Steps, exit.Pins, results);
        }
    }

    /// <summary>
    /// The way from a subnet into a transit gateway, up to its route table, or where it ends before: the same for
    /// every destination, so it is worked out once per subnet and gateway.
    /// </summary>
    private TransitEntry Entry(SubnetInfo subnet, string transitGatewayId, ImmutableArray<PathStep> steps)
    {
        var transit = _routing.Transit;
        if (!_attachmentOfVpc.TryGetValue((subnet.VpcId!, transitGatewayId), out var attachment))
        {
            attachment = transit.AttachmentsOfVpc(subnet.VpcId!).FirstOrDefault(a => a.TransitGatewayId == transitGatewayId);
            _attachmentOfVpc[(subnet.VpcId!, transitGatewayId)] = attachment;
        }

        if (attachment is null)
        {
            return new TransitEntry(steps, PathEnd.NoRoute, null, null);
        }

        // Traffic reaches the gateway only through the attachment's interface in the subnet's own AZ
        // ("Amazon VPC attachments in AWS Transit Gateway", limits).
        var zone = subnet.AvailabilityZone;
        if (zone is null || AttachmentSubnetIn(attachment, zone) is null)
        {
            return new TransitEntry(steps, PathEnd.NoAttachmentInZone, null, null);
        }

        steps = steps.Add(AttachmentStep(attachment, zone));
        if (!_associatedTable.TryGetValue(attachment.Id, out var table))
        {
            table = transit.AssociatedRouteTable(attachment.Id);
            _associatedTable[attachment.Id] = table;
        }

        if (table is null)
        {
            return new TransitEntry(steps, PathEnd.NotAssociated, null, null);
        }

        if (!_tableSteps.TryGetValue(table.Id, out var tableStep))
        {
            tableStep = new PathStep(PathStepKind.TransitGatewayRouteTable, table.Id, table.Name ?? table.Id, null);
            _tableSteps[table.Id] = tableStep;
        }

        return new TransitEntry(steps.Add(tableStep), null, zone, table);
    }

    private IEnumerable<(string Zone, ImmutableSortedDictionary<string, string> Pins)> ExitZones(
        TransitGatewayAttachmentInfo exit, string entryZone, ImmutableSortedDictionary<string, string> pins)
    {
        if (!_zonesOfAttachment.TryGetValue(exit.Id, out var zones))
        {
            zones = _routing.Transit.ZonesOf(exit);
            _zonesOfAttachment[exit.Id] = zones;
        }

        if (exit.ApplianceMode)
        {
            // One interface per flow, chosen by a flow hash and kept for the reply.
            if (pins.TryGetValue(exit.Id, out var pinned) && zones.Contains(pinned))
            {
                return [(pinned, pins)];
            }

            return zones.Select(z => (z, Pinned(pins, exit.Id, z)));
        }

        // AZ affinity: stay in the AZ the traffic entered the gateway in, when the attachment is there.
        return zones.Contains(entryZone) ? [(entryZone, pins)] : zones.Select(z => (z, pins));
    }

    /// <summary>The longest prefix match over a table's routes, parsed once per table.</summary>
    private static T? Lookup<T>(Dictionary<string, Block<T>[]> cache, string table, Func<IEnumerable<T>> routes, Func<T, string> destinationOf, uint address)
        where T : class
    {
        if (!cache.TryGetValue(table, out var blocks))
        {
            blocks = [.. routes().Select(r => Block<T>.Of(destinationOf(r), r)).OfType<Block<T>>()];
            cache[table] = blocks;
        }

        Block<T>? best = null;
        foreach (var block in blocks)
        {
            if (block.Contains(address) && (best is null || block.PrefixLength > best.PrefixLength))
            {
                best = block;
            }
        }

        return best?.Value;
    }

    private SubnetInfo? AttachmentSubnetIn(TransitGatewayAttachmentInfo attachment, string zone)
    {
        if (!_attachmentSubnet.TryGetValue((attachment.Id, zone), out var subnet))
        {
            subnet = _routing.Transit.AttachmentSubnetIn(attachment, zone);
            _attachmentSubnet[(attachment.Id, zone)] = subnet;
        }

        return subnet;
    }

    private uint Address(string text)
    {
        if (!_addresses.TryGetValue(text, out var address))
        {
            address = Cidr.TryParse(text + "/32", out var host) ? host.First : throw new ArgumentException($"'{text}' is not an IPv4 address.", nameof(text));
            _addresses[text] = address;
        }

        return address;
    }

    private string PinsKey(ImmutableSortedDictionary<string, string> pins)
    {
        if (pins.IsEmpty)
        {
            return "";
        }

        if (!_pinKeys.TryGetValue(pins, out var key))
        {
            key = string.Join(";", pins.Select(p => $"{p.Key}={p.Value}"));
            _pinKeys[pins] = key;
        }

        return key;
    }

    /// <summary>The pins with one more, made once: paths that pin the same way share the instance.</summary>
    private ImmutableSortedDictionary<string, string> Pinned(ImmutableSortedDictionary<string, string> pins, string attachment, string zone)
    {
        var key = (PinsKey(pins), attachment, zone);
        if (!_pinned.TryGetValue(key, out var pinned))
        {
            pinned = pins.SetItem(attachment, zone);
            _pinned[key] = pinned;
        }

        return pinned;
    }

    /// <summary>A subnet's step, made once: paths through the same subnet share it.</summary>
    private PathStep SubnetStep(SubnetInfo subnet)
    {
        if (!_subnetSteps.TryGetValue(subnet.Id, out var step))
        {
            step = new PathStep(PathStepKind.Subnet, subnet.Id, subnet.Name, subnet.AvailabilityZone);
            _subnetSteps[subnet.Id] = step;
        }

        return step;
    }

    private PathStep AttachmentStep(TransitGatewayAttachmentInfo attachment, string zone)
    {
        if (!_attachmentSteps.TryGetValue((attachment.Id, zone), out var step))
        {
            step = new PathStep(PathStepKind.TransitGatewayAttachment, attachment.Id, attachment.Name, zone);
            _attachmentSteps[(attachment.Id, zone)] = step;
        }

        return step;
    }

    /// <summary>A parsed IPv4 block and what it belongs to.</summary>
    private sealed record Block<T>(uint First, uint Last, int PrefixLength, T Value)
    {
        public static Block<T>? Of(string? cidr, T value) =>
            cidr is not null && Cidr.TryParse(cidr, out var block) ? new Block<T>(block.First, block.Last, block.PrefixLength, value) : null;

        public bool Contains(uint address) => address >= First && address <= Last;
    }

    /// <summary>The steps into a transit gateway up to its route table, or how the path ends before it.</summary>
    private sealed record TransitEntry(ImmutableArray<PathStep> Steps, PathEnd? End, string? Zone, TransitGatewayRouteTableInfo? Table);

    /// <summary>One way out of a transit gateway: the attachment's subnet, the steps up to it and the pins.</summary>
    private sealed record TransitExit(SubnetInfo Subnet, ImmutableArray<PathStep> Steps, ImmutableSortedDictionary<string, string> Pins);

    private readonly record struct SuffixKey(string Subnet, uint Destination, string Pins);

    private sealed class Frame(SuffixKey key)
    {
        public SuffixKey Key { get; } = key;

        public bool Tainted { get; set; }
    }
}
