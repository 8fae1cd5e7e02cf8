using Infra.Model.Analysis;
using Infra.Model.Routing;
using Infra.Model.Tests.Routing;
using static Infra.Model.Tests.Routing.CentralizedArchitecture;

namespace Infra.Model.Tests.Analysis;

/// <summary>The centralized inspection architecture across VPCs and the transit gateway: whole tables, paths, symmetry.</summary>
public class CentralizedInspectionTests
{
    public static TheoryData<int, int> Sizes()
    {
        var data = new TheoryData<int, int>();
        foreach (var zones in new[] { 1, 2, 3 })
        {
            foreach (var spokes in new[] { 1, 2, 3, 4, 5 })
            {
                data.Add(zones, spokes);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_subnet_and_both_transit_gateway_tables_are_exactly_the_architecture(int zones, int spokes)
    {
        var architecture = new CentralizedArchitecture(zones, spokes);
        var model = RoutingModel.Build(architecture.Resources());

        Assert.Empty(model.Problems);
        foreach (var i in architecture.ZoneIndexes)
        {
            Assert.Equal(architecture.ExpectedInspectionAttachmentSubnet(i), model.EffectiveRoutes(InspectionAttachmentSubnet(i)));
            Assert.Equal(architecture.ExpectedEndpointSubnet(i), model.EffectiveRoutes(EndpointSubnet(i)));
            Assert.Equal(architecture.ExpectedPublicSubnet(i), model.EffectiveRoutes(PublicSubnet(i)));
            foreach (var k in architecture.SpokeIndexes)
            {
                Assert.Equal(architecture.ExpectedSpokeWorkload(k), model.EffectiveRoutes(SpokeWorkload(k, i)));
                Assert.Equal(architecture.ExpectedSpokeAttachmentSubnet(k), model.EffectiveRoutes(SpokeAttachmentSubnet(k, i)));
            }
        }

        Assert.Equal(architecture.ExpectedSpokeRouteTable(), model.Transit.RoutesOfTable("spoke-rt"));
        Assert.Equal(architecture.ExpectedInspectionRouteTable(), model.Transit.RoutesOfTable("inspection-rt"));
        Assert.Equal(["inspection-rt", "spoke-rt"], model.Transit.RouteTables.Select(t => t.Name));
        Assert.Equal("inspection-rt", model.Transit.AssociatedRouteTable("inspection-attachment")?.Name);
        Assert.All(architecture.SpokeIndexes, k => Assert.Equal("spoke-rt", model.Transit.AssociatedRouteTable(SpokeAttachment(k))?.Name));
        Assert.Equal(
            [.. architecture.SpokeIndexes.Select(k => Routing.Aws.Id(SpokeAttachment(k))).Order(StringComparer.Ordinal)],
            model.Transit.PropagationsInto("inspection-rt"));
        Assert.Empty(model.Transit.PropagationsInto("spoke-rt"));
    }

    [Fact]
    public void A_spoke_to_spoke_flow_goes_through_the_pinned_zones_endpoint_and_arrives()
    {
        var architecture = new CentralizedArchitecture(2, 2);
        var paths = new CrossVpcPaths(RoutingModel.Build(architecture.Resources()));

        var traced = paths.Trace(SpokeWorkload(1, 0), paths.HostIn(SpokeWorkload(2, 1)));

        // The flow hash may pick either AZ of the inspection attachment: one path per AZ.
        Assert.Equal(2, traced.Count);
        var viaB = traced.Single(p => p.PinnedZones[Routing.Aws.Id("inspection-attachment")] == Zone(1));
        Assert.Equal(PathEnd.Delivered, viaB.End);
        Assert.Equal(
            [
                $"Subnet {SpokeWorkload(1, 0)} ({Zone(0)})",
                $"TransitGatewayAttachment {SpokeAttachment(1)} ({Zone(0)})",
                "TransitGatewayRouteTable spoke-rt",
                $"TransitGatewayAttachment inspection-attachment ({Zone(1)})",
                $"Subnet {InspectionAttachmentSubnet(1)} ({Zone(1)})",
                $"GatewayLoadBalancerEndpoint {Endpoint(1)} ({Zone(1)})",
                $"Subnet {EndpointSubnet(1)} ({Zone(1)})",
                $"TransitGatewayAttachment inspection-attachment ({Zone(1)})",
                "TransitGatewayRouteTable inspection-rt",
                $"TransitGatewayAttachment {SpokeAttachment(2)} ({Zone(1)})",
                $"Subnet {SpokeAttachmentSubnet(2, 1)} ({Zone(1)})",
                $"Subnet {SpokeWorkload(2, 1)} ({Zone(1)})",
            ],
            viaB.Steps.Select(s => s.ToString()));
    }

    public static TheoryData<int> ZoneCounts() => [1, 2, 3];

    [Theory]
    [MemberData(nameof(ZoneCounts))]
    public void With_appliance_mode_spoke_to_spoke_and_spoke_to_internet_cross_one_endpoint_each_way_and_stay_symmetric(int zones)
    {
        var architecture = new CentralizedArchitecture(zones, 3);
        var paths = new CrossVpcPaths(RoutingModel.Build(architecture.Resources()));

        foreach (var (from, to) in Flows(architecture, paths))
        {
            var trips = paths.RoundTrips(from, to);
            Assert.NotEmpty(trips);
            Assert.All(trips, trip =>
            {
                Assert.True(trip.IsSymmetric, $"{from} → {to}\n{trip.Forward}\n{trip.Return}");
                Assert.Single(trip.Forward.InspectionEndpoints);
                Assert.Single(trip.Return.InspectionEndpoints);
            });
        }
    }

    [Theory]
    [MemberData(nameof(ZoneCounts))]
    public void Nothing_from_a_spoke_bypasses_inspection(int zones)
    {
        var architecture = new CentralizedArchitecture(zones, 4);
        var paths = new CrossVpcPaths(RoutingModel.Build(architecture.Resources()));

        foreach (var (from, to) in Flows(architecture, paths))
        {
            Assert.All(paths.Trace(from, to), path => Assert.NotEmpty(path.InspectionEndpoints));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Without_appliance_mode_spoke_to_spoke_across_zones_is_asymmetric(int zones)
    {
        var architecture = new CentralizedArchitecture(zones, 2) { ApplianceMode = false };
        var paths = new CrossVpcPaths(RoutingModel.Build(architecture.Resources()));

        var trip = Assert.Single(paths.RoundTrips(SpokeWorkload(1, 0), paths.HostIn(SpokeWorkload(2, 1))));

        // AZ affinity: the request is inspected in the source's AZ, the reply in the destination's.
        Assert.True(trip.IsInspectedBothWays);
        Assert.False(trip.IsSymmetric);
        Assert.Equal(Endpoint(0), trip.Forward.InspectionEndpoints.Single().Name);
        Assert.Equal(Endpoint(1), trip.Return.InspectionEndpoints.Single().Name);
    }

    [Fact]
    public void Without_appliance_mode_internet_flows_stay_symmetric_because_the_nat_of_the_same_zone_returns_them()
    {
        var architecture = new CentralizedArchitecture(3, 2) { ApplianceMode = false };
        var paths = new CrossVpcPaths(RoutingModel.Build(architecture.Resources()));

        foreach (var i in architecture.ZoneIndexes)
        {
            var trip = Assert.Single(paths.RoundTrips(SpokeWorkload(1, i), "198.51.100.1"));
            Assert.True(trip.IsSymmetric);
            Assert.Equal(Endpoint(i), trip.Forward.InspectionEndpoints.Single().Name);
        }
    }

    [Fact]
    public void A_default_association_left_on_lets_a_spoke_reach_another_spoke_without_inspection()
    {
        var architecture = new CentralizedArchitecture(2, 2) { DefaultsLeftOn = true };
        var model = RoutingModel.Build(architecture.Resources());
        var paths = new CrossVpcPaths(model);

        Assert.True(model.Transit.AssociatedRouteTable(SpokeAttachment(1))!.IsDefault);
        Assert.NotEqual(["inspection-rt", "spoke-rt"], model.Transit.RouteTables.Select(t => t.Name));
        var bypass = Assert.Single(paths.Trace(SpokeWorkload(1, 0), paths.HostIn(SpokeWorkload(2, 0))));
        Assert.Equal(PathEnd.Delivered, bypass.End);
        Assert.Empty(bypass.InspectionEndpoints);
    }

    [Fact]
    public void A_return_route_to_the_wrong_zones_endpoint_breaks_the_whole_table_and_the_symmetry()
    {
        var architecture = new CentralizedArchitecture(2, 1) { ReturnEndpointOfZone0 = 1 };
        var model = RoutingModel.Build(architecture.Resources());
        var paths = new CrossVpcPaths(model);

        Assert.NotEqual(architecture.ExpectedPublicSubnet(0), model.EffectiveRoutes(PublicSubnet(0)));
        var viaZone0 = paths.RoundTrips(SpokeWorkload(1, 0), "198.51.100.1")
            .Single(t => t.Forward.PinnedZones[Routing.Aws.Id("inspection-attachment")] == Zone(0));
        Assert.False(viaZone0.IsSymmetric);
        Assert.Equal([Endpoint(0)], viaZone0.Forward.InspectionEndpoints.Select(s => s.Name));
        Assert.Equal([Endpoint(1)], viaZone0.Return.InspectionEndpoints.Select(s => s.Name));
    }

    [Fact]
    public void A_blackhole_route_and_a_missing_association_end_the_path()
    {
        var architecture = new CentralizedArchitecture(1, 2);
        var blackholed = architecture.Resources();
        blackholed.Add(Routing.Aws.TgwBlackhole("quarantine", "spoke-rt", SpokeCidr(2)));
        var unassociated = architecture.Resources().Where(r => r.Name != "spoke1-assoc").ToList();

        var blackholePaths = new CrossVpcPaths(RoutingModel.Build(blackholed));
        var unassociatedPaths = new CrossVpcPaths(RoutingModel.Build(unassociated));

        Assert.Equal(PathEnd.Blackhole, Assert.Single(blackholePaths.Trace(SpokeWorkload(1, 0), blackholePaths.HostIn(SpokeWorkload(2, 0)))).End);
        Assert.Equal(PathEnd.NotAssociated, Assert.Single(unassociatedPaths.Trace(SpokeWorkload(1, 0), "198.51.100.1")).End);
    }

    [Fact]
    public void A_subnet_in_a_zone_without_an_attachment_interface_cannot_reach_the_gateway()
    {
        var architecture = new CentralizedArchitecture(2, 1);
        var records = architecture.Resources()
            .Select(r => r.Name == SpokeAttachment(1) ? Routing.Aws.VpcAttachment(SpokeAttachment(1), "hub", Spoke(1), [SpokeAttachmentSubnet(1, 0)]) : r)
            .ToList();
        var paths = new CrossVpcPaths(RoutingModel.Build(records));

        Assert.Equal(PathEnd.NoAttachmentInZone, Assert.Single(paths.Trace(SpokeWorkload(1, 1), "198.51.100.1")).End);
    }

    [Fact]
    public void A_transit_gateway_route_back_to_the_attachment_the_traffic_came_from_is_a_loop()
    {
        var architecture = new CentralizedArchitecture(1, 1);
        var records = architecture.Resources()
            .Select(r => r.Name == "spoke1-tgw-rt" ? Routing.Aws.RouteTable("spoke1-tgw-rt", Spoke(1), Routing.Aws.InlineRoute("0.0.0.0/0", "transitGatewayId", Routing.Aws.Id("hub"))) : r)
            .Append(Routing.Aws.TgwRoute("hairpin", "spoke-rt", "198.51.100.0/24", SpokeAttachment(1)))
            .ToList();
        var paths = new CrossVpcPaths(RoutingModel.Build(records));

        var path = Assert.Single(paths.Trace(SpokeWorkload(1, 0), "198.51.100.1"));

        Assert.Equal(PathEnd.Loop, path.End);
        Assert.Equal(2, path.Steps.Count(s => s.Name == SpokeAttachmentSubnet(1, 0)));
    }

    /// <summary>Every spoke workload subnet to every other spoke's workload subnets, and to the internet.</summary>
    private static IEnumerable<(string From, string To)> Flows(CentralizedArchitecture architecture, CrossVpcPaths paths)
    {
        foreach (var k in architecture.SpokeIndexes)
        {
            foreach (var i in architecture.ZoneIndexes)
            {
                yield return (SpokeWorkload(k, i), "198.51.100.1");
                foreach (var other in architecture.SpokeIndexes.Where(o => o != k))
                {
                    foreach (var j in architecture.ZoneIndexes)
                    {
                        yield return (SpokeWorkload(k, i), paths.HostIn(SpokeWorkload(other, j)));
                    }
                }
            }
        }
    }
}
