namespace Infra.Model.Policy;

/// <summary>
/// A stack's decision that a rule does not apply, from the <c>policyWaivers</c> setting: for every resource, or for
/// one resource only.
/// </summary>
/// <param name="Rule">The rule id (one of <see cref="PolicyCatalog.RuleIds"/>).</param>
/// <param name="Reason">Why the rule does not apply; reports show it.</param>
/// <param name="Resource">The logical name of the one resource the waiver covers; null for every resource.</param>
public sealed record PolicyWaiver(string Rule, string Reason, string? Resource = null)
{
    /// <summary>Whether the waiver covers this finding.</summary>
    public bool Covers(PolicyFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.RuleId == Rule && (Resource is null || Resource == finding.Resource);
    }

    /// <summary><c>PC-NET-001</c> or <c>PC-NET-004 for web-sg</c>.</summary>
    public override string ToString() => Resource is null ? Rule : $"{Rule} for {Resource}";
}
