using Infra.Model.Analysis;

namespace Infra.Model.Tests.Analysis;

/// <summary>
/// Whether inspected flows get through the appliances: working (the pass-through default), vouched for (a custom
/// AMI), broken (no healthy target), unknown (untagged software); the Auto Scaling fleet and zone loss.
/// </summary>
public class ApplianceHealthTests
{
    private const string PassThroughNote = "Inspected by the pass-through default appliance";
    private const string CustomNote = "Inspected by a custom appliance AMI the stack vouches for";

    [Fact]
    public void Pass_through_appliances_carry_the_flow_and_the_verdict_says_they_inspect_nothing()
    {
        var flows = new Network { Inspection = true }.Analyzer().Analyze();

        foreach (var flow in new[] { flows.Flow("application-a", "internet"), flows.Flow("application-b", "inbound") })
        {
            Assert.Equal(Verdict.Reachable, flow.Verdict);
            Assert.Contains(flow.Notes, n => n.StartsWith(PassThroughNote, StringComparison.Ordinal));
            Assert.DoesNotContain(flow.Notes, n => n.StartsWith(CustomNote, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_custom_ami_is_vouched_for_whatever_health_check_it_is_given()
    {
        var flows = new Network { Inspection = true, ApplianceSoftware = "custom", HealthCheckProtocol = "HTTPS", HealthCheckPort = 443 }.Analyzer().Analyze();

        var flow = flows.Flow("application-a", "internet");
        Assert.Equal(Verdict.Reachable, flow.Verdict);
        Assert.Contains(flow.Notes, n => n.StartsWith(CustomNote, StringComparison.Ordinal));
        Assert.DoesNotContain(flow.Notes, n => n.StartsWith(PassThroughNote, StringComparison.Ordinal));
    }

    [Fact]
    public void A_health_check_port_the_appliance_security_group_does_not_admit_leaves_no_healthy_target()
    {
        var flows = new Network { Inspection = true, HealthCheckPort = 8080, AdmittedHealthCheckPort = 80 }.Analyzer().Analyze();

        var flow = flows.Flow("application-a", "internet");
        Assert.Equal(Verdict.Unreachable, flow.Verdict);
        Assert.Equal(
            "no appliance behind gwlb would be healthy, so the target group has no target to send to: no security group rule of appliance-0-1 " +
            "admits the health check (TCP 8080) from the load balancer's subnet 10.100.0.0/24",
            flow.Reason);
        Assert.Equal(Verdict.Unreachable, flows.Flow("application-b", "inbound").Verdict);
    }

    [Theory]
    [InlineData("HTTPS", 443)]
    [InlineData("GENEVE", 6081)]
    public void Only_a_health_check_protocol_the_pass_through_appliance_answers_leaves_a_healthy_target(string protocol, int port)
    {
        var flow = new Network { Inspection = true, HealthCheckProtocol = protocol, HealthCheckPort = port, AdmittedHealthCheckPort = port }
            .Analyzer().Analyze().Flow("application-b", "internet");

        if (protocol == "HTTPS")
        {
            Assert.Equal(Verdict.Reachable, flow.Verdict);
        }
        else
        {
            Assert.Equal(Verdict.Unreachable, flow.Verdict);
            Assert.EndsWith(
                "the pass-through appliance answers TCP, HTTP and HTTPS health checks, not the GENEVE check of target group appliances",
                flow.Reason,
                StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Nothing_registered_behind_the_load_balancer_stops_the_flow()
    {
        var flow = new Network { Inspection = true, ApplianceZones = [] }.Analyzer().Analyze().Flow("application-a", "internet");

        Assert.Equal(Verdict.Unreachable, flow.Verdict);
        Assert.Equal("no appliance is registered behind Gateway Load Balancer gwlb", flow.Reason);
    }

    [Fact]
    public void Appliances_of_unknown_software_give_no_verdict()
    {
        var flow = new Network { Inspection = true, ApplianceSoftware = null }.Analyzer().Analyze().Flow("application-a", "internet");

        Assert.Equal(Verdict.Unknown, flow.Verdict);
        Assert.StartsWith("what the appliances behind gwlb run is not known", flow.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_auto_scaling_group_spreads_its_appliances_over_its_zones_and_the_path_names_them()
    {
        var flows = new Network { AzCount = 3, Inspection = true, FleetDesiredCapacity = 3 }.Analyzer().Analyze();

        for (var az = 0; az < 3; az++)
        {
            var flow = flows.Flow($"application-{(char)('a' + az)}", "internet");
            Assert.Equal("gwlbe-" + (char)('a' + az) + " → GWLB → appliances → igw", flow.Summary);
            var appliances = flow.Path.Single(h => h.Kind == HopKind.Appliances);
            Assert.Equal($"appliance-fleet#{az + 1}", appliances.ResourceName);
            Assert.Equal([Network.Zone(az)], appliances.AvailabilityZones);
        }
    }

    [Fact]
    public void A_group_smaller_than_its_zones_leaves_a_zone_without_appliances_unless_cross_zone_is_on()
    {
        var flows = new Network { AzCount = 2, Inspection = true, FleetDesiredCapacity = 1 }.Analyzer().Analyze();
        Assert.Equal(Verdict.Reachable, flows.Flow("application-a", "internet").Verdict);
        Assert.Contains("cross-zone load balancing is off", flows.Flow("application-b", "internet").Reason, StringComparison.Ordinal);

        var crossZone = new Network { AzCount = 2, Inspection = true, FleetDesiredCapacity = 1, CrossZone = true }.Analyzer().Analyze();
        Assert.Equal(Verdict.Reachable, crossZone.Flow("application-b", "internet").Verdict);
    }

    [Fact]
    public void Behind_a_cross_zone_load_balancer_an_auto_scaling_group_survives_a_zone_that_fixed_appliances_do_not()
    {
        var fleet = AzLossAnalysis.Analyze(new Network { AzCount = 2, Inspection = true, FleetDesiredCapacity = 1, CrossZone = true }.Analyzer());
        var fixedAppliances = AzLossAnalysis.Analyze(new Network { AzCount = 2, Inspection = true, ApplianceZones = [0], CrossZone = true }.Analyzer());

        // The group relaunches its appliance in the other zone, which the load balancer uses across zones.
        Assert.All(fleet.Zones, z => Assert.Empty(z.Findings));
        Assert.Contains(fixedAppliances.SinglePointsOfFailure, p => p.Zone == Network.Zone(0) && p.Cause.StartsWith("appliances appliance-0-1", StringComparison.Ordinal));
    }
}
