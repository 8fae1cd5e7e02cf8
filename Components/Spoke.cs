using Pulumi;
using Pulumi.Aws.Ec2;
using Tgw = Pulumi.Aws.Ec2TransitGateway;
using TierNames = Infra.Model.Addressing.Tiers;

namespace Infra.Components;

/// <summary>What a <see cref="Spoke"/> builds.</summary>
public sealed class SpokeArgs : ResourceArgs
{
    /// <summary>The spoke VPC's block, /16 to /24, such as 10.1.0.0/16; it must not overlap another spoke's or the inspection VPC's.</summary>
    [Input("cidrBlock", required: true)]
    public string CidrBlock { get; set; } = null!;

    /// <summary>The availability zones, in order; they name the per-AZ resources. Default: the region's first two.</summary>
    [Input("availabilityZoneNames")]
    public List<string>? AvailabilityZoneNames { get; set; }

    /// <summary>Prefix lengths of the private and transit subnets (16 to 28; default private 20, transit 28).</summary>
    [Input("subnetPrefixLengths")]
    public SubnetPrefixLengthsArgs? SubnetPrefixLengths { get; set; }

    /// <summary>The hub's transit gateway (<see cref="TransitHub.TransitGatewayId"/>).</summary>
    [Input("transitGatewayId", required: true)]
    public Input<string> TransitGatewayId { get; set; } = null!;

    /// <summary>The hub's spoke route table: the spoke's attachment is associated with it.</summary>
    [Input("spokeRouteTableId", required: true)]
    public Input<string> SpokeRouteTableId { get; set; } = null!;

    /// <summary>The hub's inspection route table: the spoke's attachment propagates its block into it.</summary>
    [Input("inspectionRouteTableId", required: true)]
    public Input<string> InspectionRouteTableId { get; set; } = null!;

    /// <summary>How long the flow log group keeps records, in days (a CloudWatch Logs retention value); default 30.</summary>
    [Input("flowLogRetentionDays")]
    public int? FlowLogRetentionDays { get; set; }

    /// <summary>Tags added to every resource.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>
/// A spoke of centralized inspection: a VPC (a child <see cref="VpcNetwork"/> with private and transit subnets, no
/// internet gateway, no NAT) attached to the hub's transit gateway through its transit subnets. The attachment leaves
/// the gateway's default association and propagation alone, is associated with the spoke route table and propagates
/// into the inspection route table; each private route table sends 0.0.0.0/0 to the transit gateway, so everything
/// leaving the VPC crosses the inspection VPC.
/// </summary>
public sealed class Spoke : ComponentResource
{
    public Spoke(string name, SpokeArgs args, ComponentResourceOptions? options = null)
        : base(PackageInfo.TypeToken(nameof(Spoke)), name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new InputErrors(nameof(Spoke), name);
        var networkArgs = new VpcNetworkArgs
        {
            CidrBlock = args.CidrBlock,
            AvailabilityZoneNames = args.AvailabilityZoneNames,
            Tiers = [TierNames.Private, TierNames.Transit],
            SubnetPrefixLengths = args.SubnetPrefixLengths,
            InternetGateway = false,
            NatStrategy = "none",
            FlowLogRetentionDays = args.FlowLogRetentionDays,
            Tags = args.Tags,
        };
        var checkedNetwork = VpcNetwork.CheckInputs(networkArgs, errors, this, [TierNames.Private, TierNames.Transit], publicTablePerAz: false);
        var transitGatewayId = errors.Required("transitGatewayId", args.TransitGatewayId);
        var spokeRouteTableId = errors.Required("spokeRouteTableId", args.SpokeRouteTableId);
        var inspectionRouteTableId = errors.Required("inspectionRouteTableId", args.InspectionRouteTableId);
        var zones = checkedNetwork.Zones;

        var childOptions = new CustomResourceOptions { Parent = this };
        var network = new VpcNetwork(name, networkArgs, new ComponentResourceOptions { Parent = this }, checkedNetwork);
        var attachment = TransitAttachment.Attach(
            name, network, transitGatewayId, spokeRouteTableId, applianceMode: false, args.Tags, childOptions);
        _ = new Tgw.RouteTablePropagation($"{name}-propagation", new Tgw.RouteTablePropagationArgs
        {
            TransitGatewayAttachmentId = attachment.Id,
            TransitGatewayRouteTableId = inspectionRouteTableId,
        }, childOptions);

        // AWS refuses a route to a transit gateway the VPC is not attached to yet (CreateRoute), so each waits for the attachment.
        var afterAttachment = new CustomResourceOptions { Parent = this, DependsOn = { attachment } };
        var privateTables = network.RouteTableIdsOf(TierNames.Private);
        for (var azIndex = 0; azIndex < zones.Count; azIndex++)
        {
            var index = azIndex;
            _ = new Route($"{name}-private-to-tgw-{zones.Labels[azIndex]}", new RouteArgs
            {
                RouteTableId = privateTables.Apply(tables => tables[index]),
                DestinationCidrBlock = "0.0.0.0/0",
                TransitGatewayId = transitGatewayId,
            }, afterAttachment);
        }

        VpcId = network.VpcId;
        CidrBlock = network.CidrBlock;
        AttachmentId = attachment.Id;
        PrivateSubnetIds = network.SubnetIdsOf(TierNames.Private);
        PrivateRouteTableIds = privateTables;
        TransitSubnetIds = network.SubnetIdsOf(TierNames.Transit);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = VpcId,
            ["cidrBlock"] = CidrBlock,
            ["attachmentId"] = AttachmentId,
            ["privateSubnetIds"] = PrivateSubnetIds,
            ["privateRouteTableIds"] = PrivateRouteTableIds,
            ["transitSubnetIds"] = TransitSubnetIds,
        });
    }

    /// <summary>The spoke VPC's id.</summary>
    [Output("vpcId")]
    public Output<string> VpcId { get; private set; }

    /// <summary>The spoke VPC's block.</summary>
    [Output("cidrBlock")]
    public Output<string> CidrBlock { get; private set; }

    /// <summary>The spoke's transit gateway attachment.</summary>
    [Output("attachmentId")]
    public Output<string> AttachmentId { get; private set; }

    /// <summary>The private subnets (workloads), one per AZ in AZ order.</summary>
    [Output("privateSubnetIds")]
    public Output<string[]> PrivateSubnetIds { get; private set; }

    /// <summary>The private subnets' route tables, one per AZ in AZ order (for gateway endpoints, say).</summary>
    [Output("privateRouteTableIds")]
    public Output<string[]> PrivateRouteTableIds { get; private set; }

    /// <summary>The transit subnets (the attachment's interfaces), one per AZ in AZ order.</summary>
    [Output("transitSubnetIds")]
    public Output<string[]> TransitSubnetIds { get; private set; }
}
