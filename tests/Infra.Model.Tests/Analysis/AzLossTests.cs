using Infra.Model.Analysis;

namespace Infra.Model.Tests.Analysis;

public class AzLossTests
{
    [Fact]
    public void A_single_nat_gateway_is_a_single_point_of_failure_for_the_other_azs()
    {
        var report = AzLossAnalysis.Analyze(new Network { AzCount = 3, Nat = "single", DynamoDbEndpoint = true }.Analyzer());

        var first = report.Zones.Single(z => z.Zone == Network.Zone(0));
        Assert.Equal(
            ["private-b → internet", "private-c → internet"],
            first.Findings.Select(f => $"{f.Before.Source.Label} → {f.Before.Destination.Name}"));
        Assert.All(first.Findings, f => Assert.Equal($"NAT gateway nat-0 ({Network.Zone(0)})", f.Cause));
        Assert.Equal($"private-b → internet loses its path: NAT gateway nat-0 ({Network.Zone(0)}) is in a lost AZ", first.Findings[0].ToString());
        Assert.Empty(report.Zones.Single(z => z.Zone == Network.Zone(1)).Findings);
        Assert.Empty(report.Zones.Single(z => z.Zone == Network.Zone(2)).Findings);

        var point = Assert.Single(report.SinglePointsOfFailure);
        Assert.Equal(Network.Zone(0), point.Zone);
        Assert.Equal(["private-b → internet", "private-c → internet"], point.Flows);
    }

    [Fact]
    public void Without_a_dynamodb_endpoint_dynamodb_traffic_also_depends_on_the_single_nat()
    {
        var report = AzLossAnalysis.Analyze(new Network { AzCount = 2, Nat = "single", DynamoDbEndpoint = false }.Analyzer());

        Assert.Equal(
            ["private-b → internet", "private-b → DynamoDB"],
            report.Zones[0].Findings.Select(f => $"{f.Before.Source.Label} → {f.Before.Destination.Name}"));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("perAz")]
    public void Nat_none_or_per_az_leaves_no_az_depending_on_another(string nat)
    {
        var report = AzLossAnalysis.Analyze(new Network { AzCount = 3, Nat = nat, Inspection = true }.Analyzer());

        Assert.Equal(3, report.Zones.Count);
        Assert.All(report.Zones, z => Assert.Empty(z.Findings));
        Assert.All(report.Zones, z => Assert.True(z.FlowsOfOtherZones > 0));
        Assert.Empty(report.SinglePointsOfFailure);
    }

    [Fact]
    public void Appliances_of_one_az_behind_a_cross_zone_load_balancer_carry_every_azs_inspected_traffic()
    {
        var report = AzLossAnalysis.Analyze(new Network { AzCount = 2, Inspection = true, ApplianceZones = [0], CrossZone = true }.Analyzer());

        var findings = report.Zones.Single(z => z.Zone == Network.Zone(0)).Findings;
        Assert.Contains(findings, f => f.Before.Source.Label == "application-b" && f.Before.Destination.Name == "internet");
        Assert.Contains(findings, f => f.Before.Source.Label == "application-b" && f.Before.Destination.Kind == FlowKind.FromInternet);
        Assert.All(findings, f => Assert.Equal(HopKind.Appliances, f.After.LostHop?.Kind));
    }

    [Fact]
    public void Interface_endpoints_in_one_az_only_are_lost_with_it()
    {
        var report = AzLossAnalysis.Analyze(new Network { AzCount = 2, InterfaceZones = [0] }.Analyzer());

        var findings = report.Zones[0].Findings;
        Assert.Contains(findings, f => f.Before.Source.Label == "private-b" && f.Before.Destination.Name == "ssm");
        Assert.StartsWith("every network interface of interface endpoint endpoint-ssm", findings.First(f => f.Before.Destination.Name == "ssm").After.Reason, StringComparison.Ordinal);
        Assert.Empty(report.Zones[1].Findings);
    }

    [Fact]
    public void With_one_az_there_is_no_other_az_to_report()
    {
        var report = AzLossAnalysis.Analyze(new Network { AzCount = 1, Nat = "single" }.Analyzer());

        var zone = Assert.Single(report.Zones);
        Assert.Equal(0, zone.FlowsOfOtherZones);
        Assert.Empty(zone.Findings);
    }
}
