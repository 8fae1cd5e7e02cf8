using Infra.Model.Routing;
using Infra.Simulation;
using Pulumi;
using static Infra.Tests.Fidelity.Scene;
using static Infra.Tests.Fidelity.TransitScene;

namespace Infra.Tests.Fidelity;

/// <summary>
/// The strict mocks' Transit Gateway rules: for each rule, a hand-built set of resources that AWS or the provider would
/// refuse, refused with one exact sentence, and the same set with the one value AWS accepts, which passes (so no rule
/// is vacuous or stricter than AWS for the case next to it).
/// </summary>
public class TransitGatewayConstraintsTests
{
    /// <summary>One rule's pair of scenes.</summary>
    /// <param name="Name">What is broken.</param>
    /// <param name="Type">The type token the rule belongs to.</param>
    /// <param name="Act">Registers the scene: with <c>broken</c> true the value AWS refuses, else the one it accepts; the resource under test last.</param>
    /// <param name="Message">The sentence the mocks refuse the broken scene with.</param>
    public sealed record Rule(string Name, string Type, Func<Scene, bool, Task> Act, string Message);

    private const string Ec2Route = AwsTypes.Route;
    private const string Ec2RouteTable = AwsTypes.RouteTable;

    public static readonly IReadOnlyList<Rule> Cases =
    [
        // The transit gateway's options, ASN and CIDR blocks.
        new("default association not enable or disable", Gateway, (s, broken) => s.Hub("hub", ("defaultRouteTableAssociation", broken ? "disabled" : "disable")),
            "AWS would refuse hub (aws:ec2transitgateway/transitGateway:TransitGateway): defaultRouteTableAssociation = disabled: enable or disable (lower case)."),
        new("DNS support in capitals", Gateway, (s, broken) => s.Hub("hub", ("dnsSupport", broken ? "Enable" : "enable")),
            "AWS would refuse hub (aws:ec2transitgateway/transitGateway:TransitGateway): dnsSupport = Enable: enable or disable (lower case)."),
        new("16-bit ASN above the private range", Gateway, (s, broken) => s.Hub("hub", ("amazonSideAsn", broken ? 65535.0 : 65534.0)),
            "AWS would refuse hub (aws:ec2transitgateway/transitGateway:TransitGateway): amazonSideAsn = 65535: a private ASN from 64512 to 65534 or from 4200000000 to 4294967294, the ranges AWS allows for a transit gateway."),
        new("16-bit ASN below the private range", Gateway, (s, broken) => s.Hub("hub", ("amazonSideAsn", broken ? 64511.0 : 64512.0)),
            "AWS would refuse hub (aws:ec2transitgateway/transitGateway:TransitGateway): amazonSideAsn = 64511: a private ASN from 64512 to 65534 or from 4200000000 to 4294967294, the ranges AWS allows for a transit gateway."),
        new("32-bit ASN above the private range", Gateway, (s, broken) => s.Hub("hub", ("amazonSideAsn", broken ? 4294967295.0 : 4294967294.0)),
            "AWS would refuse hub (aws:ec2transitgateway/transitGateway:TransitGateway): amazonSideAsn = 4294967295: a private ASN from 64512 to 65534 or from 4200000000 to 4294967294, the ranges AWS allows for a transit gateway."),
        new("IPv4 CIDR block smaller than /24", Gateway, (s, broken) => s.Hub("hub", ("transitGatewayCidrBlocks", List(broken ? "10.99.0.0/25" : "10.99.0.0/24"))),
            "AWS would refuse hub (aws:ec2transitgateway/transitGateway:TransitGateway): transitGatewayCidrBlocks[0] = 10.99.0.0/25: an IPv4 network address of /24 or larger outside 169.254.0.0/16, or an IPv6 network address of /64 or larger."),
        new("IPv4 CIDR block in 169.254.0.0/16", Gateway, (s, broken) => s.Hub("hub", ("transitGatewayCidrBlocks", List(broken ? "169.254.0.0/24" : "100.64.0.0/24"))),
            "AWS would refuse hub (aws:ec2transitgateway/transitGateway:TransitGateway): transitGatewayCidrBlocks[0] = 169.254.0.0/24: an IPv4 network address of /24 or larger outside 169.254.0.0/16, or an IPv6 network address of /64 or larger."),
        new("IPv6 CIDR block smaller than /64", Gateway, (s, broken) => s.Hub("hub", ("transitGatewayCidrBlocks", List(broken ? "2001:db8::/65" : "2001:db8::/64"))),
            "AWS would refuse hub (aws:ec2transitgateway/transitGateway:TransitGateway): transitGatewayCidrBlocks[0] = 2001:db8::/65: an IPv4 network address of /24 or larger outside 169.254.0.0/16, or an IPv6 network address of /64 or larger."),
        new("six CIDR blocks", Gateway, (s, broken) => s.Hub("hub", ("transitGatewayCidrBlocks",
            List([.. Enumerable.Range(0, broken ? 6 : 5).Select(i => (object)$"10.99.{i}.0/24")]))),
            "AWS would refuse hub (aws:ec2transitgateway/transitGateway:TransitGateway): transitGatewayCidrBlocks = 6 blocks: at most 5 CIDR blocks per transit gateway."),
        new("tag key reserved by AWS", Gateway, (s, broken) => s.Hub("hub", ("tags", In((Key: broken ? "aws:team" : "team", Value: "network")))),
            "AWS would refuse hub (aws:ec2transitgateway/transitGateway:TransitGateway): tags = aws:team: a tag key that does not start with aws: (reserved by AWS)."),

        // VPC attachments.
        new("attachment without a transit gateway", Attachment, async (s, broken) =>
        {
            var vpc = await s.Vpc("spoke", "10.1.0.0/16");
            var inputs = In(("vpcId", vpc.VpcId), ("subnetIds", List([.. vpc.SubnetIds])));
            await s.Add(Attachment, "spoke-attachment", broken ? inputs : inputs.Add("transitGatewayId", await s.Hub()));
        }, "AWS would refuse spoke-attachment (aws:ec2transitgateway/vpcAttachment:VpcAttachment): transitGatewayId = (not set): the transit gateway to attach to (required by the provider's schema)."),
        new("attachment without subnets", Attachment, async (s, broken) =>
        {
            var hub = await s.Hub();
            var vpc = await s.Vpc("spoke", "10.1.0.0/16", zones: 1);
            await s.Attach("spoke-attachment", hub, broken ? vpc with { SubnetIds = [] } : vpc);
        }, "AWS would refuse spoke-attachment (aws:ec2transitgateway/vpcAttachment:VpcAttachment): subnetIds = (not set): at least one subnet of the VPC."),
        new("attachment with two subnets in one zone", Attachment, async (s, broken) =>
        {
            var hub = await s.Hub();
            var vpc = await s.Vpc("spoke", "10.1.0.0/16");
            var second = await s.Add(AwsTypes.Subnet, "spoke-transit-extra", In(("vpcId", vpc.VpcId), ("cidrBlock", "10.1.9.0/28"),
                ("availabilityZone", broken ? "eu-west-1a" : "eu-west-1c")));
            await s.Attach("spoke-attachment", hub, vpc with { SubnetIds = [.. vpc.SubnetIds, second] });
        }, "AWS would refuse spoke-attachment (aws:ec2transitgateway/vpcAttachment:VpcAttachment): subnetIds = subnet-0b5de44f8a908d70b: at most one subnet per availability zone, and spoke-transit-0 and spoke-transit-extra are both in eu-west-1a."),
        new("attachment with a subnet of another VPC", Attachment, async (s, broken) =>
        {
            var hub = await s.Hub();
            var spoke = await s.Vpc("spoke", "10.1.0.0/16", zones: 1);
            var other = await s.Vpc("other", "10.2.0.0/16", zones: 2);
            await s.Attach("spoke-attachment", hub, spoke with { SubnetIds = broken ? [spoke.SubnetIds[0], other.SubnetIds[1]] : spoke.SubnetIds });
        }, "AWS would refuse spoke-attachment (aws:ec2transitgateway/vpcAttachment:VpcAttachment): subnetIds = subnet-0e3b1339df08dde6c: a subnet of the attached VPC vpc-05a91b704eaabf098, and other-transit-1 is in vpc-0e7f11af34a8e065a."),
        new("attachment in a full subnet", Attachment, async (s, broken) =>
        {
            var hub = await s.Hub();
            var vpc = await s.Vpc("spoke", "10.1.0.0/16", zones: 1);
            for (var i = 0; i < (broken ? 11 : 10); i++)
            {
                await s.Add(AwsTypes.NatGateway, $"nat-{i}", In(("subnetId", vpc.SubnetIds[0]), ("connectivityType", "private")));
            }

            await s.Attach("spoke-attachment", hub, vpc);
        }, "AWS would refuse spoke-attachment (aws:ec2transitgateway/vpcAttachment:VpcAttachment): subnetIds = subnet-0fcda25afa6050fd5: a subnet with a free address, and spoke-transit-0 (10.1.0.0/28) has 11 usable addresses (AWS reserves 5), all taken."),
        new("appliance mode on", Attachment, async (s, broken) =>
            await s.Attach("inspection-attachment", await s.Hub(), await s.Vpc("inspection", "10.255.0.0/16"), ("applianceModeSupport", broken ? "on" : "enable")),
            "AWS would refuse inspection-attachment (aws:ec2transitgateway/vpcAttachment:VpcAttachment): applianceModeSupport = on: enable or disable (lower case)."),
        new("second attachment of one VPC to one gateway", Attachment, async (s, broken) =>
        {
            var hub = await s.Hub();
            var vpc = await s.Vpc("spoke", "10.1.0.0/16");
            await s.Attach("spoke-attachment", hub, vpc);
            await s.Attach("spoke-attachment-again", broken ? hub : await s.Hub("other-hub"), vpc);
        }, "AWS would refuse spoke-attachment-again (aws:ec2transitgateway/vpcAttachment:VpcAttachment): vpcId = vpc-05a91b704eaabf098: a VPC not yet attached to transit gateway tgw-06e8dcd374fbbe056, and spoke-attachment already attaches it (one VPC attachment per VPC and transit gateway)."),
        new("a VPC attached to six transit gateways", Attachment, async (s, broken) =>
        {
            var vpc = await s.Vpc("spoke", "10.1.0.0/16");
            for (var i = 0; i < (broken ? 6 : 5); i++)
            {
                await s.Attach($"spoke-attachment-{i}", await s.Hub($"hub-{i}"), vpc);
            }
        }, "AWS would refuse spoke-attachment-5 (aws:ec2transitgateway/vpcAttachment:VpcAttachment): vpcId = vpc-05a91b704eaabf098: a VPC attached to at most 5 transit gateways (Transit Gateway quotas)."),
        new("51 tags on an attachment", Attachment, async (s, broken) =>
            await s.Attach("spoke-attachment", await s.Hub(), await s.Vpc("spoke", "10.1.0.0/16"), ("tags", Tags(broken ? 51 : 50))),
            "AWS would refuse spoke-attachment (aws:ec2transitgateway/vpcAttachment:VpcAttachment): tags = 51 tags: at most 50 tags per resource."),

        new("5,001st attachment of one gateway", Attachment, async (s, broken) =>
        {
            var hub = await s.Hub();
            for (var i = 1; i <= (broken ? 5001 : 5000); i++)
            {
                await s.Add(Attachment, $"attachment-{i}", In(("transitGatewayId", hub), ("vpcId", $"vpc-{i:x17}"), ("subnetIds", List($"subnet-{i:x17}"))));
            }
        }, "AWS would refuse attachment-5001 (aws:ec2transitgateway/vpcAttachment:VpcAttachment): transitGatewayId = tgw-06e8dcd374fbbe056: a transit gateway with fewer than 5,000 attachments (Transit Gateway quotas, not adjustable), and hub has 5,000."),

        // Transit gateway route tables, associations and propagations.
        new("route table without a transit gateway", Table, async (s, broken) =>
            await s.Add(Table, "spoke-rt", broken ? In() : In(("transitGatewayId", await s.Hub()))),
            "AWS would refuse spoke-rt (aws:ec2transitgateway/routeTable:RouteTable): transitGatewayId = (not set): the transit gateway the route table belongs to (required by the provider's schema)."),
        new("association with a route table of another gateway", Association, async (s, broken) =>
        {
            var hub = await s.Hub();
            var attachment = await s.Attach("spoke-attachment", hub, await s.Vpc("spoke", "10.1.0.0/16"));
            var table = await s.RouteTable("spoke-rt", broken ? await s.Hub("other-hub") : hub);
            await s.Associate("spoke-association", attachment, table);
        }, "AWS would refuse spoke-association (aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation): transitGatewayRouteTableId = tgw-rtb-0dde5794599125bba: a route table of the attachment's transit gateway tgw-06e8dcd374fbbe056, and spoke-rt belongs to tgw-0d251684a21a633d9."),
        new("second association of one attachment", Association, async (s, broken) =>
        {
            var hub = await s.Hub();
            var attachment = await s.Attach("spoke-attachment", hub, await s.Vpc("spoke", "10.1.0.0/16"));
            await s.Associate("spoke-association", attachment, await s.RouteTable("spoke-rt", hub));
            await s.Associate("inspection-association", attachment, await s.RouteTable("inspection-rt", hub), ("replaceExistingAssociation", !broken));
        }, "AWS would refuse inspection-association (aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation): transitGatewayAttachmentId = tgw-attach-0aad61e18c92361cf: an attachment not yet associated with a route table (an attachment has exactly one, unless replaceExistingAssociation is true), and spoke-attachment is already associated with spoke-rt."),
        new("association of an attachment already in the default route table", Association, async (s, broken) =>
        {
            var hub = await s.Add(Gateway, "hub");
            var attachment = await s.Attach("spoke-attachment", hub, await s.Vpc("spoke", "10.1.0.0/16"), ("transitGatewayDefaultRouteTableAssociation", broken));
            await s.Associate("spoke-association", attachment, await s.RouteTable("spoke-rt", hub));
        }, "AWS would refuse spoke-association (aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation): transitGatewayAttachmentId = tgw-attach-0aad61e18c92361cf: an attachment not yet associated with a route table (an attachment has exactly one, unless replaceExistingAssociation is true), and spoke-attachment is already associated with the default route table of hub (its transitGatewayDefaultRouteTableAssociation is not false and the gateway's defaultRouteTableAssociation is enable)."),
        new("propagation into a route table of another gateway", Propagation, async (s, broken) =>
        {
            var hub = await s.Hub();
            var attachment = await s.Attach("spoke-attachment", hub, await s.Vpc("spoke", "10.1.0.0/16"));
            await s.Propagate("spoke-propagation", attachment, await s.RouteTable("inspection-rt", broken ? await s.Hub("other-hub") : hub));
        }, "AWS would refuse spoke-propagation (aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation): transitGatewayRouteTableId = tgw-rtb-09a21cb289d7987fa: a route table of the attachment's transit gateway tgw-06e8dcd374fbbe056, and inspection-rt belongs to tgw-0d251684a21a633d9."),

        // Static routes of a transit gateway route table.
        new("route destination with host bits", TgwRoute, async (s, broken) =>
            await s.Route("blackhole-route", await s.RouteTable("spoke-rt", await s.Hub()), broken ? "10.1.0.1/16" : "10.1.0.0/16", ("blackhole", true)),
            "AWS would refuse blackhole-route (aws:ec2transitgateway/route:Route): destinationCidrBlock = 10.1.0.1/16: an IPv4 or IPv6 CIDR block given by its network address (host bits zero)."),
        new("route destination that is an address", TgwRoute, async (s, broken) =>
            await s.Route("blackhole-route", await s.RouteTable("spoke-rt", await s.Hub()), broken ? "2001:db8::1" : "2001:db8::/32", ("blackhole", true)),
            "AWS would refuse blackhole-route (aws:ec2transitgateway/route:Route): destinationCidrBlock = 2001:db8::1: an IPv4 or IPv6 CIDR block given by its network address (host bits zero)."),
        new("route with neither attachment nor blackhole", TgwRoute, async (s, broken) =>
            await s.Route("drop-route", await s.RouteTable("spoke-rt", await s.Hub()), "10.9.0.0/16", ("blackhole", !broken)),
            "AWS would refuse drop-route (aws:ec2transitgateway/route:Route): transitGatewayAttachmentId = (not set): the attachment the route sends traffic to, or blackhole = true."),
        new("route to an attachment of another gateway", TgwRoute, async (s, broken) =>
        {
            var hub = await s.Hub();
            var attachment = await s.Attach("inspection-attachment", broken ? await s.Hub("other-hub") : hub, await s.Vpc("inspection", "10.255.0.0/16"));
            await s.Route("default-route", await s.RouteTable("spoke-rt", hub), "0.0.0.0/0", ("transitGatewayAttachmentId", attachment));
        }, "AWS would refuse default-route (aws:ec2transitgateway/route:Route): transitGatewayAttachmentId = tgw-attach-0dfcf23ed5e46bbc3: an attachment of the route table's transit gateway tgw-06e8dcd374fbbe056, and inspection-attachment attaches to tgw-0d251684a21a633d9."),

        new("10,001st route of one gateway", TgwRoute, async (s, broken) =>
        {
            var hub = await s.Hub();
            var spokeTable = await s.RouteTable("spoke-rt", hub);
            var inspectionTable = await s.RouteTable("inspection-rt", hub);
            for (var i = 0; i < (broken ? 10001 : 10000); i++)
            {
                await s.Route($"route-{i}", i % 2 == 0 ? spokeTable : inspectionTable, $"10.{i / 256}.{i % 256}.0/24", ("blackhole", true));
            }
        }, "AWS would refuse route-10000 (aws:ec2transitgateway/route:Route): transitGatewayRouteTableId = tgw-rtb-0dde5794599125bba: a transit gateway with fewer than 10,000 routes across its route tables (Transit Gateway quotas, the default, adjustable), and hub has 10,000."),

        // VPC routes to a transit gateway.
        new("VPC route to a gateway the VPC is not attached to", Ec2Route, async (s, broken) =>
        {
            var hub = await s.Hub();
            var vpc = await s.Vpc("spoke", "10.1.0.0/16");
            var table = await s.Add(Ec2RouteTable, "spoke-private-rt", In(("vpcId", vpc.VpcId)));
            if (!broken)
            {
                await s.Attach("spoke-attachment", hub, vpc);
            }

            await s.Add(Ec2Route, "spoke-default", In(("routeTableId", table), ("destinationCidrBlock", "0.0.0.0/0"), ("transitGatewayId", hub)));
        }, "AWS would refuse spoke-default (aws:ec2/route:Route): transitGatewayId = tgw-06e8dcd374fbbe056: a transit gateway the route table's VPC vpc-05a91b704eaabf098 is attached to, and no attachment of it to tgw-06e8dcd374fbbe056 exists yet (the route must depend on the attachment)."),
        new("inline VPC route to a gateway the VPC is not attached to", Ec2RouteTable, async (s, broken) =>
        {
            var hub = await s.Hub();
            var vpc = await s.Vpc("spoke", "10.1.0.0/16");
            if (!broken)
            {
                await s.Attach("spoke-attachment", hub, vpc);
            }

            await s.Add(Ec2RouteTable, "spoke-private-rt", TableWithRoute(vpc.VpcId, ("destinationCidrBlock", "0.0.0.0/0"), ("transitGatewayId", hub)));
        }, "AWS would refuse spoke-private-rt (aws:ec2/routeTable:RouteTable): routes[0].transitGatewayId = tgw-06e8dcd374fbbe056: a transit gateway the route table's VPC vpc-05a91b704eaabf098 is attached to, and no attachment of it to tgw-06e8dcd374fbbe056 exists yet (the route must depend on the attachment)."),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task AWS_would_refuse_the_broken_scene_with_one_sentence(string name)
    {
        var rule = Cases.Single(c => c.Name == name);
        var scene = new Scene(new AwsMocks());

        var error = await Assert.ThrowsAsync<RunException>(() => rule.Act(scene, true));

        Assert.Equal(rule.Message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_same_scene_with_the_value_AWS_accepts_passes(string name)
    {
        var rule = Cases.Single(c => c.Name == name);
        var scene = new Scene(new AwsMocks());

        await rule.Act(scene, false);

        Assert.Equal(rule.Type, scene.Mocks.Records[^1].Type);
    }
}

/// <summary>The mocks answer Transit Gateway resources as AWS and the provider do: ids, ARNs, defaults, computed attributes.</summary>
public class TransitGatewayAnswersTests
{
    [Theory]
    [InlineData("eu-west-1", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    public async Task A_transit_gateway_left_at_its_defaults_is_answered_as_AWS_creates_it(string region, string partition)
    {
        var scene = new Scene(new AwsMocks(region));

        var hub = await scene.Outputs(Gateway, "hub");

        var id = scene.Mocks.Records[^1].Id;
        Assert.Matches("^tgw-[0-9a-f]{17}$", id);
        Assert.Equal($"arn:{partition}:ec2:{region}:{AwsMocks.AccountId}:transit-gateway/{id}", hub["arn"]);
        Assert.Equal(64512.0, hub["amazonSideAsn"]);
        Assert.Equal(AwsMocks.AccountId, hub["ownerId"]);
        Assert.Equal(
            ["disable", "enable", "enable", "enable", "disable", "enable", "disable"],
            new[] { "autoAcceptSharedAttachments", "defaultRouteTableAssociation", "defaultRouteTablePropagation", "dnsSupport", "multicastSupport", "vpnEcmpSupport", "securityGroupReferencingSupport" }
                .Select(field => (string)hub[field]));
        Assert.Matches("^tgw-rtb-[0-9a-f]{17}$", (string)hub["associationDefaultRouteTableId"]);
        Assert.Equal(hub["associationDefaultRouteTableId"], hub["propagationDefaultRouteTableId"]);
    }

    [Fact]
    public async Task A_transit_gateway_with_default_association_and_propagation_off_has_no_default_route_table()
    {
        var scene = new Scene(new AwsMocks());

        var hub = await scene.Outputs(Gateway, "hub", In(("defaultRouteTableAssociation", "disable"), ("defaultRouteTablePropagation", "disable"), ("amazonSideAsn", 4200000000.0)));

        Assert.Equal("", hub["associationDefaultRouteTableId"]);
        Assert.Equal("", hub["propagationDefaultRouteTableId"]);
        Assert.Equal(4200000000.0, hub["amazonSideAsn"]);
    }

    [Fact]
    public async Task A_transit_gateway_with_only_propagation_on_names_its_default_table_for_propagation_only()
    {
        var scene = new Scene(new AwsMocks());

        var hub = await scene.Outputs(Gateway, "hub", In(("defaultRouteTableAssociation", "disable")));

        Assert.Equal("", hub["associationDefaultRouteTableId"]);
        Assert.Matches("^tgw-rtb-[0-9a-f]{17}$", (string)hub["propagationDefaultRouteTableId"]);
    }

    [Fact]
    public async Task Attachments_tables_associations_propagations_and_routes_get_the_providers_ids_and_defaults()
    {
        var scene = new Scene(new AwsMocks());
        var hubId = await scene.Hub();
        var vpc = await scene.Vpc("spoke", "10.1.0.0/16");

        var attachment = await scene.Outputs(Attachment, "spoke-attachment", In(("transitGatewayId", hubId), ("vpcId", vpc.VpcId), ("subnetIds", List([.. vpc.SubnetIds]))));
        var attachmentId = scene.Mocks.Records[^1].Id;
        var table = await scene.Outputs(Table, "spoke-rt", In(("transitGatewayId", hubId)));
        var tableId = scene.Mocks.Records[^1].Id;
        var association = await scene.Outputs(Association, "spoke-association", In(("transitGatewayAttachmentId", attachmentId), ("transitGatewayRouteTableId", tableId)));
        var associationId = scene.Mocks.Records[^1].Id;
        await scene.Propagate("spoke-propagation", attachmentId, tableId);
        var propagationId = scene.Mocks.Records[^1].Id;
        var route = await scene.Outputs(TgwRoute, "spoke-default", In(("transitGatewayRouteTableId", tableId), ("destinationCidrBlock", "0.0.0.0/0"), ("transitGatewayAttachmentId", attachmentId)));
        var routeId = scene.Mocks.Records[^1].Id;

        Assert.Matches("^tgw-attach-[0-9a-f]{17}$", attachmentId);
        Assert.Equal($"arn:aws:ec2:eu-west-1:{AwsMocks.AccountId}:transit-gateway-attachment/{attachmentId}", attachment["arn"]);
        Assert.Equal(["disable", "enable", "disable", "disable"], new[] { "applianceModeSupport", "dnsSupport", "ipv6Support", "securityGroupReferencingSupport" }.Select(f => (string)attachment[f]));
        Assert.Equal(true, attachment["transitGatewayDefaultRouteTableAssociation"]);
        Assert.Equal(AwsMocks.AccountId, attachment["vpcOwnerId"]);
        Assert.Matches("^tgw-rtb-[0-9a-f]{17}$", tableId);
        Assert.Equal($"arn:aws:ec2:eu-west-1:{AwsMocks.AccountId}:transit-gateway-route-table/{tableId}", table["arn"]);
        Assert.Equal(false, table["defaultAssociationRouteTable"]);
        Assert.Equal($"{tableId}_{attachmentId}", associationId);
        Assert.Equal(vpc.VpcId, association["resourceId"]);
        Assert.Equal("vpc", association["resourceType"]);
        Assert.Equal(false, association["replaceExistingAssociation"]);
        Assert.Equal($"{tableId}_{attachmentId}", propagationId);
        Assert.Equal($"{tableId}_0.0.0.0/0", routeId);
        Assert.Equal(false, route["blackhole"]);
        Assert.False(route.ContainsKey("arn"));
    }
}
