using Infra.Model.Policy;
using Infra.Model.Routing;

namespace Infra.Tests.Policy;

/// <summary>Waivers come from the stack's configuration, and the report shows each one's reason.</summary>
public class WaiverConfigTests(InspectedRun fixture) : IClassFixture<InspectedRun>
{
    private static Dictionary<string, object> WithWaivers(params object[] waivers) =>
        new(InspectedRun.Config) { ["policyWaivers"] = waivers };

    private IEnumerable<Model.Routing.ResourceRecord> WithoutFlowLogs =>
        fixture.Run.Records.Where(r => r.Type != AwsTypes.FlowLog);

    [Fact]
    public void A_rule_waived_in_config_is_reported_as_waived_with_its_reason()
    {
        var config = WithWaivers(new { rule = "PC-NET-001", reason = "Flow logs are collected by the network account's organisation-wide trail." });

        var report = PolicyCheck.Evaluate(WithoutFlowLogs, config, fixture.Run.Mocks);

        Assert.True(report.Passed, report.ToText());
        var result = report["PC-NET-001"];
        Assert.Equal(PolicyOutcome.Waived, result.Outcome);
        Assert.Equal(["inspection", "workload"], result.Waived.Select(w => w.Finding.Resource));
        Assert.Contains(
            "WAIVED PC-NET-001  Every VPC has a flow log that records ALL traffic (accepted and rejected)\n" +
            "         inspection: VPC inspection has no flow log.\n" +
            "           waived: Flow logs are collected by the network account's organisation-wide trail.\n",
            report.ToText(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_waiver_for_one_resource_leaves_the_rule_failing_for_the_others()
    {
        var config = WithWaivers(new { rule = "PC-NET-001", resource = "inspection", reason = "The provider VPC carries only GENEVE; the appliances log flows." });

        var report = PolicyCheck.Evaluate(WithoutFlowLogs, config, fixture.Run.Mocks);

        Assert.False(report.Passed);
        Assert.Equal([new PolicyFinding("PC-NET-001", "workload", "VPC workload has no flow log.")], report.Failures);
        Assert.Equal("inspection", Assert.Single(report["PC-NET-001"].Waived).Finding.Resource);
    }

    [Fact]
    public async Task A_waiver_the_stack_does_not_need_is_reported_as_unused()
    {
        var config = WithWaivers(new { rule = "PC-EC2-002", reason = "Appliance AMI with unencrypted snapshots, tracked in SEC-7." });

        var report = await PolicyCheck.RunAsync(config);

        Assert.True(report.Passed, report.ToText());
        Assert.Equal([new PolicyWaiver("PC-EC2-002", "Appliance AMI with unencrypted snapshots, tracked in SEC-7.")], report.UnusedWaivers);
        Assert.EndsWith("Unused waiver PC-EC2-002: Appliance AMI with unencrypted snapshots, tracked in SEC-7.\n", report.ToText(), StringComparison.Ordinal);
    }
}
