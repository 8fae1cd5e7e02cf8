using Infra.Model.Aws;
using Pulumi;
using Pulumi.Aws.Ec2;
using Tgw = Pulumi.Aws.Ec2TransitGateway;
using TierNames = Infra.Model.Addressing.Tiers;

namespace Infra.Components;

/// <summary>What a <see cref="CentralInspectionVpc"/> builds.</summary>
public sealed class CentralInspectionVpcArgs : ResourceArgs
{
    /// <summary>The inspection VPC's block, /16 to /24, such as 10.255.0.0/16.</summary>
    [Input("cidrBlock", required: true)]
    public string CidrBlock { get; set; } = null!;

    /// <summary>The availability zones, in order; they name the per-AZ resources. Default: the region's first two.</summary>
    [Input("availabilityZoneNames")]
    public List<string>? AvailabilityZoneNames { get; set; }

    /// <summary>Prefix lengths of the public, endpoint and transit subnets (16 to 28; default public 24, endpoint 28, transit 28).</summary>
    [Input("subnetPrefixLengths")]
    public SubnetPrefixLengthsArgs? SubnetPrefixLengths { get; set; }

    /// <summary>The hub's transit gateway (<see cref="TransitHub.TransitGatewayId"/>).</summary>
    [Input("transitGatewayId", required: true)]
    public Input<string> TransitGatewayId { get; set; } = null!;

    /// <summary>The hub's inspection route table: this VPC's attachment is associated with it.</summary>
    [Input("inspectionRouteTableId", required: true)]
    public Input<string> InspectionRouteTableId { get; set; } = null!;

    /// <summary>The hub's spoke route table: its default route (0.0.0.0/0) goes to this VPC's attachment.</summary>
    [Input("spokeRouteTableId", required: true)]
    public Input<string> SpokeRouteTableId { get; set; } = null!;

    /// <summary>The GWLB endpoint service the GWLB endpoints connect to (com.amazonaws.vpce.REGION.vpce-svc-…).</summary>
    [Input("endpointServiceName", required: true)]
    public Input<string> EndpointServiceName { get; set; } = null!;

    /// <summary>
    /// The blocks the spokes live in, such as ["10.0.0.0/8"]: the endpoint subnets send them to the transit gateway, the
    /// public subnets send them back through the GWLB endpoint of their AZ.
    /// </summary>
    [Input("spokeDestinationCidrs", required: true)]
    public List<string> SpokeDestinationCidrs { get; set; } = null!;

    /// <summary>How long the flow log group keeps records, in days (a CloudWatch Logs retention value); default 30.</summary>
    [Input("flowLogRetentionDays")]
    public int? FlowLogRetentionDays { get; set; }

    /// <summary>Tags added to every resource.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>
/// The inspection VPC of centralized inspection, as in AWS's Gateway Load Balancer samples (centralized architecture):
/// a <see cref="VpcNetwork"/> with, per AZ, a transit subnet (the attachment's interface), an endpoint subnet (a GWLB
/// endpoint) and a public subnet (a NAT gateway), each with its own route table, an internet gateway, flow logs and a
/// default security group without rules. Traffic from the transit gateway goes to the GWLB endpoint of its AZ; back
/// from the appliances it goes to the transit gateway (spoke destinations) or to the NAT gateway of the AZ; replies
/// from the internet return through the same endpoint. The attachment has appliance mode on, so both directions of a
/// flow use the same AZ and the same appliance, and is associated with the hub's inspection route table; the hub's
/// spoke route table gets its default route to the attachment.
/// </summary>
public sealed class CentralInspectionVpc : ComponentResource
{
    public CentralInspectionVpc(string name, CentralInspectionVpcArgs args, ComponentResourceOptions? options = null)
        : base(PackageInfo.TypeToken(nameof(CentralInspectionVpc)), name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new InputErrors(nameof(CentralInspectionVpc), name);
        var networkArgs = new VpcNetworkArgs
        {
            CidrBlock = args.CidrBlock,
            AvailabilityZoneNames = args.AvailabilityZoneNames,
            Tiers = [TierNames.Public, TierNames.Endpoint, TierNames.Transit],
            SubnetPrefixLengths = args.SubnetPrefixLengths,
            InternetGateway = true,
            NatStrategy = "perAz",
            FlowLogRetentionDays = args.FlowLogRetentionDays,
            Tags = args.Tags,
        };
        var checkedNetwork = VpcNetwork.CheckInputs(
            networkArgs, errors, this, [TierNames.Public, TierNames.Endpoint, TierNames.Transit], publicTablePerAz: true);
        var transitGatewayId = errors.Required("transitGatewayId", args.TransitGatewayId);
        var inspectionRouteTableId = errors.Required("inspectionRouteTableId", args.InspectionRouteTableId);
        var spokeRouteTableId = errors.Required("spokeRouteTableId", args.SpokeRouteTableId);
        var endpointServiceName = errors.Required("endpointServiceName", args.EndpointServiceName);
        var spokeDestinations = TransitGatewayRules.DestinationCidrs(
            errors.Required("spokeDestinationCidrs", args.SpokeDestinationCidrs), "spokeDestinationCidrs", errors.Error);
        var zones = checkedNetwork.Zones;

        var childOptions = new CustomResourceOptions { Parent = this };
        var network = new VpcNetwork(name, networkArgs, new ComponentResourceOptions { Parent = this }, checkedNetwork);

        // Appliance mode: the gateway keeps both directions of a flow on the interface (and so the endpoint and
        // appliance) of one AZ.
        var attachment = TransitAttachment.Attach(
            name, network, transitGatewayId, inspectionRouteTableId, applianceMode: true, args.Tags, childOptions);
        _ = new Tgw.Route($"{name}-spoke-default", new Tgw.RouteArgs
        {
            TransitGatewayRouteTableId = spokeRouteTableId,
            DestinationCidrBlock = "0.0.0.0/0",
            TransitGatewayAttachmentId = attachment.Id,
        }, childOptions);

        // AWS refuses a route to a transit gateway the VPC is not attached to yet (CreateRoute), so each waits for the attachment.
        var afterAttachment = new CustomResourceOptions { Parent = this, DependsOn = { attachment } };
        var endpointSubnets = network.SubnetIdsOf(TierNames.Endpoint);
        var transitTables = network.RouteTableIdsOf(TierNames.Transit);
        var endpointTables = network.RouteTableIdsOf(TierNames.Endpoint);
        var publicTables = network.RouteTableIdsOf(TierNames.Public);
        var endpoints = new List<VpcEndpoint>();
        for (var azIndex = 0; azIndex < zones.Count; azIndex++)
        {
            var index = azIndex;
            var az = zones.Labels[azIndex];
            var endpoint = new VpcEndpoint($"{name}-gwlbe-{az}", new VpcEndpointArgs
            {
                VpcId = network.VpcId,
                ServiceName = endpointServiceName,
                VpcEndpointType = "GatewayLoadBalancer",
                SubnetIds = { endpointSubnets.Apply(ids => ids[index]) },
                Tags = ResourceTags.For(args.Tags, $"{name}-gwlbe-{az}"),
            }, childOptions);
            endpoints.Add(endpoint);

            _ = new Route($"{name}-transit-to-gwlbe-{az}", new RouteArgs
            {
                RouteTableId = transitTables.Apply(ids => ids[index]),
                DestinationCidrBlock = "0.0.0.0/0",
                VpcEndpointId = endpoint.Id,
            }, childOptions);
            _ = new Route($"{name}-gwlbe-to-nat-{az}", new RouteArgs
            {
                RouteTableId = endpointTables.Apply(ids => ids[index]),
                DestinationCidrBlock = "0.0.0.0/0",
                NatGatewayId = network.NatGatewayIds.Apply(ids => ids[index]),
            }, childOptions);
            foreach (var destination in spokeDestinations)
            {
                var label = RouteLabel(destination);
                _ = new Route($"{name}-gwlbe-to-tgw-{az}-{label}", new RouteArgs
                {
                    RouteTableId = endpointTables.Apply(ids => ids[index]),
                    DestinationCidrBlock = destination,
                    TransitGatewayId = transitGatewayId,
                }, afterAttachment);
                _ = new Route($"{name}-public-to-gwlbe-{az}-{label}", new RouteArgs
                {
                    RouteTableId = publicTables.Apply(ids => ids[index]),
                    DestinationCidrBlock = destination,
                    VpcEndpointId = endpoint.Id,
                }, childOptions);
            }
        }

        VpcId = network.VpcId;
        CidrBlock = network.CidrBlock;
        AttachmentId = attachment.Id;
        GwlbEndpointIds = Output.All(endpoints.Select(e => e.Id)).Apply(ids => ids.ToArray());
        NatGatewayIds = network.NatGatewayIds;
        InternetGatewayId = network.InternetGatewayId.Apply(id => id!);
        PublicSubnetIds = network.SubnetIdsOf(TierNames.Public);
        EndpointSubnetIds = endpointSubnets;
        TransitSubnetIds = network.SubnetIdsOf(TierNames.Transit);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = VpcId,
            ["cidrBlock"] = CidrBlock,
            ["attachmentId"] = AttachmentId,
            ["gwlbEndpointIds"] = GwlbEndpointIds,
            ["natGatewayIds"] = NatGatewayIds,
            ["internetGatewayId"] = InternetGatewayId,
            ["publicSubnetIds"] = PublicSubnetIds,
            ["endpointSubnetIds"] = EndpointSubnetIds,
            ["transitSubnetIds"] = TransitSubnetIds,
        });
    }

    /// <summary>The inspection VPC's id.</summary>
    [Output("vpcId")]
    public Output<string> VpcId { get; private set; }

    /// <summary>The inspection VPC's block.</summary>
    [Output("cidrBlock")]
    public Output<string> CidrBlock { get; private set; }

    /// <summary>The inspection VPC's transit gateway attachment (appliance mode on).</summary>
    [Output("attachmentId")]
    public Output<string> AttachmentId { get; private set; }

    /// <summary>The GWLB endpoints, one per AZ in AZ order.</summary>
    [Output("gwlbEndpointIds")]
    public Output<string[]> GwlbEndpointIds { get; private set; }

    /// <summary>The NAT gateways (central egress), one per AZ in AZ order.</summary>
    [Output("natGatewayIds")]
    public Output<string[]> NatGatewayIds { get; private set; }

    /// <summary>The internet gateway.</summary>
    [Output("internetGatewayId")]
    public Output<string> InternetGatewayId { get; private set; }

    /// <summary>The public subnets (NAT gateways), one per AZ in AZ order.</summary>
    [Output("publicSubnetIds")]
    public Output<string[]> PublicSubnetIds { get; private set; }

    /// <summary>The endpoint subnets (GWLB endpoints), one per AZ in AZ order.</summary>
    [Output("endpointSubnetIds")]
    public Output<string[]> EndpointSubnetIds { get; private set; }

    /// <summary>The transit subnets (the attachment's interfaces), one per AZ in AZ order.</summary>
    [Output("transitSubnetIds")]
    public Output<string[]> TransitSubnetIds { get; private set; }

    /// <summary>A destination block as part of a resource name: 10.0.0.0/8 becomes 10-0-0-0-8, stable when the list is reordered.</summary>
    private static string RouteLabel(string cidr) => cidr.Replace('.', '-').Replace('/', '-');
}
