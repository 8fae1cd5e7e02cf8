using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Pulumi.Experimental.Provider;

/// <summary>
/// Infers a package schema from component resource classes, with the real SDK's rules:
/// <list type="bullet">
/// <item>a component is a non-abstract <see cref="ComponentResource"/>; its token is <c>package:index:ClassName</c>;</item>
/// <item>its inputs are the members of the args type taken by its public constructor of three parameters whose
/// second derives from <see cref="ResourceArgs"/> and third from <see cref="ComponentResourceOptions"/>;</item>
/// <item>its outputs are its own public properties and fields;</item>
/// <item>every public instance member declared on an args, output or nested type needs an <see cref="InputAttribute"/>
/// or <see cref="OutputAttribute"/> with a name, which becomes the schema name;</item>
/// <item>an input is required when its attribute says so; an <c>Output&lt;T&gt;</c> is required unless <c>T</c> is a
/// nullable value type or a reference type annotated as nullable;</item>
/// <item>string, int/long, double/float, bool become string, integer, number, boolean; object, Asset and Archive
/// the pulumi.json types; arrays, lists, <see cref="InputList{T}"/> arrays; string-keyed dictionaries and
/// <see cref="InputMap{TValue}"/> maps; any other class outside System an object type named after the class
/// without its <c>Args</c> suffix, <c>package:index:Name</c>;</item>
/// <item>a plain (non-<c>Input</c>) input value is marked plain; resource references are refused.</item>
/// </list>
/// </summary>
public sealed class ComponentAnalyzer
{
    private static readonly string[] Languages = ["nodejs", "python", "csharp", "java", "go"];

    private readonly Metadata _metadata;
    private readonly Dictionary<string, ComplexTypeSpec> _objectTypes = new();

    private ComponentAnalyzer(Metadata metadata) => _metadata = metadata;

    public static PackageSpec GenerateSchema(Metadata metadata, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return GenerateSchema(metadata, ComponentTypesOf(assembly).ToArray());
    }

    public static PackageSpec GenerateSchema(Metadata metadata, params Type[] componentTypes)
    {
        ArgumentNullException.ThrowIfNull(componentTypes);
        ValidateMetadata(metadata);
        if (componentTypes.Length == 0)
        {
            throw new ArgumentException("A package schema needs at least one component type.", nameof(componentTypes));
        }

        var analyzer = new ComponentAnalyzer(metadata);
        var resources = new Dictionary<string, ResourceSpec>();
        foreach (var componentType in componentTypes)
        {
            if (!typeof(ComponentResource).IsAssignableFrom(componentType))
            {
                throw new ArgumentException(
                    $"Type {componentType.Name} is not a component: a component type must derive from ComponentResource.",
                    nameof(componentTypes));
            }

            resources[componentType.Name] = analyzer.AnalyzeComponent(componentType);
        }

        var settings = ImmutableSortedDictionary.CreateRange(
            new Dictionary<string, object> { ["respectSchemaVersion"] = true });
        return new PackageSpec
        {
            Name = metadata.Name,
            Version = metadata.Version ?? "",
            Namespace = metadata.Namespace ?? "",
            DisplayName = metadata.DisplayName ?? metadata.Name,
            Language = Languages.ToImmutableSortedDictionary(language => language, _ => settings),
            Resources = resources.ToImmutableSortedDictionary(r => analyzer.Token(r.Key), r => r.Value),
            Types = analyzer._objectTypes.ToImmutableSortedDictionary(t => analyzer.Token(t.Key), t => t.Value),
        };
    }

    /// <summary>The component type of that class name: among <paramref name="componentTypes"/> first, then in the assembly; null when there is none.</summary>
    public static Type? FindComponentType(string name, Assembly assembly, Type[]? componentTypes = null)
        => componentTypes?.FirstOrDefault(type => type.Name == name)
            ?? ComponentTypesOf(assembly).FirstOrDefault(type => type.Name == name);

    private static IEnumerable<Type> ComponentTypesOf(Assembly assembly)
        => assembly.GetTypes().Where(type => !type.IsAbstract && typeof(ComponentResource).IsAssignableFrom(type));

    private static void ValidateMetadata(Metadata metadata)
    {
        if (string.IsNullOrWhiteSpace(metadata?.Name))
        {
            throw new ArgumentException("The package name is empty: give the package a name.", nameof(metadata));
        }

        if (!Regex.IsMatch(metadata.Name, "^[a-zA-Z][-a-zA-Z0-9_]*$"))
        {
            throw new ArgumentException(
                $"Invalid package name '{metadata.Name}': a letter followed by letters, digits, hyphens and underscores.",
                nameof(metadata));
        }

        if (metadata.Namespace is { } ns && !Regex.IsMatch(ns, "^[a-z][-a-z0-9]*$"))
        {
            throw new ArgumentException(
                $"Invalid package namespace '{ns}': a lowercase letter followed by lowercase letters, digits and hyphens.",
                nameof(metadata));
        }
    }

    private string Token(string name) => $"{_metadata.Name}:index:{name}";

    private ResourceSpec AnalyzeComponent(Type componentType)
    {
        var inputs = AnalyzeMembers(ArgsTypeOf(componentType));
        var outputs = AnalyzeMembers(componentType);
        return new ResourceSpec(inputs.Properties, inputs.Required, outputs.Properties, outputs.Required);
    }

    private static Type ArgsTypeOf(Type componentType)
    {
        foreach (var constructor in componentType.GetConstructors())
        {
            var parameters = constructor.GetParameters();
            if (parameters.Length == 3
                && typeof(ResourceArgs).IsAssignableFrom(parameters[1].ParameterType)
                && typeof(ComponentResourceOptions).IsAssignableFrom(parameters[2].ParameterType))
            {
                return parameters[1].ParameterType;
            }
        }

        throw new ArgumentException(
            $"Component {componentType.Name} has no public constructor (string name, a ResourceArgs type, ComponentResourceOptions) to take its inputs from.");
    }

    private (Dictionary<string, PropertySpec> Properties, HashSet<string> Required) AnalyzeMembers(Type type)
    {
        var properties = new Dictionary<string, PropertySpec>();
        var required = new HashSet<string>();
        foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (member is not (FieldInfo or PropertyInfo))
            {
                continue;
            }

            var name = SchemaName(member);
            var memberType = TypeOf(member);
            var isOutput = member.GetCustomAttribute<OutputAttribute>() is not null;
            var spec = AnalyzeType(memberType, $"{member.DeclaringType?.Name}.{member.Name}", isOutput);
            properties[name] = new PropertySpec
            {
                Type = spec.Type,
                Ref = spec.Ref,
                Plain = spec.Plain,
                Items = spec.Items,
                AdditionalProperties = spec.AdditionalProperties,
            };
            if (IsRequired(member, memberType))
            {
                required.Add(name);
            }
        }

        return (properties, required);
    }

    private static Type TypeOf(MemberInfo member) => member switch
    {
        PropertyInfo property => property.PropertyType,
        FieldInfo field => field.FieldType,
        _ => throw new ArgumentException($"{member.Name} is neither a property nor a field."),
    };

    private static string SchemaName(MemberInfo member)
    {
        if (member.GetCustomAttribute<InputAttribute>() is { Name: { Length: > 0 } inputName })
        {
            return inputName;
        }

        if (member.GetCustomAttribute<OutputAttribute>() is { Name: { Length: > 0 } outputName })
        {
            return outputName;
        }

        throw new ArgumentException(
            $"Property {member.DeclaringType?.Name}.{member.Name} has no [Input] or [Output] attribute with a name: every public property and field of a component, its args and their nested types needs one.");
    }

    private static bool IsRequired(MemberInfo member, Type memberType)
    {
        if (member.GetCustomAttribute<InputAttribute>() is { } input)
        {
            return input.IsRequired;
        }

        if (!memberType.IsGenericType || memberType.GetGenericTypeDefinition() != typeof(Output<>))
        {
            return false;
        }

        var valueType = memberType.GetGenericArguments()[0];
        if (Nullable.GetUnderlyingType(valueType) is not null)
        {
            return false;
        }

        // A reference type: the compiler marks the member with a NullableAttribute when its annotation differs from
        // the declaring type's default, which is how Output<string?> looks in a class of mostly non-null members.
        return valueType.IsValueType
            || !member.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.NullableAttribute");
    }

    private TypeSpec AnalyzeType(Type type, string context, bool isOutput)
    {
        var plain = !isOutput;
        if (BuiltinName(type) is { } builtin)
        {
            return TypeSpec.CreateBuiltin(builtin, plain);
        }

        if (PulumiTypeReference(type) is { } reference)
        {
            return TypeSpec.CreateReference(reference, plain);
        }

        if (typeof(CustomResource).IsAssignableFrom(type))
        {
            throw new ArgumentException(
                $"{context} is a resource ({type.Name}): resource references are not supported in inferred schemas; pass its id or name instead.");
        }

        if (type.IsArray)
        {
            return TypeSpec.CreateArray(AnalyzeType(type.GetElementType()!, context, isOutput));
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(Output<>))
            {
                return isOutput
                    ? AnalyzeType(arguments[0], context, isOutput: true)
                    : throw new ArgumentException($"{context} is an input of type Output<T>, which only outputs can be; use Input<T>.");
            }

            if (definition == typeof(Input<>))
            {
                RefuseInOutput(context, isOutput, "Input<T>");
                return AnalyzeType(arguments[0], context, isOutput: false) with { Plain = null };
            }

            if (definition == typeof(InputList<>))
            {
                RefuseInOutput(context, isOutput, "InputList<T>");
                return TypeSpec.CreateArray(AnalyzeType(arguments[0], context, isOutput: false) with { Plain = null });
            }

            if (definition == typeof(InputMap<>))
            {
                RefuseInOutput(context, isOutput, "InputMap<T>");
                return TypeSpec.CreateDictionary(AnalyzeType(arguments[0], context, isOutput: false) with { Plain = null });
            }

            if (definition == typeof(Nullable<>))
            {
                return AnalyzeType(arguments[0], context, isOutput);
            }

            if (definition == typeof(List<>) || definition == typeof(IList<>))
            {
                return TypeSpec.CreateArray(AnalyzeType(arguments[0], context, isOutput));
            }

            if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>))
            {
                return arguments[0] == typeof(string)
                    ? TypeSpec.CreateDictionary(AnalyzeType(arguments[1], context, isOutput))
                    : throw new ArgumentException($"{context} is a dictionary with {arguments[0].Name} keys; the keys must be strings.");
            }
        }

        if (type.IsInterface || type.IsPrimitive || (type.Namespace?.StartsWith("System", StringComparison.Ordinal) ?? false))
        {
            throw new ArgumentException($"{context} has type {type.FullName}, which a package schema cannot express.");
        }

        var name = type.Name.EndsWith("Args", StringComparison.Ordinal) ? type.Name[..^"Args".Length] : type.Name;
        if (!_objectTypes.ContainsKey(name))
        {
            // Registered before its members are analysed, so that a type that refers to itself ends the recursion.
            _objectTypes[name] = ComplexTypeSpec.CreateObject(new(), new());
            var (properties, required) = AnalyzeMembers(type);
            _objectTypes[name] = ComplexTypeSpec.CreateObject(properties, required);
        }

        return TypeSpec.CreateReference($"#/types/{Token(name)}", plain);
    }

    private static void RefuseInOutput(string context, bool isOutput, string kind)
    {
        if (isOutput)
        {
            throw new ArgumentException($"{context} is an [Output] of type {kind}, which only inputs can be.");
        }
    }

    private static string? BuiltinName(Type type)
    {
        if (type == typeof(string))
        {
            return BuiltinTypeSpec.String;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return BuiltinTypeSpec.Integer;
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return BuiltinTypeSpec.Number;
        }

        return type == typeof(bool) ? BuiltinTypeSpec.Boolean : null;
    }

    private static string? PulumiTypeReference(Type type)
    {
        if (type == typeof(Archive))
        {
            return "pulumi.json#/Archive";
        }

        if (type == typeof(Asset))
        {
            return "pulumi.json#/Asset";
        }

        return type == typeof(object) ? "pulumi.json#/Any" : null;
    }
}
