using Infra.Model.Analysis;
using Infra.Model.Routing;
using Infra.Simulation;
using Infra.Tests.Support;
using Pulumi;

namespace Infra.Tests;

/// <summary>
/// The program's Transit Gateway stacks under the mocks: a hub and its spokes in one stack (hubAndSpokes), and a hub
/// stack with spoke stacks reading it through stack references. Every subnet's whole route table, both transit gateway
/// route tables, and the flows across VPCs, against the centralized architecture of AWS's Gateway Load Balancer samples.
/// </summary>
public class TransitStackTests
{
    private const string HubStack = "acme/private-connectivity/hub";

    /// <summary>An address on the internet (TEST-NET-2).</summary>
    private const string Internet = "198.51.100.7";

    private static readonly Dictionary<string, object> Combined = new() { ["mode"] = "combined" };

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

    private static Dictionary<string, object> HubAndSpokes(int zones, object spokes, IReadOnlyList<string>? destinations = null)
    {
        var transit = new Dictionary<string, object> { ["role"] = "hubAndSpokes", ["spokes"] = spokes };
        if (destinations is not null)
        {
            transit["spokeDestinations"] = destinations;
        }

        return new() { ["azCount"] = zones, ["inspection"] = Combined, ["transit"] = transit };
    }

    /// <summary>
    /// The routes the architecture promises, written from it (the README's table), for the inspection VPC of a hub with
    /// those spoke destinations, in those zones.
    /// </summary>
    private static Dictionary<string, string[]> ExpectedInspectionVpc(IReadOnlyList<string> zones, IReadOnlyList<string> destinations, string inspectionCidr = "10.255.0.0/16")
    {
        var tables = new Dictionary<string, string[]>();
        var local = $"{inspectionCidr} → local";
        foreach (var az in zones)
        {
            tables[$"central-inspection-transit-{az}"] = [local, $"0.0.0.0/0 → Gateway Load Balancer endpoint central-inspection-gwlbe-{az}"];
            tables[$"central-inspection-endpoint-{az}"] =
                [local, $"0.0.0.0/0 → NAT gateway central-inspection-nat-{az}", .. destinations.Select(d => $"{d} → transit gateway transit-hub")];
            tables[$"central-inspection-public-{az}"] =
                [local, "0.0.0.0/0 → internet gateway central-inspection-igw", .. destinations.Select(d => $"{d} → Gateway Load Balancer endpoint central-inspection-gwlbe-{az}")];
        }

        return tables;
    }

    /// <summary>The provider VPC of a combined hub: the appliances reach only their VPC and the package repositories in S3.</summary>
    private static Dictionary<string, string[]> ExpectedProviderVpc(IReadOnlyList<string> zones) =>
        zones.ToDictionary(
            az => $"inspection-appliance-{az}",
            _ => new[] { "10.100.0.0/16 → local", $"{ExpectedRoutes.S3PrefixList} → S3 gateway endpoint inspection-s3-endpoint" });

    /// <summary>A spoke's subnets: private ones leave only through the transit gateway, transit ones stay in the VPC.</summary>
    private static Dictionary<string, string[]> ExpectedSpoke(string name, string cidr, IReadOnlyList<string> zones, string transitGateway, params string[] privateExtras)
    {
        var tables = new Dictionary<string, string[]>();
        foreach (var az in zones)
        {
            tables[$"{name}-private-{az}"] = [$"{cidr} → local", $"0.0.0.0/0 → transit gateway {transitGateway}", .. privateExtras];
            tables[$"{name}-transit-{az}"] = [$"{cidr} → local"];
        }

        return tables;
    }

    private static void AssertWholeTables(RoutingModel routing, IReadOnlyDictionary<string, string[]> expected, bool everySubnet = true)
    {
        if (everySubnet)
        {
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), routing.Subnets.Select(s => s.Name).Order(StringComparer.Ordinal));
        }

        foreach (var (subnet, routes) in expected)
        {
            var actual = RouteText.Of(routing.EffectiveRoutes(subnet));
            Assert.True(
                RouteText.Sorted(routes).SequenceEqual(actual),
                $"{subnet}: expected\n  {string.Join("\n  ", RouteText.Sorted(routes))}\nbut was\n  {string.Join("\n  ", actual)}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task A_hub_and_spokes_stack_has_exactly_the_architectures_routes_in_every_subnet_and_both_transit_gateway_tables(int zoneCount, int spokeCount)
    {
        var run = await StackRun.RunAsync(HubAndSpokes(zoneCount, spokeCount));
        var zones = run.Mocks.AvailabilityZones.Take(zoneCount).ToList();
        var spokes = Enumerable.Range(1, spokeCount).Select(k => (Name: $"spoke-{k}", Cidr: $"10.{k - 1}.0.0/16")).ToList();

        var expected = new Dictionary<string, string[]>(ExpectedInspectionVpc(zones, ["10.0.0.0/8"]));
        foreach (var (subnet, routes) in ExpectedProviderVpc(zones))
        {
            expected[subnet] = routes;
        }

        foreach (var (name, cidr) in spokes)
        {
            foreach (var (subnet, routes) in ExpectedSpoke(name, cidr, zones, "transit-hub"))
            {
                expected[subnet] = routes;
            }
        }

        AssertWholeTables(run.Routing, expected);

        var transit = run.Routing.Transit;
        string Id(string name) => run.Named(name).Id;
        Assert.Equal(["transit-hub-inspection-rt", "transit-hub-spoke-rt"], transit.RouteTables.Select(t => t.Name));
        Assert.Equal([TransitRoute.Static("0.0.0.0/0", Id("central-inspection-attachment"))], transit.RoutesOfTable("transit-hub-spoke-rt"));
        Assert.Equal(
            spokes.Select(s => TransitRoute.Propagated(s.Cidr, Id($"{s.Name}-attachment"))),
            transit.RoutesOfTable("transit-hub-inspection-rt"));
        Assert.Equal("transit-hub-inspection-rt", transit.AssociatedRouteTable("central-inspection-attachment")?.Name);
        Assert.All(spokes, s => Assert.Equal("transit-hub-spoke-rt", transit.AssociatedRouteTable($"{s.Name}-attachment")?.Name));
        Assert.Empty(transit.PropagationsInto("transit-hub-spoke-rt"));
        Assert.Empty(run.Routing.Problems);
    }

    [Fact]
    public async Task A_hub_and_spokes_stack_publishes_the_hub_and_its_spokes_and_builds_no_workload_vpc()
    {
        var run = await StackRun.RunAsync(HubAndSpokes(2, new[] { "10.8.0.0/16", "10.9.0.0/18" }));
        var outputs = await run.OutputValuesAsync();

        Assert.Equal(
            ["central-inspection", "inspection", "spoke-1", "spoke-2"],
            run.Routing.Vpcs.Select(v => v.Name).Order(StringComparer.Ordinal));
        Assert.Equal(run.Named("transit-hub").Id, outputs["transitGatewayId"]);
        Assert.Equal(run.Named("transit-hub-spoke-rt").Id, outputs["spokeRouteTableId"]);
        Assert.Equal(run.Named("transit-hub-inspection-rt").Id, outputs["inspectionRouteTableId"]);
        Assert.Equal(run.Named("central-inspection").Id, outputs["inspectionVpcId"]);
        Assert.Equal(run.Named("inspection").Id, outputs["providerVpcId"]);
        Assert.Equal(run.Named("central-inspection-attachment").Id, outputs["inspectionAttachmentId"]);
        Assert.Equal(new object[] { run.Named("spoke-1").Id, run.Named("spoke-2").Id }, ((IEnumerable<object>)outputs["spokeVpcIds"]).ToArray());
        Assert.Equal(new object[] { "10.8.0.0/16", "10.9.0.0/18" }, ((IEnumerable<object>)outputs["spokeVpcCidrs"]).ToArray());
        Assert.Equal(2, ((IEnumerable<object>)outputs["gwlbEndpointIds"]).Count());
        Assert.Equal(2, ((IEnumerable<object>)outputs["natGatewayIds"]).Count());
        Assert.True(outputs.ContainsKey("endpointServiceName"));
        Assert.False(outputs.ContainsKey("vpcId"));

        // The inspection VPC's GWLB endpoints connect to this stack's own endpoint service.
        var service = (string)run.OfType("aws:ec2/vpcEndpointService:VpcEndpointService").Single().Outputs!["serviceName"];
        var gwlbEndpoints = run.OfType(AwsTypes.VpcEndpoint).Where(e => (string?)e.Inputs.GetValueOrDefault("vpcEndpointType") == "GatewayLoadBalancer").ToList();
        Assert.Equal(["central-inspection-gwlbe-eu-west-1a", "central-inspection-gwlbe-eu-west-1b"], gwlbEndpoints.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(gwlbEndpoints, e => Assert.Equal(service, e.Inputs["serviceName"]));

        // Appliance mode on the inspection attachment, and the gateway's defaults off.
        Assert.Equal("enable", run.Named("central-inspection-attachment").Inputs["applianceModeSupport"]);
        Assert.Equal("disable", run.Named("transit-hub").Inputs["defaultRouteTableAssociation"]);
        Assert.Equal("disable", run.Named("transit-hub").Inputs["defaultRouteTablePropagation"]);
    }

    [Fact]
    public async Task The_inspection_vpc_and_the_spokes_get_the_subnets_the_settings_planned_and_checked()
    {
        var config = HubAndSpokes(3, new[] { "10.8.0.0/16", "10.9.0.0/18" });
        config["subnetPrefixLengths"] = new Dictionary<string, int> { ["public"] = 26, ["endpoint"] = 27, ["transit"] = 28, ["private"] = 22 };
        var run = await StackRun.RunAsync(config);
        var settings = Model.Configuration.StackSettings.Parse(StackRun.Project, Policy.PolicyCheck.Raw(config));
        var zones = run.Mocks.AvailabilityZones;

        string[] Planned(string vpc, Model.Addressing.VpcPlan plan) =>
            [.. plan.Subnets.Select(x => $"{vpc}-{x.Tier}-{zones[x.AzIndex]} {x.Cidr}").Order(StringComparer.Ordinal)];
        string[] Built(string vpc) =>
            [.. run.Routing.Subnets.Where(x => x.VpcId == run.Named(vpc).Id).Select(x => $"{x.Name} {x.CidrBlock}").Order(StringComparer.Ordinal)];

        Assert.Equal(Planned("central-inspection", settings.PlanInspectionVpc()), Built("central-inspection"));
        Assert.Equal(Planned("spoke-1", settings.PlanSpokeVpc("10.8.0.0/16")), Built("spoke-1"));
        Assert.Equal(Planned("spoke-2", settings.PlanSpokeVpc("10.9.0.0/18")), Built("spoke-2"));
    }

    [Fact]
    public async Task A_consumer_hub_connects_its_gwlb_endpoints_to_the_configured_service_and_sets_the_asn()
    {
        var run = await StackRun.RunAsync(new Dictionary<string, object>
        {
            ["azCount"] = 3,
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "consumer", ["endpointServiceName"] = Scenario.ExternalServiceName },
            ["transit"] = new Dictionary<string, object>
            {
                ["role"] = "hub",
                ["amazonSideAsn"] = 65010,
                ["inspectionVpcCidr"] = "10.254.0.0/20",
                ["spokeDestinations"] = new[] { "10.0.0.0/8", "172.16.0.0/12" },
            },
        });
        var zones = run.Mocks.AvailabilityZones.Take(3).ToList();

        Assert.Equal(["central-inspection"], run.Routing.Vpcs.Select(v => v.Name));
        Assert.Empty(run.OfType("aws:lb/loadBalancer:LoadBalancer"));
        Assert.Equal(65010, Convert.ToInt32(run.Named("transit-hub").Inputs["amazonSideAsn"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(
            run.OfType(AwsTypes.VpcEndpoint).Where(e => (string?)e.Inputs.GetValueOrDefault("vpcEndpointType") == "GatewayLoadBalancer"),
            e => Assert.Equal(Scenario.ExternalServiceName, e.Inputs["serviceName"]));
        AssertWholeTables(run.Routing, ExpectedInspectionVpc(zones, ["10.0.0.0/8", "172.16.0.0/12"], "10.254.0.0/20"));
        Assert.Equal([TransitRoute.Static("0.0.0.0/0", run.Named("central-inspection-attachment").Id)], run.Routing.Transit.RoutesOfTable("transit-hub-spoke-rt"));
        Assert.Empty(run.Routing.Transit.RoutesOfTable("transit-hub-inspection-rt"));
        Assert.Empty(run.Routing.Problems);
    }

    private static async Task<(StackRun Hub, IReadOnlyDictionary<string, object> Outputs)> RunHubAsync(int zones)
    {
        var hub = await StackRun.RunAsync(new Dictionary<string, object>
        {
            ["azCount"] = zones,
            ["inspection"] = Combined,
            ["transit"] = new Dictionary<string, object> { ["role"] = "hub" },
        });
        return (hub, await hub.OutputValuesAsync());
    }

    private static Task<StackRun> RunSpokeAsync(int zones, string vpcCidr, IReadOnlyDictionary<string, object> hubOutputs, Dictionary<string, object>? extra = null)
    {
        var mocks = new AwsMocks();
        mocks.AddStack(HubStack, hubOutputs);
        var config = new Dictionary<string, object>
        {
            ["azCount"] = zones,
            ["vpcCidr"] = vpcCidr,
            ["transit"] = new Dictionary<string, object> { ["role"] = "spoke", ["hubStack"] = HubStack },
        };
        foreach (var (key, value) in extra ?? [])
        {
            config[key] = value;
        }

        return StackRun.RunAsync(config, mocks);
    }

    public static TheoryData<int> ZoneCounts() => [1, 2, 3];

    [Theory]
    [MemberData(nameof(ZoneCounts))]
    public async Task Spoke_stacks_attach_to_the_hub_stacks_transit_gateway_through_a_stack_reference(int zoneCount)
    {
        var (hub, hubOutputs) = await RunHubAsync(zoneCount);
        var zones = hub.Mocks.AvailabilityZones.Take(zoneCount).ToList();
        Assert.False(hubOutputs.ContainsKey("spokeVpcIds"));

        foreach (var (cidr, dynamoDb) in new[] { ("10.1.0.0/16", false), ("10.2.0.0/17", true) })
        {
            var spoke = await RunSpokeAsync(zoneCount, cidr, hubOutputs, new() { ["enableDynamoDbEndpoint"] = dynamoDb });

            // The spoke alone knows the hub's resources only by id; the hub and the spoke together have no loose end.

            Assert.Equal(HubStack, spoke.OfType("pulumi:pulumi:StackReference").Single().Inputs["name"]);
            Assert.Equal(["spoke"], spoke.Routing.Vpcs.Select(v => v.Name));
            Assert.Empty(spoke.Routing.InternetGateways);
            Assert.Empty(spoke.OfType(AwsTypes.NatGateway));
            var attachment = spoke.Named("spoke-attachment");
            Assert.Equal(hubOutputs["transitGatewayId"], attachment.Inputs["transitGatewayId"]);
            Assert.Equal(hubOutputs["spokeRouteTableId"], spoke.Named("spoke-association").Inputs["transitGatewayRouteTableId"]);
            Assert.Equal(hubOutputs["inspectionRouteTableId"], spoke.Named("spoke-propagation").Inputs["transitGatewayRouteTableId"]);

            // The spoke alone: its gateway is in another stack, so the routes name it by id.
            string[] endpoints = dynamoDb
                ? [$"{ExpectedRoutes.S3PrefixList} → S3 gateway endpoint s3-endpoint", $"{ExpectedRoutes.DynamoDbPrefixList} → DynamoDB gateway endpoint dynamodb-endpoint"]
                : [$"{ExpectedRoutes.S3PrefixList} → S3 gateway endpoint s3-endpoint"];
            AssertWholeTables(spoke.Routing, ExpectedSpoke("spoke", cidr, zones, (string)hubOutputs["transitGatewayId"], endpoints));
            Assert.Equal(
                [
                    $"RouteTableAssociation spoke-association refers to transit gateway route table {hubOutputs["spokeRouteTableId"]}, which no resource declares.",
                    $"RouteTablePropagation spoke-propagation refers to transit gateway route table {hubOutputs["inspectionRouteTableId"]}, which no resource declares.",
                    $"VpcAttachment spoke-attachment refers to transit gateway {hubOutputs["transitGatewayId"]}, which no resource declares.",
                ],
                spoke.Routing.Problems.Order(StringComparer.Ordinal));

            // The hub and the spoke together: the spoke's block is propagated into the hub's inspection table.
            var together = RoutingModel.Build(hub.Records.Concat(spoke.Records), hub.Mocks.PrefixListIds);
            Assert.Equal(
                [TransitRoute.Propagated(cidr, attachment.Id)],
                together.Transit.RoutesOfTable("transit-hub-inspection-rt"));
            Assert.Equal("transit-hub-spoke-rt", together.Transit.AssociatedRouteTable("spoke-attachment")?.Name);
            AssertWholeTables(together, ExpectedInspectionVpc(zones, ["10.0.0.0/8"]), everySubnet: false);
            Assert.Empty(together.Problems);
        }
    }

    [Fact]
    public async Task A_spoke_stack_keeps_the_workload_vpcs_private_services_on_its_private_subnets()
    {
        var (_, hubOutputs) = await RunHubAsync(2);
        var spoke = await RunSpokeAsync(2, "10.3.0.0/16", hubOutputs, new()
        {
            ["interfaceEndpoints"] = new[] { "ssm", "ssmmessages", "ec2messages", "kms" },
            ["demo"] = new Dictionary<string, object> { ["instance"] = true },
        });
        var outputs = await spoke.OutputValuesAsync();
        var privateSubnets = spoke.Routing.SubnetsInTier(Model.Addressing.Tiers.Private).Select(s => s.Id).Order(StringComparer.Ordinal).ToList();

        var interfaceEndpoints = spoke.OfType(AwsTypes.VpcEndpoint).Where(e => (string?)e.Inputs.GetValueOrDefault("vpcEndpointType") == "Interface").ToList();
        Assert.Equal(4, interfaceEndpoints.Count);
        Assert.All(interfaceEndpoints, e =>
        {
            Assert.Equal(true, e.Inputs["privateDnsEnabled"]);
            Assert.Equal(privateSubnets, ((System.Collections.Immutable.ImmutableArray<object>)e.Inputs["subnetIds"]).Cast<string>().Order(StringComparer.Ordinal));
        });
        Assert.Contains((string)spoke.Named("private-instance").Inputs["subnetId"], privateSubnets);
        Assert.Single(spoke.OfType("aws:s3/bucketV2:BucketV2").Concat(spoke.OfType("aws:s3/bucket:Bucket")));
        Assert.Equal(spoke.Named("spoke").Id, outputs["vpcId"]);
        Assert.Equal(spoke.Named("spoke-attachment").Id, outputs["attachmentId"]);
        Assert.Equal(hubOutputs["transitGatewayId"], outputs["transitGatewayId"]);
        Assert.True(outputs.ContainsKey("bucketName"));
        Assert.True(outputs.ContainsKey("privateInstanceId"));
    }

    [Theory]
    [InlineData("spokeRouteTableId", "", "\"\"", "a transit gateway route table id such as tgw-rtb-0123456789abcdef0")]
    [InlineData("transitGatewayId", "tgw-rtb-0123456789abcdef0", "tgw-rtb-0123456789abcdef0", "a transit gateway id such as tgw-0123456789abcdef0")]
    [InlineData("inspectionRouteTableId", "rtb-0123456789abcdef0", "rtb-0123456789abcdef0", "a transit gateway route table id such as tgw-rtb-0123456789abcdef0")]
    public async Task A_hub_stack_output_that_is_not_the_right_id_stops_the_spoke_with_one_sentence_before_any_resource(
        string output, string value, string shown, string allowed)
    {
        var outputs = new Dictionary<string, object>
        {
            ["transitGatewayId"] = "tgw-0123456789abcdef0",
            ["spokeRouteTableId"] = "tgw-rtb-0123456789abcdef0",
            ["inspectionRouteTableId"] = "tgw-rtb-0fedcba9876543210",
        };
        outputs[output] = value;
        var mocks = new AwsMocks();
        mocks.AddStack(HubStack, outputs);

        var error = await Assert.ThrowsAsync<RunException>(() => StackRun.RunAsync(
            new Dictionary<string, object> { ["transit"] = new Dictionary<string, object> { ["role"] = "spoke", ["hubStack"] = HubStack } }, mocks));

        Assert.Equal(
            $"Invalid output {output} of stack {HubStack} (from private-connectivity:transit.hubStack) = {shown}: {allowed}, the output a hub stack of this program publishes.",
            error.Message);
        Assert.DoesNotContain(mocks.Records, r => !r.Type.StartsWith("pulumi:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hub_stack_that_does_not_exist_stops_the_spoke_with_one_sentence()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => StackRun.RunAsync(
            new Dictionary<string, object> { ["transit"] = new Dictionary<string, object> { ["role"] = "spoke", ["hubStack"] = HubStack } }));

        Assert.Equal(
            "Stack acme/private-connectivity/hub, which a stack reference names, does not exist (the mocked backend has no other stack).",
            error.Message);
    }

    /// <summary>Every spoke subnet, every AZ of another spoke, and an address on the internet.</summary>
    private static IEnumerable<(string From, string To)> Flows(StackRun run, CrossVpcPaths paths, int spokeCount, int zoneCount)
    {
        var zones = run.Mocks.AvailabilityZones.Take(zoneCount).ToList();
        foreach (var k in Enumerable.Range(1, spokeCount))
        {
            foreach (var az in zones)
            {
                var from = $"spoke-{k}-private-{az}";
                yield return (from, Internet);
                foreach (var other in Enumerable.Range(1, spokeCount).Where(o => o != k))
                {
                    foreach (var toZone in zones)
                    {
                        yield return (from, paths.HostIn($"spoke-{other}-private-{toZone}"));
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ZoneCounts))]
    public async Task Spoke_to_spoke_and_spoke_to_internet_cross_one_gwlb_endpoint_each_way_symmetrically_and_nothing_bypasses_inspection(int zoneCount)
    {
        var run = await StackRun.RunAsync(HubAndSpokes(zoneCount, 3));
        var paths = new CrossVpcPaths(run.Routing);

        var checkedFlows = 0;
        foreach (var (from, to) in Flows(run, paths, 3, zoneCount))
        {
            var arrives = to == Internet ? PathEnd.Internet : PathEnd.Delivered;
            Assert.All(paths.Trace(from, to), path =>
            {
                Assert.Equal(arrives, path.End);
                Assert.NotEmpty(path.InspectionEndpoints);
            });
            var trips = paths.RoundTrips(from, to);
            Assert.Equal(zoneCount, trips.Count);
            Assert.All(trips, trip =>
            {
                Assert.True(trip.IsSymmetric, $"{from} → {to}\n{trip.Forward}\n{trip.Return}");
                Assert.Single(trip.Forward.InspectionEndpoints);
                Assert.Single(trip.Return.InspectionEndpoints);
                Assert.Equal(PathEnd.Delivered, trip.Return.End);
                Assert.Equal(arrives, trip.Forward.End);
            });
            checkedFlows++;
        }

        Assert.Equal(3 * zoneCount * (1 + (2 * zoneCount)), checkedFlows);
    }

    [Fact]
    public async Task Across_the_hub_and_a_spoke_stack_the_spokes_internet_flows_are_inspected_both_ways()
    {
        var (hub, hubOutputs) = await RunHubAsync(2);
        var spoke = await RunSpokeAsync(2, "10.1.0.0/16", hubOutputs);
        var paths = new CrossVpcPaths(RoutingModel.Build(hub.Records.Concat(spoke.Records), hub.Mocks.PrefixListIds));

        foreach (var az in hub.Mocks.AvailabilityZones.Take(2))
        {
            var trips = paths.RoundTrips($"spoke-private-{az}", Internet);
            Assert.Equal(2, trips.Count);
            Assert.All(trips, trip =>
            {
                Assert.True(trip.IsSymmetric, $"{trip.Forward}\n{trip.Return}");
                Assert.Single(trip.Forward.InspectionEndpoints);
                Assert.Single(trip.Return.InspectionEndpoints);
            });
        }
    }
}
