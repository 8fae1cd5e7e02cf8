using Infra.Model.Analysis;

namespace Infra.Model.Tests.Analysis;

/// <summary>What each appliance fleet mode costs: the same instances, and an Auto Scaling group that is free.</summary>
public class FleetCostTests
{
    private static readonly PriceTable Table = new(
        "USD", 730m, "2025-01-01", [new PriceSource("Amazon EC2 On-Demand pricing", "https://aws.amazon.com/ec2/pricing/on-demand/", "instances")], "us-east-1",
        new Dictionary<string, RegionPrices>
        {
            ["us-east-1"] = new(0.05m, 0.04m, 0.005m, 0.01m, 0.01m, 0.02m, 0.004m, 0.01m, 0.0035m, 0.01m, 0.05m, 0.02m, new Dictionary<string, decimal> { ["c5n.large"] = 0.1m }),
        });

    private static Dictionary<string, HourlyCharge> Lines(Network network)
    {
        var records = network.Records();
        var cost = CostEstimator.Estimate(Infra.Model.Routing.RoutingModel.Build(records, Network.PrefixLists), NetworkInventory.Build(records), Table, Network.Region);
        return cost.Hourly.ToDictionary(h => h.Item);
    }

    [Fact]
    public void An_auto_scaling_group_costs_its_desired_instances_and_nothing_for_itself()
    {
        var fleet = Lines(new Network { AzCount = 3, Inspection = true, FleetDesiredCapacity = 3 });
        var fixedAppliances = Lines(new Network { AzCount = 3, Inspection = true });

        Assert.Equal((3, 219.00m), (fleet["Appliance instances"].Quantity, fleet["Appliance instances"].Monthly));    // 3 × 0.1 × 730
        Assert.Equal("3 instances in us-east-1a, us-east-1b, us-east-1c", fleet["Appliance instances"].Detail);
        Assert.Equal((1, 0m), (fleet["Auto Scaling groups"].Quantity, fleet["Auto Scaling groups"].Monthly));
        Assert.Equal("appliance-fleet (3–3, desired 3)", fleet["Auto Scaling groups"].Detail);
        Assert.Equal(fixedAppliances["Appliance instances"].Monthly, fleet["Appliance instances"].Monthly);
        Assert.DoesNotContain("Auto Scaling groups", fixedAppliances.Keys);
    }
}
