using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Infra.Model.Configuration;

/// <summary>
/// Reads raw Pulumi config values: scalars arrive as plain text (possibly JSON-quoted), objects and lists as JSON text.
/// Every failure becomes a <see cref="ConfigException"/>; nothing here throws anything else for bad input.
/// </summary>
internal sealed class ConfigReader(string configNamespace, IReadOnlyDictionary<string, string> raw)
{
    private const int MaxShownValueLength = 200;

    public string Namespace { get; } = configNamespace;

    public ConfigException Error(string key, string value, string allowed) => new(Namespace, key, Show(value), allowed);

    /// <summary>The scalar text of a top-level key, unquoted when it arrived JSON-quoted; null when unset.</summary>
    public string? Scalar(string key)
    {
        if (!raw.TryGetValue(key, out var text) || text is null)
        {
            return null;
        }

        return Unquote(text.Trim());
    }

    /// <summary>The JSON value of a top-level key; null when unset; an error with <paramref name="allowed"/> when not JSON.</summary>
    public JsonElement? Json(string key, string allowed)
    {
        if (!raw.TryGetValue(key, out var text) || text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Error(key, text, allowed);
        }
    }

    public int WholeNumber(string key, int fallback, int min, int max, string? allowed = null)
    {
        var text = Scalar(key);
        if (text is null)
        {
            return fallback;
        }

        allowed ??= $"a whole number from {min} to {max}";
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Error(key, text, allowed);
        }

        return value;
    }

    public bool Boolean(string key, bool fallback)
    {
        var text = Scalar(key);
        if (text is null)
        {
            return fallback;
        }

        return ParseBoolean(text) ?? throw Error(key, text, "true or false");
    }

    public static bool? ParseBoolean(string text) =>
        string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>The object of a top-level key with only <paramref name="fields"/>; null when unset.</summary>
    public ObjectReader? Object(string key, IReadOnlyList<string> fields)
    {
        var allowed = $"a JSON object with the optional fields {string.Join(", ", fields)}";
        var json = Json(key, allowed);
        if (json is null)
        {
            return null;
        }

        if (json.Value.ValueKind != JsonValueKind.Object)
        {
            throw Error(key, json.Value.GetRawText(), allowed);
        }

        return new ObjectReader(this, key, json.Value, fields);
    }

    /// <summary>The elements of a top-level JSON list; null when unset.</summary>
    public IReadOnlyList<JsonElement>? List(string key, string allowed)
    {
        var json = Json(key, allowed);
        if (json is null)
        {
            return null;
        }

        if (json.Value.ValueKind != JsonValueKind.Array)
        {
            throw Error(key, json.Value.GetRawText(), allowed);
        }

        return [.. json.Value.EnumerateArray()];
    }

    /// <summary>The strings of a top-level JSON list, each element checked to be a JSON string.</summary>
    public IReadOnlyList<string>? StringList(string key, string listAllowed, string itemAllowed)
    {
        var items = List(key, listAllowed);
        if (items is null)
        {
            return null;
        }

        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ValueKind != JsonValueKind.String)
            {
                throw Error($"{key}[{i}]", items[i].GetRawText(), itemAllowed);
            }

            result.Add(items[i].GetString()!);
        }

        return result;
    }

    /// <summary>How a JSON value is shown in a message: a string's text, anything else as compact JSON.</summary>
    public static string Display(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : Compact(element);

    public static string Compact(JsonElement element)
    {
        // Written by hand rather than with JsonSerializer, which callers built with reflection disabled (trimmed) reject.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Unquote(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.GetString() ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }

    private static string Show(string value)
    {
        var oneLine = string.Join(" ", value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        if (oneLine.Trim().Length == 0)
        {
            return "\"" + value + "\"";
        }

        return oneLine.Length <= MaxShownValueLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxShownValueLength), "…");
    }
}

/// <summary>Reads the fields of one object setting; unknown fields are rejected up front.</summary>
internal sealed class ObjectReader
{
    private readonly ConfigReader _reader;
    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);

    public ObjectReader(ConfigReader reader, string key, JsonElement element, IReadOnlyList<string> known)
    {
        _reader = reader;
        Key = key;
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                var close = Suggestions.Closest(property.Name, known, 1);
                var hint = close.Count == 0 ? "" : $" (did you mean {close[0]}?)";
                throw reader.Error(
                    $"{key}.{property.Name}",
                    ConfigReader.Display(property.Value),
                    $"{key} has no field {property.Name}; its fields are {string.Join(", ", known)}{hint}");
            }

            _fields[property.Name] = property.Value;
        }
    }

    public string Key { get; }

    public string FieldKey(string field) => $"{Key}.{field}";

    public ConfigException Error(string field, string value, string allowed) => _reader.Error(FieldKey(field), value, allowed);

    /// <summary>The field's JSON value; JSON null counts as unset.</summary>
    public JsonElement? Get(string field) =>
        _fields.TryGetValue(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public int? WholeNumber(string field, int min, int max, string? allowed = null)
    {
        if (Get(field) is not { } value)
        {
            return null;
        }

        allowed ??= $"a whole number from {min} to {max}";
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            throw Error(field, ConfigReader.Compact(value), allowed);
        }

        return number;
    }

    public bool? Boolean(string field)
    {
        if (Get(field) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(field, ConfigReader.Compact(value), "true or false"),
        };
    }

    public string? String(string field, string allowed)
    {
        if (Get(field) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Error(field, ConfigReader.Compact(value), allowed);
    }

    /// <summary>A list of strings; the whole-list error uses <paramref name="listAllowed"/>, an element error <paramref name="itemAllowed"/>.</summary>
    public IReadOnlyList<string>? StringList(string field, string listAllowed, string itemAllowed)
    {
        if (Get(field) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, ConfigReader.Compact(value), listAllowed);
        }

        var result = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw _reader.Error($"{FieldKey(field)}[{index}]", ConfigReader.Compact(item), itemAllowed);
            }

            result.Add(item.GetString()!);
            index++;
        }

        return result;
    }
}

/// <summary>"Did you mean" helpers, for the settings and the command line.</summary>
public static class Suggestions
{
    /// <summary>Up to <paramref name="count"/> candidates close to <paramref name="text"/> (edit distance, then name).</summary>
    public static IReadOnlyList<string> Closest(string text, IEnumerable<string> candidates, int count)
    {
        var lowered = text.ToUpperInvariant();
        return
        [
            .. candidates
                .Select(c => (name: c, distance: EditDistance(lowered, c.ToUpperInvariant())))
                .Where(x => x.distance <= Math.Max(2, x.name.Length / 3) ||
                            (lowered.Length >= 3 && x.name.ToUpperInvariant().Contains(lowered, StringComparison.Ordinal)))
                .OrderBy(x => x.name.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(x => x.distance)
                .ThenBy(x => x.name, StringComparer.Ordinal)
                .Take(count)
                .Select(x => x.name),
        ];
    }

    /// <summary>
    /// Edits that turn one text into the other: inserting, deleting or replacing a character, and with
    /// <paramref name="transpositions"/> also swapping two neighbours (one edit instead of two).
    /// </summary>
    public static int EditDistance(string a, string b, bool transpositions = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
