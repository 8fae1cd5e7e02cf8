using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Ec2;

namespace Infra.Components;

/// <summary>What an <see cref="InspectionConsumer"/> builds.</summary>
public sealed class InspectionConsumerArgs
{
    /// <summary>The workload VPC: it needs an internet gateway and the application and endpoint tiers.</summary>
    public required VpcNetwork Network { get; init; }

    /// <summary>The provider's VPC endpoint service name (com.amazonaws.vpce.REGION.vpce-svc-…).</summary>
    public required Input<string> EndpointServiceName { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>
/// The consumer side of bump-in-the-wire inspection: one GWLB endpoint per AZ in its own endpoint subnet, the
/// application subnets' default route pointing at the endpoint of their AZ, the endpoint subnets' default route at the
/// internet gateway, and the internet gateway's edge route table sending return traffic for each application subnet
/// back through the endpoint of its AZ. Traffic between the internet and the application subnets crosses the
/// appliances in both directions and stays in its AZ.
/// </summary>
public sealed class InspectionConsumer : ComponentResource
{
    public InspectionConsumer(string name, InspectionConsumerArgs args, ComponentResourceOptions? options = null)
        : base("infra:inspection:InspectionConsumer", name, options)
    {
        var childOptions = new CustomResourceOptions { Parent = this };
        var network = args.Network;
        var internetGateway = network.InternetGateway
            ?? throw new ArgumentException("Inspection needs a workload VPC with an internet gateway.", nameof(args));
        var endpointSubnets = network.SubnetsOf(Model.Addressing.Tiers.Endpoint);
        var endpointTables = network.RouteTablesOf(Model.Addressing.Tiers.Endpoint);
        var applicationTables = network.RouteTablesOf(Model.Addressing.Tiers.Application);
        var applicationCidrs = network.Plan.ForTier(Model.Addressing.Tiers.Application);

        EdgeRouteTable = new RouteTable($"{name}-igw-edge-rt", new RouteTableArgs
        {
            VpcId = network.VpcId,
            Tags = ResourceTags.For(args.Tags, $"{name}-igw-edge-rt", ("Tier", "edge")),
        }, childOptions);
        _ = new RouteTableAssociation($"{name}-igw-edge-association", new RouteTableAssociationArgs
        {
            GatewayId = internetGateway.Id,
            RouteTableId = EdgeRouteTable.Id,
        }, childOptions);

        var endpoints = new List<VpcEndpoint>();
        for (var azIndex = 0; azIndex < endpointSubnets.Count; azIndex++)
        {
            var az = network.AvailabilityZones[azIndex];
            var endpoint = new VpcEndpoint($"{name}-gwlbe-{az}", new VpcEndpointArgs
            {
                VpcId = network.VpcId,
                ServiceName = args.EndpointServiceName,
                VpcEndpointType = "GatewayLoadBalancer",
                SubnetIds = { endpointSubnets[azIndex].Id },
                Tags = ResourceTags.For(args.Tags, $"{name}-gwlbe-{az}"),
            }, childOptions);
            endpoints.Add(endpoint);

            _ = new Route($"{name}-application-to-gwlbe-{az}", new RouteArgs
            {
                RouteTableId = applicationTables[azIndex].Id,
                DestinationCidrBlock = "0.0.0.0/0",
                VpcEndpointId = endpoint.Id,
            }, childOptions);
            _ = new Route($"{name}-gwlbe-to-igw-{az}", new RouteArgs
            {
                RouteTableId = endpointTables[azIndex].Id,
                DestinationCidrBlock = "0.0.0.0/0",
                GatewayId = internetGateway.Id,
            }, childOptions);
            _ = new Route($"{name}-edge-return-{az}", new RouteArgs
            {
                RouteTableId = EdgeRouteTable.Id,
                DestinationCidrBlock = applicationCidrs[azIndex].Cidr,
                VpcEndpointId = endpoint.Id,
            }, childOptions);
        }

        Endpoints = endpoints;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["gwlbEndpointIds"] = Output.All(endpoints.Select(e => e.Id)),
            ["edgeRouteTableId"] = EdgeRouteTable.Id,
        });
    }

    public IReadOnlyList<VpcEndpoint> Endpoints { get; }

    public RouteTable EdgeRouteTable { get; }
}
