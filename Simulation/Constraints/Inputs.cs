using System.Collections.Immutable;
using System.Globalization;

namespace Infra.Simulation.Constraints;

/// <summary>Reads the inputs of a registration as the engine hands them to the mocks (strings, doubles, booleans, lists, maps).</summary>
internal static class Inputs
{
    public static string? Text(IReadOnlyDictionary<string, object> inputs, string key) =>
        inputs.TryGetValue(key, out var value) ? value as string : null;

    public static double? Number(IReadOnlyDictionary<string, object> inputs, string key) =>
        inputs.TryGetValue(key, out var value) ? value switch
        {
            double d => d,
            int i => i,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        } : null;

    public static bool Has(IReadOnlyDictionary<string, object> inputs, string key) =>
        inputs.TryGetValue(key, out var value) && value is not null && !(value is string s && s.Length == 0);

    public static IReadOnlyList<object> List(IReadOnlyDictionary<string, object> inputs, string key) =>
        inputs.TryGetValue(key, out var value) && value is not string && value is not IReadOnlyDictionary<string, object> && value is IEnumerable<object> items
            ? [.. items]
            : [];

    public static IReadOnlyList<string> Texts(IReadOnlyDictionary<string, object> inputs, string key) =>
        [.. List(inputs, key).OfType<string>()];

    public static IReadOnlyDictionary<string, object>? Map(IReadOnlyDictionary<string, object> inputs, string key) =>
        inputs.TryGetValue(key, out var value) ? value as IReadOnlyDictionary<string, object> : null;

    /// <summary>Every string anywhere in the inputs, with the path of its field.</summary>
    public static IEnumerable<(string Field, string Value)> Strings(IReadOnlyDictionary<string, object> inputs, string prefix = "")
    {
        foreach (var (key, value) in inputs)
        {
            foreach (var found in StringsOf(prefix + key, value))
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<(string Field, string Value)> StringsOf(string field, object? value)
    {
        switch (value)
        {
            case string s:
                yield return (field, s);
                break;
            case IReadOnlyDictionary<string, object> map:
                foreach (var found in Strings(map, field + "."))
                {
                    yield return found;
                }

                break;
            case IEnumerable<object> items:
                var i = 0;
                foreach (var item in items)
                {
                    foreach (var found in StringsOf($"{field}[{i++}]", item))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    public static ImmutableDictionary<string, object> Empty { get; } = ImmutableDictionary<string, object>.Empty;
}
