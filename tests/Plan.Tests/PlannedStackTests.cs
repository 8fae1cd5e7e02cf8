using System.Text.Json;
using Infra.Model.Analysis;
using Infra.Plan.Bench;
using Infra.Plan.Tests.Support;

namespace Infra.Plan.Tests;

/// <summary>Plans of the real program under mocks: reachability, AZ loss, costs and the resource tree.</summary>
public class PlannedStackTests
{
    private static readonly PriceTable Prices = PlanRunner.LoadPrices(PlanRunner.DefaultPricesFile);

    private static Task<PlanResult> PlanAsync(
        int azCount, string nat, string inspection, TrafficVolumes? volumes = null, string region = "eu-west-1", bool priced = true)
    {
        var config = new Dictionary<string, string>
        {
            ["aws:region"] = region,
            ["private-connectivity:azCount"] = azCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["private-connectivity:natStrategy"] = nat,
            ["private-connectivity:enableDynamoDbEndpoint"] = "true",
            ["private-connectivity:inspection"] = JsonSerializer.Serialize(new { mode = inspection }),
        };
        return PlanRunner.RunAsync(new StackConfig("private-connectivity", Repo.Root, "test", "(test)", config), Prices, volumes ?? TrafficVolumes.None, priced: priced);
    }

    private static Flow Flow(PlanResult plan, string from, string to) =>
        plan.Analysis.Flows.Single(f => f.Source.Label == from && (f.Destination.Name == to || (to == "inbound" && f.Destination.Kind == FlowKind.FromInternet)));

    public static TheoryData<string, string, string, string> PrivateInternet => new()
    {
        { "none", "off", "private-b", "no route" },
        { "single", "off", "private-b", "nat-a → igw" },
        { "perAz", "off", "private-b", "nat-b → igw" },
        { "none", "combined", "private-c", "no route" },
        { "single", "combined", "private-c", "nat-a → igw" },
        { "perAz", "combined", "private-c", "nat-c → igw" },
    };

    [Theory]
    [MemberData(nameof(PrivateInternet))]
    public async Task Private_subnets_reach_the_internet_only_through_nat(string nat, string inspection, string from, string summary)
    {
        var plan = await PlanAsync(3, nat, inspection);

        Assert.Equal(summary, Flow(plan, from, "internet").Summary);
        Assert.Equal("vpce (gateway)", Flow(plan, from, "S3").Summary);
        Assert.Equal("vpce (gateway)", Flow(plan, from, "DynamoDB").Summary);
        Assert.Equal(["vpce-ssm (interface)"], Flow(plan, from, "ssm").Path.Select(h => h.Label));
        Assert.Equal(Verdict.Unreachable, Flow(plan, from, "inbound").Verdict);
        Assert.Equal("igw", Flow(plan, "public-a", "internet").Summary);
        Assert.Equal(Verdict.Reachable, Flow(plan, "public-b", "inbound").Verdict);
        Assert.Empty(plan.Analysis.Routing.Problems);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("perAz")]
    public async Task Inspection_sends_the_application_tier_through_the_appliances_of_its_az_both_ways(string nat)
    {
        var plan = await PlanAsync(3, nat, "combined");

        foreach (var (az, letter) in new[] { ("eu-west-1a", "a"), ("eu-west-1b", "b"), ("eu-west-1c", "c") })
        {
            var outbound = Flow(plan, $"application-{letter}", "internet");
            Assert.Equal($"gwlbe-{letter} → GWLB → appliances → igw", outbound.Summary);
            Assert.Equal([az], outbound.Path.Single(h => h.Kind == HopKind.Appliances).AvailabilityZones);
            Assert.Equal($"igw → gwlbe-{letter} → GWLB → appliances → application-{letter}", Flow(plan, $"application-{letter}", "inbound").Summary);
        }

        Assert.Equal("no internet gateway in VPC inspection", Flow(plan, "appliance-a", "inbound").Reason);
        Assert.Equal(Verdict.Unreachable, Flow(plan, "appliance-a", "private").Verdict);
        Assert.Empty(plan.Analysis.AzLoss.SinglePointsOfFailure);
    }

    [Fact]
    public async Task Without_inspection_there_is_no_application_tier()
    {
        var plan = await PlanAsync(2, "perAz", "off");

        Assert.DoesNotContain(plan.Analysis.Analyzer.Subnets, s => s.Tier is "application" or "endpoint" or "appliance");
        Assert.Empty(plan.Analysis.RouteTables.Edges);
        Assert.DoesNotContain(plan.Analysis.Cost.Hourly, h => h.Item is "Gateway Load Balancer" or "GWLB endpoints");
    }

    [Fact]
    public async Task A_single_nat_gateway_shows_up_as_the_single_point_of_failure_of_the_other_azs()
    {
        var plan = await PlanAsync(3, "single", "combined");

        var loss = plan.Analysis.AzLoss;
        Assert.Equal(
            ["private-b → internet", "private-c → internet"],
            loss.Zones.Single(z => z.Zone == "eu-west-1a").Findings.Select(f => $"{f.Before.Source.Label} → {f.Before.Destination.Name}"));
        Assert.Empty(loss.Zones.Single(z => z.Zone == "eu-west-1b").Findings);
        Assert.Empty(loss.Zones.Single(z => z.Zone == "eu-west-1c").Findings);
        var point = Assert.Single(loss.SinglePointsOfFailure);
        Assert.Equal("NAT gateway workload-nat-eu-west-1a (eu-west-1a)", point.Cause);
    }

    [Fact]
    public async Task The_dev_stack_costs_what_the_eu_west_1_prices_say()
    {
        var stack = StackFiles.Read(Repo.Root, "dev", null);
        var plan = await PlanRunner.RunAsync(stack, Prices, TrafficVolumes.Parse("interface=100,gwlb=1000,s3=2000"));
        var cost = plan.Analysis.Cost;
        var lines = cost.Hourly.ToDictionary(h => h.Item, h => h.Monthly);

        Assert.Equal("eu-west-1", cost.PriceRegion);
        Assert.Equal(96.36m, lines["Interface endpoints"]);   // (3 workload + 3 appliance management) endpoints × 2 AZs × $0.011 × 730 h
        Assert.Equal(10.22m, lines["Gateway Load Balancer"]); // $0.014 × 730 h
        Assert.Equal(16.06m, lines["GWLB endpoints"]);        // 2 × $0.011 × 730 h
        Assert.Equal(33.29m, lines["Appliance instances"]);   // Auto Scaling group of 2 × t3.small $0.0228 × 730 h = 33.288 (the group itself is free)
        Assert.Equal(0m, lines["Gateway endpoints"]);
        Assert.Equal(0m, lines["Auto Scaling groups"]);       // Auto Scaling is free; its instances are the line above
        Assert.Equal("inspection-appliance-fleet (2–2, desired 2)", cost.Hourly.Single(h => h.Item == "Auto Scaling groups").Detail);
        Assert.DoesNotContain("NAT gateways", lines.Keys);    // natStrategy none
        Assert.Equal(155.93m, cost.FixedMonthly);

        var usage = cost.Usage.ToDictionary(u => u.Item, u => u.Monthly);
        Assert.Equal(1.00m, usage["Interface endpoint data processing"]);      // 100 GB × $0.01
        Assert.Equal(4.00m, usage["Gateway Load Balancer capacity units"]);    // 1000 GLCU-hours × $0.004
        Assert.Equal(3.50m, usage["GWLB endpoint data processing"]);           // 1000 GB × $0.0035
        Assert.Equal(164.43m, cost.TotalMonthly);
        var s3 = cost.Savings.Single(s => s.Service == "S3");
        Assert.Equal((0.048m, 96.00m), (s3.PerGb, s3.Monthly!.Value));          // 2000 GB × $0.048 NAT processing
    }

    [Fact]
    public async Task Nat_charges_follow_the_strategy_and_region()
    {
        var single = (await PlanAsync(2, "single", "off", new TrafficVolumes(Nat: 500m), region: "us-east-1")).Analysis.Cost;
        var perAz = (await PlanAsync(3, "perAz", "off", region: "us-east-1")).Analysis.Cost;

        Assert.Equal(32.85m, single.Hourly.Single(h => h.Item == "NAT gateways").Monthly);          // $0.045 × 730 h
        Assert.Equal(3.65m, single.Hourly.Single(h => h.Item == "Public IPv4 addresses").Monthly);  // $0.005 × 730 h
        Assert.Equal(22.50m, single.Usage.Single(u => u.Item == "NAT gateway data processing").Monthly); // 500 GB × $0.045
        Assert.Equal(5.00m, single.Usage.Single(u => u.Item == "Cross-AZ transfer to the single NAT gateway").Monthly); // 250 GB × $0.02
        Assert.Equal(98.55m, perAz.Hourly.Single(h => h.Item == "NAT gateways").Monthly);           // 3 × $0.045 × 730 h
    }

    [Fact]
    public async Task A_region_without_prices_is_refused_rather_than_priced_like_another()
    {
        var error = await Assert.ThrowsAsync<PlanException>(() => PlanAsync(2, "single", "off", region: "ap-southeast-2"));

        Assert.StartsWith("The price table (2025-06-01) has no prices for ap-southeast-2, only for eu-west-1, us-east-1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_without_prices_plans_without_cost_warnings_when_the_cost_is_left_out()
    {
        var plan = await PlanAsync(2, "single", "off", region: "ap-southeast-2", priced: false);

        Assert.Equal("ap-southeast-2", plan.Region);
        Assert.DoesNotContain(plan.Warnings, w => w.Contains("price", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_resource_tree_nests_every_resource_under_its_component()
    {
        var plan = await PlanAsync(2, "single", "combined");
        var root = plan.Resources.Root;

        Assert.Equal("private-connectivity-test", root.Name);
        Assert.All(root.Children, c => Assert.StartsWith("private-connectivity:index:", c.Type, StringComparison.Ordinal));
        var workload = root.Children.Single(c => c.Type == "private-connectivity:index:VpcNetwork" && c.Name == "workload");
        Assert.All(workload.Children, c => Assert.StartsWith("workload", c.Name, StringComparison.Ordinal));
        Assert.Contains(workload.Children, c => c.Type == "aws:ec2/natGateway:NatGateway");
        var consumer = root.Children.Single(c => c.Type == "private-connectivity:index:InspectionConsumer");
        Assert.Equal(2, consumer.Children.Count(c => c.Type == "aws:ec2/vpcEndpoint:VpcEndpoint"));
        Assert.Equal(plan.Resources.Count, plan.Resources.Root.Walk().Count() - 1);
        Assert.Equal(plan.Resources.Count, plan.Resources.Totals.Sum(t => t.Count));
        Assert.DoesNotContain(plan.Warnings, w => w.Contains("parent links", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_misspelt_setting_is_refused_as_the_program_refuses_it()
    {
        using var project = new TestProject();
        project.Stack("dev", "config:\n  aws:region: eu-west-1\n  private-connectivity:azcount: 3\n");

        var error = await Assert.ThrowsAsync<PlanException>(() => PlanRunner.RunAsync(new PlanRequest(project.Directory)));

        Assert.StartsWith("Invalid config private-connectivity:azcount = 3: not a setting of this program", error.Message, StringComparison.Ordinal);
        Assert.Contains("(did you mean azCount?)", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidStack, error.ExitCode);
    }

    [Fact]
    public async Task The_benchmark_topologies_plan_and_grow_to_about_500_resources()
    {
        var smallest = await BenchCommand.MeasureAsync(Topologies.All[0], iterations: 1);
        var largest = await BenchCommand.MeasureAsync(Topologies.All.Single(t => t.Name == "hub-3-spokes"), iterations: 1);

        Assert.InRange(smallest.Resources, 10, 60);
        Assert.InRange(largest.Resources, 450, 600);
        Assert.True(largest.Flows > smallest.Flows);
    }

    [Fact]
    public async Task The_cold_benchmark_process_plans_one_topology_as_text()
    {
        var (code, output, error) = await Tool.RunAsync("bench", "--once", "1az-minimal");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(error);
        Assert.StartsWith("Plan of stack 1az-minimal (private-connectivity) in eu-west-1", output, StringComparison.Ordinal);
        Assert.Contains("Monthly cost estimate", output, StringComparison.Ordinal);
    }
}
