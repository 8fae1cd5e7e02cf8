using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.Ec2;
using Pulumi.Random;
using Pulumi.Testing;
using Pulumi.Utilities;
using Tgw = Pulumi.Aws.Ec2TransitGateway;

namespace OfflineSdk.Tests;

/// <summary>The generated Pulumi.Aws and Pulumi.Random classes speak the providers' wire format.</summary>
public class GeneratedPackageTests
{
    private static readonly TestOptions Options = new() { ProjectName = "proj", StackName = "dev" };

    [Fact]
    public async Task GetAvailabilityZones_reaches_the_mocks_with_the_real_token_and_argument_names()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, Options, async () =>
        {
            await GetAvailabilityZones.InvokeAsync(new GetAvailabilityZonesArgs { State = "available", ExcludeNames = ["eu-west-1c"] });
        });

        var call = Assert.Single(mocks.Calls);
        Assert.Equal("aws:index/getAvailabilityZones:getAvailabilityZones", call.Token);
        Assert.Equal("available", call.Args["state"]);
        Assert.Equal(new object[] { "eu-west-1c" }, Assert.IsType<ImmutableArray<object>>(call.Args["excludeNames"]));
    }

    [Fact]
    public async Task A_vpc_registers_with_its_type_token_and_wire_names_and_reads_back_typed_outputs()
    {
        var mocks = new RecordingMocks();
        Vpc? vpc = null;
        await Deployment.TestAsync(mocks, Options, () =>
        {
            vpc = new Vpc("main", new VpcArgs { CidrBlock = "10.0.0.0/16", EnableDnsHostnames = true, Tags = { { "Name", "main" } } });
        });

        var sent = mocks.Named("main");
        Assert.Equal("aws:ec2/vpc:Vpc", sent.Type);
        Assert.Equal("10.0.0.0/16", sent.Inputs["cidrBlock"]);
        Assert.Equal(true, sent.Inputs["enableDnsHostnames"]);
        Assert.Equal("main", Assert.IsType<ImmutableDictionary<string, object>>(sent.Inputs["tags"])["Name"]);
        Assert.Equal("10.0.0.0/16", await OutputUtilities.GetValueAsync(vpc!.CidrBlock));
        Assert.True(await OutputUtilities.GetValueAsync(vpc.EnableDnsHostnames));
    }

    [Fact]
    public async Task A_random_string_registers_with_the_random_provider_token()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, Options, () => { _ = new RandomString("suffix", new RandomStringArgs { Length = 8, Special = false }); });

        var sent = mocks.Named("suffix");
        Assert.Equal("random:index/randomString:RandomString", sent.Type);
        Assert.Equal(8.0, sent.Inputs["length"]);
        Assert.Equal(false, sent.Inputs["special"]);
    }

    [Fact]
    public async Task Transit_gateway_resources_register_with_their_type_tokens_and_wire_names()
    {
        var mocks = new RecordingMocks();
        Tgw.VpcAttachment? attachment = null;
        await Deployment.TestAsync(mocks, Options, () =>
        {
            var hub = new Tgw.TransitGateway("hub", new Tgw.TransitGatewayArgs
            {
                AmazonSideAsn = 64512,
                DefaultRouteTableAssociation = "disable",
                DefaultRouteTablePropagation = "disable",
                TransitGatewayCidrBlocks = { "10.99.0.0/24" },
            });
            attachment = new Tgw.VpcAttachment("inspection", new Tgw.VpcAttachmentArgs
            {
                TransitGatewayId = hub.Id,
                VpcId = "vpc-1",
                SubnetIds = { "subnet-a", "subnet-b" },
                ApplianceModeSupport = "enable",
                TransitGatewayDefaultRouteTableAssociation = false,
                TransitGatewayDefaultRouteTablePropagation = false,
            });
            var spokes = new Tgw.RouteTable("spokes", new Tgw.RouteTableArgs { TransitGatewayId = hub.Id });
            _ = new Tgw.Route("default", new Tgw.RouteArgs
            {
                TransitGatewayRouteTableId = spokes.Id,
                DestinationCidrBlock = "0.0.0.0/0",
                TransitGatewayAttachmentId = attachment.Id,
            });
            _ = new Tgw.Route("sink", new Tgw.RouteArgs
            {
                TransitGatewayRouteTableId = spokes.Id,
                DestinationCidrBlock = "192.168.0.0/16",
                Blackhole = true,
            });
            _ = new Tgw.RouteTableAssociation("assoc", new Tgw.RouteTableAssociationArgs
            {
                TransitGatewayAttachmentId = attachment.Id,
                TransitGatewayRouteTableId = spokes.Id,
                ReplaceExistingAssociation = true,
            });
            _ = new Tgw.RouteTablePropagation("prop", new Tgw.RouteTablePropagationArgs
            {
                TransitGatewayAttachmentId = attachment.Id,
                TransitGatewayRouteTableId = spokes.Id,
            });
        });

        var hubSent = mocks.Named("hub");
        Assert.Equal("aws:ec2transitgateway/transitGateway:TransitGateway", hubSent.Type);
        Assert.Equal(64512.0, hubSent.Inputs["amazonSideAsn"]);
        Assert.Equal("disable", hubSent.Inputs["defaultRouteTableAssociation"]);
        Assert.Equal("disable", hubSent.Inputs["defaultRouteTablePropagation"]);
        Assert.Equal(new object[] { "10.99.0.0/24" }, Assert.IsType<ImmutableArray<object>>(hubSent.Inputs["transitGatewayCidrBlocks"]));

        var attachmentSent = mocks.Named("inspection");
        Assert.Equal("aws:ec2transitgateway/vpcAttachment:VpcAttachment", attachmentSent.Type);
        Assert.Equal("hub-id", attachmentSent.Inputs["transitGatewayId"]);
        Assert.Equal("vpc-1", attachmentSent.Inputs["vpcId"]);
        Assert.Equal(new object[] { "subnet-a", "subnet-b" }, Assert.IsType<ImmutableArray<object>>(attachmentSent.Inputs["subnetIds"]));
        Assert.Equal("enable", attachmentSent.Inputs["applianceModeSupport"]);
        Assert.Equal(false, attachmentSent.Inputs["transitGatewayDefaultRouteTableAssociation"]);
        Assert.Equal(false, attachmentSent.Inputs["transitGatewayDefaultRouteTablePropagation"]);
        Assert.Equal("enable", await OutputUtilities.GetValueAsync(attachment!.ApplianceModeSupport));

        var tableSent = mocks.Named("spokes");
        Assert.Equal("aws:ec2transitgateway/routeTable:RouteTable", tableSent.Type);
        Assert.Equal("hub-id", tableSent.Inputs["transitGatewayId"]);

        var routeSent = mocks.Named("default");
        Assert.Equal("aws:ec2transitgateway/route:Route", routeSent.Type);
        Assert.Equal("spokes-id", routeSent.Inputs["transitGatewayRouteTableId"]);
        Assert.Equal("0.0.0.0/0", routeSent.Inputs["destinationCidrBlock"]);
        Assert.Equal("inspection-id", routeSent.Inputs["transitGatewayAttachmentId"]);
        Assert.Equal(true, mocks.Named("sink").Inputs["blackhole"]);

        var associationSent = mocks.Named("assoc");
        Assert.Equal("aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation", associationSent.Type);
        Assert.Equal("inspection-id", associationSent.Inputs["transitGatewayAttachmentId"]);
        Assert.Equal("spokes-id", associationSent.Inputs["transitGatewayRouteTableId"]);
        Assert.Equal(true, associationSent.Inputs["replaceExistingAssociation"]);

        var propagationSent = mocks.Named("prop");
        Assert.Equal("aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation", propagationSent.Type);
        Assert.Equal("inspection-id", propagationSent.Inputs["transitGatewayAttachmentId"]);
        Assert.Equal("spokes-id", propagationSent.Inputs["transitGatewayRouteTableId"]);
    }
}
