using Infra.Model.Routing;
using static Infra.Model.Tests.Routing.Aws;

namespace Infra.Model.Tests.Routing;

public class TransitGatewayRoutingTests
{
    /// <summary>Two VPCs (10.1/16 with a secondary 10.201/16, and 10.2/16), each attached in two AZs.</summary>
    private static List<ResourceRecord> TwoVpcs(string defaults = "disable", bool useDefaults = false) =>
    [
        TransitGateway("hub", defaults, defaults),
        Vpc("a", "10.1.0.0/16"),
        Record(AwsTypes.VpcIpv4CidrBlockAssociation, "a-secondary", ("vpcId", Id("a")), ("cidrBlock", "10.201.0.0/16")),
        Subnet("a-tgw-0", "a", "10.1.0.0/28", "transit", "us-east-1a"),
        Subnet("a-tgw-1", "a", "10.1.1.0/28", "transit", "us-east-1b"),
        Vpc("b", "10.2.0.0/16"),
        Subnet("b-tgw-0", "b", "10.2.0.0/28", "transit", "us-east-1a"),
        Subnet("b-tgw-1", "b", "10.2.1.0/28", "transit", "us-east-1b"),
        VpcAttachment("a-attachment", "hub", "a", ["a-tgw-0", "a-tgw-1"], useDefaults: useDefaults),
        VpcAttachment("b-attachment", "hub", "b", ["b-tgw-0", "b-tgw-1"], applianceMode: true, useDefaults: useDefaults),
    ];

    [Fact]
    public void Propagations_add_every_block_of_the_attached_vpc_and_associations_pick_the_table()
    {
        var model = RoutingModel.Build(
        [
            .. TwoVpcs(),
            TgwRouteTable("rt", "hub"),
            TgwAssociation("a-assoc", "a-attachment", "rt"),
            TgwPropagation("a-prop", "a-attachment", "rt"),
            TgwPropagation("b-prop", "b-attachment", "rt"),
        ]);

        Assert.Equal(
            [
                TransitRoute.Propagated("10.1.0.0/16", Id("a-attachment")),
                TransitRoute.Propagated("10.2.0.0/16", Id("b-attachment")),
                TransitRoute.Propagated("10.201.0.0/16", Id("a-attachment")),
            ],
            model.Transit.RoutesOfTable("rt"));
        Assert.Equal("rt", model.Transit.AssociatedRouteTable("a-attachment")?.Name);
        Assert.Null(model.Transit.AssociatedRouteTable("b-attachment"));
        Assert.Equal([Id("a-attachment"), Id("b-attachment")], model.Transit.PropagationsInto("rt"));
        Assert.True(model.Transit.Attachment("b-attachment").ApplianceMode);
        Assert.False(model.Transit.Attachment("a-attachment").ApplianceMode);
        Assert.Equal(["us-east-1a", "us-east-1b"], model.Transit.ZonesOf(model.Transit.Attachment("a-attachment")));
        Assert.Empty(model.Problems);
    }

    [Fact]
    public void A_static_route_beats_the_propagated_route_for_the_same_prefix_and_the_longest_prefix_wins()
    {
        var model = RoutingModel.Build(
        [
            .. TwoVpcs(),
            TgwRouteTable("rt", "hub"),
            TgwPropagation("a-prop", "a-attachment", "rt"),
            TgwRoute("a-override", "rt", "10.1.0.0/16", "b-attachment"),
            TgwRoute("default", "rt", "0.0.0.0/0", "b-attachment"),
            TgwBlackhole("sink", "rt", "10.1.128.0/17"),
        ]);

        Assert.Equal(
            [
                TransitRoute.Static("0.0.0.0/0", Id("b-attachment")),
                TransitRoute.Static("10.1.0.0/16", Id("b-attachment")),
                TransitRoute.Blackhole("10.1.128.0/17"),
                TransitRoute.Propagated("10.201.0.0/16", Id("a-attachment")),
            ],
            model.Transit.RoutesOfTable("rt"));
        Assert.Equal(TransitRoute.Static("10.1.0.0/16", Id("b-attachment")), model.Transit.Lookup("rt", "10.1.2.3"));
        Assert.True(model.Transit.Lookup("rt", "10.1.200.1")!.IsBlackhole);
        Assert.Equal(TransitRoute.Propagated("10.201.0.0/16", Id("a-attachment")), model.Transit.Lookup("rt", "10.201.0.9"));
        Assert.Equal(TransitRoute.Static("0.0.0.0/0", Id("b-attachment")), model.Transit.Lookup("rt", "8.8.8.8"));
        Assert.Empty(model.Problems);
    }

    [Fact]
    public void A_blackhole_that_also_names_an_attachment_drops_traffic_as_AWS_does()
    {
        var model = RoutingModel.Build(
        [
            .. TwoVpcs(),
            TgwRouteTable("rt", "hub"),
            Record(
                AwsTypes.TransitGatewayRoute, "sink", ("transitGatewayRouteTableId", Id("rt")), ("destinationCidrBlock", "10.1.0.0/16"),
                ("transitGatewayAttachmentId", Id("a-attachment")), ("blackhole", true)),
        ]);

        Assert.Equal([TransitRoute.Blackhole("10.1.0.0/16")], model.Transit.RoutesOfTable("rt"));
        Assert.Empty(model.Problems);
    }

    [Fact]
    public void A_route_without_attachment_or_blackhole_is_a_problem()
    {
        var model = RoutingModel.Build(
        [
            .. TwoVpcs(),
            TgwRouteTable("rt", "hub"),
            Record(AwsTypes.TransitGatewayRoute, "nowhere", ("transitGatewayRouteTableId", Id("rt")), ("destinationCidrBlock", "10.1.0.0/16")),
        ]);

        Assert.Empty(model.Transit.RoutesOfTable("rt"));
        Assert.Equal(["Route nowhere needs a transitGatewayAttachmentId unless it is a blackhole."], model.Problems);
    }

    [Fact]
    public void Default_association_and_propagation_put_every_attachment_into_the_gateways_default_table()
    {
        var model = RoutingModel.Build(TwoVpcs(defaults: "enable", useDefaults: true));

        var table = model.Transit.DefaultRouteTableOf("hub");
        Assert.NotNull(table);
        Assert.True(table.IsDefault);
        Assert.Equal(table, model.Transit.AssociatedRouteTable("a-attachment"));
        Assert.Equal(table, model.Transit.AssociatedRouteTable("b-attachment"));
        Assert.Equal(
            [
                TransitRoute.Propagated("10.1.0.0/16", Id("a-attachment")),
                TransitRoute.Propagated("10.2.0.0/16", Id("b-attachment")),
                TransitRoute.Propagated("10.201.0.0/16", Id("a-attachment")),
            ],
            model.Transit.RoutesOfTable(table.Id));
        Assert.Empty(model.Problems);
    }

    [Fact]
    public void Unset_gateway_and_attachment_options_take_the_aws_defaults()
    {
        var model = RoutingModel.Build(
        [
            Record(AwsTypes.TransitGateway, "hub"),
            Vpc("a", "10.1.0.0/16"),
            Subnet("a-tgw-0", "a", "10.1.0.0/28", "transit"),
            Record(AwsTypes.TransitGatewayVpcAttachment, "a-attachment", ("transitGatewayId", Id("hub")), ("vpcId", Id("a")), ("subnetIds", List(Id("a-tgw-0")))),
        ]);

        var hub = model.Transit.TransitGateway("hub");
        Assert.True(hub.DefaultRouteTableAssociation && hub.DefaultRouteTablePropagation);
        var attachment = model.Transit.Attachment("a-attachment");
        Assert.Equal((false, true, true), (attachment.ApplianceMode, attachment.UsesDefaultAssociation, attachment.UsesDefaultPropagation));
        Assert.True(model.Transit.AssociatedRouteTable("a-attachment")!.IsDefault);
    }

    [Fact]
    public void Attachments_that_opt_out_of_the_defaults_are_neither_associated_nor_propagated()
    {
        var model = RoutingModel.Build(TwoVpcs(defaults: "enable", useDefaults: false));

        Assert.Null(model.Transit.AssociatedRouteTable("a-attachment"));
        Assert.Empty(model.Transit.RoutesOfTable(model.Transit.DefaultRouteTableOf("hub")!.Id));
    }

    [Fact]
    public void An_explicit_association_on_top_of_the_default_one_is_a_problem_unless_it_replaces_it()
    {
        var refused = RoutingModel.Build([.. TwoVpcs("enable", useDefaults: true), TgwRouteTable("rt", "hub"), TgwAssociation("a-assoc", "a-attachment", "rt")]);
        var replacing = RoutingModel.Build([.. TwoVpcs("enable", useDefaults: true), TgwRouteTable("rt", "hub"), TgwAssociation("a-assoc", "a-attachment", "rt", replaceExisting: true)]);

        Assert.Contains(refused.Problems, p => p.Contains("replaceExistingAssociation", StringComparison.Ordinal));
        Assert.Equal("rt", replacing.Transit.AssociatedRouteTable("a-attachment")?.Name);
        Assert.Empty(replacing.Problems);
    }

    [Fact]
    public void An_attachment_has_exactly_one_route_table()
    {
        var model = RoutingModel.Build(
        [
            .. TwoVpcs(),
            TgwRouteTable("rt1", "hub"),
            TgwRouteTable("rt2", "hub"),
            TgwAssociation("a-assoc1", "a-attachment", "rt1"),
            TgwAssociation("a-assoc2", "a-attachment", "rt2"),
        ]);

        Assert.Equal("rt1", model.Transit.AssociatedRouteTable("a-attachment")?.Name);
        Assert.Contains(model.Problems, p => p.Contains("associated with two transit gateway route tables", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_attachment_subnets_in_one_zone_and_dangling_references_are_problems()
    {
        var model = RoutingModel.Build(
        [
            TransitGateway("hub"),
            Vpc("a", "10.1.0.0/16"),
            Subnet("a-tgw-0", "a", "10.1.0.0/28", "transit", "us-east-1a"),
            Subnet("a-tgw-1", "a", "10.1.1.0/28", "transit", "us-east-1a"),
            VpcAttachment("a-attachment", "hub", "a", ["a-tgw-0", "a-tgw-1"]),
            TgwRouteTable("rt", "hub"),
            TgwRoute("to-nowhere", "rt", "10.9.0.0/16", "missing-attachment"),
            TgwPropagation("ghost", "missing-attachment", "rt"),
        ]);

        Assert.Contains(model.Problems, p => p.Contains("2 subnets in us-east-1a", StringComparison.Ordinal));
        Assert.Contains(model.Problems, p => p.Contains("Route to-nowhere targets attachment", StringComparison.Ordinal));
        Assert.Contains(model.Problems, p => p.Contains("RouteTablePropagation ghost refers to attachment", StringComparison.Ordinal));
    }

    [Fact]
    public void Identical_blocks_propagated_from_two_attachments_are_a_problem()
    {
        var model = RoutingModel.Build(
        [
            .. TwoVpcs(),
            Vpc("c", "10.2.0.0/16"),
            Subnet("c-tgw-0", "c", "10.2.0.0/28", "transit", "us-east-1a"),
            VpcAttachment("c-attachment", "hub", "c", ["c-tgw-0"]),
            TgwRouteTable("rt", "hub"),
            TgwPropagation("b-prop", "b-attachment", "rt"),
            TgwPropagation("c-prop", "c-attachment", "rt"),
        ]);

        Assert.Single(model.Transit.RoutesOfTable("rt"));
        Assert.Contains(model.Problems, p => p.Contains("10.2.0.0/16 propagated from both", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vpc_route_to_a_declared_transit_gateway_targets_it_by_name()
    {
        var model = RoutingModel.Build(
        [
            .. TwoVpcs(),
            Subnet("a-workload", "a", "10.1.10.0/24", "private", "us-east-1a"),
            RouteTable("a-rt", "a", InlineRoute("0.0.0.0/0", "transitGatewayId", Id("hub"))),
            Association("a-rta", "a-rt", "a-workload"),
        ]);

        var route = model.Lookup("a-workload", "10.2.0.9");
        Assert.Equal(new Target(TargetKind.TransitGateway, Id("hub")), route?.Target);
        Assert.Equal("hub", route?.Target.ResourceName);
    }
}
