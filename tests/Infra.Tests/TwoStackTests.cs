using Infra.Model.Addressing;
using Infra.Model.Routing;
using Infra.Simulation;
using Infra.Tests.Support;
using Pulumi;

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

    private const string ProviderStack = "acme/private-connectivity/inspection";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_consumer_stack_reads_the_provider_stacks_endpoint_service_through_a_stack_reference(int azCount)
    {
        var provider = await StackRun.RunAsync(new Dictionary<string, object>
        {
            ["azCount"] = azCount,
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "provider" },
        });
        var providerOutputs = await provider.OutputValuesAsync();
        var serviceName = (string)providerOutputs["endpointServiceName"];
        Assert.Equal((string)provider.OfType("aws:ec2/vpcEndpointService:VpcEndpointService").Single().Outputs!["serviceName"], serviceName);

        var mocks = new AwsMocks();
        mocks.AddStack(ProviderStack, providerOutputs);
        var consumer = await StackRun.RunAsync(
            new Dictionary<string, object>
            {
                ["azCount"] = azCount,
                ["inspection"] = new Dictionary<string, object> { ["mode"] = "consumer", ["providerStack"] = ProviderStack },
            },
            mocks);

        var reference = consumer.OfType("pulumi:pulumi:StackReference").Single();
        Assert.Equal(ProviderStack, reference.Inputs["name"]);
        var gwlbEndpoints = consumer.OfType(AwsTypes.VpcEndpoint)
            .Where(e => (string?)e.Inputs.GetValueOrDefault("vpcEndpointType") == "GatewayLoadBalancer").ToList();
        Assert.Equal(azCount, gwlbEndpoints.Count);
        Assert.All(gwlbEndpoints, e => Assert.Equal(serviceName, e.Inputs["serviceName"]));

        var scenario = new Scenario(azCount, "none", "consumer", DynamoDb: false);
        var zones = consumer.Mocks.AvailabilityZones.Take(azCount).ToList();
        foreach (var (subnet, routes) in ExpectedRoutes.ForWorkloadSubnets(scenario, zones))
        {
            Assert.Equal(RouteText.Sorted(routes), RouteText.Of(consumer.Routing.EffectiveRoutes(subnet)));
        }

        Assert.Empty(consumer.Routing.Problems);
    }

    [Fact]
    public async Task A_zone_the_provider_stacks_service_does_not_serve_is_refused_naming_that_service()
    {
        const string Service = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0";
        var mocks = new AwsMocks { EndpointServiceZones = ["eu-west-1a"] };
        mocks.AddStack(ProviderStack, new Dictionary<string, object> { ["endpointServiceName"] = Service });

        var error = await Assert.ThrowsAsync<RunException>(() => StackRun.RunAsync(
            new Dictionary<string, object>
            {
                ["azCount"] = 2,
                ["inspection"] = new Dictionary<string, object> { ["mode"] = "consumer", ["providerStack"] = ProviderStack },
            },
            mocks));

        Assert.StartsWith(
            $"Invalid config private-connectivity:azCount = 2: zones the endpoint service {Service} serves, but workload AZ eu-west-1b",
            error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain(mocks.Records, r => !r.Type.StartsWith("pulumi:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_provider_stack_that_does_not_exist_stops_the_consumer_with_one_sentence()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => StackRun.RunAsync(new Dictionary<string, object>
        {
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "consumer", ["providerStack"] = ProviderStack },
        }));

        Assert.Equal(
            "Stack acme/private-connectivity/inspection, which a stack reference names, does not exist (the mocked backend has no other stack).",
            error.Message);
    }

    [Fact]
    public async Task A_provider_stack_output_that_is_not_an_endpoint_service_name_is_refused()
    {
        var mocks = new AwsMocks();
        mocks.AddStack(ProviderStack, new Dictionary<string, object> { ["endpointServiceName"] = "vpce-svc-0123456789abcdef0" });

        var error = await Assert.ThrowsAsync<RunException>(() => StackRun.RunAsync(
            new Dictionary<string, object>
            {
                ["inspection"] = new Dictionary<string, object> { ["mode"] = "consumer", ["providerStack"] = ProviderStack },
            },
            mocks));

        Assert.Equal(
            "Invalid output endpointServiceName of stack acme/private-connectivity/inspection (from private-connectivity:inspection.providerStack) = " +
            "vpce-svc-0123456789abcdef0: an endpoint service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0, the output a " +
            "provider stack of this program publishes.",
            error.Message);
    }
}
