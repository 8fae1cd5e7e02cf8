using Infra.Model.Routing;

namespace Infra.Model.Analysis;

/// <summary>
/// Everything the plan shows about a stack's network, worked out from the resources it registers: route tables,
/// reachability, AZ loss and cost.
/// </summary>
/// <param name="Routing">The routing model.</param>
/// <param name="Inventory">The resources beyond routing.</param>
/// <param name="Analyzer">The reachability analyzer (for further questions).</param>
/// <param name="RouteTables">Every subnet's routes and the edge tables.</param>
/// <param name="Flows">Every flow with every zone up.</param>
/// <param name="AzLoss">What each zone's loss breaks elsewhere.</param>
/// <param name="Cost">The monthly estimate.</param>
/// <param name="Transit">The cross-VPC view through transit gateways (empty without one).</param>
public sealed record NetworkAnalysis(
    RoutingModel Routing,
    NetworkInventory Inventory,
    ReachabilityAnalyzer Analyzer,
    RouteTableView RouteTables,
    IReadOnlyList<Flow> Flows,
    AzLossReport AzLoss,
    CostEstimate Cost,
    TransitReport Transit)
{
    /// <summary>Runs every analysis.</summary>
    /// <param name="routing">The routing model of the resources.</param>
    /// <param name="records">The same resources, for what routing does not read.</param>
    /// <param name="prices">The price table.</param>
    /// <param name="region">The stack's region.</param>
    /// <param name="volumes">Traffic volumes for the per-GB charges, if known.</param>
    public static NetworkAnalysis Run(
        RoutingModel routing, IEnumerable<ResourceRecord> records, PriceTable prices, string region, TrafficVolumes? volumes = null)
    {
        ArgumentNullException.ThrowIfNull(routing);
        var inventory = NetworkInventory.Build(records);
        var analyzer = ReachabilityAnalyzer.Create(routing, inventory);
        var flows = analyzer.Analyze();
        return new NetworkAnalysis(
            routing,
            inventory,
            analyzer,
            RouteTableView.Build(routing, analyzer),
            flows,
            AzLossAnalysis.Analyze(analyzer, flows),
            CostEstimator.Estimate(routing, inventory, prices, region, volumes),
            analyzer.AnalyzeTransit());
    }
}
