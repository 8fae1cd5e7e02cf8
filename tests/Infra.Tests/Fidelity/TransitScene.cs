using System.Collections.Immutable;
using Infra.Model.Routing;
using static Infra.Tests.Fidelity.Scene;

namespace Infra.Tests.Fidelity;

/// <summary>
/// Registers Transit Gateway resources directly with the strict mocks, as a hub and spoke program would: a gateway,
/// VPCs with one small attachment subnet per zone, attachments, route tables, associations, propagations and routes.
/// </summary>
public static class TransitScene
{
    public const string Gateway = AwsTypes.TransitGateway;
    public const string Attachment = AwsTypes.TransitGatewayVpcAttachment;
    public const string Table = AwsTypes.TransitGatewayRouteTable;
    public const string Association = AwsTypes.TransitGatewayRouteTableAssociation;
    public const string Propagation = AwsTypes.TransitGatewayRouteTablePropagation;
    public const string TgwRoute = AwsTypes.TransitGatewayRoute;

    /// <summary>A VPC and its attachment subnets, one /28 per zone.</summary>
    public sealed record AttachedVpc(string VpcId, IReadOnlyList<string> SubnetIds);

    /// <summary>A transit gateway with default association and propagation off, as the centralized model wants it.</summary>
    public static Task<string> Hub(this Scene scene, string name = "hub", params (string Key, object Value)[] inputs) =>
        scene.Add(Gateway, name, With(In(("defaultRouteTableAssociation", "disable"), ("defaultRouteTablePropagation", "disable")), inputs));

    /// <summary>A VPC of the block with one /28 attachment subnet at the start of each zone's /24.</summary>
    public static async Task<AttachedVpc> Vpc(this Scene scene, string name, string cidr, int zones = 2)
    {
        var vpcId = await scene.Add(AwsTypes.Vpc, name, In(("cidrBlock", cidr)));
        var octets = cidr.Split('/')[0].Split('.');
        var subnets = new List<string>();
        for (var zone = 0; zone < zones; zone++)
        {
            subnets.Add(await scene.Add(AwsTypes.Subnet, $"{name}-transit-{zone}", In(("vpcId", vpcId),
                ("cidrBlock", $"{octets[0]}.{octets[1]}.{zone}.0/28"), ("availabilityZone", scene.Mocks.AvailabilityZones[zone]))));
        }

        return new AttachedVpc(vpcId, subnets);
    }

    /// <summary>Attaches the VPC through all its subnets, without the gateway's default route table.</summary>
    public static Task<string> Attach(this Scene scene, string name, string gatewayId, AttachedVpc vpc, params (string Key, object Value)[] inputs) =>
        scene.Add(Attachment, name, With(
            In(("transitGatewayId", gatewayId), ("vpcId", vpc.VpcId), ("subnetIds", List([.. vpc.SubnetIds])),
                ("transitGatewayDefaultRouteTableAssociation", false), ("transitGatewayDefaultRouteTablePropagation", false)),
            inputs));

    /// <summary>The inputs with each of <paramref name="changes"/> set (replacing a default).</summary>
    public static ImmutableDictionary<string, object> With(ImmutableDictionary<string, object> inputs, params (string Key, object Value)[] changes) =>
        changes.Aggregate(inputs, (all, change) => all.SetItem(change.Key, change.Value));

    public static Task<string> RouteTable(this Scene scene, string name, string gatewayId) =>
        scene.Add(Table, name, In(("transitGatewayId", gatewayId)));

    public static Task<string> Associate(this Scene scene, string name, string attachmentId, string tableId, params (string Key, object Value)[] inputs) =>
        scene.Add(Association, name, In([("transitGatewayAttachmentId", attachmentId), ("transitGatewayRouteTableId", tableId), .. inputs]));

    public static Task<string> Propagate(this Scene scene, string name, string attachmentId, string tableId) =>
        scene.Add(Propagation, name, In(("transitGatewayAttachmentId", attachmentId), ("transitGatewayRouteTableId", tableId)));

    public static Task<string> Route(this Scene scene, string name, string tableId, string destination, params (string Key, object Value)[] target) =>
        scene.Add(TgwRoute, name, In([("transitGatewayRouteTableId", tableId), ("destinationCidrBlock", destination), .. target]));

    /// <summary>Inputs of a VPC route table (aws:ec2/routeTable:RouteTable) with one inline route.</summary>
    public static ImmutableDictionary<string, object> TableWithRoute(string vpcId, params (string Key, object Value)[] route) =>
        In(("vpcId", vpcId), ("routes", List(In(route))));
}
