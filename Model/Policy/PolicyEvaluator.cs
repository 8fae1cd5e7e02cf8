using System.Text;

namespace Infra.Model.Policy;

/// <summary>How a rule came out for a stack.</summary>
public enum PolicyOutcome
{
    /// <summary>No finding.</summary>
    Passed,

    /// <summary>At least one finding that no waiver covers.</summary>
    Failed,

    /// <summary>Findings, all covered by waivers.</summary>
    Waived,
}

/// <summary>A finding a waiver covers, with that waiver.</summary>
public sealed record WaivedFinding(PolicyFinding Finding, PolicyWaiver Waiver);

/// <summary>One rule's result for a stack.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Outcome">Passed, failed or waived.</param>
/// <param name="Findings">The findings no waiver covers (empty unless failed).</param>
/// <param name="Waived">The findings waivers cover.</param>
public sealed record PolicyRuleResult(IPolicyRule Rule, PolicyOutcome Outcome, IReadOnlyList<PolicyFinding> Findings, IReadOnlyList<WaivedFinding> Waived);

/// <summary>The results of every rule for a stack.</summary>
/// <param name="Results">One per rule, in catalogue order.</param>
/// <param name="UnusedWaivers">Waivers that covered no finding: candidates for removal.</param>
public sealed record PolicyReport(IReadOnlyList<PolicyRuleResult> Results, IReadOnlyList<PolicyWaiver> UnusedWaivers)
{
    /// <summary>True when no rule failed.</summary>
    public bool Passed => Results.All(r => r.Outcome != PolicyOutcome.Failed);

    /// <summary>Every finding no waiver covers.</summary>
    public IReadOnlyList<PolicyFinding> Failures => [.. Results.SelectMany(r => r.Findings)];

    /// <summary>The result of one rule.</summary>
    public PolicyRuleResult this[string ruleId] => Results.Single(r => r.Rule.Id == ruleId);

    /// <summary>A plain-text report: a summary line, then each rule with its findings and the reasons of its waivers.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var counts = Results.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
        text.Append("Guard rails: ")
            .Append(counts.GetValueOrDefault(PolicyOutcome.Passed)).Append(" passed, ")
            .Append(counts.GetValueOrDefault(PolicyOutcome.Failed)).Append(" failed, ")
            .Append(counts.GetValueOrDefault(PolicyOutcome.Waived)).AppendLine(" waived.");
        foreach (var result in Results)
        {
            var label = result.Outcome switch
            {
                PolicyOutcome.Passed => "PASS",
                PolicyOutcome.Failed => "FAIL",
                _ => "WAIVED",
            };
            text.Append(label.PadRight(7)).Append(result.Rule.Id.PadRight(12)).AppendLine(result.Rule.Title);
            foreach (var finding in result.Findings)
            {
                text.Append("         ").Append(finding.Resource).Append(": ").AppendLine(finding.Message);
            }

            foreach (var (finding, waiver) in result.Waived)
            {
                text.Append("         ").Append(finding.Resource).Append(": ").AppendLine(finding.Message);
                text.Append("           waived: ").AppendLine(waiver.Reason);
            }
        }

        foreach (var waiver in UnusedWaivers)
        {
            text.Append("Unused waiver ").Append(waiver).Append(": ").AppendLine(waiver.Reason);
        }

        return text.ToString();
    }
}

/// <summary>Applies rules and waivers to a stack.</summary>
public static class PolicyEvaluator
{
    /// <summary>
    /// Runs every rule over the context. A finding is waived by the first waiver that names its rule and either its
    /// resource or no resource; a rule fails when a finding is left. Findings are sorted by resource, then message.
    /// </summary>
    public static PolicyReport Evaluate(PolicyContext context, IEnumerable<IPolicyRule>? rules = null, IEnumerable<PolicyWaiver>? waivers = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var waiverList = (waivers ?? []).ToList();
        var used = new HashSet<PolicyWaiver>();
        var results = new List<PolicyRuleResult>();
        foreach (var rule in rules ?? PolicyCatalog.Default)
        {
            var open = new List<PolicyFinding>();
            var waived = new List<WaivedFinding>();
            var findings = rule.Evaluate(context)
                .Distinct()
                .OrderBy(f => f.Resource, StringComparer.Ordinal)
                .ThenBy(f => f.Message, StringComparer.Ordinal);
            foreach (var finding in findings)
            {
                // A waiver for the one resource wins over a waiver for the whole rule, so its own reason is shown.
                var waiver = waiverList.FirstOrDefault(w => w.Resource is not null && w.Covers(finding))
                    ?? waiverList.FirstOrDefault(w => w.Covers(finding));
                if (waiver is null)
                {
                    open.Add(finding);
                }
                else
                {
                    waived.Add(new WaivedFinding(finding, waiver));
                    used.Add(waiver);
                }
            }

            var outcome = open.Count > 0 ? PolicyOutcome.Failed : waived.Count > 0 ? PolicyOutcome.Waived : PolicyOutcome.Passed;
            results.Add(new PolicyRuleResult(rule, outcome, open, waived));
        }

        return new PolicyReport(results, [.. waiverList.Where(w => !used.Contains(w))]);
    }
}
