namespace Infra.Model.Policy;

/// <summary>Type tokens the rules read, beyond the routing ones of <see cref="Routing.AwsTypes"/>.</summary>
public static class PolicyTypes
{
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

    /// <summary>A network interface (subnetId, securityGroups).</summary>
    public const string NetworkInterface = "aws:ec2/networkInterface:NetworkInterface";

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
}
