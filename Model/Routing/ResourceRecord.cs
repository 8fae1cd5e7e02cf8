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

    /// <summary>A transit gateway (defaultRouteTableAssociation, defaultRouteTablePropagation).</summary>
    public const string TransitGateway = "aws:ec2transitgateway/transitGateway:TransitGateway";

    /// <summary>Attaches a VPC to a transit gateway (transitGatewayId, vpcId, subnetIds, applianceModeSupport,
    /// transitGatewayDefaultRouteTableAssociation, transitGatewayDefaultRouteTablePropagation).</summary>
    public const string TransitGatewayVpcAttachment = "aws:ec2transitgateway/vpcAttachment:VpcAttachment";

    /// <summary>A transit gateway route table (transitGatewayId).</summary>
    public const string TransitGatewayRouteTable = "aws:ec2transitgateway/routeTable:RouteTable";

    /// <summary>A static route of a transit gateway route table (transitGatewayRouteTableId, destinationCidrBlock,
    /// transitGatewayAttachmentId or blackhole).</summary>
    public const string TransitGatewayRoute = "aws:ec2transitgateway/route:Route";

    /// <summary>Associates an attachment with a transit gateway route table (transitGatewayAttachmentId,
    /// transitGatewayRouteTableId, replaceExistingAssociation).</summary>
    public const string TransitGatewayRouteTableAssociation = "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation";

    /// <summary>Propagates an attachment's routes into a transit gateway route table (transitGatewayAttachmentId,
    /// transitGatewayRouteTableId).</summary>
    public const string TransitGatewayRouteTablePropagation = "aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation";

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
    /// <summary>A flow log (vpcId, trafficType).</summary>
    public const string FlowLog = "aws:ec2/flowLog:FlowLog";

    /// <summary>A security group with optional inline ingress and egress blocks.</summary>
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";

    /// <summary>Adopts a VPC's default security group (vpcId, inline ingress and egress).</summary>
    public const string DefaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";

    /// <summary>One ingress rule of a security group (securityGroupId, ipProtocol, ports, one source).</summary>
    public const string SecurityGroupIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    /// <summary>One egress rule of a security group.</summary>
    public const string SecurityGroupEgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    /// <summary>The older stand-alone rule resource (type ingress or egress, cidrBlocks, …).</summary>
    public const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";

    /// <summary>An EC2 instance.</summary>
    public const string Instance = "aws:ec2/instance:Instance";

    /// <summary>A launch template.</summary>
    public const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";

    /// <summary>A stand-alone EBS volume.</summary>
    public const string EbsVolume = "aws:ebs/volume:Volume";

    /// <summary>A load balancer (loadBalancerType, subnets, securityGroups).</summary>
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";

    /// <summary>A load balancer target group (protocol, healthCheck).</summary>
    public const string TargetGroup = "aws:lb/targetGroup:TargetGroup";

    /// <summary>A VPC endpoint service (allowedPrincipals, gatewayLoadBalancerArns).</summary>
    public const string VpcEndpointService = "aws:ec2/vpcEndpointService:VpcEndpointService";

    /// <summary>One allowed principal of an endpoint service, as its own resource.</summary>
    public const string VpcEndpointServiceAllowedPrincipal = "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple";

    /// <summary>An endpoint policy as its own resource (vpcEndpointId, policy).</summary>
    public const string VpcEndpointPolicy = "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy";

    /// <summary>An S3 bucket.</summary>
    public const string Bucket = "aws:s3/bucket:Bucket";

    /// <summary>An S3 bucket (the provider's older V2 name).</summary>
    public const string BucketV2 = "aws:s3/bucketV2:BucketV2";

    /// <summary>A bucket's public access block.</summary>
    public const string BucketPublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";

    /// <summary>A bucket's default encryption.</summary>
    public const string BucketEncryption = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";

    /// <summary>A bucket's default encryption (the provider's older V2 name).</summary>
    public const string BucketEncryptionV2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";

    /// <summary>A bucket policy.</summary>
    public const string BucketPolicy = "aws:s3/bucketPolicy:BucketPolicy";

    /// <summary>A listener (loadBalancerArn, defaultActions with targetGroupArn).</summary>
    public const string Listener = "aws:lb/listener:Listener";

    /// <summary>Registers a target in a target group (targetGroupArn, targetId).</summary>
    public const string TargetGroupAttachment = "aws:lb/targetGroupAttachment:TargetGroupAttachment";

    /// <summary>An Auto Scaling group (vpcZoneIdentifiers, sizes, launchTemplate, targetGroupArns).</summary>
    public const string AutoScalingGroup = "aws:autoscaling/group:Group";

    /// <summary>An Elastic IP address (billed as a public IPv4 address).</summary>
    public const string Eip = "aws:ec2/eip:Eip";

    /// <summary>An IAM role.</summary>
    public const string IamRole = "aws:iam/role:Role";

    /// <summary>An IAM instance profile.</summary>
    public const string IamInstanceProfile = "aws:iam/instanceProfile:InstanceProfile";

    /// <summary>A CloudWatch Logs log group.</summary>
    public const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";

}
