using System.Collections.Immutable;
using Infra.Model.Routing;

namespace Infra.Model.Analysis;

/// <summary>The part of the walk past a transit gateway, traced by <see cref="CrossVpcPaths"/>.</summary>
public sealed partial class ReachabilityAnalyzer
{
    private readonly Dictionary<(string Subnet, string Address), IReadOnlyList<TracedPath>> _transitTraces = [];
    private readonly Dictionary<string, Inspection> _inspections = new(StringComparer.Ordinal);
    private readonly Dictionary<PathStep, PathHop?> _hops = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TracedPath, StepWalk> _walks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<HeadKey, StepWalk> _headWalks = [];
    private readonly Dictionary<PathStep, PathHop?> _enteringHops = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> _pinsByName = new(ReferenceEqualityComparer.Instance);
    private HashSet<string>? _privateNatIds;
    private Dictionary<string, ulong>? _zoneBits;
    private CrossVpcPaths? _crossVpcPaths;
    private HashSet<string>? _attachedVpcs;
    private Dictionary<string, HashSet<string?>>? _gatewaysOfVpc;
    private Dictionary<string, string>? _attachmentNames;
    private Dictionary<string, string>? _attachedVpcNames;
    private HashSet<string>? _notTransitSources;

    /// <summary>The cross-VPC tracer over the same routing model.</summary>
    internal CrossVpcPaths CrossVpc => _crossVpcPaths ??= new CrossVpcPaths(_routing);

    /// <summary>True when the stack has a transit gateway with at least one VPC attached.</summary>
    public bool HasTransitGateway => AttachedVpcs.Count > 0;

    /// <summary>The VPCs attached to a transit gateway, by id.</summary>
    private HashSet<string> AttachedVpcs =>
        _attachedVpcs ??= _routing.Transit.Attachments.Select(a => a.VpcId).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// True when both VPCs are attached to the same transit gateway: their flows to each other are the cross-VPC
    /// section's, VPC to VPC, rather than every subnet's to every tier.
    /// </summary>
    private bool JoinedByTransitGateway(string? vpcA, string? vpcB)
    {
        _gatewaysOfVpc ??= _routing.Transit.Attachments
            .Where(a => a.VpcId is not null)
            .GroupBy(a => a.VpcId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.TransitGatewayId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return vpcA is not null && vpcB is not null && vpcA != vpcB &&
            _gatewaysOfVpc.TryGetValue(vpcA, out var a) && _gatewaysOfVpc.TryGetValue(vpcB, out var b) && a.Overlaps(b);
    }

    /// <summary>
    /// The walk from a subnet whose route points at a transit gateway: every path the gateway may take (one per AZ it
    /// may pick for an appliance-mode attachment), the one that stays in the source's AZ shown first; the first that
    /// gets through with <paramref name="lost"/> zones down is the flow's path.
    /// </summary>
    private WalkResult CrossTransitGateway(
        SubnetInfo from, SubnetInfo current, string address, bool toInternet, string? destinationVpcId, IReadOnlySet<string> lost, Trace trace)
    {
        var paths = TransitTraces(current, address);
        var sourceZone = from.AvailabilityZone;
        var ordered = paths.OrderBy(p => p.Steps.Count(s => s.Zone is not null && s.Zone != sourceZone)).ToList();
        WalkResult? failure = null;
        Trace? failed = null;
        foreach (var path in ordered)
        {
            var probe = new Trace();
            var result = FollowPath(path, toInternet, destinationVpcId, lost, probe);
            if (result.End == WalkEnd.Delivered)
            {
                Adopt(trace, probe);
                NotePinnedChoices(paths, trace);
                return result;
            }

            if (failure is null)
            {
                failure = result;
                failed = probe;
            }
        }

        if (failed is null)
        {
            return new WalkResult(WalkEnd.Unknown, "the transit gateway path could not be traced");
        }

        Adopt(trace, failed);
        return failure!.Value;
    }

    private IReadOnlyList<TracedPath> TransitTraces(SubnetInfo subnet, string address)
    {
        if (!_transitTraces.TryGetValue((subnet.Id, address), out var paths))
        {
            paths = CrossVpc.Trace(subnet.Id, address);
            _transitTraces[(subnet.Id, address)] = paths;
        }

        return paths;
    }

    /// <summary>
    /// The hop a step of a traced path shows as (none for subnets and GWLB endpoints, which <see cref="Inspect"/>
    /// shows); made once per step, since traced paths share their steps.
    /// </summary>
    private PathHop? HopOf(PathStep step, bool entering)
    {
        var cache = entering ? _enteringHops : _hops;
        if (cache.TryGetValue(step, out var known))
        {
            return known;
        }

        IReadOnlyList<string> zones = step.Zone is null ? [] : [step.Zone];
        PathHop? hop = step.Kind switch
        {
            PathStepKind.TransitGatewayAttachment => new PathHop(
                HopKind.TransitGatewayAttachment,
                entering ? $"tgw-{Zones.Suffix(step.Zone)}" : $"{AttachedVpcName(step.Id)}-{Zones.Suffix(step.Zone)}",
                step.Name,
                step.Id,
                zones),
            PathStepKind.TransitGatewayRouteTable => new PathHop(HopKind.TransitGatewayRouteTable, step.Name, step.Name, step.Id, []),
            PathStepKind.NatGateway => new PathHop(HopKind.NatGateway, $"nat-{Zones.Suffix(step.Zone)}", step.Name, step.Id, zones),
            PathStepKind.InternetGateway => _routing.InternetGateways.FirstOrDefault(g => g.Id == step.Id) is { } gateway
                ? GatewayHop(gateway)
                : new PathHop(HopKind.InternetGateway, "igw", step.Name, step.Id, []),
            _ => null,
        };
        cache[step] = hop;
        return hop;
    }

    private string AttachedVpcName(string attachmentId)
    {
        _attachedVpcNames ??= _routing.Transit.Attachments.ToDictionary(a => a.Id, a => VpcName(a.VpcId), StringComparer.Ordinal);
        return _attachedVpcNames.GetValueOrDefault(attachmentId) ?? attachmentId;
    }

    private HashSet<string> PrivateNats =>
        _privateNatIds ??= _routing.NatGateways.Where(n => n.ConnectivityType == "private").Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Appliance-mode pins by attachment name, made once per pins of the tracer (its paths share them).</summary>
    private IReadOnlyDictionary<string, string> PinsByName(IReadOnlyDictionary<string, string> pins)
    {
        if (!_pinsByName.TryGetValue(pins, out var named))
        {
            named = pins.ToDictionary(p => AttachmentName(p.Key), p => p.Value, StringComparer.Ordinal);
            _pinsByName[pins] = named;
        }

        return named;
    }

    private string AttachmentName(string attachmentId)
    {
        _attachmentNames ??= _routing.Transit.Attachments.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        return _attachmentNames.GetValueOrDefault(attachmentId) ?? attachmentId;
    }

    /// <summary>
    /// <see cref="Inspect"/> with every zone up, once per endpoint: the cross-VPC view crosses the same few endpoints
    /// on every path.
    /// </summary>
    private bool InspectOnce(string endpointId, Trace trace, out WalkResult stop)
    {
        if (!_inspections.TryGetValue(endpointId, out var inspection))
        {
            var probe = new Trace();
            var ok = Inspect(endpointId, NoZones, probe, out var result).Ok;
            inspection = new Inspection(ok, result, [.. probe.Hops], [.. probe.Notes]);
            _inspections[endpointId] = inspection;
        }

        trace.Hops.AddRange(inspection.Hops);
        foreach (var note in inspection.Notes)
        {
            AddOnce(trace.Notes, note);
        }

        stop = inspection.Stop;
        return inspection.Ok;
    }

    private static void Adopt(Trace trace, Trace probe)
    {
        trace.Hops.AddRange(probe.Hops);
        foreach (var note in probe.Notes)
        {
            AddOnce(trace.Notes, note);
        }

        trace.LostHop ??= probe.LostHop;
    }

    private void NotePinnedChoices(IReadOnlyList<TracedPath> paths, Trace trace)
    {
        foreach (var attachmentId in paths.SelectMany(p => p.PinnedZones.Keys).Distinct(StringComparer.Ordinal))
        {
            var zones = paths.Select(p => p.PinnedZones.GetValueOrDefault(attachmentId)).OfType<string>().Distinct(StringComparer.Ordinal).Count();
            if (zones > 1)
            {
                AddOnce(
                    trace.Notes,
                    $"The transit gateway picks one of {zones} AZs of {AttachmentName(attachmentId)} for each flow (appliance mode) and keeps it both ways: the path shown stays in the source's AZ where it can; the cross-VPC section checks every choice.");
            }
        }
    }

    /// <summary>
    /// Turns a traced path into hops, checking what the tracer does not: lost zones, the load balancer and its
    /// appliances behind each GWLB endpoint, NAT gateways that cannot reach the internet.
    /// </summary>
    private WalkResult FollowPath(TracedPath path, bool toInternet, string? destinationVpcId, IReadOnlySet<string> lost, Trace trace)
    {
        // The steps' hops and checks do not depend on the flow, so the part a path shares with others (its tail) is
        // worked out once, with every zone up; a lost zone then stops the path at the first hop that lives only there.
        var walked = WalkSteps(path, remember: false);
        foreach (var hop in walked.Hops)
        {
            trace.Hops.Add(hop);
            if (hop.IsLostWith(lost))
            {
                trace.LostHop = hop;
                return new WalkResult(WalkEnd.Stopped, $"{hop.Description} {(hop.Kind == HopKind.Appliances ? "are" : "is")} in a lost AZ");
            }
        }

        foreach (var note in walked.Notes)
        {
            AddOnce(trace.Notes, note);
        }

        if (walked.Stop is { } stopped)
        {
            return stopped;
        }

        if (toInternet && walked.PrivateNat is { } privateNat)
        {
            return new WalkResult(WalkEnd.Stopped, $"{privateNat.Description} is a private NAT gateway, which does not reach the internet");
        }

        return EndOf(path, toInternet, destinationVpcId, trace);
    }

    private ulong ZoneBit(string zone)
    {
        _zoneBits ??= AvailabilityZones.Take(64).Select((z, i) => (z, bit: 1UL << i)).ToDictionary(p => p.z, p => p.bit, StringComparer.Ordinal);
        return _zoneBits.GetValueOrDefault(zone);
    }

    /// <summary>Entering the gateway (a route table follows the attachment) rather than leaving it.</summary>
    private static bool Entering(PathStep step, PathStep? next) =>
        step.Kind == PathStepKind.TransitGatewayAttachment && next?.Kind == PathStepKind.TransitGatewayRouteTable;

    /// <summary>The hops of a path's steps with every zone up, and where a GWLB endpoint's inspection stops it.</summary>
    private StepWalk WalkSteps(TracedPath path, bool remember, bool hops = true)
    {
        if (_walks.TryGetValue(path, out var known))
        {
            return known;
        }

        StepWalk walked;
        if (path.Tail is { } tail)
        {
            var headKey = new HeadKey(path.Head, tail.Steps.Length > 0 ? tail.Steps[0] : null);
            if (!_headWalks.TryGetValue(headKey, out var head))
            {
                head = WalkSteps(headKey.Steps, headKey.Next);
                _headWalks[headKey] = head;
            }

            if (head.Stop is not null)
            {
                walked = head;
            }
            else
            {
                walked = head.Then(WalkSteps(tail, remember: true), hops);
            }
        }
        else
        {
            walked = WalkSteps(path.Steps, null);
        }

        if (remember)
        {
            _walks[path] = walked;
        }

        return walked;
    }

    private StepWalk WalkSteps(ImmutableArray<PathStep> steps, PathStep? next)
    {
        var trace = new Trace();
        PathHop? privateNat = null;
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            if (step.Kind == PathStepKind.GatewayLoadBalancerEndpoint)
            {
                if (!InspectOnce(step.Id, trace, out var stop))
                {
                    return StepWalk.Of(trace.Hops, stop, privateNat, trace.Notes, ZoneBit);
                }

                continue;
            }

            if (HopOf(step, Entering(step, i + 1 < steps.Length ? steps[i + 1] : next)) is { } hop)
            {
                trace.Hops.Add(hop);
                if (hop.Kind == HopKind.NatGateway && PrivateNats.Contains(step.Id))
                {
                    privateNat ??= hop;
                }
            }
        }

        return StepWalk.Of(trace.Hops, null, privateNat, trace.Notes, ZoneBit);
    }

    private WalkResult EndOf(TracedPath path, bool toInternet, string? destinationVpcId, Trace trace)
    {
        var end = Finish(path, toInternet, destinationVpcId);
        if (end.End == WalkEnd.Delivered && !toInternet)
        {
            trace.Hops.Add(new PathHop(HopKind.Local, "local", null, null, []));
        }

        return end;
    }

    /// <summary>How a traced path ends, for a flow to the internet or to a VPC.</summary>
    private WalkResult Finish(TracedPath path, bool toInternet, string? destinationVpcId)
    {
        var last = path.Steps[^1];
        return path.End switch
        {
            PathEnd.Internet => toInternet
                ? new WalkResult(WalkEnd.Delivered, "")
                : new WalkResult(WalkEnd.Stopped, "no route (the internet gateway does not route private addresses)"),
            PathEnd.Delivered when !toInternet && _subnets.TryGetValue(last.Id, out var arrived) && arrived.VpcId == destinationVpcId =>
                new WalkResult(WalkEnd.Delivered, ""),
            PathEnd.Delivered => new WalkResult(WalkEnd.Stopped, toInternet ? "no route" : $"no route: delivered in VPC {VpcName(_subnets.GetValueOrDefault(last.Id)?.VpcId)}"),
            PathEnd.Blackhole => new WalkResult(WalkEnd.Stopped, $"a blackhole route of transit gateway route table {last.Name} drops it"),
            PathEnd.NoRoute => new WalkResult(WalkEnd.Stopped, last.Kind == PathStepKind.TransitGatewayRouteTable ? $"no route in transit gateway route table {last.Name}" : $"no route onward from {last.Name}"),
            PathEnd.NoAttachmentInZone => new WalkResult(WalkEnd.Stopped, $"the transit gateway attachment of VPC {VpcName(_subnets.GetValueOrDefault(last.Id)?.VpcId)} has no subnet in {last.Zone}, so {last.Name} cannot reach the gateway"),
            PathEnd.NotAssociated => new WalkResult(WalkEnd.Stopped, $"transit gateway attachment {last.Name} is associated with no route table"),
            PathEnd.Loop => new WalkResult(WalkEnd.Unknown, $"routing loop through {last.Name}"),
            _ => new WalkResult(WalkEnd.Unknown, $"leaves {last.Name} through a target the plan does not model"),
        };
    }

    /// <summary>
    /// The cross-VPC view: from every subnet of a VPC attached to a transit gateway whose routes lead to it (not the
    /// gateway's own attachment subnets, nor GWLB endpoint or NAT gateway subnets), the round trip to the internet and
    /// to every other such VPC on the same gateway (a host in the subnet of the same AZ, else the first), for every AZ
    /// the gateway may pick; and connections from the internet to each VPC. Destination VPCs with the same outcome are
    /// one flow, so the view grows with the VPCs, not with their pairs.
    /// </summary>
    /// <remarks>
    /// AZ loss: a round trip is cut when one of its hops has every zone lost; a flow keeps its path while one of its AZ
    /// choices is not cut. An appliance-mode attachment pins each flow to one AZ for the flow's life ("Example:
    /// Appliance in a shared services VPC", https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html),
    /// so the connections pinned to the lost AZ are cut: the view counts those choices; that the gateway sends new flows
    /// to an attachment's interfaces in the AZs that remain is the assumption behind "keeps its path".
    /// </remarks>
    public TransitReport AnalyzeTransit()
    {
        if (!HasTransitGateway)
        {
            return TransitReport.Empty;
        }

        var sources = Subnets.Where(IsTransitSource)
            .OrderBy(s => s.VpcName, StringComparer.Ordinal)
            .ThenBy(s => s.AvailabilityZone, StringComparer.Ordinal)
            .ThenBy(s => s.Label, StringComparer.Ordinal)
            .ToList();
        var vpcs = sources.GroupBy(s => s.VpcId!, StringComparer.Ordinal).ToList();

        // Each VPC's AZs and a host in its first subnet of each, as the destination of the other VPCs' flows.
        var destinations = vpcs.Select(v =>
        {
            var zones = v.Select(s => s.AvailabilityZone!).Distinct(StringComparer.Ordinal).ToList();
            var hosts = zones.Select(z => HostAddress(v.First(s => s.AvailabilityZone == z).CidrBlock!)).ToList();
            return (Vpc: v.Key, Name: v.First().VpcName ?? v.Key, Zones: zones, Hosts: hosts);
        }).ToList();
        var flows = new List<TransitFlow>();

        // The AZ-loss tallies are kept as the flows are traced, so that only the round trips shown are kept.
        var zones = AvailabilityZones;
        var checkedFlows = new int[zones.Count];
        var choices = new int[zones.Count];
        var cut = new int[zones.Count];
        var losing = zones.Select(_ => new List<string>()).ToList();

        void Tally(SubnetRef source, string flow, IEnumerable<IReadOnlyList<TripOutcome>> members)
        {
            var lostAll = new bool[zones.Count];
            foreach (var trips in members)
            {
                for (var z = 0; z < zones.Count; z++)
                {
                    if (source.AvailabilityZone == zones[z])
                    {
                        continue;
                    }

                    var reachable = 0;
                    var cutHere = 0;
                    foreach (var trip in trips)
                    {
                        if (trip.Verdict == Verdict.Reachable && trip.DestinationZone != zones[z])
                        {
                            reachable++;
                            cutHere += (trip.SingleZones & ZoneBit(zones[z])) == 0 ? 0 : 1;
                        }
                    }

                    if (reachable > 0)
                    {
                        checkedFlows[z]++;
                        choices[z] += reachable;
                        cut[z] += cutHere;
                        lostAll[z] |= cutHere == reachable;
                    }
                }
            }

            for (var z = 0; z < zones.Count; z++)
            {
                if (lostAll[z])
                {
                    losing[z].Add(flow);
                }
            }
        }

        foreach (var vpc in vpcs)
        {
            foreach (var source in vpc)
            {
                var internetNotes = new List<string>();
                var internetTrips = Outcomes(source, InternetProbeAddress, null, null, internetNotes);
                var internet = Summarize(source, TransitFlowKind.Internet, "internet", [], internetTrips, internetNotes);
                flows.Add(internet with { RoundTrips = [.. internetTrips.Select(t => Materialize(source, t))] });
                Tally(source, $"{internet.From} → internet", [internetTrips]);

                var outcomes = new List<(string Vpc, IReadOnlyList<TripOutcome> Trips, TransitFlow Flow)>();
                foreach (var other in destinations.Where(o => o.Vpc != vpc.Key && JoinedByTransitGateway(vpc.Key, o.Vpc)))
                {
                    // A host in the source's AZ and one in the next AZ: without appliance mode only the second is
                    // asymmetric (the gateway keeps each half in the AZ it entered in).
                    var otherZones = other.Zones;
                    var same = otherZones.IndexOf(source.AvailabilityZone!);
                    var targets = same < 0 ? [0] : otherZones.Count == 1 ? [same] : new[] { same, (same + 1) % otherZones.Count };
                    var trips = new List<TripOutcome>();
                    var notes = new List<string>();
                    foreach (var target in targets)
                    {
                        trips.AddRange(Outcomes(source, other.Hosts[target], other.Vpc, otherZones[target], notes));
                    }

                    var name = other.Name;
                    outcomes.Add((name, trips, Summarize(source, TransitFlowKind.Vpcs, name, [name], trips, notes)));
                }

                foreach (var group in outcomes.GroupBy(o => (o.Flow.Verdict, o.Flow.Reason, o.Flow.Inspection, o.Flow.Symmetric)))
                {
                    var members = group.ToList();
                    var names = members.Select(m => m.Vpc).ToList();
                    var to = names.Count == 1 ? names[0] : $"{names.Count} VPCs";
                    flows.Add(members[0].Flow with { To = to, DestinationVpcs = names, RoundTrips = [.. members[0].Trips.Select(t => Materialize(source, t))] });
                    Tally(source, $"{members[0].Flow.From} → {to}", members.Select(m => m.Trips));
                }
            }

            flows.Add(InboundTo(vpc.First()));
        }

        var zoneLoss = zones.Select((zone, z) => new TransitZoneLoss(zone, checkedFlows[z], losing[z], choices[z], cut[z])).ToList();
        return new TransitReport(flows, zoneLoss);
    }

    private bool IsTransitSource(SubnetRef subnet)
    {
        if (subnet.VpcId is null || subnet.CidrBlock is null || subnet.AvailabilityZone is null || !AttachedVpcs.Contains(subnet.VpcId))
        {
            return false;
        }

        _notTransitSources ??=
        [
            .. _routing.Transit.Attachments.SelectMany(a => a.SubnetIds),
            .. _routing.Endpoints.Where(e => e.Type == EndpointInfo.GatewayLoadBalancerType).SelectMany(e => e.SubnetIds),
            .. _routing.NatGateways.Select(n => n.SubnetId).OfType<string>(),
        ];
        return !_notTransitSources.Contains(subnet.Id) && RoutesOf(subnet.Id).Any(r => r.Target.Kind == TargetKind.TransitGateway);
    }

    /// <summary>
    /// Every round trip from a host of <paramref name="source"/> to <paramref name="address"/>, the source's own AZ
    /// first, as outcomes: the hops are made only for the round trips shown (<see cref="Materialize"/>).
    /// </summary>
    private List<TripOutcome> Outcomes(SubnetRef source, string address, string? destinationVpcId, string? destinationZone, List<string> notes)
    {
        var toInternet = destinationVpcId is null;
        var sourceAddress = HostAddress(source.CidrBlock!);
        var outcomes = new List<TripOutcome>();
        var forwards = CrossVpc.Trace(source.Id, address)
            .OrderBy(p => p.Steps.Count(s => s.Zone is not null && s.Zone != source.AvailabilityZone));
        foreach (var forward in forwards)
        {
            var there = WalkSteps(forward, remember: false, hops: false);
            AddNotes(notes, there.Notes);
            var arrived = there.Stop ?? (toInternet && there.PrivateNat is { } nat
                ? new WalkResult(WalkEnd.Stopped, $"{nat.Description} is a private NAT gateway, which does not reach the internet")
                : Finish(forward, toInternet, destinationVpcId));
            if (arrived.End != WalkEnd.Delivered)
            {
                outcomes.Add(new TripOutcome(forward, null, toInternet, destinationVpcId, destinationZone, VerdictOf(arrived), arrived.Reason, false, false, !there.Endpoints.IsEmpty, there.SingleZones));
                continue;
            }

            var replies = CrossVpc.Replies(forward, sourceAddress);
            if (replies.Count == 0)
            {
                outcomes.Add(new TripOutcome(forward, null, toInternet, destinationVpcId, destinationZone, Verdict.Unknown, "the reply's path is not traced", false, false, !there.Endpoints.IsEmpty, there.SingleZones));
                continue;
            }

            foreach (var reply in replies)
            {
                var back = WalkSteps(reply, remember: false, hops: false);
                AddNotes(notes, back.Notes);
                var returned = back.Stop ?? Finish(reply, toInternet: false, source.VpcId);
                var delivered = returned.End == WalkEnd.Delivered;
                outcomes.Add(new TripOutcome(
                    forward,
                    reply,
                    toInternet,
                    destinationVpcId,
                    destinationZone,
                    VerdictOf(returned),
                    delivered ? "" : $"the replies: {returned.Reason}",
                    delivered && there.Endpoints.SequenceEqual(back.Endpoints.Reverse()),
                    !there.Endpoints.IsEmpty && !back.Endpoints.IsEmpty,
                    !there.Endpoints.IsEmpty || !back.Endpoints.IsEmpty,
                    there.SingleZones | back.SingleZones));
            }
        }

        return outcomes;

        static void AddNotes(List<string> notes, ImmutableArray<string> more)
        {
            foreach (var note in more)
            {
                if (!notes.Contains(note))
                {
                    notes.Add(note);
                }
            }
        }
    }

    /// <summary>A round trip with its hops, as the view shows it.</summary>
    private TransitRoundTrip Materialize(SubnetRef source, TripOutcome outcome)
    {
        var there = new Trace();
        FollowPath(outcome.Forward, outcome.ToInternet, outcome.DestinationVpcId, NoZones, there);
        var back = new Trace();
        if (outcome.Return is not null)
        {
            FollowPath(outcome.Return, toInternet: false, source.VpcId, NoZones, back);
        }

        return new TransitRoundTrip(
            outcome.DestinationZone, PinsByName(outcome.Forward.PinnedZones), Shown(there), Shown(back), outcome.Verdict, outcome.Reason,
            outcome.Symmetric, outcome.InspectedBothWays);

        static IReadOnlyList<PathHop> Shown(Trace trace) => [.. trace.Hops.Where(h => h.Kind != HopKind.Local)];
    }

    private static Verdict VerdictOf(WalkResult result) => result.End switch
    {
        WalkEnd.Delivered => Verdict.Reachable,
        WalkEnd.Stopped => Verdict.Unreachable,
        _ => Verdict.Unknown,
    };

    private static TransitFlow Summarize(
        SubnetRef source, TransitFlowKind kind, string to, IReadOnlyList<string> vpcs, IReadOnlyList<TripOutcome> trips, IReadOnlyList<string> notes)
    {
        var reachable = trips.Count(t => t.Verdict == Verdict.Reachable);
        var failing = trips.FirstOrDefault(t => t.Verdict != Verdict.Reachable);
        var (verdict, reason) = trips.Count == 0
            ? (Verdict.Unknown, "no path was traced")
            : reachable == trips.Count
                ? (Verdict.Reachable, "")
                : reachable == 0
                    ? (trips.All(t => t.Verdict == Verdict.Unreachable) ? Verdict.Unreachable : Verdict.Unknown, failing.Reason)
                    : (Verdict.Unknown, $"only {reachable} of {trips.Count} AZ choices of the transit gateway get through: {failing.Reason}");
        var inspected = trips.Count > 0 && trips.All(t => t.InspectedBothWays)
            ? InspectionCoverage.BothWays
            : trips.Any(t => t.AnyInspected)
                ? InspectionCoverage.Partly
                : InspectionCoverage.None;
        return new TransitFlow(source, kind, to, vpcs, verdict, reason, inspected, trips.Count > 0 && trips.All(t => t.Symmetric), [], notes);
    }

    private TransitFlow InboundTo(SubnetRef subnet)
    {
        if (_routing.InternetGateways.Any(g => g.VpcId == subnet.VpcId))
        {
            var flow = Evaluate(subnet, FlowDestination.FromInternet);
            return new TransitFlow(
                subnet, TransitFlowKind.FromInternet, FlowDestination.FromInternet.Name, [], flow.Verdict, flow.Reason, InspectionCoverage.None, false, [], flow.Notes);
        }

        return new TransitFlow(
            subnet,
            TransitFlowKind.FromInternet,
            FlowDestination.FromInternet.Name,
            [],
            Verdict.Unreachable,
            $"no internet gateway in VPC {subnet.VpcName}: an internet gateway reaches only public addresses in its own VPC, and NAT gateways accept no connections from the internet",
            InspectionCoverage.None,
            false,
            [],
            []);
    }

    /// <summary>
    /// The steps before a shared tail and the tail's first step: what the walk of a head depends on. Every spoke's
    /// flow to every other spoke has its own path, but few distinct heads (its source subnet's way into the gateway).
    /// </summary>
    private readonly struct HeadKey(ImmutableArray<PathStep> steps, PathStep? next) : IEquatable<HeadKey>
    {
        public ImmutableArray<PathStep> Steps { get; } = steps;

        public PathStep? Next { get; } = next;

        public bool Equals(HeadKey other) => Equals(Next, other.Next) && Steps.AsSpan().SequenceEqual(other.Steps.AsSpan());

        public override bool Equals(object? obj) => obj is HeadKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(Next);
            foreach (var step in Steps)
            {
                hash.Add(step);
            }

            return hash.ToHashCode();
        }
    }

    /// <summary>A round trip's outcome, without its hops.</summary>
    private readonly record struct TripOutcome(
        TracedPath Forward,
        TracedPath? Return,
        bool ToInternet,
        string? DestinationVpcId,
        string? DestinationZone,
        Verdict Verdict,
        string Reason,
        bool Symmetric,
        bool InspectedBothWays,
        bool AnyInspected,
        ulong SingleZones);

    private sealed record Inspection(bool Ok, WalkResult Stop, IReadOnlyList<PathHop> Hops, IReadOnlyList<string> Notes);

    /// <summary>A path's steps walked with every zone up.</summary>
    /// <param name="Hops">The hops (empty in an outcome made without them).</param>
    /// <param name="Stop">Where a GWLB endpoint's inspection stops the path.</param>
    /// <param name="PrivateNat">A private NAT gateway the path crosses.</param>
    /// <param name="Notes">Notes of the inspections.</param>
    /// <param name="Endpoints">The GWLB endpoints crossed, in order.</param>
    /// <param name="SingleZones">Bits of the zones (in <see cref="AvailabilityZones"/> order) some hop lives only in: losing one cuts the path.</param>
    private sealed record StepWalk(
        ImmutableArray<PathHop> Hops, WalkResult? Stop, PathHop? PrivateNat, ImmutableArray<string> Notes, ImmutableArray<string> Endpoints, ulong SingleZones)
    {
        public static StepWalk Of(List<PathHop> hops, WalkResult? stop, PathHop? privateNat, List<string> notes, Func<string, ulong> bit)
        {
            var zones = 0UL;
            foreach (var hop in hops)
            {
                if (hop.AvailabilityZones.Count == 1)
                {
                    zones |= bit(hop.AvailabilityZones[0]);
                }
            }

            return new StepWalk(
                [.. hops], stop, privateNat, [.. notes],
                [.. hops.Where(h => h.Kind == HopKind.GatewayLoadBalancerEndpoint).Select(h => h.ResourceId ?? "")], zones);
        }

        /// <summary>This head followed by <paramref name="rest"/>, with or without the hops.</summary>
        public StepWalk Then(StepWalk rest, bool hops) => new(
            hops ? Hops.AddRange(rest.Hops) : [],
            rest.Stop,
            PrivateNat ?? rest.PrivateNat,
            Notes.IsEmpty ? rest.Notes : [.. Notes.Union(rest.Notes, StringComparer.Ordinal)],
            Endpoints.IsEmpty ? rest.Endpoints : Endpoints.AddRange(rest.Endpoints),
            SingleZones | rest.SingleZones);
    }
}
