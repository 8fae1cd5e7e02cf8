namespace Infra.Model.Analysis;

/// <summary>The type tokens the analysis reads beyond those of <see cref="Routing.AwsTypes"/>.</summary>
public static class ResourceTypes
{
    /// <summary>A load balancer (loadBalancerType, subnets, enableCrossZoneLoadBalancing); only <c>gateway</c> ones are read.</summary>
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";

    /// <summary>A target group (protocol, port, vpcId).</summary>
    public const string TargetGroup = "aws:lb/targetGroup:TargetGroup";

    /// <summary>A listener (loadBalancerArn, defaultActions with targetGroupArn).</summary>
    public const string Listener = "aws:lb/listener:Listener";

    /// <summary>Registers a target in a target group (targetGroupArn, targetId).</summary>
    public const string TargetGroupAttachment = "aws:lb/targetGroupAttachment:TargetGroupAttachment";

    /// <summary>An EC2 instance (subnetId, instanceType).</summary>
    public const string Instance = "aws:ec2/instance:Instance";

    /// <summary>A VPC endpoint service (gatewayLoadBalancerArns; serviceName is an output).</summary>
    public const string VpcEndpointService = "aws:ec2/vpcEndpointService:VpcEndpointService";

    /// <summary>A security group (vpcId, inline ingress).</summary>
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";

    /// <summary>One ingress rule of a security group (securityGroupId, ipProtocol, fromPort, toPort, cidrIpv4, …).</summary>
    public const string SecurityGroupIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    /// <summary>An Elastic IP address (billed as a public IPv4 address).</summary>
    public const string Eip = "aws:ec2/eip:Eip";
}
