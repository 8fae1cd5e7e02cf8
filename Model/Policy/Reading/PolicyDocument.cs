using System.Text.Json;
using System.Text.RegularExpressions;

namespace Infra.Model.Policy.Reading;

/// <summary>
/// One statement of an IAM policy document (bucket or endpoint policy), with the single-or-list fields read as lists.
/// </summary>
/// <param name="Index">The 0-based position in the document.</param>
/// <param name="Sid">The statement id, when set.</param>
/// <param name="Effect">Allow or Deny.</param>
/// <param name="Actions">Action, or NotAction when <paramref name="NotAction"/>.</param>
/// <param name="NotAction">Whether the statement lists NotAction (everything but the actions).</param>
/// <param name="Resources">Resource, or NotResource when <paramref name="NotResource"/>.</param>
/// <param name="NotResource">Whether the statement lists NotResource.</param>
/// <param name="Conditions">Operator (case-sensitive) → condition key (case-insensitive) → values as text.</param>
internal sealed record PolicyStatement(
    int Index,
    string? Sid,
    string Effect,
    IReadOnlyList<string> Actions,
    bool NotAction,
    IReadOnlyList<string> Resources,
    bool NotResource,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Conditions)
{
    /// <summary>How the statement is named in a message: its Sid, else its position (#1 is the first).</summary>
    public string Label => Sid ?? $"#{Index + 1}";

    public bool IsAllow => string.Equals(Effect, "Allow", StringComparison.Ordinal);

    public bool IsDeny => string.Equals(Effect, "Deny", StringComparison.Ordinal);

    /// <summary>The values of a condition key under an operator; empty when absent.</summary>
    public IReadOnlyList<string> Condition(string op, string key) =>
        Conditions.TryGetValue(op, out var keys) && keys.TryGetValue(key, out var values) ? values : [];

    /// <summary>Whether the statement's actions take in <paramref name="action"/> (wildcards honoured).</summary>
    public bool CoversAction(string action) =>
        NotAction ? !Actions.Any(a => PolicyDocument.Matches(a, action)) : Actions.Any(a => PolicyDocument.Matches(a, action));
}

/// <summary>Parses IAM policy documents as the rules need them.</summary>
internal static partial class PolicyDocument
{
    /// <summary>The statements of a policy document; false when the text is not a JSON policy document.</summary>
    public static bool TryParse(string? json, out IReadOnlyList<PolicyStatement> statements)
    {
        statements = [];
        if (string.IsNullOrWhiteSpace(json))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("Statement", out var statement))
            {
                return false;
            }

            var items = statement.ValueKind == JsonValueKind.Array ? [.. statement.EnumerateArray()] : new List<JsonElement> { statement };
            var result = new List<PolicyStatement>();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                result.Add(Read(i, items[i]));
            }

            statements = result;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether an IAM pattern (<c>*</c> and <c>?</c> wildcards, case-insensitive) matches the text.</summary>
    public static bool Matches(string pattern, string text)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(text, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static PolicyStatement Read(int index, JsonElement element)
    {
        var notAction = element.TryGetProperty("NotAction", out _);
        var notResource = element.TryGetProperty("NotResource", out _);
        return new PolicyStatement(
            index,
            Text(element, "Sid"),
            Text(element, "Effect") ?? "",
            Texts(element, notAction ? "NotAction" : "Action"),
            notAction,
            Texts(element, notResource ? "NotResource" : "Resource"),
            notResource,
            Conditions(element));
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Texts(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? Values(value) : [];

    private static List<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => [.. value.EnumerateArray().SelectMany(Values)],
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        JsonValueKind.Number => [value.GetRawText()],
        _ => [],
    };

    private static Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Conditions(JsonElement element)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        if (!element.TryGetProperty("Condition", out var condition) || condition.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var op in condition.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object))
        {
            result[op.Name] = op.Value.EnumerateObject()
                .ToDictionary(k => k.Name, k => (IReadOnlyList<string>)Values(k.Value), StringComparer.OrdinalIgnoreCase);
        }

        return result;
    }
}
