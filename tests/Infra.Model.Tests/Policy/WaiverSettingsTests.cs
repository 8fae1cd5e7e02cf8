using Infra.Model.Configuration;
using Infra.Model.Policy;

namespace Infra.Model.Tests.Policy;

/// <summary>The <c>policyWaivers</c> setting: what it reads and the one-sentence errors for bad waivers.</summary>
public class WaiverSettingsTests
{
    private const string Ns = "private-connectivity";

    private static StackSettings Parse(string waivers) =>
        StackSettings.Parse(Ns, new Dictionary<string, string> { ["policyWaivers"] = waivers });

    private static string Reject(string waivers) => Assert.Throws<ConfigException>(() => Parse(waivers)).Message;

    private static readonly string RuleIds = string.Join(", ", PolicyCatalog.RuleIds);

    [Fact]
    public void Waivers_are_read_with_their_reason_and_optional_resource()
    {
        var settings = Parse("""
            [{"rule":"PC-NET-001","reason":"  Flow logs go to the central account.  "},
             {"rule":"PC-NET-004","reason":"Bastion until the migration.","resource":"bastion-sg"}]
            """);

        Assert.Equal(
            [new PolicyWaiver("PC-NET-001", "Flow logs go to the central account."), new PolicyWaiver("PC-NET-004", "Bastion until the migration.", "bastion-sg")],
            settings.PolicyWaivers);
    }

    [Fact]
    public void An_empty_list_waives_nothing()
    {
        Assert.Empty(Parse("[]").PolicyWaivers);
    }

    [Fact]
    public void Different_resources_of_one_rule_may_be_waived_separately()
    {
        Assert.Equal(2, Parse("""[{"rule":"PC-NET-004","reason":"a","resource":"x"},{"rule":"PC-NET-004","reason":"b","resource":"y"}]""").PolicyWaivers.Count);
    }

    [Fact]
    public void A_waiver_object_instead_of_a_list_is_refused()
    {
        Assert.Equal(
            """Invalid config private-connectivity:policyWaivers = {"rule":"PC-NET-001"}: a JSON list of waivers such as [{"rule": "PC-NET-001", "reason": "why the rule does not apply"}], each with an optional resource.""",
            Reject("""{"rule":"PC-NET-001"}"""));
    }

    [Fact]
    public void A_bare_rule_id_instead_of_a_waiver_object_is_refused()
    {
        Assert.Equal(
            "Invalid config private-connectivity:policyWaivers[0] = PC-NET-001: a waiver object with the fields rule and reason, and optionally resource.",
            Reject("""["PC-NET-001"]"""));
    }

    [Fact]
    public void An_unknown_rule_id_is_refused_with_the_closest_one()
    {
        Assert.Equal(
            $"Invalid config private-connectivity:policyWaivers[0].rule = PC-NET-01: the id of a guard-rail rule, one of {RuleIds} (did you mean PC-NET-001?).",
            Reject("""[{"rule":"PC-NET-01","reason":"x"}]"""));
    }

    [Fact]
    public void A_waiver_without_a_rule_is_refused()
    {
        Assert.Equal(
            $"Invalid config private-connectivity:policyWaivers[0].rule = (not set): the id of a guard-rail rule, one of {RuleIds}.",
            Reject("""[{"reason":"x"}]"""));
    }

    [Fact]
    public void A_waiver_without_a_reason_is_refused()
    {
        Assert.Equal(
            "Invalid config private-connectivity:policyWaivers[0].reason = (not set): a written reason why the rule does not apply to this stack, which the guard-rail report shows.",
            Reject("""[{"rule":"PC-NET-001"}]"""));
    }

    [Fact]
    public void A_blank_reason_is_refused()
    {
        Assert.Equal(
            "Invalid config private-connectivity:policyWaivers[1].reason = \"  \": a written reason why the rule does not apply to this stack, which the guard-rail report shows.",
            Reject("""[{"rule":"PC-NET-001","reason":"ok"},{"rule":"PC-NET-002","reason":"  "}]"""));
    }

    [Fact]
    public void An_empty_resource_is_refused()
    {
        Assert.Equal(
            "Invalid config private-connectivity:policyWaivers[0].resource = \"\": the logical name of the one resource the waiver covers, or no resource field to waive the rule for every resource.",
            Reject("""[{"rule":"PC-NET-001","reason":"x","resource":""}]"""));
    }

    [Fact]
    public void A_misspelt_field_is_refused_with_the_right_one()
    {
        Assert.Equal(
            "Invalid config private-connectivity:policyWaivers[0].reasons = x: policyWaivers[0] has no field reasons; its fields are rule, reason, resource (did you mean reason?).",
            Reject("""[{"rule":"PC-NET-001","reasons":"x"}]"""));
    }

    [Fact]
    public void The_same_rule_twice_is_refused()
    {
        Assert.Equal(
            "Invalid config private-connectivity:policyWaivers[1] = PC-NET-001: each rule and resource at most once, and policyWaivers[0] already waives PC-NET-001.",
            Reject("""[{"rule":"PC-NET-001","reason":"a"},{"rule":"PC-NET-001","reason":"b"}]"""));
    }

    [Fact]
    public void A_resource_waiver_of_a_rule_already_waived_for_every_resource_is_refused()
    {
        Assert.Equal(
            "Invalid config private-connectivity:policyWaivers[1] = PC-NET-004 for web-sg: no second waiver of a rule that policyWaivers[0] already waives for every resource.",
            Reject("""[{"rule":"PC-NET-004","reason":"a"},{"rule":"PC-NET-004","reason":"b","resource":"web-sg"}]"""));
    }
}
