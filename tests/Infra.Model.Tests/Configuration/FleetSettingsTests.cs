using Infra.Model.Configuration;

namespace Infra.Model.Tests.Configuration;

/// <summary>The appliance fleet's settings, cross-zone load balancing and the consumer's zone check.</summary>
public class FleetSettingsTests
{
    private const string Ns = "private-connectivity";

    private static StackSettings Parse(int azCount, string inspection) =>
        StackSettings.Parse(Ns, new Dictionary<string, string> { ["azCount"] = azCount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["inspection"] = inspection });

    [Fact]
    public void The_default_fleet_is_an_auto_scaling_group_of_appliances_per_az_times_the_azs_without_cross_zone()
    {
        var inspection = Parse(3, """{"mode":"combined","appliancesPerAz":2}""").Inspection;

        Assert.Equal(ApplianceFleet.AutoScaling, inspection.ApplianceFleet);
        Assert.Equal((6, 6, 6), (inspection.FleetMinSize, inspection.FleetDesiredCapacity, inspection.FleetMaxSize));
        Assert.False(inspection.CrossZoneLoadBalancing);
        Assert.True(inspection.UsesPassThroughAppliance);
    }

    [Theory]
    [InlineData("""{"fleetMinSize":3,"fleetMaxSize":6}""", 3, 3, 6)]
    [InlineData("""{"fleetDesiredCapacity":4}""", 4, 4, 4)]
    [InlineData("""{"fleetMaxSize":8}""", 3, 3, 8)]
    [InlineData("""{"fleetMinSize":3,"fleetDesiredCapacity":5,"fleetMaxSize":9}""", 3, 5, 9)]
    [InlineData("""{"fleetMinSize":1,"crossZoneLoadBalancing":true}""", 1, 3, 3)]
    public void Fleet_sizes_left_out_follow_the_ones_given(string fields, int min, int desired, int max)
    {
        var json = fields.Replace("{", """{"mode":"combined",""", StringComparison.Ordinal);

        var inspection = Parse(3, json).Inspection;

        Assert.Equal((min, desired, max), (inspection.FleetMinSize, inspection.FleetDesiredCapacity, inspection.FleetMaxSize));
    }

    [Fact]
    public void The_instances_fleet_and_a_custom_ami_turn_off_the_group_and_the_pass_through_appliance()
    {
        var inspection = Parse(2, """{"mode":"combined","applianceFleet":"instances","applianceAmi":"ami-0123456789abcdef0","crossZoneLoadBalancing":true}""").Inspection;

        Assert.Equal(ApplianceFleet.Instances, inspection.ApplianceFleet);
        Assert.False(inspection.UsesPassThroughAppliance);
        Assert.True(inspection.CrossZoneLoadBalancing);
    }

    [Fact]
    public void A_consumer_accepts_zones_the_service_offers_and_refuses_the_first_it_does_not()
    {
        var settings = StackSettings.Parse(Ns, new Dictionary<string, string>
        {
            ["azCount"] = "2",
            ["inspection"] = """{"mode":"consumer","endpointServiceName":"com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"}""",
        });
        string[] names = ["us-east-1a", "us-east-1b", "us-east-1c"];
        string[] ids = ["use1-az4", "use1-az6", "use1-az1"];
        const string Service = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";

        settings.ValidateEndpointServiceZones(Service, ["us-east-1a", "us-east-1b"], names, ids, ["us-east-1b", "us-east-1a"]);
        var error = Assert.Throws<ConfigException>(() => settings.ValidateEndpointServiceZones(Service, ["us-east-1a", "us-east-1b"], names, ids, ["us-east-1c"]));
        var none = Assert.Throws<ConfigException>(() => settings.ValidateEndpointServiceZones(Service, ["us-east-1a", "us-east-1b"], names, ids, []));

        Assert.Equal(
            "Invalid config private-connectivity:azCount = 2: zones the endpoint service com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0 serves, " +
            "but workload AZ us-east-1a (use1-az4) is not one of them: the service offers only us-east-1c (use1-az1).",
            error.Message);
        Assert.EndsWith("is not one of them: the service offers no zone to this account.", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hub_consuming_a_service_names_its_inspection_VPC_zone_the_service_does_not_offer()
    {
        const string Service = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";
        var settings = StackSettings.Parse(Ns, new Dictionary<string, string>
        {
            ["azCount"] = "2",
            ["inspection"] = $$"""{"mode":"consumer","endpointServiceName":"{{Service}}"}""",
            ["transit"] = """{"role":"hub"}""",
        });

        var error = Assert.Throws<ConfigException>(() => settings.ValidateEndpointServiceZones(
            Service, ["us-east-1a", "us-east-1b"], ["us-east-1a", "us-east-1b", "us-east-1c"], ["use1-az4", "use1-az6", "use1-az1"], ["us-east-1b"]));

        Assert.Equal(
            $"Invalid config private-connectivity:azCount = 2: zones the endpoint service {Service} serves, " +
            "but inspection VPC AZ us-east-1a (use1-az4) is not one of them: the service offers only us-east-1b (use1-az6).",
            error.Message);
    }
}
