using Pulumi;
using Tgw = Pulumi.Aws.Ec2TransitGateway;
using TierNames = Infra.Model.Addressing.Tiers;

namespace Infra.Components;

/// <summary>How the centralized components attach a VPC to the hub's transit gateway.</summary>
internal static class TransitAttachment
{
    /// <summary>
    /// Attaches <paramref name="network"/> to the transit gateway through its transit subnets, leaving the gateway's
    /// default route tables alone, and associates the attachment with <paramref name="routeTableId"/>: the
    /// attachment <c>&lt;name&gt;-attachment</c> and the association <c>&lt;name&gt;-association</c>.
    /// </summary>
    /// <param name="applianceMode">Appliance mode on (the inspection VPC's); otherwise AWS's default, off.</param>
    public static Tgw.VpcAttachment Attach(
        string name, VpcNetwork network, Input<string> transitGatewayId, Input<string> routeTableId, bool applianceMode,
        IReadOnlyDictionary<string, string>? tags, CustomResourceOptions options)
    {
        var args = new Tgw.VpcAttachmentArgs
        {
            TransitGatewayId = transitGatewayId,
            VpcId = network.VpcId,
            SubnetIds = network.SubnetIdsOf(TierNames.Transit),
            DnsSupport = "enable",
            TransitGatewayDefaultRouteTableAssociation = false,
            TransitGatewayDefaultRouteTablePropagation = false,
            Tags = ResourceTags.For(tags, $"{name}-attachment"),
        };
        if (applianceMode)
        {
            args.ApplianceModeSupport = "enable";
        }

        var attachment = new Tgw.VpcAttachment($"{name}-attachment", args, options);
        _ = new Tgw.RouteTableAssociation($"{name}-association", new Tgw.RouteTableAssociationArgs
        {
            TransitGatewayAttachmentId = attachment.Id,
            TransitGatewayRouteTableId = routeTableId,
        }, options);
        return attachment;
    }
}
