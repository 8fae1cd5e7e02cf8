using System.Text.Json;

namespace Infra.Package.Tests;

/// <summary>A type of the package schema: a builtin, a list, a map, or an object type of the schema's types.</summary>
internal sealed record SchemaType(string Kind, SchemaType? Element = null, string? Ref = null)
{
    public override string ToString() => Kind switch
    {
        "array" => $"list of {Element}",
        "map" => $"map of {Element}",
        "ref" => Ref!,
        _ => Kind,
    };
}

/// <summary>A component of the schema: its inputs, which of them are required, and its outputs.</summary>
internal sealed record SchemaResource(
    IReadOnlyDictionary<string, SchemaType> Inputs, IReadOnlySet<string> RequiredInputs, IReadOnlyDictionary<string, SchemaType> Outputs);

/// <summary>The committed package schema, read for checking programs that use the package.</summary>
internal sealed class SchemaModel
{
    private SchemaModel(
        IReadOnlyDictionary<string, SchemaResource> resources, IReadOnlyDictionary<string, IReadOnlyDictionary<string, SchemaType>> objectTypes)
    {
        Resources = resources;
        ObjectTypes = objectTypes;
    }

    public IReadOnlyDictionary<string, SchemaResource> Resources { get; }

    /// <summary>Object types by their reference (<c>#/types/…</c>), with their properties.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, SchemaType>> ObjectTypes { get; }

    public static SchemaModel Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var resources = root.GetProperty("resources").EnumerateObject().ToDictionary(
            r => r.Name,
            r => new SchemaResource(
                Properties(r.Value, "inputProperties"),
                r.Value.TryGetProperty("requiredInputs", out var required) ? required.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [],
                Properties(r.Value, "properties")));
        var types = root.TryGetProperty("types", out var typesElement)
            ? typesElement.EnumerateObject().ToDictionary(t => $"#/types/{t.Name}", t => (IReadOnlyDictionary<string, SchemaType>)Properties(t.Value, "properties"))
            : [];
        return new SchemaModel(resources, types);
    }

    private static Dictionary<string, SchemaType> Properties(JsonElement owner, string name)
        => owner.TryGetProperty(name, out var properties)
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => TypeOf(p.Value))
            : [];

    private static SchemaType TypeOf(JsonElement spec)
    {
        if (spec.TryGetProperty("$ref", out var reference))
        {
            return new SchemaType("ref", Ref: reference.GetString());
        }

        var type = spec.GetProperty("type").GetString()!;
        return type switch
        {
            "array" => new SchemaType("array", TypeOf(spec.GetProperty("items"))),
            "object" when spec.TryGetProperty("additionalProperties", out var values) => new SchemaType("map", TypeOf(values)),
            _ => new SchemaType(type),
        };
    }
}

/// <summary>What a program passes or reads, as far as a check can tell without running it.</summary>
internal abstract record ProgramValue
{
    /// <summary>A literal string, number or boolean (<c>Kind</c> string, integer, number, boolean).</summary>
    public sealed record Literal(string Kind) : ProgramValue;

    public sealed record List(IReadOnlyList<ProgramValue> Items) : ProgramValue;

    public sealed record Object(IReadOnlyDictionary<string, ProgramValue> Fields) : ProgramValue;

    /// <summary>A value of a known schema type, such as another component's output or an element of one.</summary>
    public sealed record Typed(SchemaType Type, string Source) : ProgramValue;
}

/// <summary>Checks a program's values against the schema: every input exists, has the right type, and required ones are set.</summary>
internal sealed class SchemaChecker(SchemaModel schema)
{
    public List<string> Problems { get; } = [];

    public void CheckResource(string where, string token, IReadOnlyDictionary<string, ProgramValue> inputs)
    {
        if (!schema.Resources.TryGetValue(token, out var resource))
        {
            Problems.Add($"{where}: {token} is not a resource of the schema");
            return;
        }

        foreach (var (name, value) in inputs)
        {
            if (resource.Inputs.TryGetValue(name, out var type))
            {
                Check($"{where}.{name}", type, value);
            }
            else
            {
                Problems.Add($"{where}: {token} has no input {name}");
            }
        }

        foreach (var required in resource.RequiredInputs.Where(r => !inputs.ContainsKey(r)))
        {
            Problems.Add($"{where}: required input {required} of {token} is not set");
        }
    }

    /// <summary>The type of an output of a resource, or null (and a problem) when it has none of that name.</summary>
    public SchemaType? Output(string where, string token, string output)
    {
        if (schema.Resources.TryGetValue(token, out var resource) && resource.Outputs.TryGetValue(output, out var type))
        {
            return type;
        }

        Problems.Add($"{where}: {token} has no output {output}");
        return null;
    }

    private void Check(string where, SchemaType expected, ProgramValue value)
    {
        switch (value)
        {
            case ProgramValue.Literal literal when Matches(expected.Kind, literal.Kind):
                return;
            case ProgramValue.List list when expected.Kind == "array":
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Check($"{where}[{i}]", expected.Element!, list.Items[i]);
                }

                return;
            case ProgramValue.Object obj when expected.Kind == "map":
                foreach (var (key, field) in obj.Fields)
                {
                    Check($"{where}.{key}", expected.Element!, field);
                }

                return;
            case ProgramValue.Object obj when expected.Kind == "ref" && schema.ObjectTypes.TryGetValue(expected.Ref!, out var properties):
                foreach (var (key, field) in obj.Fields)
                {
                    if (properties.TryGetValue(key, out var fieldType))
                    {
                        Check($"{where}.{key}", fieldType, field);
                    }
                    else
                    {
                        Problems.Add($"{where}: {expected.Ref} has no property {key}");
                    }
                }

                return;
            case ProgramValue.Typed typed when Same(expected, typed.Type):
                return;
        }

        Problems.Add($"{where}: expects {expected}, but gets {Describe(value)}");
    }

    private static bool Matches(string expected, string actual) => expected == actual || (expected == "number" && actual == "integer");

    private static bool Same(SchemaType expected, SchemaType actual)
        => Matches(expected.Kind, actual.Kind) && expected.Ref == actual.Ref
            && (expected.Element is null || (actual.Element is not null && Same(expected.Element, actual.Element)));

    private static string Describe(ProgramValue value) => value switch
    {
        ProgramValue.Literal literal => $"a {literal.Kind} literal",
        ProgramValue.List => "a list",
        ProgramValue.Object => "an object",
        ProgramValue.Typed typed => $"{typed.Source} ({typed.Type})",
        _ => value.ToString(),
    };
}
