using Infra.Model.Analysis;

namespace Infra.Model.Tests.Analysis;

public class CostTests
{
    // Round figures so that every expected amount below can be checked by hand.
    private static readonly RegionPrices Home = new(
        NatGatewayHour: 0.05m,
        NatGatewayGb: 0.04m,
        PublicIpv4Hour: 0.005m,
        InterfaceEndpointAzHour: 0.01m,
        InterfaceEndpointGb: 0.01m,
        GatewayLoadBalancerHour: 0.02m,
        GatewayLoadBalancerCapacityUnitHour: 0.004m,
        GatewayLoadBalancerEndpointAzHour: 0.01m,
        GatewayLoadBalancerEndpointGb: 0.0035m,
        CrossAzGb: 0.01m,
        TransitGatewayAttachmentHour: 0.05m,
        TransitGatewayGb: 0.02m,
        InstanceHour: new Dictionary<string, decimal> { ["c5n.large"] = 0.1m });

    private static readonly PriceTable Table = new(
        "USD", 730m, "2025-01-01",
        [
            new PriceSource("Amazon VPC pricing", "https://aws.amazon.com/vpc/pricing/", "NAT"),
            new PriceSource("AWS Transit Gateway pricing", "https://aws.amazon.com/transit-gateway/pricing/", "attachments", PriceSource.TransitGateway),
        ],
        "us-east-1",
        new Dictionary<string, RegionPrices> { ["us-east-1"] = Home });

    [Fact]
    public void Transit_gateway_attachments_are_priced_by_the_hour_and_their_traffic_per_gb_with_the_source_cited()
    {
        // The inspection VPC's attachment and 3 spokes'.
        var records = new Routing.CentralizedArchitecture(2, 3).Resources();
        var cost = CostEstimator.Estimate(Infra.Model.Routing.RoutingModel.Build(records), NetworkInventory.Build(records), Table, Network.Region, new TrafficVolumes(Tgw: 1000m));

        var attachments = cost.Hourly.Single(h => h.Item == "Transit Gateway attachments");
        Assert.Equal((4, "attachment", 0.05m, 146.00m), (attachments.Quantity, attachments.Unit, attachments.PricePerHour, attachments.Monthly)); // 4 × 0.05 × 730
        Assert.Equal("4 VPC attachments to hub", attachments.Detail);
        var processing = cost.Usage.Single(u => u.Item == "Transit Gateway data processing");
        Assert.Equal((0.02m, 1000m, 20.00m), (processing.PricePerGb, processing.GbPerMonth, processing.Monthly)); // 1000 × 0.02
        Assert.Equal(["Amazon VPC pricing", "AWS Transit Gateway pricing"], cost.Sources.Select(s => s.Name));
    }

    [Fact]
    public void Without_a_transit_gateway_its_source_is_not_cited_and_a_tgw_volume_is_a_warning()
    {
        var cost = Estimate(new Network(), new TrafficVolumes(Tgw: 10m));

        Assert.Equal(["Amazon VPC pricing"], cost.Sources.Select(s => s.Name));
        Assert.DoesNotContain(cost.Hourly, h => h.Item.StartsWith("Transit", StringComparison.Ordinal));
        Assert.Contains("A transit gateway (tgw) volume was given, but the stack has no transit gateway attachment: it is not priced.", cost.Warnings);
    }

    private static CostEstimate Estimate(Network network, TrafficVolumes? volumes = null, string region = Network.Region)
    {
        var records = network.Records();
        return CostEstimator.Estimate(Infra.Model.Routing.RoutingModel.Build(records, Network.PrefixLists), NetworkInventory.Build(records), Table, region, volumes);
    }

    [Fact]
    public void Hourly_charges_are_quantity_times_price_times_730_hours()
    {
        // 3 AZs, NAT per AZ, 2 interface endpoints, inspection with one appliance per AZ.
        var cost = Estimate(new Network { AzCount = 3, Nat = "perAz", Inspection = true, InterfaceServices = ["ssm", "logs"] });

        var lines = cost.Hourly.ToDictionary(h => h.Item);
        Assert.Equal((3, 109.50m), (lines["NAT gateways"].Quantity, lines["NAT gateways"].Monthly));                 // 3 × 0.05 × 730
        Assert.Equal((3, 10.95m), (lines["Public IPv4 addresses"].Quantity, lines["Public IPv4 addresses"].Monthly)); // 3 × 0.005 × 730
        Assert.Equal((6, 43.80m), (lines["Interface endpoints"].Quantity, lines["Interface endpoints"].Monthly));     // 2 endpoints × 3 AZs × 0.01 × 730
        Assert.Equal("2 endpoints × 3 AZs", lines["Interface endpoints"].Detail);
        Assert.Equal((1, 14.60m), (lines["Gateway Load Balancer"].Quantity, lines["Gateway Load Balancer"].Monthly)); // 0.02 × 730
        Assert.Equal((3, 21.90m), (lines["GWLB endpoints"].Quantity, lines["GWLB endpoints"].Monthly));               // 3 × 0.01 × 730
        Assert.Equal((3, 219.00m), (lines["Appliance instances"].Quantity, lines["Appliance instances"].Monthly));    // 3 × 0.1 × 730
        Assert.Equal((2, 0m), (lines["Gateway endpoints"].Quantity, lines["Gateway endpoints"].Monthly));
        Assert.Equal(419.75m, cost.FixedMonthly);
        Assert.Equal(0m, cost.UsageMonthly);
        Assert.All(cost.Usage, u => Assert.Null(u.Monthly));
        Assert.Empty(cost.Warnings);
    }

    [Fact]
    public void Per_gb_charges_are_estimated_from_the_given_volumes()
    {
        var volumes = TrafficVolumes.Parse("nat=500, interface=100, gwlb=1000, s3=2000");
        var cost = Estimate(new Network { AzCount = 2, Nat = "perAz", Inspection = true }, volumes);

        var usage = cost.Usage.ToDictionary(u => u.Item);
        Assert.Equal(20.00m, usage["NAT gateway data processing"].Monthly);              // 500 × 0.04
        Assert.Equal(1.00m, usage["Interface endpoint data processing"].Monthly);       // 100 × 0.01
        Assert.Equal(4.00m, usage["Gateway Load Balancer capacity units"].Monthly);     // 1000 GLCU-hours × 0.004
        Assert.Equal(3.50m, usage["GWLB endpoint data processing"].Monthly);            // 1000 × 0.0035
        Assert.DoesNotContain("Cross-AZ transfer to the single NAT gateway", usage.Keys);
        Assert.Equal(28.50m, cost.UsageMonthly);
        Assert.Equal(cost.FixedMonthly + 28.50m, cost.TotalMonthly);

        var s3 = cost.Savings.Single(s => s.Service == "S3");
        Assert.Equal((0.04m, 2000m, 80.00m), (s3.PerGb, s3.GbPerMonth!.Value, s3.Monthly!.Value)); // 2000 × 0.04 through NAT
        var dynamoDb = cost.Savings.Single(s => s.Service == "DynamoDB");
        Assert.Null(dynamoDb.Monthly);
    }

    [Fact]
    public void A_single_nat_gateway_adds_cross_az_transfer_for_the_other_azs_share()
    {
        var cost = Estimate(new Network { AzCount = 4, Nat = "single" }, new TrafficVolumes(Nat: 400m));

        var cross = cost.Usage.Single(u => u.Item == "Cross-AZ transfer to the single NAT gateway");
        Assert.Equal(0.02m, cross.PricePerGb);          // 0.01 out of one AZ + 0.01 into the other
        Assert.Equal(300m, cross.GbPerMonth);           // 3 of 4 AZs' 400 GB
        Assert.Equal(6.00m, cross.Monthly);
    }

    [Fact]
    public void A_region_missing_from_the_table_uses_the_fallback_with_a_warning()
    {
        var cost = Estimate(new Network { Nat = "single" }, region: "ap-southeast-4");

        Assert.Equal("ap-southeast-4", cost.Region);
        Assert.Equal("us-east-1", cost.PriceRegion);
        Assert.True(cost.PricedAsAnotherRegion);
        Assert.Contains(cost.Warnings, w => w.Contains("no prices for ap-southeast-4", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_instance_types_are_listed_without_a_price()
    {
        var table = Table with { Regions = new Dictionary<string, RegionPrices> { ["us-east-1"] = Home with { InstanceHour = new Dictionary<string, decimal>() } } };
        var records = new Network { Inspection = true }.Records();
        var cost = CostEstimator.Estimate(Infra.Model.Routing.RoutingModel.Build(records), NetworkInventory.Build(records), table, Network.Region);

        var appliances = cost.Hourly.Single(h => h.Item == "Appliance instances");
        Assert.Null(appliances.PricePerHour);
        Assert.Null(appliances.Monthly);
        Assert.Contains(cost.Warnings, w => w.Contains("no us-east-1 price for instance type c5n.large", StringComparison.Ordinal));
        Assert.Equal(["c5n.large"], cost.UnpricedInstanceTypes);
    }

    [Fact]
    public void Volumes_for_parts_the_stack_lacks_are_reported()
    {
        var cost = Estimate(new Network { Nat = "none", InterfaceServices = [] }, new TrafficVolumes(Nat: 10m, Interface: 5m, Gwlb: 1m));

        Assert.Equal(3, cost.Warnings.Count);
        Assert.Equal(0m, cost.UsageMonthly);
    }

    [Theory]
    [InlineData("nat=500", 500.0, null)]
    [InlineData("NAT=1.5,interface=0", 1.5, 0.0)]
    [InlineData(" nat = 2 , interface = 3 ", 2.0, 3.0)]
    public void Traffic_volumes_parse(string text, double nat, double? interfaceGb)
    {
        var volumes = TrafficVolumes.Parse(text);

        Assert.Equal((decimal)nat, volumes.Nat);
        Assert.Equal(interfaceGb is null ? null : (decimal)interfaceGb.Value, volumes.Interface);
    }

    [Theory]
    [InlineData("nat", "'nat' is not a traffic volume: use KEY=GB with KEY one of nat, interface, gwlb, s3, dynamodb, tgw, such as nat=500,interface=100.")]
    [InlineData("egress=5", "'egress=5' is not a traffic volume: use KEY=GB with KEY one of nat, interface, gwlb, s3, dynamodb, tgw, such as nat=500,interface=100.")]
    [InlineData("nat=-1", "'nat=-1' is not a traffic volume: -1 is not a number of GB (0 or more).")]
    [InlineData("nat=1,nat=2", "'nat' is given twice in 'nat=1,nat=2'.")]
    public void Bad_traffic_volumes_say_what_is_wrong(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => TrafficVolumes.Parse(text));

        Assert.Equal(message, error.Message);
    }
}
