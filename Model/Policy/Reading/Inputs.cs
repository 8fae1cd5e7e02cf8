using Infra.Model.Routing;

namespace Infra.Model.Policy.Reading;

/// <summary>Reads mock input values for the rules (on top of the routing model's readers).</summary>
internal static class Inputs
{
    public static string? String(IReadOnlyDictionary<string, object>? values, string key) => InputValues.String(values, key);

    public static bool? Boolean(IReadOnlyDictionary<string, object>? values, string key) => InputValues.Boolean(values, key);

    public static IReadOnlyList<string> Strings(IReadOnlyDictionary<string, object>? values, string key) => InputValues.Strings(values, key);

    /// <summary>A nested object; null when absent or not an object.</summary>
    public static IReadOnlyDictionary<string, object>? Map(IReadOnlyDictionary<string, object>? values, string key) =>
        values is not null && values.TryGetValue(key, out var value) ? InputValues.Map(value) : null;

    /// <summary>The objects of a list; elements that are not objects are skipped.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, object>> Maps(IReadOnlyDictionary<string, object>? values, string key) =>
        [.. InputValues.List(values, key).Select(InputValues.Map).OfType<IReadOnlyDictionary<string, object>>()];

    /// <summary>A whole number (mocks pass numbers as doubles; a numeric string counts too); null when absent.</summary>
    public static int? Number(IReadOnlyDictionary<string, object>? values, string key) => InputValues.Number(values, key);

    /// <summary>How a flag reads in a message: true, false or unset.</summary>
    public static string Show(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "unset",
    };

    /// <summary>How a text setting reads in a message: its value or unset.</summary>
    public static string Show(string? value) => value ?? "unset";
}
