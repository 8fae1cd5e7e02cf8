using Infra.Components;
using Infra.Model.Routing;
using Infra.Simulation;
using Pulumi;

namespace Infra.Package.Tests;

/// <summary>
/// The transit components check their inputs before they register a child: one sentence naming the input, the value
/// and what is allowed, and no cloud resource registered (their bad inputs run in
/// <see cref="InputErrorTests"/>), and the Amazon-side ASN once it resolves.
/// </summary>
public class TransitInputErrorTests
{
    private const string ServiceName = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0";

    private static CentralInspectionVpcArgs Inspection(Action<CentralInspectionVpcArgs>? change = null)
    {
        var args = new CentralInspectionVpcArgs
        {
            CidrBlock = "10.255.0.0/16",
            AvailabilityZoneNames = ["eu-west-1a", "eu-west-1b"],
            TransitGatewayId = "tgw-1",
            InspectionRouteTableId = "tgw-rtb-1",
            SpokeRouteTableId = "tgw-rtb-2",
            EndpointServiceName = ServiceName,
            SpokeDestinationCidrs = ["10.0.0.0/8"],
        };
        change?.Invoke(args);
        return args;
    }

    private static SpokeArgs SpokeOf(Action<SpokeArgs>? change = null)
    {
        var args = new SpokeArgs
        {
            CidrBlock = "10.1.0.0/16",
            AvailabilityZoneNames = ["eu-west-1a", "eu-west-1b"],
            TransitGatewayId = "tgw-1",
            SpokeRouteTableId = "tgw-rtb-2",
            InspectionRouteTableId = "tgw-rtb-1",
        };
        change?.Invoke(args);
        return args;
    }

    public static TheoryData<string, Action, string> BadInputs => new()
    {
        {
            "inspection VPC block with host bits",
            () => _ = new CentralInspectionVpc("inspection", Inspection(a => a.CidrBlock = "10.255.0.1/16")),
            "Invalid input cidrBlock of CentralInspectionVpc inspection = 10.255.0.1/16: the network address of the block, with the host bits zero, such as 10.255.0.0/16."
        },
        {
            "inspection VPC too small for its subnets",
            () => _ = new CentralInspectionVpc("inspection", Inspection(a =>
            {
                a.CidrBlock = "10.255.0.0/24";
                a.AvailabilityZoneNames = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];
            })),
            "Invalid input subnetPrefixLengths of CentralInspectionVpc inspection = {\"public\":24,\"endpoint\":28,\"transit\":28}: subnets that fit in the VPC 10.255.0.0/24, " +
            "but 3 AZs × (public /24 + endpoint /28 + transit /28) need 864 addresses and the VPC has 256; what fits is a VPC of /22 or larger."
        },
        {
            "transit prefix length beyond /28",
            () => _ = new CentralInspectionVpc("inspection", Inspection(a => a.SubnetPrefixLengths = new SubnetPrefixLengthsArgs { Transit = 29 })),
            "Invalid input subnetPrefixLengths.transit of CentralInspectionVpc inspection = 29: a whole number from 16 to 28."
        },
        {
            "spoke destinations not set",
            () => _ = new CentralInspectionVpc("inspection", Inspection(a => a.SpokeDestinationCidrs = null!)),
            "Invalid input spokeDestinationCidrs of CentralInspectionVpc inspection = (not set): a value; this input is required."
        },
        {
            "no spoke destination",
            () => _ = new CentralInspectionVpc("inspection", Inspection(a => a.SpokeDestinationCidrs = [])),
            "Invalid input spokeDestinationCidrs of CentralInspectionVpc inspection = []: a list of at least one IPv4 block, such as [\"10.0.0.0/8\"]."
        },
        {
            "spoke destination that is no block",
            () => _ = new CentralInspectionVpc("inspection", Inspection(a => a.SpokeDestinationCidrs = ["10.0.0.0/8", "10.0.0.0/33"])),
            "Invalid input spokeDestinationCidrs[1] of CentralInspectionVpc inspection = 10.0.0.0/33: an IPv4 block such as 10.0.0.0/8."
        },
        {
            "spoke destination with host bits",
            () => _ = new CentralInspectionVpc("inspection", Inspection(a => a.SpokeDestinationCidrs = ["10.1.0.0/8"])),
            "Invalid input spokeDestinationCidrs[0] of CentralInspectionVpc inspection = 10.1.0.0/8: the network address of the block, with the host bits zero, such as 10.0.0.0/8."
        },
        {
            "spoke destination that is the default route",
            () => _ = new CentralInspectionVpc("inspection", Inspection(a => a.SpokeDestinationCidrs = ["0.0.0.0/0"])),
            "Invalid input spokeDestinationCidrs[0] of CentralInspectionVpc inspection = 0.0.0.0/0: a block other than 0.0.0.0/0, which the route table's default route already uses."
        },
        {
            "spoke destination twice",
            () => _ = new CentralInspectionVpc("inspection", Inspection(a => a.SpokeDestinationCidrs = ["10.0.0.0/8", "172.16.0.0/12", "10.0.0.0/8"])),
            "Invalid input spokeDestinationCidrs[2] of CentralInspectionVpc inspection = 10.0.0.0/8: each block at most once, and it is already spokeDestinationCidrs[0] (10.0.0.0/8)."
        },
        {
            "inspection VPC without its transit gateway",
            () => _ = new CentralInspectionVpc("inspection", Inspection(a => a.TransitGatewayId = null!)),
            "Invalid input transitGatewayId of CentralInspectionVpc inspection = (not set): a value; this input is required."
        },
        {
            "inspection VPC without an endpoint service",
            () => _ = new CentralInspectionVpc("inspection", Inspection(a => a.EndpointServiceName = null!)),
            "Invalid input endpointServiceName of CentralInspectionVpc inspection = (not set): a value; this input is required."
        },
        {
            "spoke without a block",
            () => _ = new Spoke("spoke", SpokeOf(a => a.CidrBlock = null!)),
            "Invalid input cidrBlock of Spoke spoke = (not set): a value; this input is required."
        },
        {
            "spoke block larger than a VPC may be",
            () => _ = new Spoke("spoke", SpokeOf(a => a.CidrBlock = "10.0.0.0/8")),
            "Invalid input cidrBlock of Spoke spoke = 10.0.0.0/8: an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16."
        },
        {
            "spoke zone named twice",
            () => _ = new Spoke("spoke", SpokeOf(a => a.AvailabilityZoneNames = ["eu-west-1a", "eu-west-1a"])),
            "Invalid input availabilityZoneNames of Spoke spoke = [eu-west-1a, eu-west-1a]: distinct availability zone names such as [eu-west-1a, eu-west-1b]."
        },
        {
            "spoke without the hub's spoke route table",
            () => _ = new Spoke("spoke", SpokeOf(a => a.SpokeRouteTableId = null!)),
            "Invalid input spokeRouteTableId of Spoke spoke = (not set): a value; this input is required."
        },
        {
            "spoke without the hub's inspection route table",
            () => _ = new Spoke("spoke", SpokeOf(a => a.InspectionRouteTableId = null!)),
            "Invalid input inspectionRouteTableId of Spoke spoke = (not set): a value; this input is required."
        },
        {
            "spoke flow log retention CloudWatch does not offer",
            () => _ = new Spoke("spoke", SpokeOf(a => a.FlowLogRetentionDays = 31)),
            "Invalid input flowLogRetentionDays of Spoke spoke = 31: one of the CloudWatch Logs retention periods in days: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
        },
    };

    [Theory]
    [InlineData(64511)]
    [InlineData(65535)]
    [InlineData(-1)]
    public async Task An_amazon_side_asn_outside_the_private_ranges_fails_the_run_with_one_sentence_and_no_gateway(int asn)
    {
        var mocks = new AwsMocks();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunProgramAsync(() =>
        {
            _ = new TransitHub("hub", new TransitHubArgs { AmazonSideAsn = asn });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        }, mocks));

        var causes = error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [error];
        Assert.All(causes, cause => Assert.Equal(
            $"Invalid input amazonSideAsn of TransitHub hub = {asn}: a private ASN from 64512 to 65534 or from 4200000000 to 4294967294, the ranges AWS allows for a transit gateway.",
            Assert.IsType<RunException>(cause).Message));
        Assert.DoesNotContain(mocks.Records, r => r.Type.StartsWith("aws:ec2transitgateway/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(64512)]
    [InlineData(65534)]
    public async Task An_amazon_side_asn_in_the_private_range_reaches_the_gateway(int asn)
    {
        var mocks = new AwsMocks();

        await StackRun.RunProgramAsync(() =>
        {
            _ = new TransitHub("hub", new TransitHubArgs { AmazonSideAsn = asn });
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>());
        }, mocks);

        var gateway = Assert.Single(mocks.Records, r => r.Type == AwsTypes.TransitGateway);
        Assert.Equal(asn, Convert.ToInt32(gateway.Inputs["amazonSideAsn"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
