using System.Collections.Immutable;
using Infra.Model.Policy;
using Infra.Model.Routing;
using Infra.Simulation;
using Infra.Tests.Fidelity;
using static Infra.Tests.Fidelity.Scene;
using static Infra.Tests.Fidelity.TransitScene;

namespace Infra.Tests.Policy;

/// <summary>
/// A centralized inspection hub registered through the strict mocks, as AWS's centralized architecture builds it: a
/// transit gateway with its defaults off, a spoke and an inspection route table, an inspection VPC with a Gateway Load
/// Balancer endpoint per zone and an attachment in appliance mode, and two spokes whose private subnets route to the
/// transit gateway after their attachment.
/// </summary>
public sealed class TransitRun : IAsyncLifetime
{
    public const string EndpointService = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0";

    public AwsMocks Mocks { get; } = new();

    public async Task InitializeAsync()
    {
        var s = new Scene(Mocks);
        var hub = await s.Hub();
        var spokeTable = await s.RouteTable("spoke-rt", hub);
        var inspectionTable = await s.RouteTable("inspection-rt", hub);

        var inspection = await s.Vpc("inspection", "10.255.0.0/16");
        for (var zone = 0; zone < 2; zone++)
        {
            var subnet = await s.Add(AwsTypes.Subnet, $"inspection-endpoint-{zone}", In(("vpcId", inspection.VpcId),
                ("cidrBlock", $"10.255.{10 + zone}.0/28"), ("availabilityZone", Mocks.AvailabilityZones[zone])));
            await s.Add(AwsTypes.VpcEndpoint, $"inspection-gwlbe-{zone}", In(("vpcId", inspection.VpcId), ("vpcEndpointType", "GatewayLoadBalancer"),
                ("serviceName", EndpointService), ("subnetIds", List(subnet))));
        }

        var inspectionAttachment = await s.Attach("inspection-attachment", hub, inspection, ("applianceModeSupport", "enable"));
        await s.Associate("inspection-association", inspectionAttachment, inspectionTable);
        await s.Route("spoke-default", spokeTable, "0.0.0.0/0", ("transitGatewayAttachmentId", inspectionAttachment));

        for (var n = 1; n <= 2; n++)
        {
            var spoke = await s.Vpc($"spoke{n}", $"10.{n}.0.0/16");
            var attachment = await s.Attach($"spoke{n}-attachment", hub, spoke);
            await s.Associate($"spoke{n}-association", attachment, spokeTable);
            await s.Propagate($"spoke{n}-propagation", attachment, inspectionTable);
            var workload = await s.Add(AwsTypes.Subnet, $"spoke{n}-workload-0", In(("vpcId", spoke.VpcId), ("cidrBlock", $"10.{n}.100.0/24"),
                ("availabilityZone", Mocks.AvailabilityZones[0])));
            var table = await s.Add(AwsTypes.RouteTable, $"spoke{n}-workload-rt", In(("vpcId", spoke.VpcId)));
            await s.Add(AwsTypes.RouteTableAssociation, $"spoke{n}-workload-rta", In(("routeTableId", table), ("subnetId", workload)));
            await s.Add(AwsTypes.Route, $"spoke{n}-workload-default", In(("routeTableId", table), ("destinationCidrBlock", "0.0.0.0/0"), ("transitGatewayId", hub)));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// PC-TGW-001 … PC-TGW-004 on resources in the shapes the mocks really hand over (ids of the real forms, booleans,
/// lists): the hub is changed in one place and exactly the expected transit gateway findings come out.
/// </summary>
public class TransitTamperedRunTests(TransitRun fixture) : IClassFixture<TransitRun>
{
    private IReadOnlyList<ResourceRecord> Records => fixture.Mocks.Records;

    private ResourceRecord Cloud(string name) => Records.Single(r => r.Name == name);

    private IReadOnlyList<PolicyFinding> TransitFailuresOf(IEnumerable<ResourceRecord> records) =>
        [.. PolicyCheck.Evaluate(records, new Dictionary<string, object>(), fixture.Mocks).Failures.Where(f => f.RuleId.StartsWith("PC-TGW-", StringComparison.Ordinal))];

    private IEnumerable<ResourceRecord> Changed(string name, Func<ImmutableDictionary<string, object>, ImmutableDictionary<string, object>> change)
    {
        var target = Cloud(name);
        return Records.Select(r => r == target ? r with { Inputs = change(r.Inputs.ToImmutableDictionary()) } : r);
    }

    private static PolicyFinding F(string rule, string resource, string message) => new(rule, resource, message);

    [Fact]
    public void The_untouched_hub_keeps_every_transit_gateway_rule()
    {
        var transit = RoutingModel.Build(Records, fixture.Mocks.PrefixListIds).Transit;

        Assert.Empty(transit.Problems);
        Assert.Equal(["0.0.0.0/0 → " + Cloud("inspection-attachment").Id + " (static)"], transit.RoutesOfTable("spoke-rt").Select(r => r.ToString()));
        Assert.Empty(TransitFailuresOf(Records));
    }

    [Fact]
    public void Tgw001_the_inspection_attachment_without_appliance_mode()
    {
        Assert.Equal(
            [F("PC-TGW-001", "inspection-attachment", "Attachment inspection-attachment of inspection VPC inspection has applianceModeSupport disable; set it to enable so both directions of a flow pass the same AZ's appliances.")],
            TransitFailuresOf(Changed("inspection-attachment", i => i.SetItem("applianceModeSupport", "disable"))));
    }

    [Fact]
    public void Tgw002_the_transit_gateway_with_its_default_association_left_unset()
    {
        Assert.Equal(
            [F("PC-TGW-002", "hub", "Transit gateway hub has defaultRouteTableAssociation unset (unset means enable); set both to disable and associate and propagate each attachment explicitly.")],
            TransitFailuresOf(Changed("hub", i => i.Remove("defaultRouteTableAssociation"))));
    }

    [Fact]
    public void Tgw003_a_static_route_from_the_spoke_table_straight_to_another_spoke()
    {
        var table = Cloud("spoke-rt");
        var route = new ResourceRecord(AwsTypes.TransitGatewayRoute, "spoke-to-spoke2", $"{table.Id}_10.2.0.0/16", In(
            ("transitGatewayRouteTableId", table.Id), ("destinationCidrBlock", "10.2.0.0/16"), ("transitGatewayAttachmentId", Cloud("spoke2-attachment").Id)));

        Assert.Equal(
            [F("PC-TGW-003", "spoke-rt", "Transit gateway route table spoke-rt, associated with spoke attachments spoke1-attachment, spoke2-attachment, sends 10.2.0.0/16 (static) to attachment spoke2-attachment instead of the inspection VPC's attachment.")],
            TransitFailuresOf(Records.Append(route)));
    }

    [Fact]
    public void Tgw003_a_spoke_propagating_into_the_spoke_table()
    {
        var table = Cloud("spoke-rt");
        var attachment = Cloud("spoke1-attachment");
        var propagation = new ResourceRecord(AwsTypes.TransitGatewayRouteTablePropagation, "spoke1-into-spoke-rt", $"{table.Id}_{attachment.Id}", In(
            ("transitGatewayAttachmentId", attachment.Id), ("transitGatewayRouteTableId", table.Id)));

        Assert.Equal(
            [F("PC-TGW-003", "spoke-rt", "Transit gateway route table spoke-rt, associated with spoke attachments spoke1-attachment, spoke2-attachment, sends 10.1.0.0/16 (propagated) to attachment spoke1-attachment instead of the inspection VPC's attachment.")],
            TransitFailuresOf(Records.Append(propagation)));
    }

    [Fact]
    public void Tgw003_a_spoke_subnet_sent_to_a_NAT_gateway()
    {
        var nat = new ResourceRecord(AwsTypes.NatGateway, "spoke1-nat", "nat-0123456789abcdef0", In(("subnetId", Cloud("spoke1-transit-0").Id)));

        Assert.Equal(
            [F("PC-TGW-003", "spoke1-workload-rt", "Route table spoke1-workload-rt of spoke VPC spoke1 sends 0.0.0.0/0 to NAT gateway spoke1-nat, around the inspection VPC.")],
            TransitFailuresOf(Changed("spoke1-workload-default", i => i.Remove("transitGatewayId").Add("natGatewayId", nat.Id)).Append(nat)));
    }

    [Fact]
    public void Tgw004_two_attached_vpcs_with_overlapping_blocks()
    {
        Assert.Equal(
            [F("PC-TGW-004", "spoke2-attachment", "VPCs spoke1 (10.1.0.0/16) and spoke2 (10.1.128.0/17) are both attached to transit gateway hub and their blocks overlap; give every attached VPC its own block.")],
            TransitFailuresOf(Changed("spoke2", i => i.SetItem("cidrBlock", "10.1.128.0/17"))));
    }
}
