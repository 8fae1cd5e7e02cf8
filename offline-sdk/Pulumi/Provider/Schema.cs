using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Pulumi.Experimental.Provider;

// The package schema as records, with the JSON names of Pulumi's schema format. Serialized with
// System.Text.Json (indented, nulls left out) they give the schema the real SDK's provider serves.

/// <summary>A Pulumi package schema: its name, version, resources, object types and per-language settings.</summary>
public record PackageSpec
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("namespace")]
    public string Namespace { get; init; } = "";

    [JsonPropertyName("displayName")]
    public string DisplayName { get; init; } = "";

    [JsonPropertyName("version")]
    public string Version { get; init; } = "";

    [JsonPropertyName("resources")]
    public ImmutableSortedDictionary<string, ResourceSpec> Resources { get; init; } =
        ImmutableSortedDictionary<string, ResourceSpec>.Empty;

    [JsonPropertyName("types")]
    public ImmutableSortedDictionary<string, ComplexTypeSpec> Types { get; init; } =
        ImmutableSortedDictionary<string, ComplexTypeSpec>.Empty;

    [JsonPropertyName("language")]
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, object>> Language { get; init; } =
        ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, object>>.Empty;
}

/// <summary>An object shape: its properties and which of them are required.</summary>
public record ObjectTypeSpec
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    [JsonPropertyName("properties")]
    public ImmutableSortedDictionary<string, PropertySpec> Properties { get; init; } =
        ImmutableSortedDictionary<string, PropertySpec>.Empty;

    [JsonPropertyName("required")]
    public ImmutableSortedSet<string> Required { get; init; } = ImmutableSortedSet<string>.Empty;
}

/// <summary>A component resource: its inputs (with the required ones) and its outputs.</summary>
public record ResourceSpec : ObjectTypeSpec
{
    public ResourceSpec(
        Dictionary<string, PropertySpec> inputProperties,
        HashSet<string> requiredInputs,
        Dictionary<string, PropertySpec> properties,
        HashSet<string> required)
    {
        ArgumentNullException.ThrowIfNull(inputProperties);
        ArgumentNullException.ThrowIfNull(requiredInputs);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(required);
        Type = BuiltinTypeSpec.Object;
        IsComponent = true;
        InputProperties = inputProperties.ToImmutableSortedDictionary();
        RequiredInputs = requiredInputs.ToImmutableSortedSet();
        Properties = properties.ToImmutableSortedDictionary();
        Required = required.ToImmutableSortedSet();
    }

    [JsonPropertyName("isComponent")]
    public bool IsComponent { get; init; }

    [JsonPropertyName("inputProperties")]
    public ImmutableSortedDictionary<string, PropertySpec> InputProperties { get; init; } =
        ImmutableSortedDictionary<string, PropertySpec>.Empty;

    [JsonPropertyName("requiredInputs")]
    public ImmutableSortedSet<string> RequiredInputs { get; init; } = ImmutableSortedSet<string>.Empty;
}

/// <summary>An object type of the package (<c>types</c> in the schema), made from a nested args or output class.</summary>
public record ComplexTypeSpec : ObjectTypeSpec
{
    private ComplexTypeSpec(string type) => Type = type;

    public static ComplexTypeSpec CreateObject(Dictionary<string, PropertySpec> properties, HashSet<string> required)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(required);
        return new ComplexTypeSpec(BuiltinTypeSpec.Object)
        {
            Properties = properties.ToImmutableSortedDictionary(),
            Required = required.ToImmutableSortedSet(),
        };
    }
}

/// <summary>
/// A type in the schema: a builtin (<see cref="Type"/>), a reference (<see cref="Ref"/>), an array
/// (<see cref="Items"/>) or a map (<see cref="AdditionalProperties"/>). <see cref="Plain"/> marks a value that cannot
/// be an output; it is written only when true.
/// </summary>
public record TypeSpec
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("items")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TypeSpec? Items { get; init; }

    [JsonPropertyName("additionalProperties")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TypeSpec? AdditionalProperties { get; init; }

    [JsonPropertyName("$ref")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ref { get; init; }

    [JsonPropertyName("plain")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool? Plain { get; init; }

    public static TypeSpec CreateBuiltin(string type, bool? plain = null) => new() { Type = type, Plain = plain == true ? true : null };

    public static TypeSpec CreateReference(string reference, bool? plain = null) => new() { Ref = reference, Plain = plain == true ? true : null };

    public static TypeSpec CreateArray(TypeSpec items) => new() { Type = "array", Items = items };

    public static TypeSpec CreateDictionary(TypeSpec additionalProperties)
        => new() { Type = BuiltinTypeSpec.Object, AdditionalProperties = additionalProperties };
}

/// <summary>The type of one property of a resource or object type.</summary>
public record PropertySpec : TypeSpec
{
#pragma warning disable CA1720 // The names are the schema's builtin type names.
    public static PropertySpec String => CreateBuiltin(BuiltinTypeSpec.String);

    public static PropertySpec Integer => CreateBuiltin(BuiltinTypeSpec.Integer);
#pragma warning restore CA1720

    public static PropertySpec Number => CreateBuiltin(BuiltinTypeSpec.Number);

    public static PropertySpec Boolean => CreateBuiltin(BuiltinTypeSpec.Boolean);

    public static new PropertySpec CreateBuiltin(string type, bool? plain = null) => new() { Type = type, Plain = plain == true ? true : null };

    public static new PropertySpec CreateReference(string reference, bool? plain = null) => new() { Ref = reference, Plain = plain == true ? true : null };

    public static new PropertySpec CreateArray(TypeSpec items) => new() { Type = "array", Items = items };

    public static new PropertySpec CreateDictionary(TypeSpec additionalProperties)
        => new() { Type = BuiltinTypeSpec.Object, AdditionalProperties = additionalProperties };
}

/// <summary>The schema's builtin type names.</summary>
public static class BuiltinTypeSpec
{
#pragma warning disable CA1720 // The names are the schema's builtin type names.
    public const string Object = "object";
    public const string String = "string";
    public const string Integer = "integer";
#pragma warning restore CA1720
    public const string Number = "number";
    public const string Boolean = "boolean";
}

/// <summary>The package's identity: <paramref name="Name"/> is required, the rest optional.</summary>
public record Metadata(string Name, string? Namespace = null, string? Version = null, string? DisplayName = null);
