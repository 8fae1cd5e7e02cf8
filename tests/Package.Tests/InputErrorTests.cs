using Infra.Components;
using Infra.Simulation;
using Pulumi;

namespace Infra.Package.Tests;

/// <summary>
/// Each component checks its inputs before it registers a child, with the stack settings' rules and one sentence
/// naming the input, the value and what is allowed.
/// </summary>
public class InputErrorTests
{
    public static TheoryData<string, Action, string> BadInputs => new()
    {
        {
            "VPC block with host bits",
            () => _ = new VpcNetwork("vpc", new VpcNetworkArgs { CidrBlock = "10.0.0.1/16", AvailabilityZoneCount = 2 }),
            "Invalid input cidrBlock of VpcNetwork vpc = 10.0.0.1/16: the network address of the block, with the host bits zero, such as 10.0.0.0/16."
        },
        {
            "VPC block too small",
            () => _ = new VpcNetwork("vpc", new VpcNetworkArgs { CidrBlock = "10.0.0.0/25", AvailabilityZoneCount = 2 }),
            "Invalid input cidrBlock of VpcNetwork vpc = 10.0.0.0/25: an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16."
        },
        {
            "unknown NAT strategy",
            () => _ = new VpcNetwork("vpc", new VpcNetworkArgs { CidrBlock = "10.0.0.0/16", AvailabilityZoneCount = 2, NatStrategy = "double" }),
            "Invalid input natStrategy of VpcNetwork vpc = double: one of none, single, perAz."
        },
        {
            "too many zones",
            () => _ = new VpcNetwork("vpc", new VpcNetworkArgs { CidrBlock = "10.0.0.0/16", AvailabilityZoneCount = 7 }),
            "Invalid input availabilityZoneCount of VpcNetwork vpc = 7: a whole number from 1 to 6."
        },
        {
            "unknown tier",
            () => _ = new VpcNetwork("vpc", new VpcNetworkArgs { CidrBlock = "10.0.0.0/16", Tiers = ["public", "dmz"] }),
            "Invalid input tiers[1] of VpcNetwork vpc = dmz: one of public, private, application, endpoint, appliance, each at most once."
        },
        {
            "prefix length out of range",
            () => _ = new VpcNetwork("vpc", new VpcNetworkArgs { CidrBlock = "10.0.0.0/16", SubnetPrefixLengths = new SubnetPrefixLengthsArgs { Private = 30 } }),
            "Invalid input subnetPrefixLengths.private of VpcNetwork vpc = 30: a whole number from 16 to 28."
        },
        {
            "retention CloudWatch does not offer",
            () => _ = new VpcNetwork("vpc", new VpcNetworkArgs { CidrBlock = "10.0.0.0/16", FlowLogRetentionDays = 31 }),
            "Invalid input flowLogRetentionDays of VpcNetwork vpc = 31: one of the CloudWatch Logs retention periods in days: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
        },
        {
            "gateway endpoint for a service without one",
            () => _ = new GatewayEndpoint("ep", new GatewayEndpointArgs { VpcId = "vpc-1", Region = "eu-west-1", Service = "sqs", RouteTableIds = new InputList<string> { "rtb-1" } }),
            "Invalid input service of GatewayEndpoint ep = sqs: s3 or dynamodb, the only services AWS offers gateway endpoints for."
        },
        {
            "interface endpoint twice",
            () => _ = new InterfaceEndpoints("eps", new InterfaceEndpointsArgs
            {
                VpcId = "vpc-1", VpcCidr = "10.0.0.0/16", Region = "eu-west-1", SubnetIds = new InputList<string> { "subnet-1" }, Services = ["ssm", "ssm"],
            }),
            "Invalid input services[1] of InterfaceEndpoints eps = ssm: each service at most once, and it is already services[0] (ssm)."
        },
        {
            "no appliances",
            () => _ = new InspectionProvider("insp", new InspectionProviderArgs
            {
                VpcId = "vpc-1", VpcCidr = "10.100.0.0/16", ApplianceSubnetIds = new InputList<string> { "subnet-1" }, ApplianceRouteTableIds = new InputList<string> { "rtb-1" },
                Region = "eu-west-1", AvailabilityZoneCount = 1, ApplianceFleet = "instances", AppliancesPerAz = 0,
            }),
            "Invalid input appliancesPerAz of InspectionProvider insp = 0: a whole number from 1 to 4; zero appliances would leave the Gateway Load Balancer without targets, so no inspected traffic would pass."
        },
        {
            "fleet smaller than its minimum",
            () => _ = new InspectionProvider("insp", new InspectionProviderArgs
            {
                VpcId = "vpc-1", VpcCidr = "10.100.0.0/16", ApplianceSubnetIds = new InputList<string> { "subnet-1" }, ApplianceRouteTableIds = new InputList<string> { "rtb-1" },
                Region = "eu-west-1", AvailabilityZoneCount = 1, FleetMinSize = 3, FleetMaxSize = 2,
            }),
            "Invalid input fleetMaxSize of InspectionProvider insp = 2: a size of at least fleetMinSize (3), as Auto Scaling requires."
        },
        {
            "fleet that leaves an AZ without an appliance",
            () => _ = new InspectionProvider("insp", new InspectionProviderArgs
            {
                VpcId = "vpc-1", VpcCidr = "10.100.0.0/16", ApplianceSubnetIds = new InputList<string> { "subnet-1", "subnet-2" }, ApplianceRouteTableIds = new InputList<string> { "rtb-1" },
                Region = "eu-west-1", AvailabilityZoneCount = 2, FleetDesiredCapacity = 1,
            }),
            "Invalid input fleetDesiredCapacity of InspectionProvider insp = 1: at least the number of availability zones (2) so that every AZ keeps an " +
            "appliance, because cross-zone load balancing is off and a zone without one drops its inspected flows (or set crossZoneLoadBalancing to true)."
        },
        {
            "health check path without its slash",
            () => _ = new InspectionProvider("insp", new InspectionProviderArgs
            {
                VpcId = "vpc-1", VpcCidr = "10.100.0.0/16", ApplianceSubnetIds = new InputList<string> { "subnet-1" }, ApplianceRouteTableIds = new InputList<string> { "rtb-1" },
                Region = "eu-west-1", AvailabilityZoneCount = 1, HealthCheckProtocol = "HTTP", HealthCheckPath = "health",
            }),
            "Invalid input healthCheckPath of InspectionProvider insp = health: a path starting with / of at most 1024 characters, such as /health."
        },
        {
            "instance type",
            () => _ = new PrivateInstance("vm", new PrivateInstanceArgs
            {
                VpcId = "vpc-1", VpcCidr = "10.0.0.0/16", SubnetId = "subnet-1", Region = "eu-west-1", BucketArn = "arn:aws:s3:::b", S3PrefixListId = "pl-1", InstanceType = "Large",
            }),
            "Invalid input instanceType of PrivateInstance vm = Large: an EC2 instance type such as t3.micro (family.size, lower case)."
        },
        {
            "required input missing",
            () => _ = new PrivateBucket("bucket", new PrivateBucketArgs { GatewayEndpointId = "vpce-1", Region = "eu-west-1" }),
            "Invalid input namePrefix of PrivateBucket bucket = (not set): a value; this input is required."
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    [MemberData(nameof(TransitInputErrorTests.BadInputs), MemberType = typeof(TransitInputErrorTests))]
    public async Task A_bad_input_stops_the_component_before_any_cloud_resource_with_one_sentence(string _, Action build, string message)
    {
        var mocks = new AwsMocks();

        var error = await Assert.ThrowsAsync<RunException>(() => StackRun.RunProgramAsync(() =>
        {
            build();
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        }, mocks));

        Assert.Equal(message, error.Message);
        Assert.All(mocks.Records, r => Assert.StartsWith(PackageInfo.Name + ":", r.Type, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_per_az_list_that_does_not_match_the_zones_fails_the_run_with_one_sentence_once_its_ids_are_known()
    {
        var mocks = new AwsMocks();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunProgramAsync(() =>
        {
            _ = new InspectionConsumer("consumer", new InspectionConsumerArgs
            {
                VpcId = "vpc-1",
                AvailabilityZoneNames = ["eu-west-1a", "eu-west-1b"],
                InternetGatewayId = "igw-1",
                EndpointSubnetIds = new InputList<string> { "subnet-1" },
                EndpointRouteTableIds = new InputList<string> { "rtb-1", "rtb-2" },
                ApplicationRouteTableIds = new InputList<string> { "rtb-3", "rtb-4" },
                ApplicationSubnetCidrs = new InputList<string> { "10.0.64.0/22", "10.0.68.0/22" },
                EndpointServiceName = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
            });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        }, mocks));

        var causes = error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [error];
        Assert.All(causes, cause => Assert.Equal(
            "Invalid input endpointSubnetIds of InspectionConsumer consumer = a list of 1 entries: one entry per availability zone, 2, in AZ order.",
            Assert.IsType<RunException>(cause).Message));
        Assert.DoesNotContain(mocks.Records, r => r.Type == "aws:ec2/vpcEndpoint:VpcEndpoint");
    }
}
