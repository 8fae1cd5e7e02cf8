namespace Infra.Simulation.Constraints;

/// <summary>
/// What AWS or the provider would refuse about one registration: the resource (or function), the field, the value and
/// the rule, as one sentence.
/// </summary>
/// <param name="Subject">The resource's logical name and type token, or the function's token.</param>
/// <param name="Field">The input field, by its wire name (nested fields with dots and indexes).</param>
/// <param name="Value">The offending value as shown.</param>
/// <param name="Rule">What AWS accepts, without a final full stop.</param>
public sealed record ConstraintViolation(string Subject, string Field, string Value, string Rule)
{
    private const int MaxShownValueLength = 120;

    /// <summary>The sentence a failed run reports.</summary>
    public string Sentence
    {
        get
        {
            var shown = Value.Length == 0 ? "\"\"" : Value.ReplaceLineEndings(" ");
            shown = shown.Length <= MaxShownValueLength ? shown : string.Concat(shown.AsSpan(0, MaxShownValueLength), "…");
            return $"AWS would refuse {Subject}: {Field} = {shown}: {Rule.TrimEnd('.', ' ')}.";
        }
    }
}
