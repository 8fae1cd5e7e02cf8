using Infra.Model.Routing;
using static Infra.Model.Tests.Routing.Aws;

namespace Infra.Model.Tests.Routing;

public class RoutingModelTests
{
    private static readonly Route WorkloadLocal = new(Destination.Cidr("10.0.0.0/16"), Target.Local);

    private static ResourceRecord[] PrivateSubnetWithTable(params ResourceRecord[] more) =>
    [
        Vpc("workload", "10.0.0.0/16"),
        Subnet("private-0", "workload", "10.0.0.0/20", "private"),
        Association("private-0-rta", "private-rt", "private-0"),
        .. more,
    ];

    [Fact]
    public void Table_without_routes_gives_only_the_local_route()
    {
        var model = RoutingModel.Build(PrivateSubnetWithTable(RouteTable("private-rt", "workload")));

        Assert.Equal([WorkloadLocal], model.EffectiveRoutes("private-0"));
        Assert.Empty(model.Problems);
    }

    [Fact]
    public void Inline_routes_and_route_resources_give_the_same_table()
    {
        var inline = RoutingModel.Build(PrivateSubnetWithTable(
            InternetGateway("igw", "workload"),
            RouteTable("private-rt", "workload", InlineRoute("0.0.0.0/0", "gatewayId", Id("igw")), InlineRoute("172.16.0.0/12", "transitGatewayId", "tgw-1"))));
        var separate = RoutingModel.Build(PrivateSubnetWithTable(
            InternetGateway("igw", "workload"),
            RouteTable("private-rt", "workload"),
            Route("private-default", Id("private-rt"), "0.0.0.0/0", "gatewayId", Id("igw")),
            Route("private-corp", Id("private-rt"), "172.16.0.0/12", "transitGatewayId", "tgw-1")));

        Route[] expected =
        [
            WorkloadLocal,
            new(Destination.Cidr("0.0.0.0/0"), Target.InternetGateway(Id("igw"))),
            new(Destination.Cidr("172.16.0.0/12"), Target.TransitGateway("tgw-1")),
        ];
        Assert.Equal(expected, inline.EffectiveRoutes("private-0"));
        Assert.Equal(expected, separate.EffectiveRoutes("private-0"));
        Assert.Empty(inline.Problems);
        Assert.Empty(separate.Problems);
    }

    [Fact]
    public void Gateway_endpoint_by_route_table_ids_or_by_association_gives_the_same_table()
    {
        var byIds = RoutingModel.Build(PrivateSubnetWithTable(
            RouteTable("private-rt", "workload"), GatewayEndpoint("s3", "workload", S3, Id("private-rt"))));
        var byAssociation = RoutingModel.Build(PrivateSubnetWithTable(
            RouteTable("private-rt", "workload"), GatewayEndpoint("s3", "workload", S3), EndpointAssociation("s3-private", "s3", Id("private-rt"))));

        Route[] expected = [WorkloadLocal, new(Destination.PrefixList("pl:" + S3), Target.GatewayEndpoint(Id("s3")))];
        Assert.Equal(expected, byIds.EffectiveRoutes("private-0"));
        Assert.Equal(expected, byAssociation.EffectiveRoutes("private-0"));
        Assert.Equal([Id("private-rt")], byIds.GatewayEndpointAttachments[Id("s3")]);
        Assert.Equal([Id("private-rt")], byAssociation.GatewayEndpointAttachments[Id("s3")]);
    }

    [Fact]
    public void Gateway_endpoint_attached_both_ways_adds_its_route_once()
    {
        var model = RoutingModel.Build(PrivateSubnetWithTable(
            RouteTable("private-rt", "workload"),
            RouteTable("other-rt", "workload"),
            GatewayEndpoint("s3", "workload", S3, Id("private-rt")),
            EndpointAssociation("s3-private", "s3", Id("private-rt")),
            EndpointAssociation("s3-other", "s3", Id("other-rt"))));

        Assert.Equal(2, model.EffectiveRoutes("private-0").Count);
        Assert.Equal([Id("other-rt"), Id("private-rt")], model.GatewayEndpointAttachments[Id("s3")]);
        Assert.Empty(model.Problems);
    }

    [Fact]
    public void Unassociated_subnet_falls_back_to_the_vpc_main_table_with_only_the_local_route()
    {
        var model = RoutingModel.Build(
        [
            Vpc("workload", "10.0.0.0/16"),
            Subnet("forgotten", "workload", "10.0.64.0/24", "private"),
            InternetGateway("igw", "workload"),
            RouteTable("public-rt", "workload", InlineRoute("0.0.0.0/0", "gatewayId", Id("igw"))),
        ]);

        Assert.Equal([WorkloadLocal], model.EffectiveRoutes("forgotten"));
        var table = model.RouteTableOf("forgotten");
        Assert.Equal((RouteTableKind.ImplicitMain, true, "main:" + Id("workload")), (table.Kind, table.IsMain, table.Id));
    }

    [Fact]
    public void Main_route_table_association_changes_the_table_of_unassociated_subnets()
    {
        var model = RoutingModel.Build(
        [
            Vpc("workload", "10.0.0.0/16"),
            Subnet("forgotten", "workload", "10.0.64.0/24", "private"),
            InternetGateway("igw", "workload"),
            RouteTable("public-rt", "workload", InlineRoute("0.0.0.0/0", "gatewayId", Id("igw"))),
            Record(AwsTypes.MainRouteTableAssociation, "main", ("vpcId", Id("workload")), ("routeTableId", Id("public-rt"))),
        ]);

        Assert.Equal("public-rt", model.RouteTableOf("forgotten").Name);
        Assert.Equal([WorkloadLocal, new(Destination.Cidr("0.0.0.0/0"), Target.InternetGateway(Id("igw")))], model.EffectiveRoutes("forgotten"));
        Assert.True(model.MainRouteTableOf("workload").IsMain);
    }

    [Fact]
    public void Default_route_table_routes_apply_to_unassociated_subnets()
    {
        var model = RoutingModel.Build(
        [
            Vpc("workload", "10.0.0.0/16", defaultRouteTableId: "rtb-default"),
            Vpc("other", "10.9.0.0/16", defaultRouteTableId: "rtb-other"),
            Subnet("forgotten", "workload", "10.0.64.0/24", "private"),
            Record(
                AwsTypes.DefaultRouteTable, "workload-default", ("defaultRouteTableId", "rtb-default"),
                ("routes", List(InlineRoute("192.168.0.0/16", "vpcPeeringConnectionId", "pcx-1")))),
        ]);

        Assert.Equal(
            [WorkloadLocal, new(Destination.Cidr("192.168.0.0/16"), Target.PeeringConnection("pcx-1"))],
            model.EffectiveRoutes("forgotten"));
        var table = model.RouteTableOf("forgotten");
        Assert.Equal((RouteTableKind.Default, "rtb-default", "workload-default"), (table.Kind, table.Id, table.Name));
        Assert.Contains(Id("workload-default"), table.Aliases);
        Assert.Empty(model.Problems);
    }

    [Fact]
    public void Default_route_table_of_the_only_vpc_needs_no_outputs()
    {
        var model = RoutingModel.Build(
        [
            Vpc("workload", "10.0.0.0/16"),
            Subnet("forgotten", "workload", "10.0.64.0/24", "private"),
            Record(AwsTypes.DefaultRouteTable, "workload-default", ("defaultRouteTableId", "rtb-x")),
        ]);

        Assert.Equal(RouteTableKind.Default, model.RouteTableOf("forgotten").Kind);
        Assert.Equal([WorkloadLocal], model.EffectiveRoutes("forgotten"));
    }

    [Fact]
    public void Default_route_table_that_cannot_be_tied_to_one_of_two_vpcs_is_reported()
    {
        var model = RoutingModel.Build(
        [
            Vpc("workload", "10.0.0.0/16"),
            Vpc("other", "10.9.0.0/16"),
            Record(AwsTypes.DefaultRouteTable, "workload-default", ("defaultRouteTableId", "rtb-x")),
        ]);

        Assert.Contains(model.Problems, p => p.StartsWith("DefaultRouteTable workload-default cannot be tied to a VPC", StringComparison.Ordinal));
    }

    [Fact]
    public void Route_resources_on_the_vpc_default_table_id_reach_unassociated_subnets()
    {
        var model = RoutingModel.Build(
        [
            Vpc("workload", "10.0.0.0/16", defaultRouteTableId: "rtb-default"),
            Subnet("forgotten", "workload", "10.0.64.0/24", "private"),
            Route("to-tgw", "rtb-default", "0.0.0.0/0", "transitGatewayId", "tgw-1"),
        ]);

        Assert.Equal([WorkloadLocal, new(Destination.Cidr("0.0.0.0/0"), Target.TransitGateway("tgw-1"))], model.EffectiveRoutes("forgotten"));
        Assert.Empty(model.Problems);
    }

    [Fact]
    public void Edge_association_gives_the_internet_gateway_its_table_with_the_local_route()
    {
        var model = RoutingModel.Build(
        [
            Vpc("workload", "10.0.0.0/16"),
            Subnet("endpoint-0", "workload", "10.0.42.0/28", "endpoint"),
            InternetGateway("igw", "workload"),
            GwlbEndpoint("gwlbe-0", "workload", "endpoint-0"),
            RouteTable("ingress-rt", "workload", InlineRoute("10.0.32.0/22", "vpcEndpointId", Id("gwlbe-0"))),
            EdgeAssociation("ingress-edge", "ingress-rt", "igw"),
        ]);

        Route[] expected = [WorkloadLocal, new(Destination.Cidr("10.0.32.0/22"), Target.GatewayLoadBalancerEndpoint(Id("gwlbe-0")))];
        Assert.Equal(expected, model.EdgeRoutes(Id("igw")));
        Assert.Equal(expected, model.EdgeRoutes("igw"));
        Assert.Equal("ingress-rt", model.EdgeRouteTableOf("igw")?.Name);
        Assert.Empty(model.Problems);
    }

    [Fact]
    public void Internet_gateway_without_edge_association_has_no_edge_routes()
    {
        var model = RoutingModel.Build([Vpc("workload", "10.0.0.0/16"), InternetGateway("igw", "workload")]);

        Assert.Empty(model.EdgeRoutes(Id("igw")));
        Assert.Null(model.EdgeRouteTableOf(Id("igw")));
    }

    [Fact]
    public void Route_to_a_gwlb_endpoint_has_the_gwlb_endpoint_target_kind_and_name()
    {
        var model = RoutingModel.Build(PrivateSubnetWithTable(
            Subnet("endpoint-0", "workload", "10.0.42.0/28", "endpoint"),
            GwlbEndpoint("gwlbe-0", "workload", "endpoint-0"),
            RouteTable("private-rt", "workload", InlineRoute("0.0.0.0/0", "vpcEndpointId", Id("gwlbe-0")))));

        var target = model.EffectiveRoutes("private-0")[1].Target;

        Assert.Equal(TargetKind.GatewayLoadBalancerEndpoint, target.Kind);
        Assert.Equal(Id("gwlbe-0"), target.Id);
        Assert.Equal("gwlbe-0", target.ResourceName);
    }

    [Fact]
    public void Route_by_vpc_endpoint_id_to_an_endpoint_not_among_the_resources_is_taken_for_a_gwlb_endpoint()
    {
        var model = RoutingModel.Build(PrivateSubnetWithTable(
            RouteTable("private-rt", "workload", InlineRoute("0.0.0.0/0", "vpcEndpointId", "vpce-elsewhere"))));

        Assert.Equal(Target.GatewayLoadBalancerEndpoint("vpce-elsewhere"), model.EffectiveRoutes("private-0")[1].Target);
    }

    [Fact]
    public void Route_to_a_nat_gateway_has_the_nat_target_kind()
    {
        var model = RoutingModel.Build(PrivateSubnetWithTable(
            Subnet("public-0", "workload", "10.0.32.0/24", "public", mapPublicIp: true),
            NatGateway("nat-0", "public-0"),
            RouteTable("private-rt", "workload", InlineRoute("0.0.0.0/0", "natGatewayId", Id("nat-0")))));

        var route = model.EffectiveRoutes("private-0")[1];

        Assert.Equal(new Route(Destination.Cidr("0.0.0.0/0"), Target.NatGateway(Id("nat-0"))), route);
        Assert.Equal("nat-0", route.Target.ResourceName);
        Assert.Equal(new NatGatewayInfo(Id("nat-0"), "nat-0", Id("public-0"), "public"), Assert.Single(model.NatGateways));
    }

    [Theory]
    [InlineData(S3)]
    [InlineData("s3")]
    public void Known_prefix_list_id_replaces_the_symbolic_destination(string key)
    {
        var prefixLists = new Dictionary<string, string> { [key] = "pl-63a5400a" };

        var model = RoutingModel.Build(
            PrivateSubnetWithTable(RouteTable("private-rt", "workload"), GatewayEndpoint("s3", "workload", S3, Id("private-rt"))),
            prefixLists);

        var destination = model.EffectiveRoutes("private-0")[1].Destination;
        Assert.Equal(Destination.PrefixList("pl-63a5400a"), destination);
        Assert.Equal(S3, destination.ServiceName);
    }

    [Fact]
    public void Unknown_service_keeps_the_symbolic_prefix_list_destination()
    {
        var model = RoutingModel.Build(
            PrivateSubnetWithTable(RouteTable("private-rt", "workload"), GatewayEndpoint("ddb", "workload", DynamoDb, Id("private-rt"))),
            new Dictionary<string, string> { [S3] = "pl-63a5400a" });

        Assert.Equal("pl:" + DynamoDb, model.EffectiveRoutes("private-0")[1].Destination.Text);
    }

    [Fact]
    public void Routes_print_like_the_console()
    {
        var model = RoutingModel.Build(
            PrivateSubnetWithTable(RouteTable("private-rt", "workload"), GatewayEndpoint("s3", "workload", S3, Id("private-rt"))),
            new Dictionary<string, string> { [S3] = "pl-63a5400a" });

        Assert.Equal(
            ["10.0.0.0/16 → local", "pl-63a5400a → s3-id (S3 gateway endpoint, s3)"],
            model.EffectiveRoutes("private-0").Select(r => r.ToString()));
    }

    [Fact]
    public void Route_order_does_not_depend_on_registration_order()
    {
        ResourceRecord[] records = PrivateSubnetWithTable(
            InternetGateway("igw", "workload"),
            RouteTable("private-rt", "workload", InlineRoute("10.200.0.0/16", "transitGatewayId", "tgw-1"), InlineRoute("10.20.0.0/16", "transitGatewayId", "tgw-1")),
            Route("default", Id("private-rt"), "0.0.0.0/0", "gatewayId", Id("igw")),
            GatewayEndpoint("s3", "workload", S3, Id("private-rt")),
            GatewayEndpoint("ddb", "workload", DynamoDb, Id("private-rt")));

        var forward = RoutingModel.Build(records).EffectiveRoutes("private-0");
        var backward = RoutingModel.Build(records.Reverse()).EffectiveRoutes("private-0");

        Assert.Equal(forward, backward);
        Assert.Equal(
            ["10.0.0.0/16", "0.0.0.0/0", "10.20.0.0/16", "10.200.0.0/16", "pl:" + DynamoDb, "pl:" + S3],
            forward.Select(r => r.Destination.Text));
    }

    [Fact]
    public void Two_associations_for_one_subnet_are_reported()
    {
        var model = RoutingModel.Build(PrivateSubnetWithTable(
            RouteTable("private-rt", "workload"), RouteTable("other-rt", "workload"), Association("private-0-again", "other-rt", "private-0")));

        Assert.Contains(model.Problems, p => p.StartsWith(Id("private-0") + " is associated with two route tables", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_routes_for_one_destination_are_both_kept_and_reported()
    {
        var model = RoutingModel.Build(PrivateSubnetWithTable(
            InternetGateway("igw", "workload"),
            RouteTable("private-rt", "workload", InlineRoute("0.0.0.0/0", "gatewayId", Id("igw"))),
            Route("default", Id("private-rt"), "0.0.0.0/0", "natGatewayId", "nat-x")));

        Assert.Equal(3, model.EffectiveRoutes("private-0").Count);
        Assert.Contains(model.Problems, p => p.Contains("has 2 routes for 0.0.0.0/0", StringComparison.Ordinal));
    }

    [Fact]
    public void Route_to_an_undeclared_table_is_reported()
    {
        var model = RoutingModel.Build([Vpc("workload", "10.0.0.0/16"), Route("stray", "rtb-missing", "0.0.0.0/0", "gatewayId", "igw-1")]);

        Assert.Contains("Route stray refers to route table rtb-missing, which no resource declares.", model.Problems);
        Assert.Equal([new Route(Destination.Cidr("0.0.0.0/0"), Target.InternetGateway("igw-1"))], model.RoutesOfTable("rtb-missing"));
    }

    [Fact]
    public void Lookup_takes_the_longest_matching_prefix()
    {
        var model = RoutingModel.Build(PrivateSubnetWithTable(
            RouteTable("private-rt", "workload", InlineRoute("0.0.0.0/0", "natGatewayId", "nat-1"), InlineRoute("10.0.0.0/8", "transitGatewayId", "tgw-1"))));

        Assert.Equal(TargetKind.Local, model.Lookup("private-0", "10.0.3.4")?.Target.Kind);
        Assert.Equal(TargetKind.TransitGateway, model.Lookup("private-0", "10.9.3.4")?.Target.Kind);
        Assert.Equal(TargetKind.NatGateway, model.Lookup("private-0", "8.8.8.8")?.Target.Kind);
    }

    [Fact]
    public void Subnet_facts_are_read_from_mock_inputs()
    {
        var model = RoutingModel.Build([Vpc("workload", "10.0.0.0/16"), Subnet("public-1", "workload", "10.0.33.0/24", "public", "us-east-1b", true)]);

        var subnet = Assert.Single(model.Subnets);
        Assert.Equal(
            (Id("public-1"), "public-1", Id("workload"), "10.0.33.0/24", "us-east-1b", "public", true),
            (subnet.Id, subnet.Name, subnet.VpcId, subnet.CidrBlock, subnet.AvailabilityZone, subnet.Tier, subnet.MapPublicIpOnLaunch));
        Assert.Same(subnet, model.Subnet(Id("public-1")));
        Assert.Equal([subnet], model.SubnetsInTier("public"));
        Assert.Equal([subnet], model.SubnetsOfVpc("workload"));
    }

    [Fact]
    public void Unknown_subnet_is_an_error_listing_the_known_ones()
    {
        var model = RoutingModel.Build(PrivateSubnetWithTable(RouteTable("private-rt", "workload")));

        var error = Assert.Throws<KeyNotFoundException>(() => model.EffectiveRoutes("public-0"));

        Assert.Contains("known: private-0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gateway_id_local_is_the_local_target()
    {
        var model = RoutingModel.Build(PrivateSubnetWithTable(RouteTable("private-rt", "workload", InlineRoute("10.0.0.0/16", "gatewayId", "local"))));

        Assert.Equal([WorkloadLocal], model.EffectiveRoutes("private-0"));
    }

    [Fact]
    public void Empty_string_inputs_count_as_unset()
    {
        var route = Map(("cidrBlock", "0.0.0.0/0"), ("ipv6CidrBlock", ""), ("gatewayId", ""), ("natGatewayId", "nat-1"));

        var model = RoutingModel.Build(PrivateSubnetWithTable(RouteTable("private-rt", "workload", route)));

        Assert.Equal(new Route(Destination.Cidr("0.0.0.0/0"), Target.NatGateway("nat-1")), model.EffectiveRoutes("private-0")[1]);
        Assert.Empty(model.Problems);
    }

    [Fact]
    public void Secondary_and_ipv6_blocks_add_local_routes()
    {
        var model = RoutingModel.Build(
        [
            Record(AwsTypes.Vpc, "workload", ("cidrBlock", "10.0.0.0/16"), ("ipv6CidrBlock", "2600:1f18::/56")),
            Record(AwsTypes.VpcIpv4CidrBlockAssociation, "secondary", ("vpcId", Id("workload")), ("cidrBlock", "100.64.0.0/16")),
            Subnet("private-0", "workload", "10.0.0.0/20", "private"),
        ]);

        Assert.Equal(
            [
                WorkloadLocal,
                new(Destination.Cidr("100.64.0.0/16"), Target.Local),
                new(Destination.Ipv6Cidr("2600:1f18::/56"), Target.Local),
            ],
            model.EffectiveRoutes("private-0"));
    }

    [Fact]
    public void Interface_endpoint_facts_are_read_from_mock_inputs()
    {
        var model = RoutingModel.Build(
        [
            Record(
                AwsTypes.VpcEndpoint, "ssm", ("vpcId", Id("workload")), ("serviceName", "com.amazonaws.us-east-1.ssm"),
                ("vpcEndpointType", "Interface"), ("subnetIds", List("a", "b")), ("privateDnsEnabled", true), ("securityGroupIds", List("sg-1"))),
        ]);

        var endpoint = model.Endpoint("ssm");
        Assert.Equal(("Interface", true, TargetKind.InterfaceEndpoint), (endpoint.Type, endpoint.PrivateDnsEnabled, endpoint.TargetKind));
        Assert.Equal(["a", "b"], endpoint.SubnetIds);
        Assert.Equal(["sg-1"], endpoint.SecurityGroupIds);
        Assert.Empty(model.GatewayEndpointAttachments);
    }

    [Fact]
    public void Gwlb_inspection_pattern_gives_each_table_its_expected_routes()
    {
        var model = RoutingModel.Build(
        [
            Vpc("workload", "10.0.0.0/16"),
            Subnet("app-0", "workload", "10.0.32.0/22", "application"),
            Subnet("gwlbe-subnet-0", "workload", "10.0.42.0/28", "endpoint"),
            InternetGateway("igw", "workload"),
            GwlbEndpoint("gwlbe-0", "workload", "gwlbe-subnet-0"),
            RouteTable("app-rt-0", "workload", InlineRoute("0.0.0.0/0", "vpcEndpointId", Id("gwlbe-0"))),
            RouteTable("gwlbe-rt-0", "workload", InlineRoute("0.0.0.0/0", "gatewayId", Id("igw"))),
            RouteTable("ingress-rt", "workload", InlineRoute("10.0.32.0/22", "vpcEndpointId", Id("gwlbe-0"))),
            Association("app-0-rta", "app-rt-0", "app-0"),
            Association("gwlbe-0-rta", "gwlbe-rt-0", "gwlbe-subnet-0"),
            EdgeAssociation("ingress", "ingress-rt", "igw"),
        ]);

        var viaGwlbe = Target.GatewayLoadBalancerEndpoint(Id("gwlbe-0"));
        Assert.Equal([WorkloadLocal, new(Destination.Cidr("0.0.0.0/0"), viaGwlbe)], model.EffectiveRoutes("app-0"));
        Assert.Equal([WorkloadLocal, new(Destination.Cidr("0.0.0.0/0"), Target.InternetGateway(Id("igw")))], model.EffectiveRoutes("gwlbe-subnet-0"));
        Assert.Equal([WorkloadLocal, new(Destination.Cidr("10.0.32.0/22"), viaGwlbe)], model.EdgeRoutes("igw"));
        Assert.Empty(model.Problems);
        Assert.Contains("0.0.0.0/0 → gwlbe-0-id (Gateway Load Balancer endpoint, gwlbe-0)", model.Describe(), StringComparison.Ordinal);
    }
}
