namespace Infra.Model.Analysis;

/// <summary>Where a cross-VPC flow goes.</summary>
public enum TransitFlowKind
{
    /// <summary>To the internet, through the transit gateway (central egress).</summary>
    Internet,

    /// <summary>To other VPCs attached to the same transit gateway.</summary>
    Vpcs,

    /// <summary>Connections opened from the internet to the VPC.</summary>
    FromInternet,
}

/// <summary>Whether both halves of a flow cross a Gateway Load Balancer endpoint.</summary>
public enum InspectionCoverage
{
    /// <summary>The request and the reply cross at least one GWLB endpoint, whichever AZ the transit gateway picks.</summary>
    BothWays,

    /// <summary>Some halves (or some of the AZ choices) cross none.</summary>
    Partly,

    /// <summary>No half crosses a GWLB endpoint.</summary>
    None,
}

/// <summary>A request and its reply for one choice of AZs of the transit gateway.</summary>
/// <param name="DestinationZone">The AZ of the destination host (null for the internet).</param>
/// <param name="PinnedZones">Appliance-mode attachment name → the AZ this choice pins the flow to (empty without appliance mode).</param>
/// <param name="Forward">The request's hops.</param>
/// <param name="Return">The reply's hops (empty when the request does not arrive).</param>
/// <param name="Verdict">Whether both halves get through.</param>
/// <param name="Reason">Why not; empty when they do.</param>
/// <param name="Symmetric">The reply crosses the GWLB endpoints of the request, in reverse order.</param>
/// <param name="InspectedBothWays">Both halves cross at least one GWLB endpoint.</param>
public sealed record TransitRoundTrip(
    string? DestinationZone,
    IReadOnlyDictionary<string, string> PinnedZones,
    IReadOnlyList<PathHop> Forward,
    IReadOnlyList<PathHop> Return,
    Verdict Verdict,
    string Reason,
    bool Symmetric,
    bool InspectedBothWays)
{
    /// <summary>The request's hops as labels: <c>tgw-a → spoke-rt → tgw-a → gwlbe-a → GWLB → appliances → nat-a → igw</c>.</summary>
    public string ForwardSummary => string.Join(" → ", Forward.Select(h => h.Label));

    /// <summary>The reply's hops as labels.</summary>
    public string ReturnSummary => string.Join(" → ", Return.Select(h => h.Label));
}

/// <summary>
/// Flows of one source subnet across a transit gateway to one kind of destination; destination VPCs with the same
/// outcome are one flow.
/// </summary>
/// <param name="Source">The source subnet (for inbound flows, a subnet of the VPC connections would arrive at).</param>
/// <param name="Kind">What the destination is.</param>
/// <param name="To"><c>internet</c>, <c>internet (inbound)</c>, a VPC name, or <c>N VPCs</c>.</param>
/// <param name="DestinationVpcs">The destination VPCs, by name (for <see cref="TransitFlowKind.Vpcs"/>).</param>
/// <param name="Verdict">Reachable when every AZ choice of the transit gateway gets through both ways.</param>
/// <param name="Reason">Why not; empty when reachable.</param>
/// <param name="Inspection">Whether both halves cross the appliances.</param>
/// <param name="Symmetric">Every choice's reply crosses the request's GWLB endpoints, in reverse order.</param>
/// <param name="RoundTrips">The first destination VPC's round trips: to a host in the source's AZ and one in the next AZ,
/// each once per AZ choice of the transit gateway, the source's own AZ first.</param>
/// <param name="Notes">Caveats from the hops (what the appliances run…).</param>
public sealed record TransitFlow(
    SubnetRef Source,
    TransitFlowKind Kind,
    string To,
    IReadOnlyList<string> DestinationVpcs,
    Verdict Verdict,
    string Reason,
    InspectionCoverage Inspection,
    bool Symmetric,
    IReadOnlyList<TransitRoundTrip> RoundTrips,
    IReadOnlyList<string> Notes)
{
    /// <summary><c>spoke-1/private-a</c>: the source's VPC and label (labels of tiers several VPCs have already name it).</summary>
    public string From => Source.Label.Contains('/', StringComparison.Ordinal) ? Source.Label : $"{Source.VpcName}/{Source.Label}";

    /// <summary>The round trip to show: the first that fails or is asymmetric, else the first (the source's own AZ).</summary>
    public TransitRoundTrip? Example =>
        RoundTrips.FirstOrDefault(t => t.Verdict != Verdict.Reachable || !t.Symmetric) ?? (RoundTrips.Count > 0 ? RoundTrips[0] : null);

    /// <summary>The AZs the transit gateway may pin the flow to, as <c>eu-west-1a|eu-west-1b</c>; empty without appliance mode.</summary>
    public string PinnedZones => string.Join(
        "|",
        RoundTrips.SelectMany(t => t.PinnedZones.Values).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}

/// <summary>What losing one AZ does to the cross-VPC flows of the other AZs.</summary>
/// <param name="Zone">The AZ taken away.</param>
/// <param name="FlowsChecked">Source subnet × destination pairs of other AZs that were reachable (round trips to hosts in
/// the lost AZ left out: those hosts go with it).</param>
/// <param name="Lost">Those that lose every path, as <c>spoke-1/private-b → internet</c> (destination VPCs counted).</param>
/// <param name="ChoicesChecked">Their AZ choices (round trips) in all.</param>
/// <param name="ChoicesCut">The AZ choices that cross the lost AZ: connections pinned there are cut.</param>
public sealed record TransitZoneLoss(string Zone, int FlowsChecked, IReadOnlyList<string> Lost, int ChoicesChecked, int ChoicesCut);

/// <summary>The cross-VPC view: flows through transit gateways, and what each AZ's loss does to them.</summary>
/// <param name="Flows">By source VPC, subnet and destination.</param>
/// <param name="ZoneLoss">One entry per AZ of the source subnets.</param>
public sealed record TransitReport(IReadOnlyList<TransitFlow> Flows, IReadOnlyList<TransitZoneLoss> ZoneLoss)
{
    /// <summary>No transit gateway with an attached VPC.</summary>
    public static TransitReport Empty { get; } = new([], []);
}
