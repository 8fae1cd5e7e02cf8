using Pulumi;
using Pulumi.Aws.Ec2;

namespace Infra.Components;

/// <summary>What an <see cref="InspectionConsumer"/> builds. Every list has one entry per AZ, in AZ order.</summary>
public sealed class InspectionConsumerArgs : ResourceArgs
{
    /// <summary>The workload VPC.</summary>
    [Input("vpcId", required: true)]
    public Input<string> VpcId { get; set; } = null!;

    /// <summary>The workload VPC's availability zones, in order; they name the per-AZ resources.</summary>
    [Input("availabilityZoneNames")]
    public List<string>? AvailabilityZoneNames { get; set; }

    /// <summary>Without zone names: how many AZs the lists span; default 2.</summary>
    [Input("availabilityZoneCount")]
    public int? AvailabilityZoneCount { get; set; }

    /// <summary>The workload VPC's internet gateway: its edge route table sends return traffic through inspection.</summary>
    [Input("internetGatewayId", required: true)]
    public Input<string> InternetGatewayId { get; set; } = null!;

    /// <summary>The endpoint tier's subnets: each AZ's GWLB endpoint sits in its own.</summary>
    [Input("endpointSubnetIds", required: true)]
    public InputList<string> EndpointSubnetIds { get; set; } = null!;

    /// <summary>The endpoint tier's route tables: their default route goes to the internet gateway.</summary>
    [Input("endpointRouteTableIds", required: true)]
    public InputList<string> EndpointRouteTableIds { get; set; } = null!;

    /// <summary>The application tier's route tables: their default route goes to the GWLB endpoint of their AZ.</summary>
    [Input("applicationRouteTableIds", required: true)]
    public InputList<string> ApplicationRouteTableIds { get; set; } = null!;

    /// <summary>The application tier's subnet blocks: the edge route table sends each back through its AZ's endpoint.</summary>
    [Input("applicationSubnetCidrs", required: true)]
    public InputList<string> ApplicationSubnetCidrs { get; set; } = null!;

    /// <summary>The provider's VPC endpoint service name (com.amazonaws.vpce.REGION.vpce-svc-…).</summary>
    [Input("endpointServiceName", required: true)]
    public Input<string> EndpointServiceName { get; set; } = null!;

    /// <summary>Tags added to every resource.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; set; }

    /// <summary>
    /// For C# programs: the wiring to a <see cref="VpcNetwork"/> built with the application and endpoint tiers and an
    /// internet gateway, in the given zones.
    /// </summary>
    public static InspectionConsumerArgs For(VpcNetwork network, IEnumerable<string> availabilityZoneNames, Input<string> endpointServiceName)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new InspectionConsumerArgs
        {
            VpcId = network.VpcId,
            AvailabilityZoneNames = [.. availabilityZoneNames],
            InternetGatewayId = network.InternetGatewayId.Apply(id => id ?? throw new RunException(
                "InspectionConsumer needs a VpcNetwork with an internet gateway (internetGateway true), for the edge route table.")),
            EndpointSubnetIds = network.SubnetIdsOf(Model.Addressing.Tiers.Endpoint),
            EndpointRouteTableIds = network.RouteTableIdsOf(Model.Addressing.Tiers.Endpoint),
            ApplicationRouteTableIds = network.RouteTableIdsOf(Model.Addressing.Tiers.Application),
            ApplicationSubnetCidrs = network.SubnetCidrsOf(Model.Addressing.Tiers.Application),
            EndpointServiceName = endpointServiceName,
        };
    }
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
        : base(PackageInfo.TypeToken(nameof(InspectionConsumer)), name, PackageInfo.WithFormerType(options, "infra:inspection:InspectionConsumer"))
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new InputErrors(nameof(InspectionConsumer), name);
        _ = errors.Required("vpcId", args.VpcId);
        var internetGatewayId = errors.Required("internetGatewayId", args.InternetGatewayId);
        _ = errors.Required("endpointSubnetIds", args.EndpointSubnetIds);
        _ = errors.Required("endpointRouteTableIds", args.EndpointRouteTableIds);
        _ = errors.Required("applicationRouteTableIds", args.ApplicationRouteTableIds);
        _ = errors.Required("applicationSubnetCidrs", args.ApplicationSubnetCidrs);
        _ = errors.Required("endpointServiceName", args.EndpointServiceName);
        var zones = ZonePlacement.Resolve(
            args.AvailabilityZoneNames, args.AvailabilityZoneCount, errors, "availabilityZoneNames", "availabilityZoneCount", this);
        Output<string> At(InputList<string> list, int azIndex, string input) => PerAz.Item(list, azIndex, zones.Count, errors, input);

        var childOptions = new CustomResourceOptions { Parent = this };
        var edgeRouteTable = new RouteTable($"{name}-igw-edge-rt", new RouteTableArgs
        {
            VpcId = args.VpcId,
            Tags = ResourceTags.For(args.Tags, $"{name}-igw-edge-rt", ("Tier", "edge")),
        }, childOptions);
        _ = new RouteTableAssociation($"{name}-igw-edge-association", new RouteTableAssociationArgs
        {
            GatewayId = internetGatewayId,
            RouteTableId = edgeRouteTable.Id,
        }, childOptions);

        var endpoints = new List<VpcEndpoint>();
        for (var azIndex = 0; azIndex < zones.Count; azIndex++)
        {
            var az = zones.Labels[azIndex];
            var endpoint = new VpcEndpoint($"{name}-gwlbe-{az}", new VpcEndpointArgs
            {
                VpcId = args.VpcId,
                ServiceName = args.EndpointServiceName,
                VpcEndpointType = "GatewayLoadBalancer",
                SubnetIds = { At(args.EndpointSubnetIds, azIndex, "endpointSubnetIds") },
                Tags = ResourceTags.For(args.Tags, $"{name}-gwlbe-{az}"),
            }, childOptions);
            endpoints.Add(endpoint);

            _ = new Route($"{name}-application-to-gwlbe-{az}", new RouteArgs
            {
                RouteTableId = At(args.ApplicationRouteTableIds, azIndex, "applicationRouteTableIds"),
                DestinationCidrBlock = "0.0.0.0/0",
                VpcEndpointId = endpoint.Id,
            }, childOptions);
            _ = new Route($"{name}-gwlbe-to-igw-{az}", new RouteArgs
            {
                RouteTableId = At(args.EndpointRouteTableIds, azIndex, "endpointRouteTableIds"),
                DestinationCidrBlock = "0.0.0.0/0",
                GatewayId = internetGatewayId,
            }, childOptions);
            _ = new Route($"{name}-edge-return-{az}", new RouteArgs
            {
                RouteTableId = edgeRouteTable.Id,
                DestinationCidrBlock = At(args.ApplicationSubnetCidrs, azIndex, "applicationSubnetCidrs"),
                VpcEndpointId = endpoint.Id,
            }, childOptions);
        }

        GwlbEndpointIds = Output.All(endpoints.Select(e => e.Id)).Apply(ids => ids.ToArray());
        EdgeRouteTableId = edgeRouteTable.Id;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["gwlbEndpointIds"] = GwlbEndpointIds,
            ["edgeRouteTableId"] = EdgeRouteTableId,
        });
    }

    /// <summary>The GWLB endpoints' ids, one per AZ in AZ order.</summary>
    [Output("gwlbEndpointIds")]
    public Output<string[]> GwlbEndpointIds { get; private set; }

    /// <summary>The internet gateway's edge route table.</summary>
    [Output("edgeRouteTableId")]
    public Output<string> EdgeRouteTableId { get; private set; }
}
