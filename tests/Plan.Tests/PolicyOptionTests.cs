using System.Text.Json;
using Infra.Plan.Tests.Support;

namespace Infra.Plan.Tests;

/// <summary><c>--policy</c> adds the guard rails to the plan, with the reasons of the stack's waivers.</summary>
public class PolicyOptionTests
{
    private const string Stack = """
        config:
          aws:region: eu-west-1
          private-connectivity:inspection:
            mode: combined
          private-connectivity:policyWaivers:
            - rule: PC-NET-001
              resource: inspection
              reason: The provider VPC carries only GENEVE traffic.
        """;

    [Fact]
    public async Task The_text_plan_shows_every_rule_and_the_reason_of_each_waiver()
    {
        using var project = new TestProject();
        project.Stack("dev", Stack);

        var (code, output, error) = await Tool.RunAsync(["--cwd", project.Directory, "--section", "routes", "--policy"]);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("Guard rails: 20 passed, 0 failed, 0 waived.", output, StringComparison.Ordinal);
        Assert.Contains("PASS   PC-GWLB-002", output, StringComparison.Ordinal);
        Assert.Contains("Unused waiver", output, StringComparison.Ordinal);
        Assert.Contains("The provider VPC carries only GENEVE traffic.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_option_the_plan_leaves_the_guard_rails_out()
    {
        using var project = new TestProject();
        project.Stack("dev", Stack);

        var (code, output, _) = await Tool.RunAsync(["--cwd", project.Directory, "--format", "json", "--section", "cost"]);

        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("policy").ValueKind);
    }

    [Fact]
    public async Task The_json_plan_lists_each_rule_with_its_outcome_and_equivalents()
    {
        using var project = new TestProject();
        project.Stack("dev", Stack);

        var (code, output, error) = await Tool.RunAsync(["--cwd", project.Directory, "--format", "json", "--section", "policy"]);

        Assert.True(code == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        var policy = json.RootElement.GetProperty("policy");
        Assert.True(policy.GetProperty("passed").GetBoolean());
        var rules = policy.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(20, rules.Count);
        Assert.All(rules, rule => Assert.Equal("passed", rule.GetProperty("outcome").GetString()));
        var flowLogs = rules.Single(r => r.GetProperty("id").GetString() == "PC-NET-001");
        Assert.Contains("CKV2_AWS_11", flowLogs.GetProperty("equivalents").EnumerateArray().Select(e => e.GetString()));
        var unused = Assert.Single(policy.GetProperty("unusedWaivers").EnumerateArray());
        Assert.Equal("inspection", unused.GetProperty("resource").GetString());
    }
}
