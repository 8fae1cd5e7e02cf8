using Infra.Components;
using Infra.Model.Routing;
using Infra.Simulation;

namespace Infra.Package.Tests;

/// <summary>
/// The seed's scenario built by a program of its own from the library's public API alone: a workload VPC, an S3
/// gateway endpoint on the private route tables, an interface endpoint with private DNS, and GWLB inspection (a
/// provider VPC with the load balancer and a consumer side in the workload VPC). The mocks only answer AWS.
/// </summary>
public class SeedScenarioTests
{
    private const string Region = "eu-west-1";

    /// <summary>The program, as another team would write it with a package reference to Infra.Components.</summary>
    private static Task<IDictionary<string, object?>> SeedProgram(List<string>? zoneNames)
    {
        var zoneCount = zoneNames is null ? 2 : (int?)null;
        var workload = new VpcNetwork("workload", new VpcNetworkArgs
        {
            CidrBlock = "10.0.0.0/16",
            AvailabilityZoneNames = zoneNames,
            AvailabilityZoneCount = zoneCount,
            Tiers = ["public", "private", "application", "endpoint"],
        });
        var s3 = new GatewayEndpoint("s3", new GatewayEndpointArgs
        {
            VpcId = workload.VpcId,
            Region = Region,
            Service = "s3",
            RouteTableIds = workload.DistinctRouteTableIdsOf("private"),
        });
        var endpoints = new InterfaceEndpoints("endpoints", new InterfaceEndpointsArgs
        {
            VpcId = workload.VpcId,
            VpcCidr = workload.CidrBlock,
            Region = Region,
            SubnetIds = workload.SubnetIdsOf("private"),
            Services = ["ssm"],
        });

        var security = new VpcNetwork("security", new VpcNetworkArgs
        {
            CidrBlock = "10.100.0.0/16",
            AvailabilityZoneNames = zoneNames,
            AvailabilityZoneCount = zoneCount,
            Tiers = ["appliance"],
            InternetGateway = false,
        });
        var provider = new InspectionProvider("inspection", new InspectionProviderArgs
        {
            VpcId = security.VpcId,
            VpcCidr = security.CidrBlock,
            ApplianceSubnetIds = security.SubnetIdsOf("appliance"),
            ApplianceRouteTableIds = security.DistinctRouteTableIdsOf("appliance"),
            Region = Region,
            AvailabilityZoneNames = zoneNames,
            AvailabilityZoneCount = zoneCount,
        });
        var consumer = new InspectionConsumer("inspected", new InspectionConsumerArgs
        {
            VpcId = workload.VpcId,
            AvailabilityZoneNames = zoneNames,
            AvailabilityZoneCount = zoneCount,
            InternetGatewayId = workload.InternetGatewayId.Apply(id => id!),
            EndpointSubnetIds = workload.SubnetIdsOf("endpoint"),
            EndpointRouteTableIds = workload.RouteTableIds.Apply(tables => tables["endpoint"]),
            ApplicationRouteTableIds = workload.RouteTableIds.Apply(tables => tables["application"]),
            ApplicationSubnetCidrs = workload.SubnetCidrs.Apply(cidrs => cidrs["application"]),
            EndpointServiceName = provider.EndpointServiceName,
        });

        return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>
        {
            ["s3PrefixListId"] = s3.PrefixListId,
            ["ssmDnsName"] = endpoints.DnsNames.Apply(names => names["ssm"]),
            ["endpointServiceName"] = provider.EndpointServiceName,
            ["gwlbEndpointIds"] = consumer.GwlbEndpointIds,
        });
    }

    public static TheoryData<bool> ZoneChoices => new() { true, false };

    [Theory]
    [MemberData(nameof(ZoneChoices))]
    public async Task The_seed_scenario_routes_every_subnet_as_the_program_does(bool namedZones)
    {
        var mocks = new AwsMocks(Region);
        var zones = mocks.AvailabilityZones.Take(2).ToList();
        var run = await StackRun.RunProgramAsync(() => SeedProgram(namedZones ? zones : null), mocks);
        var labels = namedZones ? zones : ["az1", "az2"];
        var s3PrefixList = mocks.PrefixListIds[$"com.amazonaws.{Region}.s3"];

        for (var az = 0; az < 2; az++)
        {
            var label = labels[az];
            Assert.Equal(zones[az], run.Routing.Subnet($"workload-private-{label}").AvailabilityZone);
            Assert.Equal(
                ["10.0.0.0/16 → Local", $"{s3PrefixList} → GatewayEndpoint s3"],
                Describe(run.Routing.EffectiveRoutes($"workload-private-{label}")));
            Assert.Equal(
                ["0.0.0.0/0 → GatewayLoadBalancerEndpoint inspected-gwlbe-" + label, "10.0.0.0/16 → Local"],
                Describe(run.Routing.EffectiveRoutes($"workload-application-{label}")));
            Assert.Equal(
                ["0.0.0.0/0 → InternetGateway workload-igw", "10.0.0.0/16 → Local"],
                Describe(run.Routing.EffectiveRoutes($"workload-endpoint-{label}")));
            Assert.Equal(
                ["10.100.0.0/16 → Local", $"{s3PrefixList} → GatewayEndpoint inspection-s3-endpoint"],
                Describe(run.Routing.EffectiveRoutes($"security-appliance-{label}")));
        }

        var applicationCidrs = labels.Select(l => run.Routing.Subnet($"workload-application-{l}").CidrBlock).ToList();
        Assert.Equal(
            labels.Select((l, i) => $"{applicationCidrs[i]} → GatewayLoadBalancerEndpoint inspected-gwlbe-{l}").Append("10.0.0.0/16 → Local").Order(StringComparer.Ordinal),
            Describe(run.Routing.EdgeRoutes("workload-igw")));
        Assert.Empty(run.Routing.Problems);
    }

    [Fact]
    public async Task The_interface_endpoint_has_private_dns_in_every_private_subnet_and_the_gwlb_endpoints_name_the_provider_service()
    {
        var mocks = new AwsMocks(Region);
        var run = await StackRun.RunProgramAsync(() => SeedProgram(null), mocks);

        var ssm = run.Routing.Endpoint("endpoints-ssm");
        Assert.True(ssm.PrivateDnsEnabled);
        Assert.Equal($"com.amazonaws.{Region}.ssm", ssm.ServiceName);
        Assert.Equal(
            run.Routing.SubnetsInTier("private").Where(s => s.Name.StartsWith("workload-", StringComparison.Ordinal)).Select(s => s.Id).Order(),
            ssm.SubnetIds.Order());

        var service = run.Routing.Resource("inspection-service").Outputs!["serviceName"];
        var gwlbEndpoints = run.Routing.Endpoints.Where(e => e.Type == "GatewayLoadBalancer").ToList();
        Assert.Equal(2, gwlbEndpoints.Count);
        Assert.All(gwlbEndpoints, e => Assert.Equal(service, e.ServiceName));
        Assert.Equal(4, run.OfType("aws:ec2/subnet:Subnet").Count(s => s.Name.StartsWith("workload-endpoint-", StringComparison.Ordinal) || s.Name.StartsWith("workload-private-", StringComparison.Ordinal)));
    }

    private static string[] Describe(IEnumerable<Route> routes)
        => [.. routes.Select(r => $"{r.Destination.Text} → {r.Target.Kind}{(r.Target.ResourceName is { } name ? " " + name : "")}").Order(StringComparer.Ordinal)];
}
