using Infra.Model.Analysis;
using Infra.Model.Routing;
using Infra.Model.Tests.Routing;
using static Infra.Model.Tests.Routing.CentralizedArchitecture;

namespace Infra.Model.Tests.Analysis;

/// <summary>The reachability analysis past a transit gateway, and the cross-VPC view, on the centralized architecture.</summary>
public class TransitReachabilityTests
{
    private const string Probe = ReachabilityAnalyzer.InternetProbeAddress;

    private static ReachabilityAnalyzer Analyzer(CentralizedArchitecture architecture, Func<List<ResourceRecord>, List<ResourceRecord>>? change = null)
    {
        var records = architecture.Resources();
        records = change?.Invoke(records) ?? records;
        return ReachabilityAnalyzer.Create(RoutingModel.Build(records), NetworkInventory.Build(records));
    }

    private static TransitFlow Flow(TransitReport report, string from, TransitFlowKind kind) =>
        report.Flows.Single(f => f.From == from && f.Kind == kind);

    [Fact]
    public void A_spoke_reaches_the_internet_through_the_transit_gateway_the_endpoint_and_the_nat_of_its_own_zone()
    {
        var analyzer = Analyzer(new CentralizedArchitecture(3, 2));

        var flows = analyzer.Analyze();

        foreach (var letter in new[] { "a", "b", "c" })
        {
            var internet = flows.Single(f => f.Source.Label == $"spoke1/private-{letter}" && f.Destination.Kind == FlowKind.Internet);
            Assert.Equal(Verdict.Reachable, internet.Verdict);
            Assert.Equal($"tgw-{letter} → spoke-rt → inspection-{letter} → gwlbe-{letter} → GWLB (another stack) → nat-{letter} → igw", internet.Summary);
            Assert.Contains(internet.Notes, n => n.StartsWith("The transit gateway picks one of 3 AZs of inspection-attachment", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(flows, f => f.Verdict == Verdict.Unknown && f.Reason.Contains("not modelled", StringComparison.Ordinal));
    }

    [Fact]
    public void Tiers_of_vpcs_on_the_same_transit_gateway_are_left_to_the_cross_vpc_view()
    {
        var analyzer = Analyzer(new CentralizedArchitecture(2, 3));

        var tiers = analyzer.Analyze().Where(f => f.Destination.Kind == FlowKind.Tier).ToList();

        Assert.All(tiers, f => Assert.Equal(f.Source.VpcId, analyzer.Subnets.First(s => s.Label.StartsWith(f.Destination.Name, StringComparison.Ordinal)).VpcId));
        Assert.Contains(tiers, f => f.Source.Label == "spoke1/private-a" && f.Destination.Name == "spoke1/transit");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void With_appliance_mode_every_cross_vpc_flow_is_reachable_inspected_both_ways_and_symmetric_for_every_zone_choice(int zones)
    {
        var report = Analyzer(new CentralizedArchitecture(zones, 3)).AnalyzeTransit();

        var outbound = report.Flows.Where(f => f.Kind != TransitFlowKind.FromInternet).ToList();
        Assert.Equal(3 * zones * 2, outbound.Count);
        Assert.All(outbound, f =>
        {
            Assert.Equal(Verdict.Reachable, f.Verdict);
            Assert.Equal(InspectionCoverage.BothWays, f.Inspection);
            Assert.True(f.Symmetric);
            Assert.Equal(string.Join("|", Enumerable.Range(0, zones).Select(Zone)), f.PinnedZones);
        });

        var toSpokes = Flow(report, "spoke1/private-a", TransitFlowKind.Vpcs);
        Assert.Equal(["spoke2", "spoke3"], toSpokes.DestinationVpcs);
        Assert.Equal("2 VPCs", toSpokes.To);
        var first = toSpokes.RoundTrips[0];
        Assert.Equal("tgw-a → spoke-rt → inspection-a → gwlbe-a → GWLB (another stack) → tgw-a → inspection-rt → spoke2-a", first.ForwardSummary);
        Assert.Equal("tgw-a → spoke-rt → inspection-a → gwlbe-a → GWLB (another stack) → tgw-a → inspection-rt → spoke1-a", first.ReturnSummary);
        Assert.Equal(zones == 1 ? zones : 2 * zones, toSpokes.RoundTrips.Count);

        var internet = Flow(report, "spoke1/private-a", TransitFlowKind.Internet);
        Assert.Equal("tgw-a → spoke-rt → inspection-a → gwlbe-a → GWLB (another stack) → nat-a → igw", internet.RoundTrips[0].ForwardSummary);
        Assert.Equal("nat-a → gwlbe-a → GWLB (another stack) → tgw-a → inspection-rt → spoke1-a", internet.RoundTrips[0].ReturnSummary);

        var inbound = Flow(report, "spoke1/private-a", TransitFlowKind.FromInternet);
        Assert.Equal(Verdict.Unreachable, inbound.Verdict);
        Assert.StartsWith("no internet gateway in VPC spoke1", inbound.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_appliance_mode_flows_to_another_zone_of_another_spoke_are_asymmetric()
    {
        var report = Analyzer(new CentralizedArchitecture(2, 2) { ApplianceMode = false }).AnalyzeTransit();

        var toSpoke = Flow(report, "spoke1/private-a", TransitFlowKind.Vpcs);
        Assert.Equal(Verdict.Reachable, toSpoke.Verdict);
        Assert.False(toSpoke.Symmetric);
        Assert.Equal(InspectionCoverage.BothWays, toSpoke.Inspection);
        var asymmetric = toSpoke.Example!;
        Assert.Equal(Zone(1), asymmetric.DestinationZone);
        Assert.Contains("gwlbe-a", asymmetric.ForwardSummary, StringComparison.Ordinal);
        Assert.Contains("gwlbe-b", asymmetric.ReturnSummary, StringComparison.Ordinal);
        Assert.Equal("", toSpoke.PinnedZones);
        Assert.True(Flow(report, "spoke1/private-a", TransitFlowKind.Internet).Symmetric);
    }

    [Fact]
    public void A_default_association_left_on_shows_spoke_to_spoke_traffic_without_inspection()
    {
        var report = Analyzer(new CentralizedArchitecture(2, 2) { DefaultsLeftOn = true }).AnalyzeTransit();

        var bypass = Flow(report, "spoke1/private-a", TransitFlowKind.Vpcs);
        Assert.Equal(Verdict.Reachable, bypass.Verdict);
        Assert.NotEqual(InspectionCoverage.BothWays, bypass.Inspection);
    }

    [Fact]
    public void A_blackhole_route_stops_the_flow_in_the_transit_gateway_route_table()
    {
        var report = Analyzer(new CentralizedArchitecture(1, 2), r => [.. r, Routing.Aws.TgwBlackhole("quarantine", "spoke-rt", SpokeCidr(2))]).AnalyzeTransit();

        var blocked = Flow(report, "spoke1/private-a", TransitFlowKind.Vpcs);
        Assert.Equal(Verdict.Unreachable, blocked.Verdict);
        Assert.Equal("a blackhole route of transit gateway route table spoke-rt drops it", blocked.Reason);
        Assert.Equal(["spoke2"], blocked.DestinationVpcs);
    }

    [Fact]
    public void A_wrong_return_endpoint_makes_the_replies_of_one_zone_choice_asymmetric()
    {
        var report = Analyzer(new CentralizedArchitecture(2, 1) { ReturnEndpointOfZone0 = 1 }).AnalyzeTransit();

        var internet = Flow(report, "spoke1/private-a", TransitFlowKind.Internet);
        Assert.False(internet.Symmetric);
        Assert.Equal(Zone(0), internet.Example!.PinnedZones["inspection-attachment"]);
        Assert.Equal("nat-a → gwlbe-b → GWLB (another stack) → tgw-b → inspection-rt → spoke1-b", internet.Example.ReturnSummary);
    }

    [Fact]
    public void Losing_a_zone_cuts_the_choices_pinned_there_and_no_flow_of_another_zone()
    {
        var report = Analyzer(new CentralizedArchitecture(3, 2)).AnalyzeTransit();

        Assert.Equal(3, report.ZoneLoss.Count);
        Assert.All(report.ZoneLoss, zone =>
        {
            Assert.Empty(zone.Lost);
            // 2 spokes × 2 other AZs × (internet: 3 choices + the other spoke: 2 hosts, those in the lost AZ left out).
            Assert.Equal(8, zone.FlowsChecked);
            Assert.True(zone.ChoicesCut > 0 && zone.ChoicesCut < zone.ChoicesChecked);
        });
    }

    [Fact]
    public void With_the_inspection_vpc_in_one_zone_losing_it_loses_every_cross_vpc_flow_of_the_others()
    {
        var architecture = new CentralizedArchitecture(2, 1);
        var records = architecture.Resources()
            .Select(r => r.Name == "inspection-attachment"
                ? Routing.Aws.VpcAttachment("inspection-attachment", "hub", "inspection", [InspectionAttachmentSubnet(0)], applianceMode: true)
                : r)
            .ToList();
        var analyzer = ReachabilityAnalyzer.Create(RoutingModel.Build(records), NetworkInventory.Build(records));

        var report = analyzer.AnalyzeTransit();

        var fromB = analyzer.Subnet("private-b");
        var afterLoss = analyzer.Evaluate(fromB, FlowDestination.Internet, new HashSet<string> { Zone(0) });
        Assert.Equal(Verdict.Unreachable, afterLoss.Verdict);
        Assert.Equal($"transit gateway attachment inspection-attachment ({Zone(0)}) is in a lost AZ", afterLoss.Reason);
        Assert.Contains(AzLossAnalysis.Analyze(analyzer).SinglePointsOfFailure, p => p.Zone == Zone(0) && p.Flows.Contains("private-b → internet"));

        var lossOfA = report.ZoneLoss.Single(z => z.Zone == Zone(0));
        Assert.Equal(["spoke1/private-b → internet"], lossOfA.Lost);
        Assert.Equal(Verdict.Reachable, Flow(report, "spoke1/private-b", TransitFlowKind.Internet).Verdict);
        Assert.Equal("tgw-b → spoke-rt → inspection-a → gwlbe-a → GWLB (another stack) → nat-a → igw", Flow(report, "spoke1/private-b", TransitFlowKind.Internet).RoundTrips[0].ForwardSummary);
    }

    [Fact]
    public void A_stack_without_a_transit_gateway_has_no_cross_vpc_view()
    {
        var analyzer = new Network { Inspection = true }.Analyzer();

        Assert.False(analyzer.HasTransitGateway);
        Assert.Same(TransitReport.Empty, analyzer.AnalyzeTransit());
    }
}
