using Infra.Model.Aws;
using Pulumi;
using Tgw = Pulumi.Aws.Ec2TransitGateway;

namespace Infra.Components;

/// <summary>What a <see cref="TransitHub"/> builds.</summary>
public sealed class TransitHubArgs : ResourceArgs
{
    /// <summary>The private ASN of the gateway's Amazon side: 64512 to 65534 (AWS's 32-bit range does not fit this input's type); default 64512.</summary>
    [Input("amazonSideAsn")]
    public Input<int>? AmazonSideAsn { get; set; }

    /// <summary>The transit gateway's description.</summary>
    [Input("description")]
    public string? Description { get; set; }

    /// <summary>Tags added to every resource.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>
/// The transit gateway of centralized inspection: default route table association and propagation off, so that no
/// attachment reaches another except through the two route tables it makes. Spokes are associated with the spoke
/// route table (whose default route a <see cref="CentralInspectionVpc"/> points at its attachment) and propagate into
/// the inspection route table, which the inspection VPC's attachment is associated with.
/// </summary>
public sealed class TransitHub : ComponentResource
{
    public TransitHub(string name, TransitHubArgs args, ComponentResourceOptions? options = null)
        : base(PackageInfo.TypeToken(nameof(TransitHub)), name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new InputErrors(nameof(TransitHub), name);

        // An Input<int> is known only when it resolves: a bad ASN fails the gateway's registration with one sentence.
        Input<int> asn = args.AmazonSideAsn is { } given
            ? ((Output<int>)given).Apply(value => (int)TransitGatewayRules.AmazonSideAsn(value, errors.For("amazonSideAsn")))
            : (int)TransitGatewayRules.DefaultAmazonSideAsn;

        var childOptions = new CustomResourceOptions { Parent = this };
        var gateway = new Tgw.TransitGateway(name, new Tgw.TransitGatewayArgs
        {
            AmazonSideAsn = asn,
            Description = args.Description ?? $"{name}: spokes reach each other and the internet only through the inspection VPC",

            // Off, so that a new attachment is associated with and propagates into nothing until it is wired on purpose
            // (AWS's default, enable, would let spokes reach each other directly, bypassing inspection).
            DefaultRouteTableAssociation = "disable",
            DefaultRouteTablePropagation = "disable",
            AutoAcceptSharedAttachments = "disable",
            DnsSupport = "enable",
            Tags = ResourceTags.For(args.Tags, name),
        }, childOptions);

        var spokeTable = new Tgw.RouteTable($"{name}-spoke-rt", new Tgw.RouteTableArgs
        {
            TransitGatewayId = gateway.Id,
            Tags = ResourceTags.For(args.Tags, $"{name}-spoke-rt"),
        }, childOptions);
        var inspectionTable = new Tgw.RouteTable($"{name}-inspection-rt", new Tgw.RouteTableArgs
        {
            TransitGatewayId = gateway.Id,
            Tags = ResourceTags.For(args.Tags, $"{name}-inspection-rt"),
        }, childOptions);

        TransitGatewayId = gateway.Id;
        TransitGatewayArn = gateway.Arn;
        SpokeRouteTableId = spokeTable.Id;
        InspectionRouteTableId = inspectionTable.Id;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["transitGatewayId"] = TransitGatewayId,
            ["transitGatewayArn"] = TransitGatewayArn,
            ["spokeRouteTableId"] = SpokeRouteTableId,
            ["inspectionRouteTableId"] = InspectionRouteTableId,
        });
    }

    /// <summary>The transit gateway's id.</summary>
    [Output("transitGatewayId")]
    public Output<string> TransitGatewayId { get; private set; }

    /// <summary>The transit gateway's ARN (for sharing it with other accounts through AWS RAM).</summary>
    [Output("transitGatewayArn")]
    public Output<string> TransitGatewayArn { get; private set; }

    /// <summary>The route table spokes are associated with: its default route leads to the inspection VPC.</summary>
    [Output("spokeRouteTableId")]
    public Output<string> SpokeRouteTableId { get; private set; }

    /// <summary>The route table the inspection VPC's attachment is associated with: spokes propagate their blocks into it.</summary>
    [Output("inspectionRouteTableId")]
    public Output<string> InspectionRouteTableId { get; private set; }
}
