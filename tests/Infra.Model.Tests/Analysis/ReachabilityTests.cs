using Infra.Model.Analysis;

namespace Infra.Model.Tests.Analysis;

public class ReachabilityTests
{
    [Fact]
    public void Without_nat_private_subnets_reach_only_the_gateway_and_interface_endpoints()
    {
        var flows = new Network { Nat = "none" }.Analyzer().Analyze();

        var internet = flows.Flow("private-a", "internet");
        Assert.Equal(Verdict.Unreachable, internet.Verdict);
        Assert.Equal("private-a → internet: no route", internet.ToString());

        var s3 = flows.Flow("private-a", "S3");
        Assert.Equal(Verdict.Reachable, s3.Verdict);
        Assert.Equal("private-a → S3: vpce (gateway)", s3.ToString());
        Assert.Equal("s3-endpoint", s3.Path.Single().ResourceName);
        Assert.Empty(s3.Path.Single().AvailabilityZones);

        Assert.Equal("vpce (gateway)", flows.Flow("private-b", "DynamoDB").Summary);
        Assert.Equal(["vpce-ssm (interface)"], flows.Flow("private-b", "ssm").Labels());
        Assert.Equal(Verdict.Unreachable, flows.Flow("private-a", "inbound").Verdict);
    }

    [Fact]
    public void Public_subnets_use_the_internet_gateway_both_ways_and_reach_s3_over_the_internet()
    {
        var flows = new Network().Analyzer().Analyze();

        Assert.Equal("public-a → internet: igw", flows.Flow("public-a", "internet").ToString());
        var s3 = flows.Flow("public-b", "S3");
        Assert.Equal(Verdict.Reachable, s3.Verdict);
        Assert.Equal(["igw"], s3.Labels());
        Assert.Contains(s3.Notes, n => n.Contains("No S3 gateway endpoint route", StringComparison.Ordinal));

        var inbound = flows.Flow("public-a", "inbound");
        Assert.Equal(Verdict.Reachable, inbound.Verdict);
        Assert.Equal("internet → public-a: igw → public-a", inbound.ToString());
        Assert.Contains(inbound.Notes, n => n.Contains("public or Elastic IP", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_nat_gateway_serves_every_az_from_the_first()
    {
        var flows = new Network { AzCount = 3, Nat = "single" }.Analyzer().Analyze();

        foreach (var from in new[] { "private-a", "private-b", "private-c" })
        {
            var flow = flows.Flow(from, "internet");
            Assert.Equal(Verdict.Reachable, flow.Verdict);
            Assert.Equal(["nat-a", "igw"], flow.Labels());
            Assert.Equal([Network.Zone(0)], flow.Path[0].AvailabilityZones);
        }

        var inbound = flows.Flow("private-b", "inbound");
        Assert.Equal(Verdict.Unreachable, inbound.Verdict);
        Assert.Contains("NAT gateway nat-0", inbound.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_az_nat_gateways_keep_each_az_on_its_own_gateway()
    {
        var flows = new Network { AzCount = 3, Nat = "perAz" }.Analyzer().Analyze();

        Assert.Equal("private-a → internet: nat-a → igw", flows.Flow("private-a", "internet").ToString());
        Assert.Equal("private-b → internet: nat-b → igw", flows.Flow("private-b", "internet").ToString());
        Assert.Equal("private-c → internet: nat-c → igw", flows.Flow("private-c", "internet").ToString());
        Assert.Equal("vpce (gateway)", flows.Flow("private-c", "S3").Summary);
    }

    [Fact]
    public void Application_subnets_go_out_and_come_in_through_the_appliances_of_their_az()
    {
        var flows = new Network { Inspection = true }.Analyzer().Analyze();

        Assert.Equal("application-a → internet: gwlbe-a → GWLB → appliances → igw", flows.Flow("application-a", "internet").ToString());
        Assert.Equal("application-b → internet: gwlbe-b → GWLB → appliances → igw", flows.Flow("application-b", "internet").ToString());
        var appliances = flows.Flow("application-b", "internet").Path.Single(h => h.Kind == HopKind.Appliances);
        Assert.Equal("appliance-1-1", appliances.ResourceName);
        Assert.Equal([Network.Zone(1)], appliances.AvailabilityZones);

        var inbound = flows.Flow("application-a", "inbound");
        Assert.Equal(Verdict.Reachable, inbound.Verdict);
        Assert.Equal("internet → application-a: igw → gwlbe-a → GWLB → appliances → application-a", inbound.ToString());

        // S3 from the application tier is inspected and leaves through the internet gateway: no gateway endpoint route there.
        Assert.Equal(["gwlbe-a", "GWLB", "appliances", "igw"], flows.Flow("application-a", "S3").Labels());
        Assert.Equal("igw", flows.Flow("endpoint-a", "internet").Summary);
        Assert.Equal("internet → endpoint-b: igw → endpoint-b", flows.Flow("endpoint-b", "inbound").ToString());
    }

    [Fact]
    public void Without_inspection_there_is_no_application_tier_and_no_appliance_path()
    {
        var analyzer = new Network { Inspection = false }.Analyzer();

        Assert.DoesNotContain(analyzer.Subnets, s => s.Tier is "application" or "endpoint" or "appliance");
        Assert.DoesNotContain(analyzer.Analyze(), f => f.Path.Any(h => h.Kind is HopKind.GatewayLoadBalancerEndpoint or HopKind.Appliances));
        Assert.Equal(["private", "public"], analyzer.Destinations.Where(d => d.Kind == FlowKind.Tier).Select(d => d.Name).Order());
    }

    [Fact]
    public void Inbound_without_edge_routes_is_asymmetric_and_flagged()
    {
        var flows = new Network { Inspection = true, WithoutEdgeRoutes = true }.Analyzer().Analyze();

        var inbound = flows.Flow("application-a", "inbound");
        Assert.Equal(Verdict.Unknown, inbound.Verdict);
        Assert.StartsWith("asymmetric: connections arrive directly but replies leave through gwlbe-a", inbound.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gateway_load_balancer_without_a_node_in_the_endpoints_az_stops_the_flow()
    {
        var flows = new Network { Inspection = true, LoadBalancerZones = [0] }.Analyzer().Analyze();

        Assert.Equal(Verdict.Reachable, flows.Flow("application-a", "internet").Verdict);
        var b = flows.Flow("application-b", "internet");
        Assert.Equal(Verdict.Unreachable, b.Verdict);
        Assert.Equal($"Gateway Load Balancer gwlb has no node in {Network.Zone(1)}, the AZ of gwlbe-1", b.Reason);
    }

    [Fact]
    public void Without_cross_zone_load_balancing_an_az_without_appliances_is_cut_off()
    {
        var flows = new Network { Inspection = true, ApplianceZones = [0] }.Analyzer().Analyze();

        Assert.Equal(Verdict.Reachable, flows.Flow("application-a", "internet").Verdict);
        var b = flows.Flow("application-b", "internet");
        Assert.Equal(Verdict.Unreachable, b.Verdict);
        Assert.Contains("cross-zone load balancing is off", b.Reason, StringComparison.Ordinal);

        var crossZone = new Network { Inspection = true, ApplianceZones = [0], CrossZone = true }.Analyzer().Analyze();
        var path = crossZone.Flow("application-b", "internet");
        Assert.Equal(Verdict.Reachable, path.Verdict);
        Assert.Equal([Network.Zone(0)], path.Path.Single(h => h.Kind == HopKind.Appliances).AvailabilityZones);
    }

    [Fact]
    public void Gwlb_endpoints_of_another_stacks_service_are_followed_with_a_note()
    {
        var flows = new Network { Inspection = true, ExternalService = true }.Analyzer().Analyze();

        var flow = flows.Flow("application-a", "internet");
        Assert.Equal(Verdict.Reachable, flow.Verdict);
        Assert.Equal(["gwlbe-a", "GWLB (another stack)", "igw"], flow.Labels());
        Assert.Contains(flow.Notes, n => n.Contains(Network.ProviderService, StringComparison.Ordinal));
    }

    [Fact]
    public void Interface_endpoints_need_a_security_group_rule_for_the_source()
    {
        var flows = new Network { InterfaceSecurityGroupSource = "10.0.0.0/20" }.Analyzer().Analyze();

        Assert.Equal(Verdict.Reachable, flows.Flow("private-a", "ssm").Verdict);
        var blocked = flows.Flow("private-b", "ssm");
        Assert.Equal(Verdict.Unreachable, blocked.Verdict);
        Assert.Equal("no security group rule of endpoint-ssm admits HTTPS (TCP 443) from 10.0.16.0/20", blocked.Reason);
    }

    [Fact]
    public void Interface_endpoints_without_private_dns_are_reachable_with_a_note()
    {
        var flow = new Network { InterfacePrivateDns = false }.Analyzer().Analyze().Flow("private-a", "ssm");

        Assert.Equal(Verdict.Reachable, flow.Verdict);
        Assert.Contains(flow.Notes, n => n.StartsWith("Private DNS is off on endpoint-ssm", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_vpc_reaches_neither_the_interface_endpoints_nor_the_other_tiers()
    {
        var flows = new Network { Inspection = true }.Analyzer().Analyze();

        var ssm = flows.Flow("appliance-a", "ssm");
        Assert.Equal(Verdict.Unreachable, ssm.Verdict);
        Assert.Equal("no route (the ssm interface endpoint is in VPC workload)", ssm.Reason);
        var tier = flows.Flow("appliance-a", "private");
        Assert.Equal(Verdict.Unreachable, tier.Verdict);
        Assert.Equal("no route: tier private is in VPC workload, with no peering or transit gateway to it", tier.Reason);
        Assert.Equal("local", flows.Flow("private-a", "public").Summary);
        Assert.Equal("no internet gateway in VPC provider", flows.Flow("appliance-b", "inbound").Reason);
    }

    [Fact]
    public void Every_subnet_is_checked_against_every_destination_but_its_own_tier()
    {
        var analyzer = new Network { Inspection = true, InterfaceServices = ["ssm", "logs"] }.Analyzer();
        var flows = analyzer.Analyze();

        Assert.Equal(
            ["internet", "S3", "DynamoDB", "logs", "ssm", "public", "private", "application", "endpoint", "appliance", "internet (inbound)"],
            analyzer.Destinations.Select(d => d.Name));
        Assert.Equal(10 * (analyzer.Destinations.Count - 1), flows.Count);
        Assert.DoesNotContain(flows, f => f.Destination.Kind == FlowKind.Tier && f.Destination.Name == f.Source.Tier);
        Assert.Equal(["public-a", "public-b", "private-a", "private-b", "application-a", "application-b", "endpoint-a", "endpoint-b", "appliance-a", "appliance-b"],
            analyzer.Subnets.Select(s => s.Label));
    }
}
