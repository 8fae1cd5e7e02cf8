namespace Infra.Model.Routing;

/// <summary>
/// One registered resource as a Pulumi mock sees it. <see cref="Inputs"/> uses wire names (camelCase) and the
/// mock's value shapes: <see cref="string"/>, <see cref="double"/>, <see cref="bool"/>,
/// <c>ImmutableArray&lt;object&gt;</c> for lists and <c>ImmutableDictionary&lt;string, object&gt;</c> for maps and
/// nested objects; unset or unknown values are absent.
/// </summary>
/// <param name="Type">The type token, e.g. <c>aws:ec2/subnet:Subnet</c> (see <see cref="AwsTypes"/>).</param>
/// <param name="Name">The logical name.</param>
/// <param name="Id">The id the mock assigned; other resources' inputs refer to it.</param>
/// <param name="Inputs">The resource's inputs.</param>
public sealed record ResourceRecord(string Type, string Name, string Id, IReadOnlyDictionary<string, object> Inputs)
{
    /// <summary>
    /// What the mock returned as the resource's state, when the caller kept it. Only used for a VPC's
    /// <c>defaultRouteTableId</c> / <c>mainRouteTableId</c> (which are outputs, not inputs) to tie a
    /// DefaultRouteTable, or routes added to the VPC's main table, to their VPC.
    /// </summary>
    public IReadOnlyDictionary<string, object>? Outputs { get; init; }
}

/// <summary>The type tokens the routing model reads.</summary>
public static class AwsTypes
{
    /// <summary>A VPC (cidrBlock, tags).</summary>
    public const string Vpc = "aws:ec2/vpc:Vpc";

    /// <summary>A secondary IPv4 block of a VPC (vpcId, cidrBlock).</summary>
    public const string VpcIpv4CidrBlockAssociation = "aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation";

    /// <summary>A subnet (vpcId, cidrBlock, availabilityZone, mapPublicIpOnLaunch, tags).</summary>
    public const string Subnet = "aws:ec2/subnet:Subnet";

    /// <summary>An internet gateway (vpcId).</summary>
    public const string InternetGateway = "aws:ec2/internetGateway:InternetGateway";

    /// <summary>Attaches an internet gateway to a VPC (vpcId, internetGatewayId).</summary>
    public const string InternetGatewayAttachment = "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment";

    /// <summary>An egress-only internet gateway (vpcId).</summary>
    public const string EgressOnlyInternetGateway = "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway";

    /// <summary>A NAT gateway (subnetId, connectivityType).</summary>
    public const string NatGateway = "aws:ec2/natGateway:NatGateway";

    /// <summary>A network interface.</summary>
    public const string NetworkInterface = "aws:ec2/networkInterface:NetworkInterface";

    /// <summary>A transit gateway.</summary>
    public const string TransitGateway = "aws:ec2transitgateway/transitGateway:TransitGateway";

    /// <summary>A VPC peering connection.</summary>
    public const string VpcPeeringConnection = "aws:ec2/vpcPeeringConnection:VpcPeeringConnection";

    /// <summary>A route table (vpcId, inline routes).</summary>
    public const string RouteTable = "aws:ec2/routeTable:RouteTable";

    /// <summary>One route of a route table (routeTableId, destination, target).</summary>
    public const string Route = "aws:ec2/route:Route";

    /// <summary>Associates a route table with a subnet or (edge association) a gateway.</summary>
    public const string RouteTableAssociation = "aws:ec2/routeTableAssociation:RouteTableAssociation";

    /// <summary>Makes a route table the main table of its VPC (vpcId, routeTableId).</summary>
    public const string MainRouteTableAssociation = "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation";

    /// <summary>Adopts the VPC's default (main) route table (defaultRouteTableId, inline routes).</summary>
    public const string DefaultRouteTable = "aws:ec2/defaultRouteTable:DefaultRouteTable";

    /// <summary>A VPC endpoint (vpcId, serviceName, vpcEndpointType, routeTableIds, subnetIds, ...).</summary>
    public const string VpcEndpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";

    /// <summary>Attaches a gateway endpoint to a route table (routeTableId, vpcEndpointId).</summary>
    public const string VpcEndpointRouteTableAssociation = "aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation";
}
