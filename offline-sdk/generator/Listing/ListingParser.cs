using System.Text.RegularExpressions;

namespace OfflineSdkGenerator.Listing;

/// <summary>Reads an api-surface listing (one line per public type, member and Pulumi wire name;
/// format in shared/tools/api-surface/README.md) and groups its lines by the type they describe.</summary>
internal static partial class ListingParser
{
    [GeneratedRegex(@"^type (class|sealed class|static class|struct) (\S+?)(?: : (\S+))?$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^implements (\S+) (\S+)$")]
    private static partial Regex ImplementsLine();

    [GeneratedRegex(@"^ctor ([^(]+)\((.*)\)$")]
    private static partial Regex ConstructorLine();

    [GeneratedRegex(@"^method (static )?(override |virtual |abstract )?(\S+) ([^(]+)\((.*)\)$")]
    private static partial Regex MethodLine();

    [GeneratedRegex(@"^prop (static )?(\S+) : (\S+) \{ ([^}]*) \}$")]
    private static partial Regex PropertyLine();

    [GeneratedRegex(@"^field (static )?(readonly )?(\S+) : (\S+)$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^(wire-input|wire-output|wire-outputtype) (\S+) ""([^""\\]*)"" : (\S+)( required)?$")]
    private static partial Regex WireLine();

    [GeneratedRegex(@"^resourcetoken (\S+) ""([^""\\]*)""$")]
    private static partial Regex ResourceTokenLine();

    [GeneratedRegex(@"^outputtype (\S+)$")]
    private static partial Regex OutputTypeLine();

    [GeneratedRegex(@"^(?:(params|ref|out|in) )?(\S+) (\w+)( = default)?$")]
    private static partial Regex ParameterText();

    /// <summary>Parses listing files into their types, keyed by full name, in ordinal order. The files are read
    /// as one listing (their union): a supplement may add types or members of a type another file lists, but
    /// listing the same line twice is an error.</summary>
    public static SortedDictionary<string, ApiType> Parse(IReadOnlyList<string> paths)
    {
        (string Path, string Line)[] lines = paths
            .SelectMany(path => File.ReadAllLines(path).Where(l => l.Length > 0).Select(line => (path, line)))
            .ToArray();
        var types = new SortedDictionary<string, ApiType>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Types first: members name their owner only as a dotted prefix of the member name.
        foreach ((string path, string line) in lines)
        {
            if (!seen.Add(line)) throw new GeneratorException($"{path}: line listed twice: {line}");
            if (!line.StartsWith("type ", StringComparison.Ordinal)) continue;
            Match m = TypeLine().Match(line);
            if (!m.Success) throw Unsupported(path, line, "type kind");
            var type = new ApiType(m.Groups[2].Value, m.Groups[1].Value, NullIfEmpty(m.Groups[3].Value), line,
                System.IO.Path.GetFileName(path));
            if (!types.TryAdd(type.FullName, type)) throw new GeneratorException($"{path}: type listed twice: {line}");
            type.AllLines.Add(line);
        }

        foreach ((string path, string line) in lines)
        {
            if (line.StartsWith("type ", StringComparison.Ordinal)) continue;
            AddLine(path, line, types);
        }
        return types;
    }

    private static void AddLine(string path, string line, SortedDictionary<string, ApiType> types)
    {
        Match m;
        if ((m = ImplementsLine().Match(line)).Success)
        {
            ApiType type = Find(types, m.Groups[1].Value, path, line);
            type.Interfaces.Add(m.Groups[2].Value);
            type.AllLines.Add(line);
        }
        else if ((m = ConstructorLine().Match(line)).Success)
        {
            ApiType type = Find(types, m.Groups[1].Value, path, line);
            type.Members.Add(new ConstructorMember(line, ParseParameters(m.Groups[2].Value, path, line)));
            type.AllLines.Add(line);
        }
        else if ((m = MethodLine().Match(line)).Success)
        {
            (ApiType type, string name) = SplitMember(types, m.Groups[4].Value, path, line);
            type.Members.Add(new MethodMember(line, name, m.Groups[3].Value,
                ParseParameters(m.Groups[5].Value, path, line), m.Groups[1].Success, m.Groups[2].Value.Trim()));
            type.AllLines.Add(line);
        }
        else if ((m = PropertyLine().Match(line)).Success)
        {
            (ApiType type, string name) = SplitMember(types, m.Groups[2].Value, path, line);
            type.Members.Add(new PropertyMember(line, name, m.Groups[3].Value, m.Groups[1].Success, m.Groups[4].Value));
            type.AllLines.Add(line);
        }
        else if ((m = FieldLine().Match(line)).Success)
        {
            (ApiType type, string name) = SplitMember(types, m.Groups[3].Value, path, line);
            type.Members.Add(new FieldMember(line, name, m.Groups[4].Value, m.Groups[1].Success, m.Groups[2].Success));
            type.AllLines.Add(line);
        }
        else if ((m = WireLine().Match(line)).Success)
        {
            ApiType type = Find(types, m.Groups[2].Value, path, line);
            var wire = new WireName(line, m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Success);
            List<WireName> list = m.Groups[1].Value switch
            {
                "wire-input" => type.WireInputs,
                "wire-output" => type.WireOutputs,
                _ => type.OutputConstructorParameters,
            };
            list.Add(wire);
            type.AllLines.Add(line);
        }
        else if ((m = ResourceTokenLine().Match(line)).Success)
        {
            ApiType type = Find(types, m.Groups[1].Value, path, line);
            if (type.ResourceToken is not null) throw new GeneratorException($"{path}: second resource token: {line}");
            type.ResourceToken = m.Groups[2].Value;
            type.AllLines.Add(line);
        }
        else if ((m = OutputTypeLine().Match(line)).Success)
        {
            ApiType type = Find(types, m.Groups[1].Value, path, line);
            type.IsOutputType = true;
            type.AllLines.Add(line);
        }
        else
        {
            throw Unsupported(path, line, "line");
        }
    }

    /// <summary>Splits <c>Namespace.Type.Member</c> at the longest listed type name.</summary>
    private static (ApiType Type, string Member) SplitMember(
        SortedDictionary<string, ApiType> types, string qualified, string path, string line)
    {
        for (int dot = qualified.LastIndexOf('.'); dot > 0; dot = qualified.LastIndexOf('.', dot - 1))
        {
            if (types.TryGetValue(qualified[..dot], out ApiType? type)) return (type, qualified[(dot + 1)..]);
        }
        throw new GeneratorException($"{path}: member of an unlisted type: {line}");
    }

    private static ApiType Find(SortedDictionary<string, ApiType> types, string name, string path, string line) =>
        types.TryGetValue(name, out ApiType? type)
            ? type
            : throw new GeneratorException($"{path}: line about an unlisted type: {line}");

    /// <summary>Splits a parameter list at the commas outside generic argument lists.</summary>
    private static List<Parameter> ParseParameters(string text, string path, string line)
    {
        var parameters = new List<Parameter>();
        if (text.Length == 0) return parameters;

        int depth = 0, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length)
            {
                if (text[i] == '<') depth++;
                else if (text[i] == '>') depth--;
                if (text[i] != ',' || depth != 0) continue;
            }
            string part = text[start..i].Trim();
            Match m = ParameterText().Match(part);
            if (!m.Success || m.Groups[1].Success) throw Unsupported(path, line, "parameter");
            parameters.Add(new Parameter(m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Success));
            start = i + 1;
        }
        return parameters;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static GeneratorException Unsupported(string path, string line, string what) =>
        new($"{path}: unsupported {what} (teach the generator about it): {line}");
}
