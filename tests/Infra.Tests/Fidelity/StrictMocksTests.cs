using Infra.Model.Routing;
using Infra.Simulation;
using Infra.Simulation.Constraints;
using Pulumi;
using static Infra.Tests.Fidelity.Scene;

namespace Infra.Tests.Fidelity;

/// <summary>
/// The strict mocks themselves: for each rule of the constraint layer, a hand-broken resource (or call) that AWS or
/// the provider would refuse, and the one sentence the run fails with.
/// </summary>
public class StrictMocksTests
{
    /// <summary>One hand-broken registration.</summary>
    /// <param name="Name">What is broken.</param>
    /// <param name="Type">The type (or function) token the rule belongs to.</param>
    /// <param name="Act">Registers what the rule needs, then the broken resource.</param>
    /// <param name="Message">The sentence the mocks refuse it with.</param>
    /// <param name="Region">The mocks' region.</param>
    public sealed record Broken(string Name, string Type, Func<Scene, Task> Act, string Message, string Region = "eu-west-1");

    private const string Role = AwsTypes.IamRole;
    private const string LogGroup = AwsTypes.LogGroup;
    private const string Asg = AwsTypes.AutoScalingGroup;
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[]}""";

    public static readonly IReadOnlyList<Broken> Cases =
    [
        // VPCs and subnets.
        new("VPC block smaller than /28", AwsTypes.Vpc, s => s.Add(AwsTypes.Vpc, "tiny", In(("cidrBlock", "10.0.0.0/29"))), "AWS would refuse tiny (aws:ec2/vpc:Vpc): cidrBlock = 10.0.0.0/29: an IPv4 network address with a prefix length from /16 to /28."),
        new("VPC block with host bits", AwsTypes.Vpc, s => s.Add(AwsTypes.Vpc, "hosty", In(("cidrBlock", "10.0.0.1/16"))), "AWS would refuse hosty (aws:ec2/vpc:Vpc): cidrBlock = 10.0.0.1/16: an IPv4 network address with a prefix length from /16 to /28."),
        new("VPC without a block", AwsTypes.Vpc, s => s.Add(AwsTypes.Vpc, "blockless"), "AWS would refuse blockless (aws:ec2/vpc:Vpc): cidrBlock = (not set): an IPv4 CIDR block (or an IPAM pool)."),
        new("subnet outside its VPC", AwsTypes.Subnet, s => s.Subnet("10.1.0.0/24"), "AWS would refuse subnet (aws:ec2/subnet:Subnet): cidrBlock = 10.1.0.0/24: a block inside its VPC's 10.0.0.0/16."),
        new("subnet smaller than /28", AwsTypes.Subnet, s => s.Subnet("10.0.0.0/29"), "AWS would refuse subnet (aws:ec2/subnet:Subnet): cidrBlock = 10.0.0.0/29: an IPv4 network address with a prefix length from /16 to /28."),
        new("subnet overlapping another", AwsTypes.Subnet, async s =>
        {
            var vpc = await s.Vpc();
            await s.Add(AwsTypes.Subnet, "first", In(("vpcId", vpc), ("cidrBlock", "10.0.0.0/24")));
            await s.Add(AwsTypes.Subnet, "second", In(("vpcId", vpc), ("cidrBlock", "10.0.0.128/25")));
        }, "AWS would refuse second (aws:ec2/subnet:Subnet): cidrBlock = 10.0.0.128/25: a block that overlaps no other subnet of the VPC, and first has 10.0.0.0/24."),
        new("subnet in a zone of another region", AwsTypes.Subnet, async s =>
            await s.Add(AwsTypes.Subnet, "elsewhere", In(("vpcId", await s.Vpc()), ("cidrBlock", "10.0.0.0/24"), ("availabilityZone", "us-east-1a"))), "AWS would refuse elsewhere (aws:ec2/subnet:Subnet): availabilityZone = us-east-1a: an availability zone of region eu-west-1: eu-west-1a, eu-west-1b, eu-west-1c."),

        // Routes, route tables and associations.
        new("inline route with two targets", AwsTypes.RouteTable, async s => await s.Add(AwsTypes.RouteTable, "rt", In(("vpcId", await s.Vpc()),
            ("routes", List(In(("cidrBlock", "0.0.0.0/0"), ("destinationCidrBlock", "0.0.0.0/0"), ("gatewayId", "igw-1"), ("natGatewayId", "nat-1")))))), "AWS would refuse rt (aws:ec2/routeTable:RouteTable): routes[0].gatewayId+natGatewayId = igw-1, nat-1: exactly one target, one of gatewayId, natGatewayId, vpcEndpointId, networkInterfaceId, transitGatewayId, vpcPeeringConnectionId, egressOnlyGatewayId, carrierGatewayId, localGatewayId, coreNetworkArn."),
        new("route without a target", AwsTypes.Route, s => s.Add(AwsTypes.Route, "nowhere", In(("routeTableId", "rtb-1"), ("destinationCidrBlock", "0.0.0.0/0"))), "AWS would refuse nowhere (aws:ec2/route:Route): target = (not set): exactly one target, one of gatewayId, natGatewayId, vpcEndpointId, networkInterfaceId, transitGatewayId, vpcPeeringConnectionId, egressOnlyGatewayId, carrierGatewayId, localGatewayId, coreNetworkArn."),
        new("route with two destinations", AwsTypes.Route, s => s.Add(AwsTypes.Route, "both", In(("routeTableId", "rtb-1"),
            ("destinationCidrBlock", "0.0.0.0/0"), ("destinationPrefixListId", "pl-6ea54007"), ("gatewayId", "igw-1"))), "AWS would refuse both (aws:ec2/route:Route): destinationCidrBlock+destinationPrefixListId = 0.0.0.0/0, pl-6ea54007: exactly one destination, one of destinationCidrBlock, destinationIpv6CidrBlock, destinationPrefixListId."),
        new("association with a subnet and a gateway", AwsTypes.RouteTableAssociation, s => s.Add(AwsTypes.RouteTableAssociation, "double",
            In(("routeTableId", "rtb-1"), ("subnetId", "subnet-1"), ("gatewayId", "igw-1"))), "AWS would refuse double (aws:ec2/routeTableAssociation:RouteTableAssociation): subnetId+gatewayId = subnet-1, igw-1: exactly one of subnetId or gatewayId."),
        new("association with neither subnet nor gateway", AwsTypes.RouteTableAssociation, s => s.Add(AwsTypes.RouteTableAssociation, "empty",
            In(("routeTableId", "rtb-1"))), "AWS would refuse empty (aws:ec2/routeTableAssociation:RouteTableAssociation): subnetId = (not set): exactly one of subnetId or gatewayId."),
        new("edge route table routing to the internet", AwsTypes.Route, async s =>
        {
            var vpc = await s.Vpc();
            var table = await s.Add(AwsTypes.RouteTable, "edge", In(("vpcId", vpc)));
            await s.Add(AwsTypes.RouteTableAssociation, "edge-association", In(("routeTableId", table), ("gatewayId", "igw-1")));
            await s.Add(AwsTypes.Route, "edge-default", In(("routeTableId", table), ("destinationCidrBlock", "0.0.0.0/0"), ("vpcEndpointId", "vpce-1")));
        }, "AWS would refuse edge-default (aws:ec2/route:Route): destinationCidrBlock = 0.0.0.0/0: a destination inside the VPC's block, because edge is a gateway route table (associated with igw-1)."),
        new("edge route table to a gateway endpoint", AwsTypes.Route, async s =>
        {
            var vpc = await s.Vpc();
            var table = await s.Add(AwsTypes.RouteTable, "edge", In(("vpcId", vpc)));
            var endpoint = await s.Add(AwsTypes.VpcEndpoint, "s3", In(("vpcId", vpc), ("serviceName", "com.amazonaws.eu-west-1.s3")));
            await s.Add(AwsTypes.RouteTableAssociation, "edge-association", In(("routeTableId", table), ("gatewayId", "igw-1")));
            await s.Add(AwsTypes.Route, "edge-return", In(("routeTableId", table), ("destinationCidrBlock", "10.0.1.0/24"), ("vpcEndpointId", endpoint)));
        }, "AWS would refuse edge-return (aws:ec2/route:Route): vpcEndpointId = vpce-0fadbb49c99f73f32: a Gateway Load Balancer endpoint or a network interface as target, because edge is a gateway route table (associated with igw-1)."),
        new("gateway association of a table with a NAT route", AwsTypes.RouteTableAssociation, async s =>
        {
            var vpc = await s.Vpc();
            var table = await s.Add(AwsTypes.RouteTable, "edge", In(("vpcId", vpc),
                ("routes", List(In(("destinationCidrBlock", "10.0.1.0/24"), ("natGatewayId", "nat-1"))))));
            await s.Add(AwsTypes.RouteTableAssociation, "edge-association", In(("routeTableId", table), ("gatewayId", "igw-1")));
        }, "AWS would refuse edge-association (aws:ec2/routeTableAssociation:RouteTableAssociation): routeTable.routes[0].natGatewayId = nat-1: a Gateway Load Balancer endpoint or a network interface as target, because edge is a gateway route table (associated with igw-1)."),

        // Endpoints and the addresses they take.
        new("gateway endpoint for a service of another region", AwsTypes.VpcEndpoint, async s => await s.Add(AwsTypes.VpcEndpoint, "s3",
            In(("vpcId", await s.Vpc()), ("serviceName", "com.amazonaws.us-east-1.s3"))), "AWS would refuse s3 (aws:ec2/vpcEndpoint:VpcEndpoint): serviceName = com.amazonaws.us-east-1.s3: a service in region eu-west-1, because a Gateway endpoint connects only to services of its own region."),
        new("GWLB endpoint for a service of another region", AwsTypes.VpcEndpoint, async s => await s.Add(AwsTypes.VpcEndpoint, "gwlbe",
            In(("vpcId", await s.Vpc()), ("vpcEndpointType", "GatewayLoadBalancer"), ("subnetIds", List(await s.Subnet())),
                ("serviceName", "com.amazonaws.vpce.us-east-2.vpce-svc-0123456789abcdef0"))), "AWS would refuse gwlbe (aws:ec2/vpcEndpoint:VpcEndpoint): serviceName = com.amazonaws.vpce.us-east-2.vpce-svc-0123456789abcdef0: a service in region eu-west-1, because a GatewayLoadBalancer endpoint connects only to services of its own region."),
        new("GWLB endpoint in two subnets", AwsTypes.VpcEndpoint, async s =>
        {
            var vpc = await s.Vpc();
            var a = await s.Add(AwsTypes.Subnet, "a", In(("vpcId", vpc), ("cidrBlock", "10.0.0.0/28")));
            var b = await s.Add(AwsTypes.Subnet, "b", In(("vpcId", vpc), ("cidrBlock", "10.0.0.16/28")));
            await s.Add(AwsTypes.VpcEndpoint, "gwlbe", In(("vpcId", vpc), ("vpcEndpointType", "GatewayLoadBalancer"), ("subnetIds", List(a, b)),
                ("serviceName", "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0")));
        }, "AWS would refuse gwlbe (aws:ec2/vpcEndpoint:VpcEndpoint): subnetIds = 2 subnets: exactly one subnet for a Gateway Load Balancer endpoint."),
        new("twelfth interface endpoint in a /28 subnet", AwsTypes.VpcEndpoint, async s =>
        {
            var vpc = await s.Vpc();
            var subnet = await s.Add(AwsTypes.Subnet, "small", In(("vpcId", vpc), ("cidrBlock", "10.0.0.0/28")));
            foreach (var service in new[] { "ssm", "ssmmessages", "ec2messages", "kms", "logs", "sts", "ec2", "ecr.api", "ecr.dkr", "ecs", "eks", "glue" })
            {
                await s.Add(AwsTypes.VpcEndpoint, service, In(("vpcId", vpc), ("vpcEndpointType", "Interface"), ("subnetIds", List(subnet)),
                    ("serviceName", $"com.amazonaws.eu-west-1.{service}")));
            }
        }, "AWS would refuse glue (aws:ec2/vpcEndpoint:VpcEndpoint): subnetIds = subnet-027d4b7579434e1a5: a subnet with a free address, and small (10.0.0.0/28) has 11 usable addresses (AWS reserves 5), all taken."),
        new("NAT gateway without a subnet", AwsTypes.NatGateway, s => s.Add(AwsTypes.NatGateway, "nat"), "AWS would refuse nat (aws:ec2/natGateway:NatGateway): subnetId = (not set): the subnet the NAT gateway lives in (required by the provider's schema)."),
        new("Elastic IP of an unknown domain", AwsTypes.Eip, s => s.Add(AwsTypes.Eip, "eip", In(("domain", "classic"))), "AWS would refuse eip (aws:ec2/eip:Eip): domain = classic: vpc or standard."),

        // Instances, launch templates, Auto Scaling groups.
        new("instance type that does not exist", AwsTypes.Instance, s => s.Add(AwsTypes.Instance, "box", In(("instanceType", "t3.mega"), ("ami", "ami-1"))), "AWS would refuse box (aws:ec2/instance:Instance): instanceType = t3.mega: an EC2 instance type that exists (the program's table as of 2025-06-01)."),
        new("arm64 instance type with an x86_64 AMI", AwsTypes.Instance, async s =>
        {
            await s.Call(AwsConstraints.GetAmi);
            await s.Add(AwsTypes.Instance, "box", In(("instanceType", "t4g.small"), ("ami", AwsMocks.AmiId)));
        }, "AWS would refuse box (aws:ec2/instance:Instance): instanceType = t4g.small: an instance type of the AMI's architecture: ami-0123456789abcdef0 is x86_64 and t4g.small is arm64."),
        new("instance in a full subnet", AwsTypes.Instance, async s =>
        {
            var subnet = await s.Subnet("10.0.0.0/28");
            for (var i = 0; i < 12; i++)
            {
                await s.Add(AwsTypes.Instance, $"box-{i}", In(("instanceType", "t3.micro"), ("ami", "ami-1"), ("subnetId", subnet)));
            }
        }, "AWS would refuse box-11 (aws:ec2/instance:Instance): subnetId = subnet-0980e4ae12c163ccf: a subnet with a free address, and subnet (10.0.0.0/28) has 11 usable addresses (AWS reserves 5), all taken."),
        new("launch template name too short", AwsTypes.LaunchTemplate, s => s.Add(AwsTypes.LaunchTemplate, "lt", In(("name", "lt"))), "AWS would refuse lt (aws:ec2/launchTemplate:LaunchTemplate): name = lt: a launch template name of 3 to 128 characters (letters, digits and ( ) . - / _)."),
        new("launch template name with a space", AwsTypes.LaunchTemplate, s => s.Add(AwsTypes.LaunchTemplate, "lt", In(("name", "appliance template"))), "AWS would refuse lt (aws:ec2/launchTemplate:LaunchTemplate): name = appliance template: a launch template name of 3 to 128 characters (letters, digits and ( ) . - / _)."),
        new("launch template name prefix too long", AwsTypes.LaunchTemplate, s => s.Add(AwsTypes.LaunchTemplate, "lt", In(("namePrefix", new string('p', 100)))), "AWS would refuse lt (aws:ec2/launchTemplate:LaunchTemplate): namePrefix = pppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp: a prefix for a launch template name of 1 to 99 characters (letters, digits and ( ) . - / _), leaving room for the provider's 26-character unique suffix."),
        new("launch template of an unknown instance type", AwsTypes.LaunchTemplate, s => s.Add(AwsTypes.LaunchTemplate, "appliances", In(("instanceType", "c5.medium"))), "AWS would refuse appliances (aws:ec2/launchTemplate:LaunchTemplate): instanceType = c5.medium: an EC2 instance type that exists (the program's table as of 2025-06-01)."),
        new("Auto Scaling group with minSize above maxSize", Asg, s => s.Add(Asg, "fleet", In(("minSize", 3.0), ("maxSize", 2.0))), "AWS would refuse fleet (aws:autoscaling/group:Group): minSize = 3: at most maxSize (2)."),
        new("Auto Scaling group with desiredCapacity above maxSize", Asg, s => s.Add(Asg, "fleet", In(("minSize", 1.0), ("maxSize", 2.0), ("desiredCapacity", 3.0))), "AWS would refuse fleet (aws:autoscaling/group:Group): desiredCapacity = 3: between minSize (1) and maxSize (2)."),
        new("Auto Scaling group with tags as a map", Asg, s => s.Add(Asg, "fleet", In(("minSize", 1.0), ("maxSize", 2.0),
            ("tags", List(In(("key", "Name"), ("value", "fleet")))))), "AWS would refuse fleet (aws:autoscaling/group:Group): tags[0] = {key: Name, value: fleet}: a tag of the fields key, value and propagateAtLaunch."),
        new("Auto Scaling group with a reserved tag key", Asg, s => s.Add(Asg, "fleet", In(("minSize", 1.0), ("maxSize", 2.0),
            ("tags", List(In(("key", "aws:owner"), ("value", "me"), ("propagateAtLaunch", true)))))), "AWS would refuse fleet (aws:autoscaling/group:Group): tags[0].key = aws:owner: a tag key that does not start with aws: (reserved by AWS)."),
        new("Auto Scaling group name prefix too long", Asg, s => s.Add(Asg, "fleet", In(("minSize", 1.0), ("maxSize", 2.0), ("namePrefix", new string('f', 230)))), "AWS would refuse fleet (aws:autoscaling/group:Group): namePrefix = ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff…: a prefix for an Auto Scaling group name of 1 to 229 characters (Unicode text), leaving room for the provider's 26-character unique suffix."),

        // Load balancing.
        new("load balancer whose auto-name is too long", AwsTypes.LoadBalancer, s => s.Add(AwsTypes.LoadBalancer, "inspection-gateway-load-bal", In(("loadBalancerType", "gateway"))), "AWS would refuse inspection-gateway-load-bal (aws:lb/loadBalancer:LoadBalancer): name (auto-named) = inspection-gateway-load-bal: a logical name of at most 24 characters (letters, digits and hyphens, no hyphen first or last, not starting with internal-), because the provider names the resource after it with a hyphen and 7 random characters and a load balancer name has at most 32."),
        new("load balancer named internal-", AwsTypes.LoadBalancer, s => s.Add(AwsTypes.LoadBalancer, "gwlb", In(("name", "internal-gwlb"), ("loadBalancerType", "gateway"))), "AWS would refuse gwlb (aws:lb/loadBalancer:LoadBalancer): name = internal-gwlb: a load balancer name of 1 to 32 characters (letters, digits and hyphens, no hyphen first or last, not starting with internal-)."),
        new("load balancer of an unknown type", AwsTypes.LoadBalancer, s => s.Add(AwsTypes.LoadBalancer, "gwlb", In(("loadBalancerType", "classic"))), "AWS would refuse gwlb (aws:lb/loadBalancer:LoadBalancer): loadBalancerType = classic: application, network or gateway."),
        new("target group name with an underscore", AwsTypes.TargetGroup, s => s.Add(AwsTypes.TargetGroup, "tg", In(("name", "appliance_targets"))), "AWS would refuse tg (aws:lb/targetGroup:TargetGroup): name = appliance_targets: a target group name of 1 to 32 characters (letters, digits and hyphens, no hyphen first or last)."),
        new("GENEVE target group on another port", AwsTypes.TargetGroup, s => s.Add(AwsTypes.TargetGroup, "tg", In(("protocol", "GENEVE"), ("port", 6080.0))), "AWS would refuse tg (aws:lb/targetGroup:TargetGroup): port = 6080: 6081 for a GENEVE target group."),
        new("GENEVE target group with a UDP health check", AwsTypes.TargetGroup, s => s.Add(AwsTypes.TargetGroup, "tg", In(("protocol", "GENEVE"), ("port", 6081.0),
            ("healthCheck", In(("protocol", "UDP"))))), "AWS would refuse tg (aws:lb/targetGroup:TargetGroup): healthCheck.protocol = UDP: TCP, HTTP or HTTPS for a GENEVE target group's health check."),
        new("target group health check on port 70000", AwsTypes.TargetGroup, s => s.Add(AwsTypes.TargetGroup, "tg", In(("protocol", "GENEVE"), ("port", 6081.0),
            ("healthCheck", In(("protocol", "TCP"), ("port", "70000"))))), "AWS would refuse tg (aws:lb/targetGroup:TargetGroup): healthCheck.port = 70000: traffic-port or a port from 1 to 65535."),
        new("GWLB listener with a port", AwsTypes.Listener, async s =>
        {
            var lb = await s.Outputs(AwsTypes.LoadBalancer, "gwlb", In(("loadBalancerType", "gateway")));
            await s.Add(AwsTypes.Listener, "listener", In(("loadBalancerArn", lb["arn"]), ("port", 6081.0), ("defaultActions", List(In(("type", "forward"))))));
        }, "AWS would refuse listener (aws:lb/listener:Listener): port = 6081: no value on a Gateway Load Balancer's listener."),
        new("GWLB listener with a protocol", AwsTypes.Listener, async s =>
        {
            var lb = await s.Outputs(AwsTypes.LoadBalancer, "gwlb", In(("loadBalancerType", "gateway")));
            await s.Add(AwsTypes.Listener, "listener", In(("loadBalancerArn", lb["arn"]), ("protocol", "GENEVE"), ("defaultActions", List(In(("type", "forward"))))));
        }, "AWS would refuse listener (aws:lb/listener:Listener): protocol = GENEVE: no value on a Gateway Load Balancer's listener."),
        new("listener without a default action", AwsTypes.Listener, s => s.Add(AwsTypes.Listener, "listener", In(("loadBalancerArn", "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/gwy/x/1"))), "AWS would refuse listener (aws:lb/listener:Listener): defaultActions = (not set): at least one default action (required by the provider's schema)."),
        new("endpoint service without a load balancer", AwsTypes.VpcEndpointService, s => s.Add(AwsTypes.VpcEndpointService, "service", In(("acceptanceRequired", false))), "AWS would refuse service (aws:ec2/vpcEndpointService:VpcEndpointService): gatewayLoadBalancerArns = 0 gateway and 0 network load balancers: load balancers of one kind: gateway or network."),
        new("endpoint service without acceptanceRequired", AwsTypes.VpcEndpointService, s => s.Add(AwsTypes.VpcEndpointService, "service",
            In(("gatewayLoadBalancerArns", List("arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/gwy/x/1")))), "AWS would refuse service (aws:ec2/vpcEndpointService:VpcEndpointService): acceptanceRequired = (not set): true or false (required by the provider's schema)."),
        new("endpoint service principal of another partition", AwsTypes.VpcEndpointService, s => s.Add(AwsTypes.VpcEndpointService, "service",
            In(("acceptanceRequired", false), ("gatewayLoadBalancerArns", List("arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/gwy/x/1")),
                ("allowedPrincipals", List("arn:aws-cn:iam::123456789012:root")))), "AWS would refuse service (aws:ec2/vpcEndpointService:VpcEndpointService): allowedPrincipals[0] = arn:aws-cn:iam::123456789012:root: ARNs of partition aws, the partition of region eu-west-1, and this one is of aws-cn."),

        // Security groups and their rules.
        new("security group description with an apostrophe", AwsTypes.SecurityGroup, s => s.Add(AwsTypes.SecurityGroup, "sg", In(("description", "the appliances' group"))), "AWS would refuse sg (aws:ec2/securityGroup:SecurityGroup): description = the appliances' group: a security group description of 1 to 255 characters (letters, digits, spaces and . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *)."),
        new("security group description too long", AwsTypes.SecurityGroup, s => s.Add(AwsTypes.SecurityGroup, "sg", In(("description", new string('d', 256)))), "AWS would refuse sg (aws:ec2/securityGroup:SecurityGroup): description = dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd…: a security group description of 1 to 255 characters (letters, digits, spaces and . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *)."),
        new("security group named sg-", AwsTypes.SecurityGroup, s => s.Add(AwsTypes.SecurityGroup, "sg", In(("name", "sg-appliances"))), "AWS would refuse sg (aws:ec2/securityGroup:SecurityGroup): name = sg-appliances: a security group name of 1 to 255 characters (letters, digits, spaces and . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *, not starting with sg-)."),
        new("ingress rule with two peers", AwsTypes.SecurityGroupIngressRule, s => s.Add(AwsTypes.SecurityGroupIngressRule, "rule",
            In(("ipProtocol", "tcp"), ("cidrIpv4", "10.0.0.0/16"), ("prefixListId", "pl-6ea54007"))), "AWS would refuse rule (aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule): cidrIpv4+prefixListId = 10.0.0.0/16, pl-6ea54007: exactly one of cidrIpv4, cidrIpv6, prefixListId, referencedSecurityGroupId."),
        new("egress rule with host bits", AwsTypes.SecurityGroupEgressRule, s => s.Add(AwsTypes.SecurityGroupEgressRule, "rule",
            In(("ipProtocol", "tcp"), ("cidrIpv4", "10.0.0.1/16"))), "AWS would refuse rule (aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule): cidrIpv4 = 10.0.0.1/16: the network address of the block, with the host bits zero."),
        new("egress rule without a protocol", AwsTypes.SecurityGroupEgressRule, s => s.Add(AwsTypes.SecurityGroupEgressRule, "rule", In(("cidrIpv4", "10.0.0.0/16"))), "AWS would refuse rule (aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule): ipProtocol = (not set): a protocol: tcp, udp, icmp, a number or -1 (required by the provider's schema)."),
        new("ingress rule description with angle brackets", AwsTypes.SecurityGroupIngressRule, s => s.Add(AwsTypes.SecurityGroupIngressRule, "rule",
            In(("ipProtocol", "tcp"), ("cidrIpv4", "10.0.0.0/16"), ("description", "<geneve>"))), "AWS would refuse rule (aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule): description = <geneve>: a security group rule description of at most 255 characters (letters, digits, spaces and . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *)."),

        // IAM and CloudWatch Logs.
        new("role name of 65 characters", Role, s => s.Add(Role, "role", In(("name", new string('r', 65)), ("assumeRolePolicy", TrustPolicy))), "AWS would refuse role (aws:iam/role:Role): name = rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr: an IAM role name of 1 to 64 characters (letters, digits and + = , . @ _ -)."),
        new("role name prefix of 39 characters", Role, s => s.Add(Role, "role", In(("namePrefix", new string('r', 39)), ("assumeRolePolicy", TrustPolicy))), "AWS would refuse role (aws:iam/role:Role): namePrefix = rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr: a prefix for an IAM role name of 1 to 38 characters (letters, digits and + = , . @ _ -), leaving room for the provider's 26-character unique suffix."),
        new("role whose auto-name is too long", Role, s => s.Add(Role, new string('r', 57), In(("assumeRolePolicy", TrustPolicy))), "AWS would refuse rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr (aws:iam/role:Role): name (auto-named) = rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr: a logical name of at most 56 characters (letters, digits and + = , . @ _ -), because the provider names the resource after it with a hyphen and 7 random characters and an IAM role name has at most 64."),
        new("role description beyond Latin-1", Role, s => s.Add(Role, "role", In(("description", "flow logs → CloudWatch"), ("assumeRolePolicy", TrustPolicy))), "AWS would refuse role (aws:iam/role:Role): description = flow logs → CloudWatch: an IAM role description of at most 1000 characters (printable characters of Latin-1)."),
        new("role without a trust policy", Role, s => s.Add(Role, "role"), "AWS would refuse role (aws:iam/role:Role): assumeRolePolicy = (not set): a trust policy (required by the provider's schema)."),
        new("instance profile name with a space", AwsTypes.IamInstanceProfile, s => s.Add(AwsTypes.IamInstanceProfile, "profile", In(("name", "test profile"))), "AWS would refuse profile (aws:iam/instanceProfile:InstanceProfile): name = test profile: an IAM instance profile name of 1 to 128 characters (letters, digits and + = , . @ _ -)."),
        new("log group name with a space", LogGroup, s => s.Add(LogGroup, "logs", In(("name", "/vpc/flow logs"))), "AWS would refuse logs (aws:cloudwatch/logGroup:LogGroup): name = /vpc/flow logs: a log group name of 1 to 512 characters (letters, digits and . - _ / #)."),
        new("log group name prefix too long", LogGroup, s => s.Add(LogGroup, "logs", In(("namePrefix", "/" + new string('l', 483)))), "AWS would refuse logs (aws:cloudwatch/logGroup:LogGroup): namePrefix = /lllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllll…: a prefix for a log group name of 1 to 483 characters (letters, digits and . - _ / #), leaving room for the provider's 26-character unique suffix."),
        new("log group retention CloudWatch does not offer", LogGroup, s => s.Add(LogGroup, "logs", In(("retentionInDays", 42.0))), "AWS would refuse logs (aws:cloudwatch/logGroup:LogGroup): retentionInDays = 42: 0 (never expire) or one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."),
        new("flow log of a VPC and a subnet", AwsTypes.FlowLog, s => s.Add(AwsTypes.FlowLog, "fl", In(("vpcId", "vpc-1"), ("subnetId", "subnet-1"), ("trafficType", "ALL"))), "AWS would refuse fl (aws:ec2/flowLog:FlowLog): vpcId+subnetId = vpc-1, subnet-1: exactly one of vpcId, subnetId, eniId, transitGatewayId, transitGatewayAttachmentId."),
        new("flow log of an unknown traffic type", AwsTypes.FlowLog, s => s.Add(AwsTypes.FlowLog, "fl", In(("vpcId", "vpc-1"), ("trafficType", "SOME"))), "AWS would refuse fl (aws:ec2/flowLog:FlowLog): trafficType = SOME: ACCEPT, REJECT or ALL."),

        // S3.
        new("bucket name with an underscore", AwsTypes.Bucket, s => s.Add(AwsTypes.Bucket, "bucket", In(("bucket", "demo_bucket-k3x9q2ab"))), "AWS would refuse bucket (aws:s3/bucket:Bucket): bucket = demo_bucket-k3x9q2ab: an S3 bucket name of 3 to 63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit."),
        new("bucket name longer than 63", AwsTypes.Bucket, s => s.Add(AwsTypes.Bucket, "bucket", In(("bucket", new string('b', 64)))), "AWS would refuse bucket (aws:s3/bucket:Bucket): bucket = bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: an S3 bucket name of 3 to 63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit."),
        new("bucket prefix too long", AwsTypes.Bucket, s => s.Add(AwsTypes.Bucket, "bucket", In(("bucketPrefix", new string('b', 38)))), "AWS would refuse bucket (aws:s3/bucket:Bucket): bucketPrefix = bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: a bucket name prefix of at most 37 characters that makes a valid S3 bucket name with the provider's 26-character suffix."),
        new("bucket whose auto-name is invalid", AwsTypes.Bucket, s => s.Add(AwsTypes.Bucket, "demo_bucket"), "AWS would refuse demo_bucket (aws:s3/bucket:Bucket): bucket (auto-named) = demo_bucket: a logical name that, lower-cased and followed by the provider's hyphen and 7 random characters, gives an S3 bucket name of 3 to 63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit."),

        // Tags, on every type.
        new("51 tags on a subnet", "tags", async s => await s.Add(AwsTypes.Subnet, "tagged", In(("vpcId", await s.Vpc()), ("cidrBlock", "10.0.0.0/24"), ("tags", Tags(51)))), "AWS would refuse tagged (aws:ec2/subnet:Subnet): tags = 51 tags: at most 50 tags per resource."),
        new("tag key with # on an IAM role", "tags", s => s.Add(Role, "role", In(("assumeRolePolicy", TrustPolicy), ("tags", In(("cost#centre", "42"))))), "AWS would refuse role (aws:iam/role:Role): tags = cost#centre: a tag key of letters, digits, spaces and _ . : / = + - @ only (what IAM, CloudWatch Logs, Elastic Load Balancing and S3 accept)."),
        new("tag value with ! on a log group", "tags", s => s.Add(LogGroup, "logs", In(("tags", In(("owner", "ops!"))))), "AWS would refuse logs (aws:cloudwatch/logGroup:LogGroup): tags.owner = ops!: a tag value of letters, digits, spaces and _ . : / = + - @ only (what IAM, CloudWatch Logs, Elastic Load Balancing and S3 accept)."),
        new("tag key reserved by AWS on a VPC", "tags", s => s.Add(AwsTypes.Vpc, "vpc", In(("cidrBlock", "10.0.0.0/16"), ("tags", In(("aws:owner", "me"))))), "AWS would refuse vpc (aws:ec2/vpc:Vpc): tags = aws:owner: a tag key that does not start with aws: (reserved by AWS)."),
        new("tag value of 257 characters on a bucket", "tags", s => s.Add(AwsTypes.Bucket, "bucket", In(("bucket", "demo-bucket"), ("tags", In(("owner", new string('v', 257)))))), "AWS would refuse bucket (aws:s3/bucket:Bucket): tags.owner = vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv…: a tag value of at most 256 characters."),

        // ARNs in the region's partition, policies included, and functions.
        new("managed policy ARN of the commercial partition in China", "arn", s => s.Add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "ssm-core",
            In(("role", "role"), ("policyArn", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"))), "AWS would refuse ssm-core (aws:iam/rolePolicyAttachment:RolePolicyAttachment): policyArn = arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore: ARNs of partition aws-cn, the partition of region cn-north-1, and this one is of aws.", Region: "cn-north-1"),
        new("bucket policy naming the commercial partition in GovCloud", "arn", s => s.Add(AwsTypes.BucketPolicy, "policy",
            In(("bucket", "demo"), ("policy", """{"Statement":[{"Effect":"Deny","Resource":"arn:aws:s3:::demo/*"}]}"""))), "AWS would refuse policy (aws:s3/bucketPolicy:BucketPolicy): policy = arn:aws:…: ARNs of partition aws-us-gov, the partition of region us-gov-west-1, and this one is of aws.", Region: "us-gov-west-1"),
        new("endpoint service looked up in another region", AwsConstraints.GetVpcEndpointService, s => s.Call(AwsConstraints.GetVpcEndpointService,
            In(("serviceName", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"))), "AWS would refuse aws:ec2/getVpcEndpointService:getVpcEndpointService: serviceName = com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0: an endpoint service of region eu-west-1, where the stack deploys, and this one is in us-east-1."),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_strict_mocks_refuse_a_hand_broken_resource_with_one_sentence(string name)
    {
        var broken = Cases.Single(c => c.Name == name);
        var scene = new Scene(new AwsMocks(broken.Region));

        var error = await Assert.ThrowsAsync<RunException>(() => broken.Act(scene));

        Assert.Equal(broken.Message, error.Message);
        Assert.StartsWith("AWS would refuse ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Every_resource_type_with_rules_has_a_hand_broken_case()
    {
        var covered = Cases.Select(c => c.Type).Concat(TransitGatewayConstraintsTests.Cases.Select(c => c.Type)).ToHashSet();
        var constraints = new AwsConstraints("eu-west-1", ["eu-west-1a"]);

        Assert.All(constraints.ResourceTypes, type => Assert.Contains(type, covered));
        Assert.Contains("tags", covered);
        Assert.Contains("arn", covered);
        Assert.Equal(Cases.Count, Cases.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public async Task After_a_refusal_the_run_keeps_the_first_sentence()
    {
        var scene = new Scene(new AwsMocks());
        var first = await Assert.ThrowsAsync<RunException>(() => scene.Add(AwsTypes.Vpc, "tiny", In(("cidrBlock", "10.0.0.0/29"))));

        var next = await Assert.ThrowsAsync<RunException>(() => scene.Add(AwsTypes.Vpc, "fine", In(("cidrBlock", "10.0.0.0/16"))));

        Assert.Same(first, next);
        Assert.Empty(scene.Mocks.Records);
    }

    [Fact]
    public async Task A_tag_EC2_accepts_is_not_refused_for_characters_IAM_refuses()
    {
        var scene = new Scene(new AwsMocks());

        await scene.Add(AwsTypes.Vpc, "vpc", In(("cidrBlock", "10.0.0.0/16"), ("tags", In(("cost#centre", "(42)!")))));

        Assert.Single(scene.Mocks.Records);
    }

    [Theory]
    [InlineData("eu-west-1", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    public async Task The_mocks_answer_ARNs_in_the_regions_partition(string region, string partition)
    {
        var scene = new Scene(new AwsMocks(region));

        var vpc = await scene.Outputs(AwsTypes.Vpc, "vpc", In(("cidrBlock", "10.0.0.0/16")));
        var identity = (IReadOnlyDictionary<string, object>)await scene.Call("aws:index/getCallerIdentity:getCallerIdentity");

        Assert.StartsWith($"arn:{partition}:ec2:{region}:", (string)vpc["arn"], StringComparison.Ordinal);
        Assert.StartsWith($"arn:{partition}:iam::", (string)identity["arn"], StringComparison.Ordinal);
    }
}
