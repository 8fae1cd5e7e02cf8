namespace Infra.Model.Analysis;

/// <summary>A flow of another AZ that loses its path when a zone is lost.</summary>
/// <param name="LostZone">The zone taken away.</param>
/// <param name="Before">The flow with every zone up (reachable).</param>
/// <param name="After">The same flow with <paramref name="LostZone"/> lost.</param>
public sealed record AzLossFinding(string LostZone, Flow Before, Flow After)
{
    /// <summary>What took the flow down: the lost hop (<c>NAT gateway workload-nat-eu-west-1a (eu-west-1a)</c>) or the reason.</summary>
    public string Cause => After.LostHop?.Description ?? After.Reason;

    /// <summary><c>private-b → internet loses its path: NAT gateway … (eu-west-1a) is in a lost AZ</c>.</summary>
    public override string ToString() => Before.Destination.Kind == FlowKind.FromInternet
        ? $"internet → {Before.Source.Label} loses its path: {After.Reason}"
        : $"{Before.Source.Label} → {Before.Destination.Name} loses its path: {After.Reason}";
}

/// <summary>What losing one zone does to the flows of the other zones.</summary>
/// <param name="Zone">The zone taken away.</param>
/// <param name="FlowsOfOtherZones">How many flows start in other zones (and were checked).</param>
/// <param name="Findings">The flows of other zones that were reachable and no longer are.</param>
public sealed record ZoneLoss(string Zone, int FlowsOfOtherZones, IReadOnlyList<AzLossFinding> Findings);

/// <summary>A resource in one zone that flows of other zones depend on.</summary>
/// <param name="Zone">The zone it lives in.</param>
/// <param name="Cause">The resource (or reason), as in <see cref="AzLossFinding.Cause"/>.</param>
/// <param name="Flows">The flows that depend on it, as <c>source → destination</c>.</param>
public sealed record SinglePointOfFailure(string Zone, string Cause, IReadOnlyList<string> Flows);

/// <summary>The result of taking each zone away in turn.</summary>
/// <param name="Zones">One entry per zone, in zone order.</param>
/// <param name="SinglePointsOfFailure">The findings grouped by what caused them.</param>
public sealed record AzLossReport(IReadOnlyList<ZoneLoss> Zones, IReadOnlyList<SinglePointOfFailure> SinglePointsOfFailure);

/// <summary>
/// Takes each availability zone away in turn and lists the flows of the other zones that lose their path, so that a
/// resource every zone depends on (a single NAT gateway, an interface endpoint in one zone, appliances of one zone
/// behind a cross-zone load balancer) shows up. Flows that start in the lost zone are not listed: they go with it.
/// </summary>
public static class AzLossAnalysis
{
    /// <summary>Runs the analysis.</summary>
    /// <param name="analyzer">The reachability analyzer of the stack.</param>
    /// <param name="baseline">The flows with every zone up, when already computed.</param>
    public static AzLossReport Analyze(ReachabilityAnalyzer analyzer, IReadOnlyList<Flow>? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var before = baseline ?? analyzer.Analyze();
        var zones = new List<ZoneLoss>();
        foreach (var zone in analyzer.AvailabilityZones)
        {
            var lost = new HashSet<string>(StringComparer.Ordinal) { zone };
            var others = before.Where(f => f.Source.AvailabilityZone != zone).ToList();

            // Only a reachable flow can lose its path, and only through a hop in the lost zone or, for interface
            // endpoints and tiers, a target there: every other flow is evaluated exactly as before.
            var findings = others
                .Where(f => f.Verdict == Verdict.Reachable && DependsOn(f, zone))
                .Select(f => (before: f, after: analyzer.Evaluate(f.Source, f.Destination, lost)))
                .Where(p => p.after.Verdict != Verdict.Reachable)
                .Select(p => new AzLossFinding(zone, p.before, p.after))
                .ToList();
            zones.Add(new ZoneLoss(zone, others.Count, findings));
        }

        var singlePoints = zones
            .SelectMany(z => z.Findings)
            .GroupBy(f => (f.LostZone, f.Cause))
            .Select(g => new SinglePointOfFailure(
                g.Key.LostZone,
                g.Key.Cause,
                [.. g.Select(f => f.Before.Destination.Kind == FlowKind.FromInternet
                    ? $"internet → {f.Before.Source.Label}"
                    : $"{f.Before.Source.Label} → {f.Before.Destination.Name}")]))
            .OrderBy(s => s.Zone, StringComparer.Ordinal)
            .ThenByDescending(s => s.Flows.Count)
            .ThenBy(s => s.Cause, StringComparer.Ordinal)
            .ToList();
        return new AzLossReport(zones, singlePoints);
    }

    private static bool DependsOn(Flow flow, string zone) =>
        flow.Destination.Kind is FlowKind.InterfaceService or FlowKind.Tier ||
        flow.Path.Any(hop => hop.AvailabilityZones.Contains(zone));
}
