using System.Collections.Immutable;
using Infra.Components;
using Infra.Model.Addressing;
using Infra.Model.Configuration;
using Infra.Simulation;
using Pulumi;

namespace Infra.Plan.Bench;

/// <summary>A topology the benchmark plans.</summary>
/// <param name="Name">Its name in the results.</param>
/// <param name="Description">What it is.</param>
/// <param name="Settings">The project settings of a stack of the program (null for a composed program).</param>
/// <param name="AvailabilityZones">How many AZs it uses.</param>
/// <param name="Program">A program composed of the components, when the program's settings cannot reach the size.</param>
public sealed record Topology(
    string Name, string Description, IReadOnlyDictionary<string, object>? Settings, int AvailabilityZones,
    Func<Task<IDictionary<string, object?>>>? Program = null);

/// <summary>The topologies of <c>plan bench</c>, smallest first.</summary>
public static class Topologies
{
    private static readonly string[] Services = [.. InterfaceEndpointCatalog.ShortNames.Where(n => n is not "firehose")];

    /// <summary>
    /// The topologies, from one AZ without endpoints to a hub with spokes of about 500 resources, then the program's
    /// Transit Gateway stack with 10 and with 50 spokes (over 1,000 resources).
    /// </summary>
    public static IReadOnlyList<Topology> All { get; } =
    [
        new(
            "1az-minimal",
            "1 AZ, NAT none, no interface or DynamoDB endpoint, inspection off, no demo bucket",
            new Dictionary<string, object>
            {
                ["azCount"] = 1,
                ["natStrategy"] = "none",
                ["enableDynamoDbEndpoint"] = false,
                ["interfaceEndpoints"] = Array.Empty<string>(),
                ["demo"] = new Dictionary<string, object> { ["bucket"] = false },
            },
            1),
        new(
            "dev",
            "the dev stack: 2 AZs, NAT none, 3 interface endpoints, DynamoDB, inspection combined (1 appliance per AZ), demo bucket",
            new Dictionary<string, object>
            {
                ["azCount"] = 2,
                ["natStrategy"] = "none",
                ["enableDynamoDbEndpoint"] = true,
                ["interfaceEndpoints"] = new[] { "ssm", "ssmmessages", "ec2messages" },
                ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined" },
            },
            2),
        new(
            "3az-10ep",
            "3 AZs, NAT per AZ, 10 interface endpoints, DynamoDB, inspection combined (2 appliances per AZ), demo bucket",
            new Dictionary<string, object>
            {
                ["azCount"] = 3,
                ["natStrategy"] = "perAz",
                ["enableDynamoDbEndpoint"] = true,
                ["interfaceEndpoints"] = Services.Take(10).ToArray(),
                ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined", ["appliancesPerAz"] = 2 },
            },
            3),
        new(
            "6az-30ep",
            "6 AZs, NAT per AZ, 30 interface endpoints, DynamoDB, inspection combined (2 appliances per AZ), demo bucket and instance",
            new Dictionary<string, object>
            {
                ["azCount"] = 6,
                ["natStrategy"] = "perAz",
                ["enableDynamoDbEndpoint"] = true,
                ["interfaceEndpoints"] = Services.Take(30).ToArray(),
                ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined", ["appliancesPerAz"] = 2 },
                ["demo"] = new Dictionary<string, object> { ["bucket"] = true, ["instance"] = true },
            },
            6),
        new(
            "hub-3-spokes",
            "about 500 resources: an inspection hub (6 AZs, 4 appliances per AZ) and 3 spoke VPCs (6 AZs, NAT per AZ, 20 interface endpoints, S3 and DynamoDB, GWLB endpoints), composed from the components",
            null,
            6,
            () => HubAndSpokes(spokes: 3, azCount: 6, services: Services.Take(20).ToArray(), appliancesPerAz: 4)),
        Transit(10),
        Transit(50),
    ];

    /// <summary>The names of the two Transit Gateway topologies whose growth the benchmark reports apart.</summary>
    public static (string Small, string Large) TransitPair { get; } = ("tgw-10-spokes", "tgw-50-spokes");

    /// <summary>
    /// A stack of the program with a Transit Gateway hub and <paramref name="spokes"/> spoke VPCs (transit.role
    /// hubAndSpokes): the central inspection VPC, the GWLB provider side in the same stack, 3 AZs.
    /// </summary>
    private static Topology Transit(int spokes) => new(
        $"tgw-{spokes}-spokes",
        $"the program's hubAndSpokes stack: a Transit Gateway, the central inspection VPC (3 AZs, NAT per AZ), the GWLB provider side (inspection combined, 1 appliance per AZ) and {spokes} spoke VPCs",
        new Dictionary<string, object>
        {
            ["azCount"] = 3,
            ["natStrategy"] = "none",
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined" },
            ["transit"] = new Dictionary<string, object> { ["role"] = "hubAndSpokes", ["spokes"] = spokes },
        },
        3);

    /// <summary>The settings as the Pulumi CLI passes them: fully qualified, objects and lists as JSON.</summary>
    public static IReadOnlyDictionary<string, string> Config(Topology topology, string project, string region)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var config = new Dictionary<string, string>(StringComparer.Ordinal) { ["aws:region"] = region };
        foreach (var (key, value) in topology.Settings ?? ImmutableDictionary<string, object>.Empty)
        {
            config[$"{project}:{key}"] = StackRun.ConfigText(value);
        }

        return config;
    }

    /// <summary>
    /// An inspection hub shared by several spoke VPCs, each with gateway and interface endpoints and GWLB endpoints to
    /// the hub's service: the same components the program composes, at a size one stack of it cannot reach.
    /// </summary>
    private static Task<IDictionary<string, object?>> HubAndSpokes(int spokes, int azCount, IReadOnlyList<string> services, int appliancesPerAz)
    {
        const string region = "eu-west-1";
        List<string> zones = [.. Enumerable.Range(0, azCount).Select(i => $"{region}{(char)('a' + i)}")];
        var hub = new VpcNetwork("hub", new VpcNetworkArgs
        {
            CidrBlock = "10.100.0.0/16",
            AvailabilityZoneNames = zones,
            Tiers = [Tiers.Appliance],
            InternetGateway = false,
        });
        var provider = new InspectionProvider("hub", new InspectionProviderArgs
        {
            VpcId = hub.VpcId,
            VpcCidr = hub.CidrBlock,
            ApplianceSubnetIds = hub.SubnetIdsOf(Tiers.Appliance),
            ApplianceRouteTableIds = hub.DistinctRouteTableIdsOf(Tiers.Appliance),
            AvailabilityZoneNames = zones,
            Region = region,
            ApplianceAmi = "ami-0123456789abcdef0",
            ApplianceFleet = "instances",
            ApplianceInstanceType = "c5n.large",
            AppliancesPerAz = appliancesPerAz,
            AllowedPrincipals = new InputList<string> { "arn:aws:iam::123456789012:root" },
        });

        for (var spoke = 1; spoke <= spokes; spoke++)
        {
            var network = new VpcNetwork($"spoke{spoke}", new VpcNetworkArgs
            {
                CidrBlock = $"10.{spoke}.0.0/16",
                AvailabilityZoneNames = zones,
                Tiers = [Tiers.Public, Tiers.Private, Tiers.Application, Tiers.Endpoint],
                NatStrategy = "perAz",
            });
            var privateTables = network.DistinctRouteTableIdsOf(Tiers.Private);
            foreach (var service in new[] { "s3", "dynamodb" })
            {
                _ = new GatewayEndpoint($"spoke{spoke}-{service}", new GatewayEndpointArgs
                {
                    VpcId = network.VpcId,
                    Region = region,
                    Service = service,
                    RouteTableIds = privateTables,
                });
            }

            _ = new InterfaceEndpoints($"spoke{spoke}-endpoints", new InterfaceEndpointsArgs
            {
                VpcId = network.VpcId,
                VpcCidr = network.CidrBlock,
                Region = region,
                SubnetIds = network.SubnetIdsOf(Tiers.Private),
                Services = [.. services],
            });
            _ = new InspectionConsumer($"spoke{spoke}-inspection", InspectionConsumerArgs.For(network, zones, provider.EndpointServiceName));
        }

        return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
    }
}
