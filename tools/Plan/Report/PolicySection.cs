using Infra.Model.Policy;

namespace Infra.Plan.Report;

/// <summary>The guard rails as <c>--format json</c> prints them (schema version 2).</summary>
/// <param name="Passed">True when no rule failed.</param>
/// <param name="Rules">Every rule in catalogue order.</param>
/// <param name="UnusedWaivers">Waivers of the stack that covered no finding.</param>
public sealed record PolicySection(bool Passed, IReadOnlyList<PolicyRuleEntry> Rules, IReadOnlyList<PolicyWaiverEntry> UnusedWaivers)
{
    public static PolicySection From(PolicyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new PolicySection(
            report.Passed,
            [.. report.Results.Select(result => new PolicyRuleEntry(
                result.Rule.Id,
                result.Rule.Title,
                result.Outcome.ToString().ToLowerInvariant(),
                result.Rule.Equivalents,
                [.. result.Findings.Select(f => new PolicyFindingEntry(f.Resource, f.Message, null))],
                [.. result.Waived.Select(w => new PolicyFindingEntry(w.Finding.Resource, w.Finding.Message, w.Waiver.Reason))]))],
            [.. report.UnusedWaivers.Select(w => new PolicyWaiverEntry(w.Rule, w.Resource, w.Reason))]);
    }
}

/// <param name="Outcome"><c>passed</c>, <c>failed</c> or <c>waived</c>.</param>
public sealed record PolicyRuleEntry(
    string Id, string Title, string Outcome, IReadOnlyList<string> Equivalents, IReadOnlyList<PolicyFindingEntry> Findings, IReadOnlyList<PolicyFindingEntry> Waived);

/// <param name="WaiverReason">For a waived finding, the reason the stack gives.</param>
public sealed record PolicyFindingEntry(string Resource, string Message, string? WaiverReason);

public sealed record PolicyWaiverEntry(string Rule, string? Resource, string Reason);
