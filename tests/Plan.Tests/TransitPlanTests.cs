using System.Text.Json;
using Infra.Model.Analysis;
using Infra.Plan.Bench;
using Infra.Plan.Tests.Support;

namespace Infra.Plan.Tests;

/// <summary>Plans of the program's hubAndSpokes stack: flows across VPCs through the Transit Gateway and the appliances, AZ loss, costs.</summary>
public class TransitPlanTests
{
    private static readonly PriceTable Prices = PlanRunner.LoadPrices(PlanRunner.DefaultPricesFile);

    private static readonly string[] Letters = ["a", "b", "c"];

    private const string HubStack = """
        config:
          aws:region: eu-west-1
          private-connectivity:azCount: 3
          private-connectivity:natStrategy: none
          private-connectivity:inspection:
            mode: combined
          private-connectivity:transit:
            role: hubAndSpokes
            spokes: 3
        """;

    private static Task<PlanResult> PlanAsync(int spokes, int azCount = 3, TrafficVolumes? volumes = null)
    {
        var config = new Dictionary<string, string>
        {
            ["aws:region"] = "eu-west-1",
            ["private-connectivity:azCount"] = azCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["private-connectivity:natStrategy"] = "none",
            ["private-connectivity:inspection"] = JsonSerializer.Serialize(new { mode = "combined" }),
            ["private-connectivity:transit"] = JsonSerializer.Serialize(new { role = "hubAndSpokes", spokes }),
        };
        return PlanRunner.RunAsync(new StackConfig("private-connectivity", Repo.Root, "hub", "(test)", config), Prices, volumes ?? TrafficVolumes.None);
    }

    private static string Inspected(string letter) =>
        $"tgw-{letter} → transit-hub-spoke-rt → central-inspection-{letter} → gwlbe-{letter} → GWLB → appliances";

    [Fact]
    public async Task Every_spoke_reaches_the_internet_and_the_other_spokes_through_the_appliances_of_the_pinned_zone_both_ways()
    {
        var plan = await PlanAsync(spokes: 3);
        var transit = plan.Analysis.Transit;

        Assert.Empty(plan.Analysis.Routing.Problems);
        foreach (var k in new[] { 1, 2, 3 })
        {
            foreach (var letter in Letters)
            {
                var internet = transit.Flows.Single(f => f.From == $"spoke-{k}/private-{letter}" && f.Kind == TransitFlowKind.Internet);
                Assert.Equal((Verdict.Reachable, InspectionCoverage.BothWays, true), (internet.Verdict, internet.Inspection, internet.Symmetric));
                Assert.Equal("eu-west-1a|eu-west-1b|eu-west-1c", internet.PinnedZones);
                Assert.Equal($"{Inspected(letter)} → nat-{letter} → igw", internet.RoundTrips[0].ForwardSummary);
                Assert.Equal($"nat-{letter} → gwlbe-{letter} → GWLB → appliances → tgw-{letter} → transit-hub-inspection-rt → spoke-{k}-{letter}", internet.RoundTrips[0].ReturnSummary);
                Assert.All(internet.RoundTrips, t => Assert.Equal(Verdict.Reachable, t.Verdict));

                var others = transit.Flows.Single(f => f.From == $"spoke-{k}/private-{letter}" && f.Kind == TransitFlowKind.Vpcs);
                Assert.Equal("2 VPCs", others.To);
                Assert.Equal([.. new[] { 1, 2, 3 }.Where(o => o != k).Select(o => $"spoke-{o}")], others.DestinationVpcs);
                Assert.Equal((Verdict.Reachable, InspectionCoverage.BothWays, true), (others.Verdict, others.Inspection, others.Symmetric));

                // The per-subnet view follows the same path past the transit gateway instead of stopping there.
                var flow = plan.Analysis.Flows.Single(f => f.Source.Label == $"spoke-{k}/private-{letter}" && f.Destination.Kind == FlowKind.Internet);
                Assert.Equal($"{Inspected(letter)} → nat-{letter} → igw", flow.Summary);
            }

            var inbound = transit.Flows.Single(f => f.Kind == TransitFlowKind.FromInternet && f.Source.VpcName == $"spoke-{k}");
            Assert.Equal(Verdict.Unreachable, inbound.Verdict);
        }

        var toSpoke2 = transit.Flows.Single(f => f.From == "spoke-1/private-b" && f.Kind == TransitFlowKind.Vpcs).RoundTrips;
        Assert.Equal(["eu-west-1b", "eu-west-1c"], toSpoke2.Select(t => t.DestinationZone).Distinct());
        Assert.Equal($"{Inspected("b")} → tgw-b → transit-hub-inspection-rt → spoke-2-b", toSpoke2[0].ForwardSummary);
        Assert.Equal(6, toSpoke2.Count);
    }

    [Fact]
    public async Task Losing_an_az_cuts_only_the_connections_pinned_there()
    {
        var plan = await PlanAsync(spokes: 2);

        Assert.Empty(plan.Analysis.AzLoss.SinglePointsOfFailure);
        Assert.Equal(["eu-west-1a", "eu-west-1b", "eu-west-1c"], plan.Analysis.Transit.ZoneLoss.Select(z => z.Zone));
        Assert.All(plan.Analysis.Transit.ZoneLoss, zone =>
        {
            Assert.Empty(zone.Lost);
            // 2 spokes × 2 other AZs × (internet + the other spoke).
            Assert.Equal(8, zone.FlowsChecked);
            Assert.InRange(zone.ChoicesCut, 1, zone.ChoicesChecked - 1);
        });
    }

    [Fact]
    public async Task The_cost_has_an_hourly_line_per_attachment_and_the_per_gb_processing_of_the_transit_gateway()
    {
        var plan = await PlanAsync(spokes: 3, volumes: new TrafficVolumes(Tgw: 1000m));
        var cost = plan.Analysis.Cost;

        var attachments = cost.Hourly.Single(h => h.Item == "Transit Gateway attachments");
        Assert.Equal((4, 0.05m, 146.00m), (attachments.Quantity, attachments.PricePerHour, attachments.Monthly)); // 4 × $0.05 × 730 h
        Assert.Equal("4 VPC attachments to transit-hub", attachments.Detail);
        var processing = cost.Usage.Single(u => u.Item == "Transit Gateway data processing");
        Assert.Equal((0.02m, 20.00m), (processing.PricePerGb, processing.Monthly)); // 1,000 GB × $0.02
        Assert.Contains(cost.Sources, s => s.Name == "AWS Transit Gateway pricing" && s.Url == "https://aws.amazon.com/transit-gateway/pricing/");
    }

    [Fact]
    public async Task The_plan_has_a_cross_vpc_section_in_every_format()
    {
        using var project = new TestProject();
        project.Stack("hub", HubStack);

        var (code, text, error) = await Tool.RunAsync("--cwd", project.Directory, "--section", "transit");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("Across VPCs (transit gateway)", text, StringComparison.Ordinal);
        Assert.Contains("Availability zone loss across VPCs", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Route tables", text, StringComparison.Ordinal);

        var (_, markdown, _) = await Tool.RunAsync("--cwd", project.Directory, "--format", "markdown", "--section", "transit");
        Assert.Contains("\n## Across VPCs (transit gateway)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| spoke-1/private-a | 2 VPCs (spoke-2, spoke-3) | yes | both ways | yes |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_whose_spokes_are_other_stacks_says_there_is_nothing_to_trace_across_vpcs()
    {
        var (code, text, error) = await Tool.RunAsync(
            "--cwd", Repo.Root, "--stack-file", Path.Combine(Repo.Root, "examples", "stacks", "Pulumi.hub.yaml"), "--section", "transit");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains(
            "No attached VPC has a subnet that routes to the transit gateway yet (a hub stack's spokes attach from their own stacks): there is no flow across VPCs to trace.",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Availability zone loss across VPCs", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stack_without_a_transit_gateway_has_no_cross_vpc_section_and_stays_schema_version_2()
    {
        var (_, text, _) = await Tool.RunAsync("--cwd", Repo.Root, "--stack", "dev");
        var (_, json, _) = await Tool.RunAsync("--cwd", Repo.Root, "--stack", "dev", "--format", "json");
        using var document = JsonDocument.Parse(json);

        Assert.DoesNotContain("Across VPCs", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Transit Gateway", text, StringComparison.Ordinal);
        Assert.Equal(2, document.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.False(document.RootElement.TryGetProperty("transit", out _));
        Assert.DoesNotContain(
            document.RootElement.GetProperty("cost").GetProperty("prices").GetProperty("sources").EnumerateArray(),
            s => s.GetProperty("name").GetString() == "AWS Transit Gateway pricing");
    }

    [Fact]
    public async Task The_json_of_a_hub_is_schema_version_3_with_the_documented_transit_fields()
    {
        using var project = new TestProject();
        project.Stack("hub", HubStack);

        var (code, output, error) = await Tool.RunAsync("--cwd", project.Directory, "--format", "json");
        Assert.True(code == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("schemaVersion").GetInt32());
        var transit = root.GetProperty("transit");
        Assert.Equal(["flows", "zoneLoss"], transit.EnumerateObject().Select(p => p.Name));
        var flow = transit.GetProperty("flows")[0];
        Assert.Equal(
            ["from", "vpc", "subnet", "availabilityZone", "to", "kind", "destinationVpcs", "verdict", "reason", "inspection", "symmetric", "roundTrips", "notes"],
            flow.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["destinationZone", "pinnedZones", "verdict", "reason", "symmetric", "inspectedBothWays", "forward", "return"],
            flow.GetProperty("roundTrips")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["availabilityZone", "flowsChecked", "lost", "choicesChecked", "choicesCut"], transit.GetProperty("zoneLoss")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("bothWays", flow.GetProperty("inspection").GetString());
        Assert.Equal("internet", flow.GetProperty("kind").GetString());
        Assert.Contains(
            flow.GetProperty("roundTrips")[0].GetProperty("forward").EnumerateArray().Select(h => h.GetProperty("kind").GetString()),
            k => k == "transitGatewayAttachment");

        var (_, costOnly, _) = await Tool.RunAsync("--cwd", project.Directory, "--format", "json", "--section", "cost");
        using var left = JsonDocument.Parse(costOnly);
        Assert.Equal(JsonValueKind.Null, left.RootElement.GetProperty("transit").ValueKind);
    }

    [Fact]
    public async Task The_transit_gateway_benchmark_topologies_plan_from_the_programs_settings()
    {
        var ten = Topologies.All.Single(t => t.Name == Topologies.TransitPair.Small);
        var fifty = Topologies.All.Single(t => t.Name == Topologies.TransitPair.Large);

        var result = await BenchCommand.MeasureAsync(ten, iterations: 1);

        Assert.InRange(result.Resources, 300, 600);
        Assert.NotNull(ten.Settings);
        Assert.Equal(50, ((Dictionary<string, object>)fifty.Settings!["transit"])["spokes"]);
    }
}
