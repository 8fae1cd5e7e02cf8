using Infra.Model.Addressing;
using Infra.Simulation;
using Infra.Tests.Support;

namespace Infra.Tests;

/// <summary>
/// Every subnet's whole effective route table, for every combination of AZ count, NAT strategy, inspection and
/// DynamoDB endpoint, compared with the design's table (see README, "Routing").
/// </summary>
public class RouteTableTests
{
    public static IEnumerable<object[]> Scenarios() => Scenario.All();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_workload_subnet_has_exactly_the_designed_routes(Scenario scenario)
    {
        var run = await StackRun.RunAsync(scenario.Config);
        var zones = run.Mocks.AvailabilityZones.Take(scenario.AzCount).ToList();

        var expected = ExpectedRoutes.ForWorkloadSubnets(scenario, zones);
        var actual = run.Routing.SubnetsOfVpc("workload")
            .ToDictionary(subnet => subnet.Name!, subnet => RouteText.Of(run.Routing.EffectiveRoutes(subnet.Id)));

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (subnet, routes) in expected)
        {
            Assert.True(
                RouteText.Sorted(routes).SequenceEqual(actual[subnet]),
                $"{subnet} ({scenario}):\nexpected\n  {string.Join("\n  ", RouteText.Sorted(routes))}\nactual\n  {string.Join("\n  ", actual[subnet])}");
        }

        Assert.Empty(run.Routing.Problems);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_internet_gateway_edge_table_returns_application_traffic_through_the_endpoint_of_its_az(Scenario scenario)
    {
        var run = await StackRun.RunAsync(scenario.Config);
        var zones = run.Mocks.AvailabilityZones.Take(scenario.AzCount).ToList();

        var edge = RouteText.Of(run.Routing.EdgeRoutes("workload-igw"));

        if (scenario.Inspection == "off")
        {
            Assert.Null(run.Routing.EdgeRouteTableOf("workload-igw"));
        }
        else
        {
            Assert.Equal(RouteText.Sorted(ExpectedRoutes.ForInternetGatewayEdge(scenario, zones)), edge);
        }
    }

    [Theory]
    [InlineData(1, "combined")]
    [InlineData(2, "combined")]
    [InlineData(3, "combined")]
    [InlineData(1, "provider")]
    [InlineData(3, "provider")]
    public async Task Provider_appliance_subnets_have_the_local_route_and_s3_for_the_package_repositories_only(int azCount, string mode)
    {
        var scenario = new Scenario(azCount, "none", mode, false);
        var run = await StackRun.RunAsync(scenario.Config);
        var zones = run.Mocks.AvailabilityZones.Take(azCount).ToList();

        var expected = ExpectedRoutes.ForProviderSubnets(scenario, zones);
        var actual = run.Routing.SubnetsOfVpc("inspection")
            .ToDictionary(subnet => subnet.Name!, subnet => RouteText.Of(run.Routing.EffectiveRoutes(subnet.Id)));

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
        Assert.Null(run.Routing.InternetGateways.FirstOrDefault(igw => igw.Name.StartsWith("inspection", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task No_private_or_application_subnet_has_a_direct_internet_gateway_route_or_public_ips(Scenario scenario)
    {
        var run = await StackRun.RunAsync(scenario.Config);

        var inward = run.Routing.Subnets.Where(s => s.Tier is Tiers.Private or Tiers.Application or Tiers.Appliance).ToList();
        Assert.NotEmpty(inward);
        Assert.All(inward, subnet =>
        {
            Assert.False(subnet.MapPublicIpOnLaunch, $"{subnet.Name} assigns public IPs");
            Assert.DoesNotContain(run.Routing.EffectiveRoutes(subnet.Id), route => route.Target.Kind == Model.Routing.TargetKind.InternetGateway);
        });
        Assert.All(run.Routing.Subnets, subnet => Assert.False(subnet.MapPublicIpOnLaunch, $"{subnet.Name} assigns public IPs"));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Gateway_endpoints_are_attached_to_every_private_route_table_and_no_other(Scenario scenario)
    {
        var run = await StackRun.RunAsync(scenario.Config);

        var privateTables = run.Routing.SubnetsInTier(Tiers.Private)
            .Select(subnet => run.Routing.RouteTableOf(subnet.Id).Id)
            .ToHashSet();
        var s3 = run.Routing.Endpoint("s3-endpoint");
        Assert.Equal(privateTables.Order(), run.Routing.GatewayEndpointAttachments[s3.Id].Order());
        if (scenario.DynamoDb)
        {
            var dynamoDb = run.Routing.Endpoint("dynamodb-endpoint");
            Assert.Equal(privateTables.Order(), run.Routing.GatewayEndpointAttachments[dynamoDb.Id].Order());
        }
        else
        {
            Assert.Equal(
                scenario.Inspection == "combined" ? ["inspection-s3-endpoint", "s3-endpoint"] : ["s3-endpoint"],
                run.Routing.GatewayEndpointAttachments.Keys.Select(id => run.Routing.Endpoints.Single(e => e.Id == id).Name).Order(StringComparer.Ordinal));
        }

        if (scenario.Inspection == "combined")
        {
            var applianceTables = run.Routing.SubnetsInTier(Tiers.Appliance).Select(subnet => run.Routing.RouteTableOf(subnet.Id).Id).ToHashSet();
            Assert.Equal(applianceTables.Order(), run.Routing.GatewayEndpointAttachments[run.Routing.Endpoint("inspection-s3-endpoint").Id].Order());
        }
    }
}
