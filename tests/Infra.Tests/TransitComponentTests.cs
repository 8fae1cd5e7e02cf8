using System.Collections.Immutable;
using Infra.Components;
using Infra.Model.Analysis;
using Infra.Model.Policy;
using Infra.Model.Routing;
using Infra.Simulation;
using Infra.Tests.Support;
using static Infra.Tests.Support.TransitTopology;

namespace Infra.Tests;

/// <summary>
/// The transit components (TransitHub, CentralInspectionVpc, Spoke) alone in a small program under the mocks: every
/// subnet's whole route table, both transit gateway route tables, the attachments' options and what crosses the
/// appliances, against the centralized architecture of AWS's Gateway Load Balancer samples.
/// </summary>
public class TransitComponentTests
{
    public static TheoryData<int> ZoneCounts() => [1, 2, 3];

    /// <summary>The routes the architecture promises, written from it (the README's table), not read from the components.</summary>
    private static Dictionary<string, string[]> ExpectedSubnetRoutes(TransitTopology topology, IReadOnlyList<string> zones)
    {
        var tables = new Dictionary<string, string[]>();
        foreach (var az in zones)
        {
            var local = $"{InspectionCidr} → local";
            tables[$"inspection-transit-{az}"] = [local, $"0.0.0.0/0 → Gateway Load Balancer endpoint inspection-gwlbe-{az}"];
            tables[$"inspection-endpoint-{az}"] =
                [local, $"0.0.0.0/0 → NAT gateway inspection-nat-{az}", .. topology.SpokeDestinations.Select(d => $"{d} → transit gateway hub")];
            tables[$"inspection-public-{az}"] =
            [
                local, "0.0.0.0/0 → internet gateway inspection-igw",
                .. topology.SpokeDestinations.Select(d => $"{d} → Gateway Load Balancer endpoint inspection-gwlbe-{az}"),
            ];
            foreach (var k in topology.SpokeNumbers)
            {
                tables[$"{SpokeName(k)}-private-{az}"] = [$"{SpokeCidr(k)} → local", "0.0.0.0/0 → transit gateway hub"];
                tables[$"{SpokeName(k)}-transit-{az}"] = [$"{SpokeCidr(k)} → local"];
            }
        }

        return tables;
    }

    [Theory]
    [MemberData(nameof(ZoneCounts))]
    public async Task Every_subnet_of_the_inspection_vpc_and_of_each_spoke_has_exactly_the_architectures_routes(int zoneCount)
    {
        var topology = new TransitTopology(zoneCount, 2) { SpokeDestinations = ["10.0.0.0/8", "172.16.0.0/12"] };
        var run = await topology.RunAsync();
        var zones = run.Mocks.AvailabilityZones.Take(zoneCount).ToList();

        var expected = ExpectedSubnetRoutes(topology, zones);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), run.Routing.Subnets.Select(s => s.Name).Order(StringComparer.Ordinal));
        foreach (var (subnet, routes) in expected)
        {
            Assert.True(RouteText.Sorted(routes).SequenceEqual(RouteText.Of(run.Routing.EffectiveRoutes(subnet))),
                $"{subnet}: expected\n  {string.Join("\n  ", RouteText.Sorted(routes))}\nbut was\n  {string.Join("\n  ", RouteText.Of(run.Routing.EffectiveRoutes(subnet)))}");
        }

        Assert.Empty(run.Routing.Problems);
    }

    [Theory]
    [MemberData(nameof(ZoneCounts))]
    public async Task The_spoke_table_sends_everything_to_the_inspection_vpc_and_the_inspection_table_each_spoke_block_to_its_spoke(int zoneCount)
    {
        var run = await new TransitTopology(zoneCount, 3).RunAsync();
        var transit = run.Routing.Transit;
        string Attachment(string name) => run.Named(name).Id;

        Assert.Equal([TransitRoute.Static("0.0.0.0/0", Attachment("inspection-attachment"))], transit.RoutesOfTable("hub-spoke-rt"));
        Assert.Equal(
            [
                TransitRoute.Propagated(SpokeCidr(1), Attachment("spoke-1-attachment")),
                TransitRoute.Propagated(SpokeCidr(2), Attachment("spoke-2-attachment")),
                TransitRoute.Propagated(SpokeCidr(3), Attachment("spoke-3-attachment")),
            ],
            transit.RoutesOfTable("hub-inspection-rt"));

        // Only the two tables of the hub: no default table, since default association and propagation are off.
        Assert.Equal(["hub-inspection-rt", "hub-spoke-rt"], transit.RouteTables.Select(t => t.Name));
        Assert.Equal("hub-inspection-rt", transit.AssociatedRouteTable("inspection-attachment")?.Name);
        Assert.All(Enumerable.Range(1, 3), k => Assert.Equal("hub-spoke-rt", transit.AssociatedRouteTable($"spoke-{k}-attachment")?.Name));
        Assert.Equal(
            [.. new[] { "spoke-1-attachment", "spoke-2-attachment", "spoke-3-attachment" }.Select(Attachment).Order(StringComparer.Ordinal)],
            transit.PropagationsInto("hub-inspection-rt"));
        Assert.Empty(transit.PropagationsInto("hub-spoke-rt"));
        Assert.Empty(transit.Problems);
    }

    [Fact]
    public async Task The_gateway_has_default_association_and_propagation_off_and_the_attachments_use_neither()
    {
        var run = await new TransitTopology(2, 2).RunAsync();

        var gateway = run.Named("hub");
        Assert.Equal(AwsTypes.TransitGateway, gateway.Type);
        Assert.Equal("disable", gateway.Inputs["defaultRouteTableAssociation"]);
        Assert.Equal("disable", gateway.Inputs["defaultRouteTablePropagation"]);
        Assert.Equal("disable", gateway.Inputs["autoAcceptSharedAttachments"]);
        Assert.Equal(64512, Convert.ToInt32(gateway.Inputs["amazonSideAsn"], System.Globalization.CultureInfo.InvariantCulture));

        var attachments = run.OfType(AwsTypes.TransitGatewayVpcAttachment).ToDictionary(a => a.Name);
        Assert.Equal(["inspection-attachment", "spoke-1-attachment", "spoke-2-attachment"], attachments.Keys.Order(StringComparer.Ordinal));
        Assert.All(attachments.Values, a =>
        {
            Assert.Equal(false, a.Inputs["transitGatewayDefaultRouteTableAssociation"]);
            Assert.Equal(false, a.Inputs["transitGatewayDefaultRouteTablePropagation"]);
            Assert.Equal(gateway.Id, a.Inputs["transitGatewayId"]);
        });
        Assert.Equal("enable", attachments["inspection-attachment"].Inputs["applianceModeSupport"]);
        Assert.DoesNotContain("applianceModeSupport", attachments["spoke-1-attachment"].Inputs.Keys);

        // Each attachment takes its VPC's transit subnets, one per AZ in AZ order, and nothing else.
        foreach (var (attachment, vpc) in new[] { ("inspection-attachment", "inspection"), ("spoke-1-attachment", "spoke-1"), ("spoke-2-attachment", "spoke-2") })
        {
            var transitSubnets = run.Routing.SubnetsOfVpc(vpc).Where(s => s.Tier == Model.Addressing.Tiers.Transit).OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal);
            Assert.Equal(transitSubnets.Select(s => s.Id), ((ImmutableArray<object>)attachments[attachment].Inputs["subnetIds"]).Cast<string>());
            Assert.Equal(run.Routing.Vpc(vpc).Id, attachments[attachment].Inputs["vpcId"]);
        }

        Assert.Equal(
            ["hub-inspection-rt", "hub-spoke-rt"],
            run.OfType(AwsTypes.TransitGatewayRouteTable).Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(run.OfType(AwsTypes.TransitGatewayRouteTable), t => Assert.Equal(gateway.Id, t.Inputs["transitGatewayId"]));
    }

    [Fact]
    public async Task Every_vpc_route_to_the_transit_gateway_waits_for_its_vpcs_attachment()
    {
        var run = await new TransitTopology(3, 2).RunAsync();

        var toGateway = run.OfType(AwsTypes.Route).Where(r => r.Inputs.ContainsKey("transitGatewayId")).ToList();
        Assert.Equal(3 + (3 * 2), toGateway.Count);
        foreach (var route in toGateway)
        {
            var table = run.Routing.RouteTables.Single(t => t.Aliases.Contains((string)route.Inputs["routeTableId"]));
            var attachment = Assert.Single(run.Routing.Transit.AttachmentsOfVpc(table.VpcId!));
            var dependencies = await run.DependenciesOfAsync(run.RegisteredResource(AwsTypes.Route, route.Name));
            Assert.Contains((AwsTypes.TransitGatewayVpcAttachment, attachment.Name), dependencies);
        }
    }

    [Theory]
    [MemberData(nameof(ZoneCounts))]
    public async Task The_inspection_vpc_has_a_gwlb_endpoint_and_a_nat_gateway_per_az_flow_logs_and_a_default_security_group_without_rules(int zoneCount)
    {
        var run = await new TransitTopology(zoneCount, 1).RunAsync();
        var zones = run.Mocks.AvailabilityZones.Take(zoneCount).ToList();
        var vpcId = run.Routing.Vpc("inspection").Id;

        var endpoints = run.OfType(AwsTypes.VpcEndpoint).ToList();
        Assert.Equal(zones.Select(az => $"inspection-gwlbe-{az}"), endpoints.Select(e => e.Name));
        foreach (var (endpoint, az) in endpoints.Zip(zones))
        {
            Assert.Equal("GatewayLoadBalancer", endpoint.Inputs["vpcEndpointType"]);
            Assert.Equal(EndpointServiceName, endpoint.Inputs["serviceName"]);
            Assert.Equal(vpcId, endpoint.Inputs["vpcId"]);
            Assert.Equal([run.Routing.Subnet($"inspection-endpoint-{az}").Id], ((ImmutableArray<object>)endpoint.Inputs["subnetIds"]).Cast<string>());
        }

        var nats = run.Routing.NatGateways.OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(zones.Select(az => $"inspection-nat-{az}"), nats.Select(n => n.Name));
        Assert.All(nats.Zip(zones), pair => Assert.Equal(run.Routing.Subnet($"inspection-public-{pair.Second}").Id, pair.First.SubnetId));

        var flowLogs = run.OfType("aws:ec2/flowLog:FlowLog").ToList();
        Assert.Equal(["inspection", "spoke-1"], flowLogs.Select(f => run.Routing.Vpcs.Single(v => v.Id == (string)f.Inputs["vpcId"]).Name).Order(StringComparer.Ordinal));
        Assert.All(flowLogs, f => Assert.Equal("ALL", f.Inputs["trafficType"]));

        var defaultGroups = run.OfType("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup").ToList();
        Assert.Equal(2, defaultGroups.Count);
        Assert.All(defaultGroups, g =>
        {
            Assert.Empty((ImmutableArray<object>)g.Inputs["ingress"]);
            Assert.Empty((ImmutableArray<object>)g.Inputs["egress"]);
        });

        Assert.All(run.Routing.Subnets, s => Assert.False(s.MapPublicIpOnLaunch));

        // The spoke has no way out of its own: no internet gateway, no NAT gateway.
        Assert.Equal(["inspection-igw"], run.Routing.InternetGateways.Select(g => g.Name));
    }

    private static IEnumerable<(string From, string To)> Flows(int zoneCount, CrossVpcPaths paths, IReadOnlyList<string> zones)
    {
        foreach (var from in new[] { 1, 2 })
        {
            foreach (var fromZone in zones.Take(zoneCount))
            {
                var source = $"{SpokeName(from)}-private-{fromZone}";
                yield return (source, "198.51.100.10");
                foreach (var toZone in zones.Take(zoneCount))
                {
                    yield return (source, paths.HostIn($"{SpokeName(3 - from)}-private-{toZone}"));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ZoneCounts))]
    public async Task Spoke_to_spoke_and_spoke_to_internet_round_trips_cross_one_gwlb_endpoint_each_way_and_stay_symmetric(int zoneCount)
    {
        var run = await new TransitTopology(zoneCount, 2).RunAsync();
        var zones = run.Mocks.AvailabilityZones.Take(zoneCount).ToList();
        var paths = new CrossVpcPaths(run.Routing);

        var checkedTrips = 0;
        foreach (var (from, to) in Flows(zoneCount, paths, zones))
        {
            var trips = paths.RoundTrips(from, to);

            // Appliance mode: the gateway may pick any AZ of the inspection attachment, so one round trip per AZ.
            Assert.Equal(zoneCount, trips.Count);
            Assert.All(trips, trip =>
            {
                Assert.True(trip.IsSymmetric, $"{from} → {to}\n{trip.Forward}\n{trip.Return}");
                Assert.Equal(to.StartsWith("198.", StringComparison.Ordinal) ? PathEnd.Internet : PathEnd.Delivered, trip.Forward.End);
                Assert.StartsWith("inspection-gwlbe-", Assert.Single(trip.Forward.InspectionEndpoints).Name, StringComparison.Ordinal);
                Assert.StartsWith("inspection-gwlbe-", Assert.Single(trip.Return.InspectionEndpoints).Name, StringComparison.Ordinal);
            });
            Assert.Equal(
                zones.Select(az => $"inspection-gwlbe-{az}").Order(StringComparer.Ordinal),
                trips.Select(t => t.Forward.InspectionEndpoints.Single().Name).Order(StringComparer.Ordinal));
            checkedTrips += trips.Count;
        }

        Assert.Equal(2 * zoneCount * (1 + zoneCount) * zoneCount, checkedTrips);
    }

    [Theory]
    [MemberData(nameof(ZoneCounts))]
    public async Task The_guard_rails_pass_on_a_hub_with_spokes_built_from_the_components(int zoneCount)
    {
        var run = await new TransitTopology(zoneCount, 3).RunAsync();

        var report = Policy.PolicyCheck.Evaluate(run.Records, new Dictionary<string, object>(), run.Mocks);

        Assert.True(report.Passed, report.ToText());
        Assert.All(["PC-TGW-001", "PC-TGW-002", "PC-TGW-003", "PC-TGW-004"], id => Assert.Equal(PolicyOutcome.Passed, report[id].Outcome));
    }

    [Fact]
    public async Task The_subnets_are_planned_from_the_blocks_with_transit_subnets_of_28()
    {
        var run = await new TransitTopology(2, 1).RunAsync();
        var zones = run.Mocks.AvailabilityZones.Take(2).ToList();
        string Block(string subnet) => run.Routing.Subnet(subnet).CidrBlock!;

        // Larger blocks first, AZ by AZ; the endpoint tier after the others (as in a workload VPC).
        Assert.Equal(
            ["10.255.0.0/24", "10.255.1.0/24", "10.255.2.0/28", "10.255.2.16/28", "10.255.2.32/28", "10.255.2.48/28"],
            new[] { "public", "transit", "endpoint" }.SelectMany(tier => zones.Select(az => Block($"inspection-{tier}-{az}"))));
        Assert.Equal(
            ["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/28", "10.1.32.16/28"],
            new[] { "private", "transit" }.SelectMany(tier => zones.Select(az => Block($"spoke-1-{tier}-{az}"))));
        Assert.All(run.Routing.Subnets.Where(s => s.Name.Contains("-transit-", StringComparison.Ordinal)), s => Assert.Equal(Model.Addressing.Tiers.Transit, s.Tier));
    }

    [Fact]
    public async Task Every_resource_belongs_to_its_component_and_each_vpc_is_a_child_vpc_network()
    {
        var run = await new TransitTopology(2, 2).RunAsync();
        var components = run.Nesting.Where(e => e.IsComponent).ToList();

        Assert.Equal(
            [
                ("private-connectivity:index:TransitHub", "hub", null),
                ("private-connectivity:index:CentralInspectionVpc", "inspection", null),
                ("private-connectivity:index:VpcNetwork", "inspection", "private-connectivity:index:CentralInspectionVpc"),
                ("private-connectivity:index:Spoke", "spoke-1", null),
                ("private-connectivity:index:VpcNetwork", "spoke-1", "private-connectivity:index:Spoke"),
                ("private-connectivity:index:Spoke", "spoke-2", null),
                ("private-connectivity:index:VpcNetwork", "spoke-2", "private-connectivity:index:Spoke"),
            ],
            components.Select(c => (c.Type, c.Name, c.ParentType)));
        Assert.All(run.Nesting.Where(e => !e.IsComponent), e => Assert.NotNull(e.ParentType));
        Assert.Equal("private-connectivity:index:TransitHub", run.Nesting.Single(e => e.Name == "hub" && !e.IsComponent).ParentType);
        Assert.Equal("private-connectivity:index:VpcNetwork", run.Nesting.Single(e => e.Name == "spoke-1" && !e.IsComponent).ParentType);
        Assert.Equal("private-connectivity:index:Spoke", run.Nesting.Single(e => e.Name == "spoke-1-attachment").ParentType);
    }

    [Fact]
    public async Task A_spoke_without_zone_names_uses_the_regions_first_two_zones()
    {
        var mocks = new AwsMocks();
        var run = await StackRun.RunProgramAsync(() =>
        {
            _ = new Spoke("spoke", new SpokeArgs
            {
                CidrBlock = "10.1.0.0/16",
                TransitGatewayId = "tgw-1",
                SpokeRouteTableId = "tgw-rtb-1",
                InspectionRouteTableId = "tgw-rtb-2",
            });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        }, mocks);

        Assert.Equal(
            [("spoke-private-az1", "eu-west-1a"), ("spoke-private-az2", "eu-west-1b"), ("spoke-transit-az1", "eu-west-1a"), ("spoke-transit-az2", "eu-west-1b")],
            run.Routing.Subnets.Select(s => (s.Name, s.AvailabilityZone!)).Order());
    }
}
