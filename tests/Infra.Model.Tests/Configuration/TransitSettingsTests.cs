using Infra.Model.Addressing;
using Infra.Model.Configuration;

namespace Infra.Model.Tests.Configuration;

/// <summary>The <c>transit</c> setting: roles, what each needs, the blocks of hub and spokes, and the AWS quotas.</summary>
public class TransitSettingsTests
{
    private const string Ns = "private-connectivity";
    private const string Invalid = "Invalid config private-connectivity:";
    private const string Combined = """{"mode":"combined"}""";
    private const string Consumer = """{"mode":"consumer","endpointServiceName":"com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"}""";

    /// <summary>Private and transit subnets small enough for two AZs in a /24 spoke.</summary>
    private const string SmallSpokeSubnets = """{"private":26,"transit":28}""";

    private static StackSettings Parse(params (string Key, string Value)[] values) =>
        StackSettings.Parse(Ns, values.ToDictionary(v => v.Key, v => v.Value));

    private static string Reject(params (string Key, string Value)[] values) =>
        Assert.Throws<ConfigException>(() => Parse(values)).Message;

    private static StackSettings Hub(string transit, string inspection = Combined) => Parse(("inspection", inspection), ("transit", transit));

    private static string RejectHub(string transit, string inspection = Combined) => Reject(("inspection", inspection), ("transit", transit));

    [Fact]
    public void Without_the_setting_there_is_no_transit_gateway_and_the_stack_is_as_before()
    {
        var settings = Parse(("inspection", Combined));

        Assert.Equal(TransitRole.Off, settings.Transit.Role);
        Assert.Equal("10.255.0.0/16", settings.Transit.InspectionVpcCidr);
        Assert.Equal(64512, settings.Transit.AmazonSideAsn);
        Assert.Equal(["10.0.0.0/8"], settings.Transit.SpokeDestinations);
        Assert.Null(settings.Transit.HubStack);
        Assert.Empty(settings.Transit.Spokes);
        Assert.True(settings.WorkloadVpcEnabled);
        Assert.True(settings.ConsumerSideEnabled);
        Assert.True(settings.ProviderSideEnabled);
    }

    [Fact]
    public void A_hub_reads_its_blocks_and_asn_and_builds_no_workload_vpc()
    {
        var settings = Hub("""{"role":"hub","inspectionVpcCidr":"10.254.0.0/20","amazonSideAsn":65000,"spokeDestinations":["10.0.0.0/8","172.16.0.0/12"]}""");

        Assert.Equal(TransitRole.Hub, settings.Transit.Role);
        Assert.True(settings.Transit.BuildsHub);
        Assert.Equal("10.254.0.0/20", settings.Transit.InspectionVpcCidr);
        Assert.Equal(65000, settings.Transit.AmazonSideAsn);
        Assert.Equal(["10.0.0.0/8", "172.16.0.0/12"], settings.Transit.SpokeDestinations);
        Assert.False(settings.WorkloadVpcEnabled);
        Assert.False(settings.ConsumerSideEnabled);
        Assert.True(settings.ProviderSideEnabled);
        Assert.Empty(settings.WorkloadTiers);
    }

    [Fact]
    public void A_consumer_hub_builds_neither_the_provider_nor_a_workload_vpc()
    {
        var settings = Hub("""{"role":"hub"}""", Consumer);

        Assert.False(settings.ProviderSideEnabled);
        Assert.False(settings.WorkloadVpcEnabled);
        Assert.False(settings.ConsumerSideEnabled);
    }

    [Fact]
    public void A_spoke_keeps_the_hub_stack_and_its_vpc_is_the_workload_vpc()
    {
        var settings = Parse(("vpcCidr", "10.7.0.0/16"), ("transit", """{"role":"spoke","hubStack":"acme/network/hub"}"""));

        Assert.Equal(TransitRole.Spoke, settings.Transit.Role);
        Assert.False(settings.Transit.BuildsHub);
        Assert.Equal("acme/network/hub", settings.Transit.HubStack);
        Assert.True(settings.WorkloadVpcEnabled);
        Assert.False(settings.ConsumerSideEnabled);
        Assert.False(settings.ProviderSideEnabled);
    }

    [Fact]
    public void A_spoke_demo_instance_still_needs_the_session_manager_endpoints_since_its_security_group_admits_only_the_vpc_and_s3()
    {
        Assert.StartsWith(
            Invalid + "demo.instance = true: false unless Session Manager can reach the test instance",
            Reject(("interfaceEndpoints", "[]"), ("demo", """{"instance":true}"""), ("transit", """{"role":"spoke","hubStack":"acme/network/hub"}""")),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_of_spokes_is_planned_as_16s_in_the_destinations_around_the_inspection_and_provider_vpcs()
    {
        var settings = Hub(
            """{"role":"hubAndSpokes","inspectionVpcCidr":"10.1.0.0/16","spokeDestinations":["10.0.0.0/14","10.100.0.0/15"],"spokes":4}""",
            """{"mode":"combined","providerVpcCidr":"10.100.0.0/16"}""");

        Assert.Equal(["10.0.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.101.0.0/16"], settings.Transit.Spokes);
    }

    [Fact]
    public void Planned_spokes_skip_the_default_inspection_vpc()
    {
        var settings = Hub("""{"role":"hubAndSpokes","spokeDestinations":["10.254.0.0/15"],"spokes":1}""");

        Assert.Equal(["10.254.0.0/16"], settings.Transit.Spokes);
        Assert.Equal(
            Invalid + "transit.spokes = 2: a number of /16 spokes that fit in transit.spokeDestinations (10.254.0.0/15) outside the inspection VPC 10.255.0.0/16 " +
            "and the provider VPC 10.100.0.0/16, which leave room for 1; list the spokes' blocks instead, or widen transit.spokeDestinations.",
            RejectHub("""{"role":"hubAndSpokes","spokeDestinations":["10.254.0.0/15"],"spokes":2}"""));
    }

    [Fact]
    public void Listed_spokes_are_kept_in_order_in_canonical_form()
    {
        var settings = Parse(
            ("subnetPrefixLengths", SmallSpokeSubnets), ("inspection", Consumer),
            ("transit", """{"role":"hubAndSpokes","spokes":["10.3.0.0/16","10.1.0.0/24","10.1.1.0/24"]}"""));

        Assert.Equal(["10.3.0.0/16", "10.1.0.0/24", "10.1.1.0/24"], settings.Transit.Spokes);
    }

    [Fact]
    public void The_spoke_planner_fills_overlapping_destinations_once()
    {
        Assert.Equal(
            ["10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16"],
            SpokePlanner.Plan(3, ["10.0.0.0/15", "10.0.0.0/14"], []));
        Assert.Equal(4, SpokePlanner.Plan(10, ["10.0.0.0/14", "10.1.0.0/16", "192.168.0.0/24"], []).Count);
    }

    [Fact]
    public void A_misspelt_role_is_refused_naming_the_role_meant()
    {
        Assert.Equal(
            Invalid + "transit.role = hubAndSpoke: one of off, hub, spoke, hubAndSpokes (did you mean hubAndSpokes?).",
            RejectHub("""{"role":"hubAndSpoke"}"""));
        Assert.Equal(Invalid + "transit.role = central: one of off, hub, spoke, hubAndSpokes.", RejectHub("""{"role":"central"}"""));
    }

    [Fact]
    public void A_misspelt_field_is_refused_naming_the_field_meant()
    {
        Assert.Equal(
            Invalid + "transit.hubStak = acme/network/hub: transit has no field hubStak; its fields are role, inspectionVpcCidr, amazonSideAsn, " +
            "spokeDestinations, hubStack, spokes (did you mean hubStack?).",
            Reject(("transit", """{"role":"spoke","hubStak":"acme/network/hub"}""")));
    }

    [Theory]
    [InlineData("""{"role":"spoke","hubStack":"a/b/c","inspectionVpcCidr":"10.254.0.0/16"}""", "transit.inspectionVpcCidr = 10.254.0.0/16: no value unless transit.role is hub or hubAndSpokes (it is spoke).")]
    [InlineData("""{"amazonSideAsn":65000}""", "transit.amazonSideAsn = 65000: no value unless transit.role is hub or hubAndSpokes (it is off).")]
    [InlineData("""{"role":"spoke","hubStack":"a/b/c","spokeDestinations":["10.0.0.0/8"]}""", """transit.spokeDestinations = ["10.0.0.0/8"]: no value unless transit.role is hub or hubAndSpokes (it is spoke).""")]
    [InlineData("""{"role":"off","hubStack":"a/b/c"}""", "transit.hubStack = a/b/c: no value unless transit.role is spoke (it is off).")]
    [InlineData("""{"role":"spoke","hubStack":"a/b/c","spokes":2}""", "transit.spokes = 2: no value unless transit.role is hubAndSpokes (it is spoke).")]
    public void Fields_of_another_role_are_refused(string transit, string message)
    {
        Assert.Equal(Invalid + message, Reject(("transit", transit)));
    }

    [Fact]
    public void A_hub_field_in_a_hub_of_the_other_kind_is_refused()
    {
        Assert.Equal(
            Invalid + "transit.hubStack = a/b/c: no value unless transit.role is spoke (it is hub).",
            RejectHub("""{"role":"hub","hubStack":"a/b/c"}"""));
        Assert.Equal(
            Invalid + "transit.spokes = 2: no value unless transit.role is hubAndSpokes (it is hub).",
            RejectHub("""{"role":"hub","spokes":2}"""));
    }

    [Fact]
    public void A_spoke_needs_a_fully_qualified_hub_stack()
    {
        Assert.Equal(
            Invalid + "transit.hubStack = (not set): the hub stack's fully qualified name organization/project/stack, such as acme/network/hub, required when " +
            "transit.role is spoke: the spoke reads the hub's Transit Gateway and route tables from it.",
            Reject(("transit", """{"role":"spoke"}""")));
        Assert.Equal(
            Invalid + "transit.hubStack = hub: a fully qualified stack name organization/project/stack, such as acme/network/inspection, each part of letters, " +
            "digits, hyphens, underscores and periods.",
            Reject(("transit", """{"role":"spoke","hubStack":"hub"}""")));
    }

    [Theory]
    [InlineData("combined")]
    [InlineData("provider")]
    public void A_spoke_has_no_inspection_of_its_own(string mode)
    {
        Assert.Equal(
            Invalid + $"inspection.mode = {mode}: off when transit.role is spoke, because a spoke's traffic is inspected by the hub's GWLB endpoints in its inspection VPC.",
            Reject(("inspection", $$"""{"mode":"{{mode}}"}"""), ("transit", """{"role":"spoke","hubStack":"acme/network/hub"}""")));
    }

    [Fact]
    public void A_spoke_has_no_nat_of_its_own()
    {
        Assert.Equal(
            Invalid + "natStrategy = perAz: none when transit.role is spoke, because a spoke has no public subnets and reaches the internet through the hub's NAT gateways.",
            Reject(("natStrategy", "perAz"), ("transit", """{"role":"spoke","hubStack":"acme/network/hub"}""")));
    }

    [Theory]
    [InlineData("hub", """{"mode":"off"}""", "off")]
    [InlineData("hubAndSpokes", """{"mode":"provider"}""", "provider")]
    public void A_hub_needs_an_endpoint_service_for_its_gwlb_endpoints(string role, string inspection, string mode)
    {
        var spokes = role == "hubAndSpokes" ? ",\"spokes\":1" : "";

        Assert.Equal(
            Invalid + $"inspection.mode = {mode}: combined or consumer when transit.role is {role}, because the inspection VPC's GWLB endpoints connect to an " +
            "endpoint service: combined builds it in this stack, consumer uses inspection.endpointServiceName or inspection.providerStack.",
            RejectHub($$"""{"role":"{{role}}"{{spokes}}}""", inspection));
    }

    [Fact]
    public void A_hub_without_the_inspection_setting_is_refused_on_the_mode()
    {
        Assert.StartsWith(Invalid + "inspection.mode = off: combined or consumer when transit.role is hub", Reject(("transit", """{"role":"hub"}""")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_inspection_vpc_must_not_overlap_the_provider_vpc_in_combined_mode()
    {
        Assert.Equal(
            Invalid + "transit.inspectionVpcCidr = 10.100.0.0/20: a block that does not overlap inspection.providerVpcCidr 10.100.0.0/16 when inspection.mode is combined, such as 10.200.0.0/20.",
            RejectHub("""{"role":"hub","inspectionVpcCidr":"10.100.0.0/20"}"""));
        Assert.Equal("10.100.0.0/20", Hub("""{"role":"hub","inspectionVpcCidr":"10.100.0.0/20"}""", Consumer).Transit.InspectionVpcCidr);
    }

    [Fact]
    public void A_hub_has_no_workload_vpc_so_the_provider_vpc_may_take_vpc_cidr()
    {
        var settings = Parse(("vpcCidr", "10.100.0.0/16"), ("inspection", Combined), ("transit", """{"role":"hub"}"""));

        Assert.Equal("10.100.0.0/16", settings.Inspection.ProviderVpcCidr);
    }

    [Theory]
    [InlineData("\"10.255.0.1/16\"", "transit.inspectionVpcCidr = 10.255.0.1/16: the network address of the block, with the host bits zero, such as 10.255.0.0/16.")]
    [InlineData("\"10.0.0.0/8\"", "transit.inspectionVpcCidr = 10.0.0.0/8: an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16.")]
    [InlineData("16", "transit.inspectionVpcCidr = 16: an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16.")]
    public void A_bad_inspection_vpc_block_is_refused(string value, string message)
    {
        Assert.Equal(Invalid + message, RejectHub($$"""{"role":"hub","inspectionVpcCidr":{{value}}}"""));
    }

    [Theory]
    [InlineData(64512)]
    [InlineData(65534)]
    public void The_asn_may_be_any_private_16_bit_asn(int asn)
    {
        Assert.Equal(asn, Hub($$"""{"role":"hub","amazonSideAsn":{{asn}}}""").Transit.AmazonSideAsn);
    }

    [Theory]
    [InlineData("64511", "transit.amazonSideAsn = 64511: a private ASN from 64512 to 65534.")]
    [InlineData("65535", "transit.amazonSideAsn = 65535: a private ASN from 64512 to 65534.")]
    [InlineData("4294967295", "transit.amazonSideAsn = 4294967295: a private ASN from 64512 to 65534.")]
    [InlineData("\"64512\"", "transit.amazonSideAsn = \"64512\": a private ASN from 64512 to 65534.")]
    [InlineData("64512.5", "transit.amazonSideAsn = 64512.5: a private ASN from 64512 to 65534.")]
    [InlineData(
        "4200000000",
        "transit.amazonSideAsn = 4200000000: a private ASN from 64512 to 65534; AWS also accepts 32-bit ASNs from 4200000000 to 4294967294, but Pulumi's AWS " +
        "provider takes the Transit Gateway's ASN as a 32-bit signed number, which cannot hold them.")]
    public void An_asn_outside_what_aws_and_the_provider_take_is_refused(string value, string message)
    {
        Assert.Equal(Invalid + message, RejectHub($$"""{"role":"hub","amazonSideAsn":{{value}}}"""));
    }

    [Theory]
    [InlineData("[]", "transit.spokeDestinations = []: a list of at least one IPv4 block, such as [\"10.0.0.0/8\"].")]
    [InlineData("\"10.0.0.0/8\"", "transit.spokeDestinations = \"10.0.0.0/8\": a JSON list of IPv4 CIDR blocks the spokes lie in, such as [\"10.0.0.0/8\"].")]
    [InlineData("[\"10.0.0.0/8\",8]", "transit.spokeDestinations[1] = 8: an IPv4 block such as 10.0.0.0/8.")]
    [InlineData("[\"ten/8\"]", "transit.spokeDestinations[0] = ten/8: an IPv4 block such as 10.0.0.0/8.")]
    [InlineData("[\"10.1.0.0/8\"]", "transit.spokeDestinations[0] = 10.1.0.0/8: the network address of the block, with the host bits zero, such as 10.0.0.0/8.")]
    [InlineData("[\"0.0.0.0/0\"]", "transit.spokeDestinations[0] = 0.0.0.0/0: a block other than 0.0.0.0/0, which the route table's default route already uses.")]
    [InlineData("[\"10.0.0.0/8\",\"172.16.0.0/12\",\"10.0.0.0/8\"]", "transit.spokeDestinations[2] = 10.0.0.0/8: each block at most once, and it is already transit.spokeDestinations[0] (10.0.0.0/8).")]
    public void Bad_spoke_destinations_are_refused(string value, string message)
    {
        Assert.Equal(Invalid + message, RejectHub($$"""{"role":"hub","spokeDestinations":{{value}}}"""));
    }

    [Fact]
    public void More_spoke_destinations_than_a_route_table_can_hold_are_refused_and_the_most_it_can_hold_are_taken()
    {
        static string Destinations(int count) => "[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"172.{16 + (i / 256)}.{i % 256}.0/24\"")) + "]";

        Assert.Equal(999, Hub($$"""{"role":"hub","spokeDestinations":{{Destinations(999)}}}""").Transit.SpokeDestinations.Count);
        Assert.Equal(
            Invalid + "transit.spokeDestinations = a list of 1000 blocks: at most 999 blocks, because the inspection VPC's endpoint and public route tables hold one " +
            "route per block besides their default route, and a VPC route table holds at most 1,000 routes even with a raised quota.",
            RejectHub($$"""{"role":"hub","spokeDestinations":{{Destinations(1000)}}}"""));
    }

    [Theory]
    [InlineData("""{"role":"hubAndSpokes"}""", "transit.spokes = (not set): a JSON list of spoke VPC blocks, such as [\"10.1.0.0/16\", \"10.2.0.0/16\"], or a whole number of /16 spokes to plan inside transit.spokeDestinations, required when transit.role is hubAndSpokes.")]
    [InlineData("""{"role":"hubAndSpokes","spokes":0}""", "transit.spokes = 0: a JSON list of spoke VPC blocks, such as [\"10.1.0.0/16\", \"10.2.0.0/16\"], or a whole number of /16 spokes to plan inside transit.spokeDestinations.")]
    [InlineData("""{"role":"hubAndSpokes","spokes":"3"}""", "transit.spokes = \"3\": a JSON list of spoke VPC blocks, such as [\"10.1.0.0/16\", \"10.2.0.0/16\"], or a whole number of /16 spokes to plan inside transit.spokeDestinations.")]
    [InlineData("""{"role":"hubAndSpokes","spokes":[]}""", "transit.spokes = []: at least one spoke: a JSON list of spoke VPC blocks, such as [\"10.1.0.0/16\", \"10.2.0.0/16\"], or a whole number of /16 spokes to plan inside transit.spokeDestinations.")]
    [InlineData("""{"role":"hubAndSpokes","spokes":5000}""", "transit.spokes = 5000: at most 4,999 spokes, because a Transit Gateway takes at most 5,000 attachments (not adjustable) and the inspection VPC's is one of them.")]
    [InlineData("""{"role":"hubAndSpokes","spokes":["10.1.0.0/8"]}""", "transit.spokes[0] = 10.1.0.0/8: an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16.")]
    [InlineData("""{"role":"hubAndSpokes","spokes":["10.1.0.1/16"]}""", "transit.spokes[0] = 10.1.0.1/16: the network address of the block, with the host bits zero, such as 10.1.0.0/16.")]
    [InlineData("""{"role":"hubAndSpokes","spokes":[16]}""", "transit.spokes[0] = 16: an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16.")]
    [InlineData("""{"role":"hubAndSpokes","spokes":["10.1.0.0/16","172.16.0.0/16"]}""", "transit.spokes[1] = 172.16.0.0/16: a block inside transit.spokeDestinations (10.0.0.0/8), because the inspection VPC routes only those back to the Transit Gateway.")]
    [InlineData("""{"role":"hubAndSpokes","spokes":["10.1.0.0/16","10.2.0.0/16","10.1.4.0/24"]}""", "transit.spokes[2] = 10.1.4.0/24: a block that overlaps no other spoke, and it overlaps transit.spokes[0] 10.1.0.0/16 (a Transit Gateway does not route between overlapping VPCs).")]
    [InlineData("""{"role":"hubAndSpokes","spokes":["10.255.0.0/20"]}""", "transit.spokes[0] = 10.255.0.0/20: a block that does not overlap transit.inspectionVpcCidr 10.255.0.0/16 (a Transit Gateway does not route between overlapping VPCs).")]
    [InlineData("""{"role":"hubAndSpokes","spokes":["10.100.0.0/16"]}""", "transit.spokes[0] = 10.100.0.0/16: a block that does not overlap inspection.providerVpcCidr 10.100.0.0/16 when inspection.mode is combined.")]
    public void Bad_spokes_are_refused(string transit, string message)
    {
        Assert.Equal(Invalid + message, RejectHub(transit));
    }

    [Fact]
    public void A_listed_spoke_may_take_the_provider_block_when_the_provider_is_another_stack()
    {
        Assert.Equal(["10.100.0.0/16"], Hub("""{"role":"hubAndSpokes","spokes":["10.100.0.0/16"]}""", Consumer).Transit.Spokes);
    }

    [Fact]
    public void The_most_spokes_a_transit_gateway_takes_are_accepted()
    {
        var spokes = "[" + string.Join(",", Enumerable.Range(0, 4999).Select(i => $"\"10.{i / 256}.{i % 256}.0/24\"")) + "]";

        var settings = Parse(("subnetPrefixLengths", SmallSpokeSubnets), ("inspection", Combined), ("transit", $$"""{"role":"hubAndSpokes","spokes":{{spokes}}}"""));

        Assert.Equal(4999, settings.Transit.Spokes.Count);
    }

    [Fact]
    public void The_transit_prefix_length_is_read_and_shapes_the_spoke_and_inspection_vpcs()
    {
        var spoke = Parse(("subnetPrefixLengths", """{"transit":27}"""), ("transit", """{"role":"spoke","hubStack":"acme/network/hub"}"""));
        var hub = Parse(("subnetPrefixLengths", """{"transit":26}"""), ("inspection", Combined), ("transit", """{"role":"hub"}"""));

        Assert.Equal(27, spoke.SubnetPrefixLengths.Transit);
        Assert.Equal(28, Parse().SubnetPrefixLengths.Transit);
        Assert.Equal([Tiers.Private, Tiers.Transit], spoke.WorkloadTiers.Select(t => t.Tier));
        Assert.Equal(
            ["private/0 10.0.0.0/20", "private/1 10.0.16.0/20", "transit/0 10.0.32.0/27", "transit/1 10.0.32.32/27"],
            spoke.PlanWorkloadVpc().Subnets.Select(x => $"{x.Tier}/{x.AzIndex} {x.Cidr}"));
        Assert.Equal(
            ["public/0 10.255.0.0/24", "public/1 10.255.1.0/24", "transit/0 10.255.2.0/26", "transit/1 10.255.2.64/26", "endpoint/0 10.255.2.128/28", "endpoint/1 10.255.2.144/28"],
            hub.PlanInspectionVpc().Subnets.Select(x => $"{x.Tier}/{x.AzIndex} {x.Cidr}"));
    }

    [Fact]
    public void An_inspection_vpc_or_a_spoke_too_small_for_its_subnets_is_refused_naming_the_vpc()
    {
        Assert.StartsWith(
            Invalid + """subnetPrefixLengths = {"public":24,"endpoint":28,"transit":28}: subnets that fit in the VPC 10.255.0.0/24""",
            RejectHub("""{"role":"hub","inspectionVpcCidr":"10.255.0.0/24"}"""),
            StringComparison.Ordinal);
        Assert.StartsWith(
            Invalid + """subnetPrefixLengths = {"private":20,"transit":28}: subnets that fit in the VPC 10.2.0.0/24""",
            RejectHub("""{"role":"hubAndSpokes","spokes":["10.1.0.0/16","10.2.0.0/24"]}"""),
            StringComparison.Ordinal);
        Assert.StartsWith(
            Invalid + """subnetPrefixLengths = {"private":20,"transit":28}: subnets that fit in the VPC 10.0.0.0/22""",
            Reject(("vpcCidr", "10.0.0.0/22"), ("transit", """{"role":"spoke","hubStack":"acme/network/hub"}""")),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Role_names_read_back_as_written()
    {
        foreach (var role in Enum.GetValues<TransitRole>())
        {
            Assert.Equal(role, SettingRules.TransitRole(SettingRules.Name(role), (_, _) => new InvalidOperationException()));
        }
    }
}
