using Infra.Model.Routing;

namespace Infra.Model.Analysis;

/// <summary>The part of the walk past a transit gateway, traced by <see cref="CrossVpcPaths"/>.</summary>
public sealed partial class ReachabilityAnalyzer
{
    private readonly Dictionary<(string Subnet, string Address), IReadOnlyList<TracedPath>> _transitTraces = [];
    private CrossVpcPaths? _crossVpcPaths;
    private HashSet<string>? _attachedVpcs;

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
    private bool JoinedByTransitGateway(string? vpcA, string? vpcB) =>
        vpcA is not null && vpcB is not null && vpcA != vpcB &&
        _routing.Transit.AttachmentsOfVpc(vpcA).Select(a => a.TransitGatewayId)
            .Intersect(_routing.Transit.AttachmentsOfVpc(vpcB).Select(a => a.TransitGatewayId))
            .Any();

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

    private string AttachedVpcName(string attachmentId) => VpcName(_routing.Transit.Attachment(attachmentId).VpcId);

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
                var attachment = _routing.Transit.Attachment(attachmentId);
                AddOnce(
                    trace.Notes,
                    $"The transit gateway picks one of {zones} AZs of {attachment.Name} for each flow (appliance mode) and keeps it both ways: the path shown stays in the source's AZ where it can; the cross-VPC section checks every choice.");
            }
        }
    }

    /// <summary>
    /// Turns a traced path into hops, checking what the tracer does not: lost zones, the load balancer and its
    /// appliances behind each GWLB endpoint, NAT gateways that cannot reach the internet.
    /// </summary>
    private WalkResult FollowPath(TracedPath path, bool toInternet, string? destinationVpcId, IReadOnlySet<string> lost, Trace trace)
    {
        for (var i = 0; i < path.Steps.Length; i++)
        {
            var step = path.Steps[i];
            switch (step.Kind)
            {
                case PathStepKind.TransitGatewayAttachment:
                    // Entering the gateway (a route table follows): tgw-a; leaving it: the VPC it leaves into, spoke-2-a.
                    var entering = i + 1 < path.Steps.Length && path.Steps[i + 1].Kind == PathStepKind.TransitGatewayRouteTable;
                    var label = entering ? $"tgw-{Zones.Suffix(step.Zone)}" : $"{AttachedVpcName(step.Id)}-{Zones.Suffix(step.Zone)}";
                    var attachmentHop = new PathHop(HopKind.TransitGatewayAttachment, label, step.Name, step.Id, step.Zone is null ? [] : [step.Zone]);
                    trace.Hops.Add(attachmentHop);
                    if (attachmentHop.IsLostWith(lost))
                    {
                        trace.LostHop = attachmentHop;
                        return new WalkResult(WalkEnd.Stopped, $"{attachmentHop.Description} is in a lost AZ");
                    }

                    break;

                case PathStepKind.TransitGatewayRouteTable:
                    trace.Hops.Add(new PathHop(HopKind.TransitGatewayRouteTable, step.Name, step.Name, step.Id, []));
                    break;

                case PathStepKind.GatewayLoadBalancerEndpoint:
                    if (!Inspect(step.Id, lost, trace, out var stop).Ok)
                    {
                        return stop;
                    }

                    break;

                case PathStepKind.NatGateway:
                    var natHop = new PathHop(HopKind.NatGateway, $"nat-{Zones.Suffix(step.Zone)}", step.Name, step.Id, step.Zone is null ? [] : [step.Zone]);
                    trace.Hops.Add(natHop);
                    if (natHop.IsLostWith(lost))
                    {
                        trace.LostHop = natHop;
                        return new WalkResult(WalkEnd.Stopped, $"{natHop.Description} is in a lost AZ");
                    }

                    if (toInternet && _routing.NatGateways.FirstOrDefault(n => n.Id == step.Id)?.ConnectivityType == "private")
                    {
                        return new WalkResult(WalkEnd.Stopped, $"{natHop.Description} is a private NAT gateway, which does not reach the internet");
                    }

                    break;

                case PathStepKind.InternetGateway:
                    var gateway = _routing.InternetGateways.FirstOrDefault(g => g.Id == step.Id);
                    trace.Hops.Add(gateway is null ? new PathHop(HopKind.InternetGateway, "igw", step.Name, step.Id, []) : GatewayHop(gateway));
                    break;
            }
        }

        var last = path.Steps[^1];
        return path.End switch
        {
            PathEnd.Internet => toInternet
                ? new WalkResult(WalkEnd.Delivered, "")
                : new WalkResult(WalkEnd.Stopped, "no route (the internet gateway does not route private addresses)"),
            PathEnd.Delivered when !toInternet && _subnets.TryGetValue(last.Id, out var arrived) && arrived.VpcId == destinationVpcId =>
                Delivered(trace),
            PathEnd.Delivered => new WalkResult(WalkEnd.Stopped, toInternet ? "no route" : $"no route: delivered in VPC {VpcName(_subnets.GetValueOrDefault(last.Id)?.VpcId)}"),
            PathEnd.Blackhole => new WalkResult(WalkEnd.Stopped, $"a blackhole route of transit gateway route table {last.Name} drops it"),
            PathEnd.NoRoute => new WalkResult(WalkEnd.Stopped, last.Kind == PathStepKind.TransitGatewayRouteTable ? $"no route in transit gateway route table {last.Name}" : $"no route onward from {last.Name}"),
            PathEnd.NoAttachmentInZone => new WalkResult(WalkEnd.Stopped, $"the transit gateway attachment of VPC {VpcName(_subnets.GetValueOrDefault(last.Id)?.VpcId)} has no subnet in {last.Zone}, so {last.Name} cannot reach the gateway"),
            PathEnd.NotAssociated => new WalkResult(WalkEnd.Stopped, $"transit gateway attachment {last.Name} is associated with no route table"),
            PathEnd.Loop => new WalkResult(WalkEnd.Unknown, $"routing loop through {last.Name}"),
            _ => new WalkResult(WalkEnd.Unknown, $"leaves {last.Name} through a target the plan does not model"),
        };

        static WalkResult Delivered(Trace trace)
        {
            trace.Hops.Add(new PathHop(HopKind.Local, "local", null, null, []));
            return new WalkResult(WalkEnd.Delivered, "");
        }
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
        var flows = new List<TransitFlow>();
        var checks = new List<(SubnetRef Source, string Flow, IReadOnlyList<TransitRoundTrip> Trips)>();
        foreach (var vpc in vpcs)
        {
            foreach (var source in vpc)
            {
                var (internetTrips, internetNotes) = RoundTripsFrom(source, InternetProbeAddress, null, null);
                var internet = Summarize(source, TransitFlowKind.Internet, "internet", [], internetTrips, internetNotes);
                flows.Add(internet);
                checks.Add((source, $"{internet.From} → internet", internetTrips));

                var outcomes = new List<(string Vpc, IReadOnlyList<TransitRoundTrip> Trips, IReadOnlyList<string> Notes, TransitFlow Flow)>();
                foreach (var other in vpcs.Where(o => o.Key != vpc.Key && JoinedByTransitGateway(vpc.Key, o.Key)))
                {
                    // A host in the source's AZ and one in the next AZ: without appliance mode only the second is
                    // asymmetric (the gateway keeps each half in the AZ it entered in).
                    var zones = other.Select(s => s.AvailabilityZone!).Distinct(StringComparer.Ordinal).ToList();
                    var same = zones.IndexOf(source.AvailabilityZone!);
                    var targets = (same < 0 ? [zones[0]] : zones.Count == 1 ? [zones[same]] : new[] { zones[same], zones[(same + 1) % zones.Count] })
                        .Select(z => other.First(s => s.AvailabilityZone == z));
                    var trips = new List<TransitRoundTrip>();
                    var notes = new List<string>();
                    foreach (var target in targets)
                    {
                        var (some, more) = RoundTripsFrom(source, HostAddress(target.CidrBlock!), other.Key, target.AvailabilityZone);
                        trips.AddRange(some);
                        notes.AddRange(more.Where(n => !notes.Contains(n)));
                    }

                    var name = other.First().VpcName ?? other.Key;
                    outcomes.Add((name, trips, notes, Summarize(source, TransitFlowKind.Vpcs, name, [name], trips, notes)));
                }

                foreach (var group in outcomes.GroupBy(o => (o.Flow.Verdict, o.Flow.Reason, o.Flow.Inspection, o.Flow.Symmetric)))
                {
                    var members = group.ToList();
                    var names = members.Select(m => m.Vpc).ToList();
                    var to = names.Count == 1 ? names[0] : $"{names.Count} VPCs";
                    flows.Add(members[0].Flow with { To = to, DestinationVpcs = names });
                    checks.AddRange(members.Select(m => (source, $"{members[0].Flow.From} → {to}", m.Trips)));
                }
            }

            flows.Add(InboundTo(vpc.First()));
        }

        var zoneLoss = new List<TransitZoneLoss>();
        foreach (var zone in AvailabilityZones)
        {
            var lost = new HashSet<string>(StringComparer.Ordinal) { zone };
            var reachable = checks
                .Where(c => c.Source.AvailabilityZone != zone)
                .Select(c => (c.Flow, Trips: c.Trips.Where(t => t.Verdict == Verdict.Reachable && t.DestinationZone != zone).ToList()))
                .Where(c => c.Trips.Count > 0)
                .ToList();
            var cut = reachable.Sum(c => c.Trips.Count(t => !t.SurvivesLossOf(lost)));
            var losing = reachable
                .Where(c => c.Trips.All(t => !t.SurvivesLossOf(lost)))
                .Select(c => c.Flow)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            zoneLoss.Add(new TransitZoneLoss(zone, reachable.Count, losing, reachable.Sum(c => c.Trips.Count), cut));
        }

        return new TransitReport(flows, zoneLoss);
    }

    private bool IsTransitSource(SubnetRef subnet)
    {
        if (subnet.VpcId is null || subnet.CidrBlock is null || subnet.AvailabilityZone is null || !AttachedVpcs.Contains(subnet.VpcId))
        {
            return false;
        }

        var transit = _routing.Transit;
        return !transit.Attachments.Any(a => a.SubnetIds.Contains(subnet.Id)) &&
            !_routing.Endpoints.Any(e => e.Type == EndpointInfo.GatewayLoadBalancerType && e.SubnetIds.Contains(subnet.Id)) &&
            !_routing.NatGateways.Any(n => n.SubnetId == subnet.Id) &&
            RoutesOf(subnet.Id).Any(r => r.Target.Kind == TargetKind.TransitGateway);
    }

    /// <summary>Every round trip from a host of <paramref name="source"/> to <paramref name="address"/>, the source's own AZ first.</summary>
    private (IReadOnlyList<TransitRoundTrip> Trips, IReadOnlyList<string> Notes) RoundTripsFrom(
        SubnetRef source, string address, string? destinationVpcId, string? destinationZone)
    {
        var toInternet = destinationVpcId is null;
        var sourceAddress = HostAddress(source.CidrBlock!);
        var trips = new List<TransitRoundTrip>();
        var notes = new List<string>();
        var forwards = CrossVpc.Trace(source.Id, address)
            .OrderBy(p => p.Steps.Count(s => s.Zone is not null && s.Zone != source.AvailabilityZone));
        foreach (var forward in forwards)
        {
            var pins = forward.PinnedZones.ToDictionary(p => _routing.Transit.Attachment(p.Key).Name, p => p.Value, StringComparer.Ordinal);
            var there = new Trace();
            var arrived = FollowPath(forward, toInternet, destinationVpcId, NoZones, there);
            notes.AddRange(there.Notes.Where(n => !notes.Contains(n)));
            if (arrived.End != WalkEnd.Delivered)
            {
                trips.Add(new TransitRoundTrip(destinationZone, pins, Shown(there), [], VerdictOf(arrived), arrived.Reason, false, false));
                continue;
            }

            var replies = CrossVpc.Replies(forward, sourceAddress);
            if (replies.Count == 0)
            {
                trips.Add(new TransitRoundTrip(destinationZone, pins, Shown(there), [], Verdict.Unknown, "the reply's path is not traced", false, false));
                continue;
            }

            foreach (var reply in replies)
            {
                var back = new Trace();
                var returned = FollowPath(reply, toInternet: false, source.VpcId, NoZones, back);
                notes.AddRange(back.Notes.Where(n => !notes.Contains(n)));
                var trip = new RoundTrip(forward, reply);
                trips.Add(new TransitRoundTrip(
                    destinationZone,
                    pins,
                    Shown(there),
                    Shown(back),
                    VerdictOf(returned),
                    returned.End == WalkEnd.Delivered ? "" : $"the replies: {returned.Reason}",
                    trip.IsSymmetric,
                    trip.IsInspectedBothWays));
            }
        }

        return (trips, notes);

        static IReadOnlyList<PathHop> Shown(Trace trace) => [.. trace.Hops.Where(h => h.Kind != HopKind.Local)];
    }

    private static Verdict VerdictOf(WalkResult result) => result.End switch
    {
        WalkEnd.Delivered => Verdict.Reachable,
        WalkEnd.Stopped => Verdict.Unreachable,
        _ => Verdict.Unknown,
    };

    private static TransitFlow Summarize(
        SubnetRef source, TransitFlowKind kind, string to, IReadOnlyList<string> vpcs, IReadOnlyList<TransitRoundTrip> trips, IReadOnlyList<string> notes)
    {
        var reachable = trips.Count(t => t.Verdict == Verdict.Reachable);
        var failing = trips.FirstOrDefault(t => t.Verdict != Verdict.Reachable);
        var (verdict, reason) = trips.Count == 0
            ? (Verdict.Unknown, "no path was traced")
            : failing is null
                ? (Verdict.Reachable, "")
                : reachable == 0
                    ? (trips.All(t => t.Verdict == Verdict.Unreachable) ? Verdict.Unreachable : Verdict.Unknown, failing.Reason)
                    : (Verdict.Unknown, $"only {reachable} of {trips.Count} AZ choices of the transit gateway get through: {failing.Reason}");
        var inspected = trips.Count > 0 && trips.All(t => t.InspectedBothWays)
            ? InspectionCoverage.BothWays
            : trips.Any(t => t.Forward.Concat(t.Return).Any(h => h.Kind == HopKind.GatewayLoadBalancerEndpoint))
                ? InspectionCoverage.Partly
                : InspectionCoverage.None;
        return new TransitFlow(source, kind, to, vpcs, verdict, reason, inspected, trips.Count > 0 && trips.All(t => t.Symmetric), trips, notes);
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
}
