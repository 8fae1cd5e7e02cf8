using Infra.Model.Analysis;

namespace Infra.Plan.Report;

/// <summary>
/// The plan as <c>--format json</c> prints it. The shape is a contract (docs/plan.md): fields are added only with a
/// new <see cref="SchemaVersion"/>, never renamed or removed within one. A section left out with <c>--section</c>
/// is null.
/// </summary>
public sealed record PlanReport(
    int SchemaVersion,
    string Project,
    string Stack,
    string Region,
    IReadOnlyList<string> AvailabilityZones,
    ResourcesReport? Resources,
    RouteTablesReport? RouteTables,
    ReachabilityReport? Reachability,
    AzLossSection? AzLoss,
    CostReport? Cost,
    PolicySection? Policy,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Problems,
    TransitSection? Transit = null)
{
    /// <summary>The version of this shape for a stack without a transit gateway (no <c>transit</c> field).</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>The version of a plan of a stack with a transit gateway: version 2 and the <c>transit</c> field.</summary>
    public const int TransitSchemaVersion = 3;

    /// <summary>The report of a plan, with the chosen sections.</summary>
    public static PlanReport From(PlanResult plan, Sections sections)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var analysis = plan.Analysis;
        var transit = analysis.Analyzer.HasTransitGateway;
        return new PlanReport(
            transit ? TransitSchemaVersion : CurrentSchemaVersion,
            plan.Stack.ProjectName,
            plan.Stack.StackName,
            plan.Region,
            plan.AvailabilityZones,
            sections.HasFlag(Sections.Resources) ? ResourcesReport.From(plan.Resources) : null,
            sections.HasFlag(Sections.Routes) ? RouteTablesReport.From(analysis.RouteTables) : null,
            sections.HasFlag(Sections.Reachability) ? ReachabilityReport.From(analysis.Flows) : null,
            sections.HasFlag(Sections.AzLoss) ? AzLossSection.From(analysis.AzLoss) : null,
            sections.HasFlag(Sections.Cost) ? CostReport.From(analysis.Cost) : null,
            sections.HasFlag(Sections.Policy) ? PolicySection.From(plan.Policy) : null,
            plan.Warnings,
            analysis.Routing.Problems,
            transit && sections.HasFlag(Sections.Transit) ? TransitSection.From(analysis.Transit) : null);
    }
}

/// <summary>The sections of a plan.</summary>
[Flags]
public enum Sections
{
    /// <summary>No section.</summary>
    None = 0,

    /// <summary>The resource tree and totals per type.</summary>
    Resources = 1,

    /// <summary>Every subnet's routes and the edge route tables.</summary>
    Routes = 2,

    /// <summary>What each subnet can reach.</summary>
    Reachability = 4,

    /// <summary>What losing each AZ breaks.</summary>
    AzLoss = 8,

    /// <summary>The monthly cost estimate.</summary>
    Cost = 16,

    /// <summary>The guard rails: every rule's outcome, findings and waivers (with <c>--policy</c>).</summary>
    Policy = 32,

    /// <summary>Flows across VPCs through a transit gateway, and what each AZ's loss does to them (stacks with one).</summary>
    Transit = 64,

    /// <summary>Every section but the guard rails, which <c>--policy</c> adds.</summary>
    All = Resources | Routes | Reachability | AzLoss | Cost | Transit,
}

/// <summary>The <c>resources</c> section.</summary>
/// <param name="Count">Resources, components included, the stack not.</param>
/// <param name="Tree">The stack with its resources nested by parent.</param>
/// <param name="Totals">Per type, most numerous first.</param>
public sealed record ResourcesReport(int Count, ResourceNodeReport Tree, IReadOnlyList<TypeTotalReport> Totals)
{
    public static ResourcesReport From(ResourceTree tree) => new(
        tree.Count,
        ResourceNodeReport.From(tree.Root),
        [.. tree.Totals.Select(t => new TypeTotalReport(t.Type, t.Count))]);
}

/// <summary>A resource of the tree.</summary>
/// <param name="Type">The type token.</param>
/// <param name="Name">The logical name.</param>
/// <param name="Id">The mock id of a custom resource (placeholder: no AWS call is made); null for components and the stack.</param>
/// <param name="Children">Its children.</param>
public sealed record ResourceNodeReport(string Type, string Name, string? Id, IReadOnlyList<ResourceNodeReport> Children)
{
    public static ResourceNodeReport From(ResourceNode node) =>
        new(node.Type, node.Name, node.Id, [.. node.Children.Select(From)]);
}

/// <summary>A count per type.</summary>
public sealed record TypeTotalReport(string Type, int Count);

/// <summary>The <c>routeTables</c> section.</summary>
/// <param name="Subnets">Each subnet with its effective routes.</param>
/// <param name="Edges">Each edge-associated route table (traffic entering through a gateway).</param>
public sealed record RouteTablesReport(IReadOnlyList<SubnetRoutesReport> Subnets, IReadOnlyList<EdgeRoutesReport> Edges)
{
    public static RouteTablesReport From(RouteTableView view) => new(
        [.. view.Subnets.Select(s => new SubnetRoutesReport(
            s.Subnet.VpcName,
            s.Subnet.Name,
            s.Subnet.Id,
            s.Subnet.Label,
            s.Subnet.Tier,
            s.Subnet.AvailabilityZone,
            s.Subnet.CidrBlock,
            new RouteTableRef(s.RouteTableId, s.RouteTableName, s.IsMainTable),
            [.. s.Routes.Select(RouteReport.From)]))],
        [.. view.Edges.Select(e => new EdgeRoutesReport(
            e.VpcName,
            e.GatewayName,
            e.GatewayId,
            new RouteTableRef(e.RouteTableId, e.RouteTableName, false),
            [.. e.Routes.Select(RouteReport.From)]))]);
}

/// <summary>A subnet and its routes.</summary>
public sealed record SubnetRoutesReport(
    string? Vpc,
    string Subnet,
    string SubnetId,
    string Label,
    string? Tier,
    string? AvailabilityZone,
    string? Cidr,
    RouteTableRef RouteTable,
    IReadOnlyList<RouteReport> Routes);

/// <summary>An edge route table and the gateway it is associated with.</summary>
public sealed record EdgeRoutesReport(string? Vpc, string Gateway, string GatewayId, RouteTableRef RouteTable, IReadOnlyList<RouteReport> Routes);

/// <summary>A route table: id, logical name (null for an implicit main table), and whether it is its VPC's main table.</summary>
public sealed record RouteTableRef(string Id, string? Name, bool Main);

/// <summary>A route as the console shows it.</summary>
/// <param name="Destination">CIDR block or prefix list id.</param>
/// <param name="Target"><c>local</c> or the target's id.</param>
/// <param name="TargetKind">camelCase kind: local, internetGateway, natGateway, gatewayEndpoint, gatewayLoadBalancerEndpoint, …</param>
/// <param name="Description">The target in words with its logical name.</param>
public sealed record RouteReport(string Destination, string Target, string TargetKind, string Description)
{
    public static RouteReport From(RouteLine line) =>
        new(line.Destination, line.Target, JsonNames.Of(line.TargetKind), line.Description);
}

/// <summary>The <c>reachability</c> section.</summary>
/// <param name="ProbeAddress">The public address used for "the internet".</param>
/// <param name="Flows">Every source subnet × destination, by subnet then destination.</param>
public sealed record ReachabilityReport(string ProbeAddress, IReadOnlyList<FlowReport> Flows)
{
    public static ReachabilityReport From(IReadOnlyList<Flow> flows) =>
        new(ReachabilityAnalyzer.InternetProbeAddress, [.. flows.Select(FlowReport.Of)]);
}

/// <summary>One flow.</summary>
/// <param name="From">The source subnet's label (<c>private-a</c>); for inbound flows, the subnet connections arrive at.</param>
/// <param name="Subnet">The subnet's logical name.</param>
/// <param name="Tier">Its tier.</param>
/// <param name="AvailabilityZone">Its AZ.</param>
/// <param name="To">The destination: <c>internet</c>, <c>S3</c>, <c>DynamoDB</c>, a service (<c>ssm</c>), a tier, or <c>internet (inbound)</c>.</param>
/// <param name="Kind">camelCase: internet, gatewayService, interfaceService, tier, fromInternet.</param>
/// <param name="Verdict">reachable, unreachable or unknown.</param>
/// <param name="Summary">The path (<c>nat-a → igw</c>) or the reason it does not get through.</param>
/// <param name="Path">The hops.</param>
/// <param name="Notes">Caveats.</param>
public sealed record FlowReport(
    string From,
    string Subnet,
    string? Tier,
    string? AvailabilityZone,
    string To,
    string Kind,
    string Verdict,
    string Summary,
    IReadOnlyList<HopReport> Path,
    IReadOnlyList<string> Notes)
{
    public static FlowReport Of(Flow flow) => new(
        flow.Source.Label,
        flow.Source.Name,
        flow.Source.Tier,
        flow.Source.AvailabilityZone,
        flow.Destination.Name,
        JsonNames.Of(flow.Destination.Kind),
        JsonNames.Of(flow.Verdict),
        flow.Summary,
        [.. flow.Path.Select(HopReport.From)],
        flow.Notes);
}

/// <summary>A hop of a path.</summary>
/// <param name="Kind">camelCase: local, internetGateway, natGateway, gatewayEndpoint, interfaceEndpoint, gatewayLoadBalancerEndpoint, gatewayLoadBalancer, appliances, external, subnet.</param>
/// <param name="Label">As in the summary.</param>
/// <param name="Resource">The resource's logical name (for appliances, their names), when any.</param>
/// <param name="Id">The resource id, when any.</param>
/// <param name="AvailabilityZones">Where it lives; empty for regional hops.</param>
public sealed record HopReport(string Kind, string Label, string? Resource, string? Id, IReadOnlyList<string> AvailabilityZones)
{
    public static HopReport From(PathHop hop) => new(JsonNames.Of(hop.Kind), hop.Label, hop.ResourceName, hop.ResourceId, hop.AvailabilityZones);
}

/// <summary>The <c>azLoss</c> section.</summary>
/// <param name="Zones">For each AZ taken away, the flows of other AZs that lose their path.</param>
/// <param name="SinglePointsOfFailure">The findings grouped by the resource that caused them.</param>
public sealed record AzLossSection(IReadOnlyList<ZoneLossReport> Zones, IReadOnlyList<SinglePointReport> SinglePointsOfFailure)
{
    public static AzLossSection From(AzLossReport report) => new(
        [.. report.Zones.Select(z => new ZoneLossReport(
            z.Zone,
            z.FlowsOfOtherZones,
            [.. z.Findings.Select(f => new AzLossFindingReport(
                f.Before.Source.Label,
                f.Before.Destination.Name,
                JsonNames.Of(f.Before.Destination.Kind),
                f.Before.Summary,
                f.After.Reason,
                f.Cause))]))],
        [.. report.SinglePointsOfFailure.Select(s => new SinglePointReport(s.Zone, s.Cause, s.Flows))]);
}

/// <summary>What losing one AZ does.</summary>
/// <param name="AvailabilityZone">The AZ taken away.</param>
/// <param name="FlowsChecked">Flows of the other AZs checked.</param>
/// <param name="Findings">Those that lose their path.</param>
public sealed record ZoneLossReport(string AvailabilityZone, int FlowsChecked, IReadOnlyList<AzLossFindingReport> Findings);

/// <summary>A flow that loses its path.</summary>
/// <param name="From">Source label.</param>
/// <param name="To">Destination.</param>
/// <param name="Kind">Destination kind.</param>
/// <param name="Before">The path with every AZ up.</param>
/// <param name="After">Why it fails with the AZ lost.</param>
/// <param name="Cause">The lost resource.</param>
public sealed record AzLossFindingReport(string From, string To, string Kind, string Before, string After, string Cause);

/// <summary>A resource of one AZ that flows of other AZs depend on.</summary>
public sealed record SinglePointReport(string AvailabilityZone, string Cause, IReadOnlyList<string> Flows);

/// <summary>The <c>cost</c> section. Amounts are per month in <see cref="Currency"/>, to the cent; rates as in the price table.</summary>
public sealed record CostReport(
    string Currency,
    string Region,
    string PriceRegion,
    decimal HoursPerMonth,
    PricesReport Prices,
    IReadOnlyList<HourlyReport> Hourly,
    IReadOnlyList<UsageReport> Usage,
    IReadOnlyList<SavingReport> Savings,
    decimal FixedMonthly,
    decimal UsageMonthly,
    decimal TotalMonthly,
    bool UsageEstimated)
{
    public static CostReport From(CostEstimate cost) => new(
        cost.Currency,
        cost.Region,
        cost.PriceRegion,
        cost.HoursPerMonth,
        new PricesReport(cost.PricesAsOf, [.. cost.Sources.Select(s => new PriceSourceReport(s.Name, s.Url, s.Covers))]),
        [.. cost.Hourly.Select(h => new HourlyReport(h.Item, h.Detail, h.Quantity, h.Unit, h.PricePerHour, h.Monthly))],
        [.. cost.Usage.Select(u => new UsageReport(u.Item, u.Detail, u.PricePerGb, u.GbPerMonth, u.Monthly))],
        [.. cost.Savings.Select(s => new SavingReport(s.Service, s.Endpoint, s.PerGb, s.GbPerMonth, s.Monthly))],
        cost.FixedMonthly,
        cost.UsageMonthly,
        cost.TotalMonthly,
        cost.Usage.Any(u => u.Monthly is not null));
}

/// <summary>Where the prices come from and when they were taken.</summary>
public sealed record PricesReport(string AsOf, IReadOnlyList<PriceSourceReport> Sources);

/// <summary>A pricing page.</summary>
public sealed record PriceSourceReport(string Name, string Url, string Covers);

/// <summary>An hourly charge: quantity × pricePerHour × hoursPerMonth = monthly (null when the price is unknown).</summary>
public sealed record HourlyReport(string Item, string Detail, int Quantity, string Unit, decimal? PricePerHour, decimal? Monthly);

/// <summary>A per-GB charge: the rate, and the estimate when a volume was given.</summary>
public sealed record UsageReport(string Item, string Detail, decimal PricePerGb, decimal? GbPerMonth, decimal? Monthly);

/// <summary>What a gateway endpoint saves against NAT: per GB, and for the given volume.</summary>
public sealed record SavingReport(string Service, string Endpoint, decimal PerGb, decimal? GbPerMonth, decimal? Monthly);

/// <summary>camelCase names of enum values, as the JSON shows them.</summary>
internal static class JsonNames
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }
}

/// <summary>The <c>transit</c> section (schemaVersion 3; absent from plans of stacks without a transit gateway).</summary>
/// <param name="Flows">By source VPC, subnet and destination.</param>
/// <param name="ZoneLoss">For each AZ taken away, the cross-VPC flows of other AZs that lose every path.</param>
public sealed record TransitSection(IReadOnlyList<TransitFlowReport> Flows, IReadOnlyList<TransitZoneLossReport> ZoneLoss)
{
    public static TransitSection From(TransitReport report) => new(
        [.. report.Flows.Select(f => new TransitFlowReport(
            f.From,
            f.Source.VpcName,
            f.Source.Name,
            f.Source.AvailabilityZone,
            f.To,
            JsonNames.Of(f.Kind),
            f.DestinationVpcs,
            JsonNames.Of(f.Verdict),
            f.Reason,
            JsonNames.Of(f.Inspection),
            f.Symmetric,
            [.. f.RoundTrips.Select(t => new TransitRoundTripReport(
                t.DestinationZone,
                t.PinnedZones,
                JsonNames.Of(t.Verdict),
                t.Reason,
                t.Symmetric,
                t.InspectedBothWays,
                [.. t.Forward.Select(HopReport.From)],
                [.. t.Return.Select(HopReport.From)]))],
            f.Notes))],
        [.. report.ZoneLoss.Select(z => new TransitZoneLossReport(z.Zone, z.FlowsChecked, z.Lost, z.ChoicesChecked, z.ChoicesCut))]);
}

/// <summary>A cross-VPC flow.</summary>
/// <param name="From">The source: VPC and subnet label (<c>spoke-1/private-a</c>).</param>
/// <param name="Vpc">The source's VPC.</param>
/// <param name="Subnet">The source subnet's logical name.</param>
/// <param name="AvailabilityZone">Its AZ.</param>
/// <param name="To"><c>internet</c>, <c>internet (inbound)</c>, a VPC, or <c>N VPCs</c>.</param>
/// <param name="Kind">camelCase: internet, vpcs, fromInternet.</param>
/// <param name="DestinationVpcs">The VPCs the flow goes to (kind vpcs).</param>
/// <param name="Verdict">reachable, unreachable or unknown.</param>
/// <param name="Reason">Why not; empty when reachable.</param>
/// <param name="Inspection">camelCase: bothWays, partly, none.</param>
/// <param name="Symmetric">Every reply crosses the request's GWLB endpoints in reverse order.</param>
/// <param name="RoundTrips">The first destination's round trips, one per AZ choice of the transit gateway.</param>
/// <param name="Notes">Caveats.</param>
public sealed record TransitFlowReport(
    string From,
    string? Vpc,
    string Subnet,
    string? AvailabilityZone,
    string To,
    string Kind,
    IReadOnlyList<string> DestinationVpcs,
    string Verdict,
    string Reason,
    string Inspection,
    bool Symmetric,
    IReadOnlyList<TransitRoundTripReport> RoundTrips,
    IReadOnlyList<string> Notes);

/// <summary>A request and its reply for one choice of AZs.</summary>
/// <param name="DestinationZone">The destination host's AZ (null for the internet).</param>
/// <param name="PinnedZones">Appliance-mode attachment → the AZ the flow is pinned to.</param>
/// <param name="Verdict">reachable, unreachable or unknown.</param>
/// <param name="Reason">Why not.</param>
/// <param name="Symmetric">The reply crosses the request's GWLB endpoints in reverse order.</param>
/// <param name="InspectedBothWays">Both halves cross a GWLB endpoint.</param>
/// <param name="Forward">The request's hops.</param>
/// <param name="Return">The reply's hops.</param>
public sealed record TransitRoundTripReport(
    string? DestinationZone,
    IReadOnlyDictionary<string, string> PinnedZones,
    string Verdict,
    string Reason,
    bool Symmetric,
    bool InspectedBothWays,
    IReadOnlyList<HopReport> Forward,
    IReadOnlyList<HopReport> Return);

/// <summary>What losing one AZ does to the cross-VPC flows of the other AZs.</summary>
/// <param name="AvailabilityZone">The AZ taken away.</param>
/// <param name="FlowsChecked">Reachable flows of other AZs checked.</param>
/// <param name="Lost">Those that lose every path.</param>
/// <param name="ChoicesChecked">Their AZ choices in all.</param>
/// <param name="ChoicesCut">AZ choices that cross the lost AZ (connections pinned there are cut).</param>
public sealed record TransitZoneLossReport(string AvailabilityZone, int FlowsChecked, IReadOnlyList<string> Lost, int ChoicesChecked, int ChoicesCut);
