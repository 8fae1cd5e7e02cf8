using System.Collections.Immutable;
using Infra.Model.Routing;

namespace Infra.Model.Tests.Routing;

/// <summary>Builds resource records shaped like what Pulumi mocks receive. Every id is the logical name plus "-id".</summary>
internal static class Aws
{
    public const string S3 = "com.amazonaws.us-east-1.s3";
    public const string DynamoDb = "com.amazonaws.us-east-1.dynamodb";
    public const string GwlbService = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";

    public static string Id(string name) => name + "-id";

    public static ImmutableDictionary<string, object> Map(params (string Key, object? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).ToImmutableDictionary(p => p.Key, p => p.Value!);

    public static ImmutableArray<object> List(params object[] items) => [.. items];

    public static ResourceRecord Record(string type, string name, params (string Key, object? Value)[] inputs) =>
        new(type, name, Id(name), Map(inputs));

    public static ResourceRecord Vpc(string name, string cidr, string? defaultRouteTableId = null) =>
        Record(AwsTypes.Vpc, name, ("cidrBlock", cidr), ("enableDnsHostnames", true), ("tags", Map(("Name", name)))) with
        {
            Outputs = defaultRouteTableId is null ? null : Map(("defaultRouteTableId", defaultRouteTableId), ("cidrBlock", cidr)),
        };

    public static ResourceRecord Subnet(string name, string vpc, string cidr, string tier, string az = "us-east-1a", bool mapPublicIp = false) =>
        Record(
            AwsTypes.Subnet, name, ("vpcId", Id(vpc)), ("cidrBlock", cidr), ("availabilityZone", az), ("mapPublicIpOnLaunch", mapPublicIp),
            ("tags", Map(("Name", name), ("Tier", tier))));

    public static ResourceRecord InternetGateway(string name, string vpc) => Record(AwsTypes.InternetGateway, name, ("vpcId", Id(vpc)));

    public static ResourceRecord NatGateway(string name, string subnet) =>
        Record(AwsTypes.NatGateway, name, ("subnetId", Id(subnet)), ("connectivityType", "public"));

    public static ImmutableDictionary<string, object> InlineRoute(string cidr, string targetKey, string targetId) =>
        Map(("cidrBlock", cidr), (targetKey, targetId));

    public static ResourceRecord RouteTable(string name, string vpc, params ImmutableDictionary<string, object>[] routes) =>
        Record(AwsTypes.RouteTable, name, ("vpcId", Id(vpc)), ("routes", routes.Length == 0 ? null : List([.. routes])));

    public static ResourceRecord Route(string name, string tableId, string cidr, string targetKey, string targetId) =>
        Record(AwsTypes.Route, name, ("routeTableId", tableId), ("destinationCidrBlock", cidr), (targetKey, targetId));

    public static ResourceRecord Association(string name, string table, string subnet) =>
        Record(AwsTypes.RouteTableAssociation, name, ("routeTableId", Id(table)), ("subnetId", Id(subnet)));

    public static ResourceRecord EdgeAssociation(string name, string table, string gateway) =>
        Record(AwsTypes.RouteTableAssociation, name, ("routeTableId", Id(table)), ("gatewayId", Id(gateway)));

    public static ResourceRecord GatewayEndpoint(string name, string vpc, string service, params string[] tableIds) =>
        Record(
            AwsTypes.VpcEndpoint, name, ("vpcId", Id(vpc)), ("serviceName", service), ("vpcEndpointType", "Gateway"),
            ("routeTableIds", tableIds.Length == 0 ? null : List([.. tableIds])));

    public static ResourceRecord EndpointAssociation(string name, string endpoint, string tableId) =>
        Record(AwsTypes.VpcEndpointRouteTableAssociation, name, ("vpcEndpointId", Id(endpoint)), ("routeTableId", tableId));

    public static ResourceRecord GwlbEndpoint(string name, string vpc, string subnet) =>
        Record(
            AwsTypes.VpcEndpoint, name, ("vpcId", Id(vpc)), ("serviceName", GwlbService), ("vpcEndpointType", "GatewayLoadBalancer"),
            ("subnetIds", List(Id(subnet))));

    public static ResourceRecord TransitGateway(string name, string defaultAssociation = "disable", string defaultPropagation = "disable") =>
        Record(
            AwsTypes.TransitGateway, name, ("amazonSideAsn", 64512.0),
            ("defaultRouteTableAssociation", defaultAssociation), ("defaultRouteTablePropagation", defaultPropagation));

    public static ResourceRecord VpcAttachment(
        string name, string transitGateway, string vpc, string[] subnets, bool applianceMode = false, bool useDefaults = false) =>
        Record(
            AwsTypes.TransitGatewayVpcAttachment, name, ("transitGatewayId", Id(transitGateway)), ("vpcId", Id(vpc)),
            ("subnetIds", List([.. subnets.Select(Id)])), ("applianceModeSupport", applianceMode ? "enable" : "disable"),
            ("transitGatewayDefaultRouteTableAssociation", useDefaults), ("transitGatewayDefaultRouteTablePropagation", useDefaults));

    public static ResourceRecord TgwRouteTable(string name, string transitGateway) =>
        Record(AwsTypes.TransitGatewayRouteTable, name, ("transitGatewayId", Id(transitGateway)));

    public static ResourceRecord TgwRoute(string name, string table, string cidr, string attachment) =>
        Record(
            AwsTypes.TransitGatewayRoute, name, ("transitGatewayRouteTableId", Id(table)), ("destinationCidrBlock", cidr),
            ("transitGatewayAttachmentId", Id(attachment)));

    public static ResourceRecord TgwBlackhole(string name, string table, string cidr) =>
        Record(
            AwsTypes.TransitGatewayRoute, name, ("transitGatewayRouteTableId", Id(table)), ("destinationCidrBlock", cidr), ("blackhole", true));

    public static ResourceRecord TgwAssociation(string name, string attachment, string table, bool replaceExisting = false) =>
        Record(
            AwsTypes.TransitGatewayRouteTableAssociation, name, ("transitGatewayAttachmentId", Id(attachment)),
            ("transitGatewayRouteTableId", Id(table)), ("replaceExistingAssociation", replaceExisting ? true : null));

    public static ResourceRecord TgwPropagation(string name, string attachment, string table) =>
        Record(
            AwsTypes.TransitGatewayRouteTablePropagation, name, ("transitGatewayAttachmentId", Id(attachment)),
            ("transitGatewayRouteTableId", Id(table)));
}
