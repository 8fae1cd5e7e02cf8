using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Package.Tests;

/// <summary>Reads the Pulumi YAML example's resources, inputs and references for the schema check.</summary>
internal static partial class YamlExample
{
    public static void Check(string path, SchemaChecker checker)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var config = Mapping(root, "config")?.Children.ToDictionary(
            c => ((YamlScalarNode)c.Key).Value!,
            c => new SchemaType(((YamlScalarNode)((YamlMappingNode)c.Value).Children[new YamlScalarNode("type")]).Value!)) ?? [];
        var resources = Mapping(root, "resources")!.Children.ToDictionary(
            r => ((YamlScalarNode)r.Key).Value!,
            r => (Node: (YamlMappingNode)r.Value, Token: ((YamlScalarNode)((YamlMappingNode)r.Value).Children[new YamlScalarNode("type")]).Value!));

        foreach (var (name, resource) in resources)
        {
            var properties = Mapping(resource.Node, "properties");
            var inputs = properties?.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => Value(p.Value, $"resources.{name}", config, resources, checker)) ?? [];
            checker.CheckResource($"resources.{name}", resource.Token, inputs);
        }

        foreach (var output in Mapping(root, "outputs")?.Children.ToList() ?? [])
        {
            _ = Value(output.Value, $"outputs.{((YamlScalarNode)output.Key).Value}", config, resources, checker);
        }
    }

    private static YamlMappingNode? Mapping(YamlMappingNode node, string key)
        => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (YamlMappingNode)value : null;

    private static ProgramValue Value(
        YamlNode node, string where, Dictionary<string, SchemaType> config,
        Dictionary<string, (YamlMappingNode Node, string Token)> resources, SchemaChecker checker)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                return new ProgramValue.List([.. sequence.Children.Select(c => Value(c, where, config, resources, checker))]);
            case YamlMappingNode mapping:
                return new ProgramValue.Object(mapping.Children.ToDictionary(
                    c => ((YamlScalarNode)c.Key).Value!, c => Value(c.Value, where, config, resources, checker)));
        }

        var scalar = (YamlScalarNode)node;
        var text = scalar.Value ?? "";
        if (Reference().Match(text) is { Success: true } reference)
        {
            var source = reference.Groups["source"].Value;
            SchemaType? type = null;
            if (config.TryGetValue(source, out var configType) && !reference.Groups["output"].Success)
            {
                type = configType;
            }
            else if (resources.TryGetValue(source, out var resource) && reference.Groups["output"].Success)
            {
                type = checker.Output(where, resource.Token, reference.Groups["output"].Value);
            }
            else
            {
                checker.Problems.Add($"{where}: {text} names neither a config value nor an output of a resource of the program");
            }

            if (type is not null && reference.Groups["key"].Success)
            {
                type = type.Kind == "map" ? type.Element : null;
                if (type is null)
                {
                    checker.Problems.Add($"{where}: {text} indexes by key a value that is not a map");
                }
            }

            return type is null ? new ProgramValue.Literal("unknown") : new ProgramValue.Typed(type, text);
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            return new ProgramValue.Literal("string");
        }

        return text switch
        {
            "true" or "false" => new ProgramValue.Literal("boolean"),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => new ProgramValue.Literal("integer"),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => new ProgramValue.Literal("number"),
            _ => new ProgramValue.Literal("string"),
        };
    }

    [GeneratedRegex(@"^\$\{(?<source>[A-Za-z_][\w-]*)(\.(?<output>\w+))?(\[""(?<key>[^""]+)""\])?\}$")]
    private static partial Regex Reference();
}

/// <summary>
/// Reads the TypeScript example's components, their argument literals, and the outputs it reads, for the schema
/// check. It understands the forms the example uses: literals, config strings, <c>component.output</c>, and
/// <c>component.output.apply(x =&gt; x["key"])</c> or <c>apply(x =&gt; x!)</c>; anything else is reported.
/// </summary>
internal static partial class TypeScriptExample
{
    public static void Check(string path, string packageToken, SchemaChecker checker)
    {
        var text = File.ReadAllText(path);
        var alias = Import().Match(text) is { Success: true } import
            ? import.Groups[1].Value
            : throw new InvalidOperationException($"{path} does not import @pulumi/{packageToken}.");

        var strings = ConfigString().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        var components = new Dictionary<string, string>();
        foreach (Match construction in Construction(alias).Matches(text))
        {
            var variable = construction.Groups["variable"].Value;
            var token = $"{packageToken}:index:{construction.Groups["type"].Value}";
            components[variable] = token;
            var reader = new LiteralReader(text, construction.Index + construction.Length - 1);
            var inputs = reader.ReadObject();
            var values = inputs.ToDictionary(i => i.Key, i => Interpret(i.Value, $"{variable}.{i.Key}", strings, components, checker));
            checker.CheckResource(variable, token, values);
        }

        foreach (Match export in Export().Matches(text))
        {
            _ = Interpret(new Raw(export.Groups[2].Value.Trim()), $"export {export.Groups[1].Value}", strings, components, checker);
        }

        if (components.Count == 0)
        {
            checker.Problems.Add($"{path}: no component of the package is constructed");
        }
    }

    /// <summary>An expression the literal reader did not interpret.</summary>
    internal sealed record Raw(string Text);

    private static ProgramValue Interpret(object value, string where, HashSet<string> strings, Dictionary<string, string> components, SchemaChecker checker)
    {
        switch (value)
        {
            case ProgramValue known:
                return known;
            case List<object> items:
                return new ProgramValue.List([.. items.Select(i => Interpret(i, where, strings, components, checker))]);
            case Dictionary<string, object> fields:
                return new ProgramValue.Object(fields.ToDictionary(f => f.Key, f => Interpret(f.Value, $"{where}.{f.Key}", strings, components, checker)));
        }

        var text = ((Raw)value).Text;
        if (strings.Contains(text))
        {
            return new ProgramValue.Literal("string");
        }

        if (OutputExpression().Match(text) is { Success: true } expression && components.TryGetValue(expression.Groups["component"].Value, out var token))
        {
            var type = checker.Output(where, token, expression.Groups["output"].Value);
            if (type is not null && expression.Groups["key"].Success)
            {
                type = type.Kind == "map" ? type.Element : null;
                if (type is null)
                {
                    checker.Problems.Add($"{where}: {text} indexes by key an output that is not a map");
                }
            }

            return type is null ? new ProgramValue.Literal("unknown") : new ProgramValue.Typed(type, text);
        }

        checker.Problems.Add($"{where}: the check cannot tell the type of {text}");
        return new ProgramValue.Literal("unknown");
    }

    [GeneratedRegex(@"import \* as (\w+) from ""@pulumi/private-connectivity"";")]
    private static partial Regex Import();

    [GeneratedRegex(@"const (\w+) = config\.require\(""[^""]+""\);")]
    private static partial Regex ConfigString();

    private static Regex Construction(string alias)
        => new($@"const (?<variable>\w+) = new {Regex.Escape(alias)}\.(?<type>\w+)\(""[^""]+"",\s*\{{", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"export const (\w+) = ([^;]+);")]
    private static partial Regex Export();

    [GeneratedRegex(@"^(?<component>\w+)\.(?<output>\w+)(\.apply\(\(?(?<arg>\w+)\)?\s*=>\s*\k<arg>(\[""(?<key>[^""]+)""\]|!)\))?$")]
    private static partial Regex OutputExpression();

    /// <summary>Reads a JavaScript object literal: strings, numbers, booleans, arrays, objects, and other expressions as <see cref="Raw"/>.</summary>
    private sealed class LiteralReader(string text, int position)
    {
        private int _position = position;

        public Dictionary<string, object> ReadObject()
        {
            Expect('{');
            var fields = new Dictionary<string, object>();
            while (Peek() != '}')
            {
                var key = ReadKey();
                Expect(':');
                fields[key] = ReadValue();
                if (Peek() == ',')
                {
                    _position++;
                }
            }

            Expect('}');
            return fields;
        }

        private object ReadValue()
        {
            switch (Peek())
            {
                case '{':
                    return ReadObject();
                case '[':
                    _position++;
                    var items = new List<object>();
                    while (Peek() != ']')
                    {
                        items.Add(ReadValue());
                        if (Peek() == ',')
                        {
                            _position++;
                        }
                    }

                    _position++;
                    return items;
                case '"' or '\'':
                    ReadString();
                    return new ProgramValue.Literal("string");
            }

            var raw = ReadExpression();
            return raw switch
            {
                "true" or "false" => new ProgramValue.Literal("boolean"),
                _ when long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => new ProgramValue.Literal("integer"),
                _ when double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => new ProgramValue.Literal("number"),
                _ => new Raw(raw),
            };
        }

        private string ReadKey()
        {
            if (Peek() is '"' or '\'')
            {
                return ReadString();
            }

            var start = _position;
            while (char.IsLetterOrDigit(text[_position]) || text[_position] is '_' or '$')
            {
                _position++;
            }

            return text[start.._position];
        }

        private string ReadString()
        {
            var quote = text[_position++];
            var start = _position;
            while (text[_position] != quote)
            {
                _position += text[_position] == '\\' ? 2 : 1;
            }

            return text[start.._position++];
        }

        /// <summary>An expression up to the next comma or closing bracket at its own nesting level.</summary>
        private string ReadExpression()
        {
            SkipSpace();
            var start = _position;
            var depth = 0;
            while (depth > 0 || text[_position] is not (',' or '}' or ']'))
            {
                depth += text[_position] switch
                {
                    '(' or '[' or '{' => 1,
                    ')' or ']' or '}' => -1,
                    _ => 0,
                };
                _position++;
            }

            return text[start.._position].Trim();
        }

        private char Peek()
        {
            SkipSpace();
            return text[_position];
        }

        private void Expect(char expected)
        {
            if (Peek() != expected)
            {
                throw new InvalidOperationException($"Expected '{expected}' at offset {_position}, found '{text[_position]}'.");
            }

            _position++;
        }

        private void SkipSpace()
        {
            while (char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }
    }
}
