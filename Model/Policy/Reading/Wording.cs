namespace Infra.Model.Policy.Reading;

/// <summary>Small helpers that keep finding messages grammatical.</summary>
internal static class Wording
{
    /// <summary><c>interface endpoint a</c> or <c>interface endpoints a, b</c>.</summary>
    public static string Named(string singular, string plural, IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return $"{(list.Count == 1 ? singular : plural)} {string.Join(", ", list)}";
    }

    /// <summary><c>a</c>, <c>a and b</c>, <c>a, b and c</c>.</summary>
    public static string And(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}",
        };
    }

    /// <summary><c>1 rule</c>, <c>2 rules</c>.</summary>
    public static string Count(int count, string singular, string plural) => $"{count} {(count == 1 ? singular : plural)}";
}
