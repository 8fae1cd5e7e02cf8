using Infra.Model.Routing;

namespace Infra.Model.Policy.Reading;

/// <summary>
/// The roles of transit gateway attachments in the centralized inspection model: an inspection attachment attaches a
/// VPC that holds Gateway Load Balancer endpoints; a spoke attachment is any other attachment of a transit gateway that
/// has an inspection attachment.
/// </summary>
internal static class TransitRoles
{
    /// <summary>The VPCs that hold Gateway Load Balancer endpoints.</summary>
    public static IReadOnlySet<string> InspectionVpcIds(RoutingModel routing) =>
        routing.Endpoints
            .Where(e => e.Type == EndpointInfo.GatewayLoadBalancerType && e.VpcId is not null)
            .Select(e => e.VpcId!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Attachments of VPCs that hold Gateway Load Balancer endpoints, by name.</summary>
    public static IReadOnlyList<TransitGatewayAttachmentInfo> InspectionAttachments(RoutingModel routing)
    {
        var inspection = InspectionVpcIds(routing);
        return [.. routing.Transit.Attachments.Where(a => a.VpcId is not null && inspection.Contains(a.VpcId))];
    }

    /// <summary>The other attachments of the transit gateways that have an inspection attachment, by name.</summary>
    public static IReadOnlyList<TransitGatewayAttachmentInfo> SpokeAttachments(RoutingModel routing)
    {
        var inspection = InspectionAttachments(routing);
        var hubs = inspection.Select(a => a.TransitGatewayId).ToHashSet(StringComparer.Ordinal);
        return [.. routing.Transit.Attachments.Where(a => hubs.Contains(a.TransitGatewayId) && !inspection.Contains(a))];
    }
}
