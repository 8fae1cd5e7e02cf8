using Infra.Model.Addressing;
using Infra.Model.Routing;
using Infra.Simulation;
using Infra.Tests.Support;

namespace Infra.Tests;

/// <summary>Provider and consumer as two stacks: the consumer takes the endpoint service name from its config.</summary>
public class TwoStackTests
{
    [Fact]
    public async Task A_provider_stack_builds_only_the_inspection_vpc_and_publishes_the_endpoint_service()
    {
        var run = await StackRun.RunAsync(new Dictionary<string, object> { ["inspection"] = new Dictionary<string, object> { ["mode"] = "provider" } });

        Assert.Equal(new[] { "inspection" }, run.Routing.Vpcs.Select(v => v.Name));
        Assert.Empty(run.Routing.InternetGateways);
        Assert.Equal(
            ["inspection-management-endpoints-ec2messages", "inspection-management-endpoints-ssm", "inspection-management-endpoints-ssmmessages", "inspection-s3-endpoint"],
            run.OfType(AwsTypes.VpcEndpoint).Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(run.OfType(AwsTypes.VpcEndpoint), e => (string?)e.Inputs.GetValueOrDefault("vpcEndpointType") == "GatewayLoadBalancer");
        Assert.Single(run.OfType("aws:ec2/vpcEndpointService:VpcEndpointService"));
        Assert.Single(run.OfType(AwsTypes.AutoScalingGroup));
        Assert.True(run.Outputs.ContainsKey("endpointServiceName"));
        Assert.False(run.Outputs.ContainsKey("vpcId"));
    }

    [Theory]
    [InlineData(1, "none")]
    [InlineData(2, "single")]
    [InlineData(3, "perAz")]
    public async Task A_consumer_stack_routes_through_gwlb_endpoints_of_the_configured_service(int azCount, string nat)
    {
        var scenario = new Scenario(azCount, nat, "consumer", DynamoDb: false);
        var run = await StackRun.RunAsync(scenario.Config);
        var zones = run.Mocks.AvailabilityZones.Take(azCount).ToList();

        Assert.Equal(new[] { "workload" }, run.Routing.Vpcs.Select(v => v.Name));
        Assert.Empty(run.OfType("aws:lb/loadBalancer:LoadBalancer"));
        var gwlbEndpoints = run.OfType(AwsTypes.VpcEndpoint).Where(e => (string?)e.Inputs.GetValueOrDefault("vpcEndpointType") == "GatewayLoadBalancer").ToList();
        Assert.Equal(azCount, gwlbEndpoints.Count);
        Assert.All(gwlbEndpoints, e => Assert.Equal(Scenario.ExternalServiceName, e.Inputs["serviceName"]));

        foreach (var (subnet, routes) in ExpectedRoutes.ForWorkloadSubnets(scenario, zones))
        {
            Assert.Equal(RouteText.Sorted(routes), RouteText.Of(run.Routing.EffectiveRoutes(subnet)));
        }

        Assert.Equal(RouteText.Sorted(ExpectedRoutes.ForInternetGatewayEdge(scenario, zones)), RouteText.Of(run.Routing.EdgeRoutes("workload-igw")));
        Assert.Empty(run.Routing.Problems);
    }

    [Fact]
    public async Task Gwlb_endpoints_never_sit_in_application_subnets()
    {
        var run = await StackRun.RunAsync(new Scenario(3, "none", "consumer", false).Config);

        var application = run.Routing.SubnetsInTier(Tiers.Application).Select(s => s.Id).ToHashSet();
        var endpointSubnets = run.OfType(AwsTypes.VpcEndpoint)
            .Where(e => (string?)e.Inputs.GetValueOrDefault("vpcEndpointType") == "GatewayLoadBalancer")
            .SelectMany(e => ((System.Collections.Immutable.ImmutableArray<object>)e.Inputs["subnetIds"]).Cast<string>())
            .ToList();
        Assert.Equal(3, endpointSubnets.Distinct().Count());
        Assert.DoesNotContain(endpointSubnets, application.Contains);
    }
}
