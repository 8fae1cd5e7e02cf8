using Infra.Model.Policy;
using Infra.Simulation;
using Infra.Tests.Support;

namespace Infra.Tests.Policy;

/// <summary>Every tested configuration keeps every guard rail, without a single waiver.</summary>
public class StackPolicyTests
{
    /// <summary>Configurations beyond the routing scenarios: the defaults, the dev stack, the two-stack split, the demo instance, …</summary>
    public static readonly IReadOnlyDictionary<string, Dictionary<string, object>> Stacks = new Dictionary<string, Dictionary<string, object>>
    {
        ["defaults"] = [],
        ["dev stack (Pulumi.dev.yaml)"] = new()
        {
            ["vpcCidr"] = "10.0.0.0/16",
            ["azCount"] = 2,
            ["natStrategy"] = "none",
            ["subnetPrefixLengths"] = new Dictionary<string, int> { ["public"] = 24, ["private"] = 20, ["application"] = 22, ["endpoint"] = 28, ["appliance"] = 24, ["transit"] = 28 },
            ["enableDynamoDbEndpoint"] = true,
            ["endpointBucketNames"] = Array.Empty<string>(),
            ["interfaceEndpoints"] = new[] { "ssm", "ssmmessages", "ec2messages" },
            ["inspection"] = new Dictionary<string, object>
            {
                ["mode"] = "combined",
                ["providerVpcCidr"] = "10.100.0.0/16",
                ["applianceInstanceType"] = "t3.small",
                ["applianceFleet"] = "autoScaling",
                ["appliancesPerAz"] = 1,
                ["fleetMinSize"] = 2,
                ["fleetMaxSize"] = 2,
                ["fleetDesiredCapacity"] = 2,
                ["crossZoneLoadBalancing"] = false,
                ["healthCheckPort"] = 80,
                ["healthCheckProtocol"] = "TCP",
                ["allowedPrincipals"] = Array.Empty<string>(),
            },
            ["transit"] = new Dictionary<string, object> { ["role"] = "off" },
            ["demo"] = new Dictionary<string, object> { ["bucket"] = true, ["instance"] = false, ["instanceType"] = "t3.micro" },
            ["flowLogRetentionDays"] = 30,
            ["tags"] = new Dictionary<string, string> { ["Project"] = "private-connectivity", ["Environment"] = "dev" },
            ["policyWaivers"] = Array.Empty<object>(),
        },
        ["provider stack"] = new() { ["inspection"] = new Dictionary<string, object> { ["mode"] = "provider" } },
        ["provider stack, 3 AZ, 2 appliances per AZ, named principal"] = new()
        {
            ["azCount"] = 3,
            ["inspection"] = new Dictionary<string, object>
            {
                ["mode"] = "provider",
                ["appliancesPerAz"] = 2,
                ["allowedPrincipals"] = new[] { "arn:aws:iam::210987654321:root" },
            },
        },
        ["fixed appliances with a custom AMI, cross-zone load balancing"] = new()
        {
            ["azCount"] = 3,
            ["inspection"] = new Dictionary<string, object>
            {
                ["mode"] = "combined",
                ["applianceFleet"] = "instances",
                ["applianceAmi"] = "ami-0fedcba9876543210",
                ["crossZoneLoadBalancing"] = true,
            },
        },
        ["auto scaling fleet sized by hand, provider stack"] = new()
        {
            ["azCount"] = 2,
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "provider", ["fleetMinSize"] = 2, ["fleetDesiredCapacity"] = 3, ["fleetMaxSize"] = 4 },
        },
        ["consumer stack"] = new()
        {
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "consumer", ["endpointServiceName"] = Scenario.ExternalServiceName },
        },
        ["demo instance on, inspection combined"] = new()
        {
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined" },
            ["demo"] = new Dictionary<string, object> { ["instance"] = true },
        },
        ["demo instance on, NAT per AZ, 3 AZ"] = new()
        {
            ["azCount"] = 3,
            ["natStrategy"] = "perAz",
            ["demo"] = new Dictionary<string, object> { ["instance"] = true },
        },
        ["named buckets, no demo bucket"] = new()
        {
            ["endpointBucketNames"] = new[] { "team-artifacts", "team-logs" },
            ["demo"] = new Dictionary<string, object> { ["bucket"] = false },
        },
        ["named buckets and the demo bucket"] = new() { ["endpointBucketNames"] = new[] { "team-artifacts" } },
        ["no demo bucket, no named buckets"] = new() { ["demo"] = new Dictionary<string, object> { ["bucket"] = false } },
        ["no interface endpoints"] = new() { ["interfaceEndpoints"] = Array.Empty<string>() },
        ["many interface endpoints"] = new() { ["interfaceEndpoints"] = new[] { "ssm", "ssmmessages", "ec2messages", "kms", "logs", "sts", "ecr.api", "ecr.dkr" } },
        ["HTTP health check"] = new()
        {
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined", ["healthCheckProtocol"] = "HTTP", ["healthCheckPort"] = 8080, ["healthCheckPath"] = "/health" },
        },
        ["small VPC, small subnets"] = new()
        {
            ["vpcCidr"] = "10.1.0.0/20",
            ["subnetPrefixLengths"] = new Dictionary<string, int> { ["public"] = 26, ["private"] = 24, ["application"] = 25, ["endpoint"] = 28 },
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined", ["providerVpcCidr"] = "10.200.0.0/22" },
        },
        ["transit hub, combined"] = new()
        {
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined" },
            ["transit"] = new Dictionary<string, object> { ["role"] = "hub" },
        },
        ["transit hub, consumer of another stack's service, two destinations"] = new()
        {
            ["azCount"] = 3,
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "consumer", ["endpointServiceName"] = Scenario.ExternalServiceName },
            ["transit"] = new Dictionary<string, object> { ["role"] = "hub", ["spokeDestinations"] = new[] { "10.0.0.0/8", "172.16.0.0/12" } },
        },
        ["transit hub and five spokes, 3 AZ"] = new()
        {
            ["azCount"] = 3,
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined" },
            ["transit"] = new Dictionary<string, object> { ["role"] = "hubAndSpokes", ["spokes"] = 5 },
        },
        ["transit hub and listed spokes, small subnets"] = new()
        {
            ["subnetPrefixLengths"] = new Dictionary<string, int> { ["private"] = 24, ["transit"] = 28 },
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined" },
            ["transit"] = new Dictionary<string, object> { ["role"] = "hubAndSpokes", ["spokes"] = new[] { "10.1.0.0/20", "10.2.0.0/22" } },
        },
    };

    public static TheoryData<string> StackNames() => [.. Stacks.Keys];

    [Theory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public async Task Every_routing_scenario_keeps_every_guard_rail(Scenario scenario)
    {
        var report = await PolicyCheck.RunAsync(scenario.Config);

        AssertAllPassed(report);
    }

    [Theory]
    [MemberData(nameof(StackNames))]
    public async Task Every_tested_stack_keeps_every_guard_rail(string stack)
    {
        var report = await PolicyCheck.RunAsync(Stacks[stack]);

        AssertAllPassed(report);
    }

    [Fact]
    public async Task A_spoke_stack_and_its_hub_keep_every_guard_rail_alone_and_together()
    {
        const string hubStack = "acme/private-connectivity/hub";
        Dictionary<string, object> hubConfig = new()
        {
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined" },
            ["transit"] = new Dictionary<string, object> { ["role"] = "hub" },
        };
        Dictionary<string, object> spokeConfig = new()
        {
            ["vpcCidr"] = "10.1.0.0/16",
            ["demo"] = new Dictionary<string, object> { ["instance"] = true },
            ["transit"] = new Dictionary<string, object> { ["role"] = "spoke", ["hubStack"] = hubStack },
        };
        var hub = await StackRun.RunAsync(hubConfig);
        var mocks = new AwsMocks();
        mocks.AddStack(hubStack, await hub.OutputValuesAsync());
        var spoke = await StackRun.RunAsync(spokeConfig, mocks);

        AssertAllPassed(PolicyCheck.Evaluate(spoke.Records, spokeConfig, spoke.Mocks));
        AssertAllPassed(PolicyCheck.Evaluate(hub.Records.Concat(spoke.Records), spokeConfig, spoke.Mocks));
    }

    private static void AssertAllPassed(PolicyReport report)
    {
        Assert.True(report.Passed, report.ToText());
        Assert.All(report.Results, r => Assert.Equal(PolicyOutcome.Passed, r.Outcome));
        Assert.Equal(PolicyCatalog.RuleIds, report.Results.Select(r => r.Rule.Id));
    }
}
