using Infra.Model.Policy;
using static Infra.Model.Tests.Policy.Stack;

namespace Infra.Model.Tests.Policy;

/// <summary>Waivers: a rule waived for every resource or for one, the outcome per rule, and the reasons in the report.</summary>
public class EvaluatorTests
{
    private static readonly PolicyContext TwoOpenGroups = new(With(
        With("app-sg", inputs => inputs.SetItem("ingress", Routing.Aws.List(Block("tcp", 22, 22, "0.0.0.0/0")))),
        "endpoints-sg",
        inputs => inputs.SetItem("ingress", Routing.Aws.List(Block("tcp", 443, 443, VpcCidr, "0.0.0.0/0")))));

    [Fact]
    public void Without_waivers_every_finding_fails_its_rule()
    {
        var report = PolicyEvaluator.Evaluate(TwoOpenGroups);

        var result = report["PC-NET-004"];
        Assert.Equal(PolicyOutcome.Failed, result.Outcome);
        Assert.Equal(["app-sg", "endpoints-sg"], result.Findings.Select(f => f.Resource));
        Assert.False(report.Passed);
    }

    [Fact]
    public void A_waiver_for_the_whole_rule_waives_every_finding_with_its_reason()
    {
        var waiver = new PolicyWaiver("PC-NET-004", "Lab stack behind a corporate allow-list at the edge.");

        var report = PolicyEvaluator.Evaluate(TwoOpenGroups, waivers: [waiver, new PolicyWaiver("PC-EP-001", "Endpoint group reviewed in ticket NET-42.")]);

        var result = report["PC-NET-004"];
        Assert.Equal(PolicyOutcome.Waived, result.Outcome);
        Assert.Empty(result.Findings);
        Assert.Equal(["app-sg", "endpoints-sg"], result.Waived.Select(w => w.Finding.Resource));
        Assert.All(result.Waived, w => Assert.Same(waiver, w.Waiver));
        Assert.True(report.Passed, report.ToText());
        Assert.Empty(report.UnusedWaivers);
    }

    [Fact]
    public void A_waiver_for_one_resource_leaves_the_others_failing()
    {
        var report = PolicyEvaluator.Evaluate(
            TwoOpenGroups,
            waivers: [new PolicyWaiver("PC-NET-004", "Bastion, removed after the migration.", "app-sg")]);

        var result = report["PC-NET-004"];
        Assert.Equal(PolicyOutcome.Failed, result.Outcome);
        Assert.Equal(["endpoints-sg"], result.Findings.Select(f => f.Resource));
        Assert.Equal(["app-sg"], result.Waived.Select(w => w.Finding.Resource));
    }

    [Fact]
    public void A_waiver_that_covers_nothing_is_reported_as_unused_and_the_rule_passes()
    {
        var waiver = new PolicyWaiver("PC-NET-001", "Flow logs go to the central account.");

        var report = PolicyEvaluator.Evaluate(new PolicyContext(Compliant()), waivers: [waiver]);

        Assert.Equal(PolicyOutcome.Passed, report["PC-NET-001"].Outcome);
        Assert.Equal([waiver], report.UnusedWaivers);
    }

    [Fact]
    public void The_report_lists_every_rule_its_findings_and_the_reasons_of_its_waivers()
    {
        var report = PolicyEvaluator.Evaluate(
            TwoOpenGroups,
            waivers:
            [
                new PolicyWaiver("PC-NET-004", "Bastion, removed after the migration.", "app-sg"),
                new PolicyWaiver("PC-EP-001", "Endpoint group reviewed in ticket NET-42."),
                new PolicyWaiver("PC-NET-001", "Flow logs go to the central account."),
            ]);

        var lines = report.ToText().Split('\n');
        Assert.Equal($"Guard rails: {PolicyCatalog.Default.Count - 2} passed, 1 failed, 1 waived.", lines[0]);
        var first = Array.FindIndex(lines, l => l.StartsWith("FAIL   PC-NET-004", StringComparison.Ordinal));
        Assert.Equal(
            [
                "FAIL   PC-NET-004  No security group admits 0.0.0.0/0 or ::/0, except on an allowed public ingress port of a group used only in the public tier",
                "         endpoints-sg: Security group endpoints-sg admits tcp port 443 from 0.0.0.0/0; no port may be open to the internet.",
                "         app-sg: Security group app-sg admits tcp port 22 from 0.0.0.0/0; no port may be open to the internet.",
                "           waived: Bastion, removed after the migration.",
                "PASS   PC-NET-005  No route table used by a private or application subnet has a route to an internet gateway",
                "WAIVED PC-EP-001   Interface endpoint security groups admit tcp 443 from the VPC's CIDR and nothing else",
                "         endpoints-sg: Security group endpoints-sg of interface endpoint ssm-endpoint admits tcp port 443 from 0.0.0.0/0; it may admit only tcp 443 from the VPC's CIDR 10.0.0.0/16.",
                "           waived: Endpoint group reviewed in ticket NET-42.",
            ],
            lines[first..(first + 8)]);
        Assert.Equal("Unused waiver PC-NET-001: Flow logs go to the central account.", lines[^2]);
    }
}
