namespace Infra.Model.Policy;

/// <summary>
/// A named guard rail: one security property every stack of this project keeps, checked against the resources a
/// mocked run registers, before anything is deployed.
/// </summary>
public interface IPolicyRule
{
    /// <summary>The stable id, <c>PC-&lt;area&gt;-&lt;number&gt;</c>, e.g. <c>PC-NET-001</c>; waivers name it.</summary>
    string Id { get; }

    /// <summary>What the rule checks, in one line.</summary>
    string Title { get; }

    /// <summary>Why the rule exists, in one line.</summary>
    string Rationale { get; }

    /// <summary>
    /// Ids of the equivalent checkov (<c>CKV_AWS_…</c>, <c>CKV2_AWS_…</c>) or cdk-nag (<c>AwsSolutions-…</c>) rules;
    /// empty when neither tool has one.
    /// </summary>
    IReadOnlyList<string> Equivalents { get; }

    /// <summary>Every violation in the stack; none when the stack keeps the rule.</summary>
    IEnumerable<PolicyFinding> Evaluate(PolicyContext context);
}

/// <summary>One violation of a rule.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Resource">The logical name of the resource to fix (or to waive the rule for).</param>
/// <param name="Message">One sentence: what is wrong and, where it helps, what is expected.</param>
public sealed record PolicyFinding(string RuleId, string Resource, string Message)
{
    /// <summary><c>RuleId Resource: Message</c>.</summary>
    public override string ToString() => $"{RuleId} {Resource}: {Message}";
}

/// <summary>The base of the catalogued rules: their metadata and a helper to word findings.</summary>
public abstract class PolicyRule : IPolicyRule
{
    /// <inheritdoc />
    public abstract string Id { get; }

    /// <inheritdoc />
    public abstract string Title { get; }

    /// <inheritdoc />
    public abstract string Rationale { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<string> Equivalents { get; }

    /// <inheritdoc />
    public abstract IEnumerable<PolicyFinding> Evaluate(PolicyContext context);

    /// <summary>A finding of this rule.</summary>
    protected PolicyFinding Finding(string resource, string message) => new(Id, resource, message);
}
