using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Pulumi;

/// <summary>A value turned into the plain shape the engine (and so the mocks) sees.</summary>
internal readonly record struct SerializedValue(object? Value, bool IsKnown, bool IsSecret, ImmutableHashSet<Resource> Resources)
{
    public static SerializedValue Plain(object? value) => new(value, true, false, ImmutableHashSet<Resource>.Empty);
}

/// <summary>
/// Turns inputs into plain values as the engine receives them: wire names as keys, numbers as <see cref="double"/>,
/// lists as <see cref="ImmutableArray{Object}"/>, maps and nested args as <see cref="ImmutableDictionary{String, Object}"/>,
/// resources as their ids. An unknown value anywhere makes the whole value unknown.
/// </summary>
internal static class Serializer
{
    public static async Task<SerializedValue> SerializeArgsAsync(InputArgs args)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, object>();
        var isSecret = false;
        var resources = ImmutableHashSet<Resource>.Empty;
        var unknownKeys = new List<string>();
        foreach (var (wireName, value) in await SerializeMembersAsync(args).ConfigureAwait(false))
        {
            isSecret |= value.IsSecret;
            resources = resources.Union(value.Resources);
            if (!value.IsKnown)
            {
                unknownKeys.Add(wireName);
            }
            else if (value.Value is not null)
            {
                builder[wireName] = value.Value;
            }
        }

        return new SerializedValue(builder.ToImmutable(), unknownKeys.Count == 0, isSecret, resources);
    }

    public static async Task<SerializedValue> SerializeAsync(object? value)
    {
        switch (value)
        {
            case null:
                return SerializedValue.Plain(null);
            case IInput input:
                return await SerializeOutputAsync(input.ToUntypedOutput()).ConfigureAwait(false);
            case IOutput output:
                return await SerializeOutputAsync(output).ConfigureAwait(false);
            case string or bool:
                return SerializedValue.Plain(value);
            case char c:
                return SerializedValue.Plain(c.ToString());
            case Enum e:
                return SerializedValue.Plain(Convert.ToDouble(e, System.Globalization.CultureInfo.InvariantCulture));
            case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return SerializedValue.Plain(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
            case CustomResource custom:
                return await SerializeResourceReferenceAsync(custom, custom.Id).ConfigureAwait(false);
            case Resource resource:
                return await SerializeResourceReferenceAsync(resource, resource.Urn).ConfigureAwait(false);
            case InputArgs args:
                return await SerializeArgsAsync(args).ConfigureAwait(false) is var nested && nested.IsKnown
                    ? nested
                    : nested with { Value = null };
            case JsonElement json:
                return SerializedValue.Plain(FromJson(json));
            case AssetOrArchive asset:
                return SerializedValue.Plain(asset.ToWireValue());
            case IUnion union:
                return await SerializeAsync(union.Value).ConfigureAwait(false);
            case IEnumerable when IsDefaultImmutableArray(value):
                return SerializedValue.Plain(null);
            case IDictionary dictionary:
                return await SerializeDictionaryAsync(dictionary).ConfigureAwait(false);
            case IEnumerable enumerable:
                return await SerializeListAsync(enumerable).ConfigureAwait(false);
        }

        var type = value.GetType();
        if (type.GetCustomAttribute<EnumTypeAttribute>() is not null)
        {
            return SerializedValue.Plain(EnumTypeValue(value));
        }

        throw new InvalidOperationException($"{type.FullName} is not a supported argument type.");
    }

    private static async Task<IEnumerable<(string WireName, SerializedValue Value)>> SerializeMembersAsync(InputArgs args)
    {
        var results = new List<(string, SerializedValue)>();
        foreach (var (attribute, member, value) in InputMembers(args))
        {
            var serialized = await SerializeAsync(value).ConfigureAwait(false);
            if (attribute.IsRequired && value is null)
            {
                throw new ArgumentNullException(
                    attribute.Name,
                    $"{args.GetType().FullName}.{member} ('{attribute.Name}') is required but was not given a value.");
            }

            if (attribute.Json && serialized is { IsKnown: true, Value: not null })
            {
                serialized = serialized with { Value = PlainJson.Serialize(serialized.Value) };
            }

            results.Add((attribute.Name, serialized));
        }

        return results;
    }

    private static IEnumerable<(InputAttribute Attribute, string Member, object? Value)> InputMembers(InputArgs args)
    {
        for (var type = args.GetType(); type is not null && type != typeof(InputArgs); type = type.BaseType)
        {
            foreach (var (attribute, member) in DeclaredInputs.GetOrAdd(type, InputMembersOf))
            {
                yield return (attribute, member.Name, member is FieldInfo field ? field.GetValue(args) : ((PropertyInfo)member).GetValue(args));
            }
        }
    }

    /// <summary>The input fields and properties each argument type declares (fields first), read once per type.</summary>
    private static readonly ConcurrentDictionary<Type, (InputAttribute Attribute, MemberInfo Member)[]> DeclaredInputs = new();

    private static (InputAttribute Attribute, MemberInfo Member)[] InputMembersOf(Type type)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var members = new List<(InputAttribute, MemberInfo)>();
        foreach (var field in type.GetFields(flags))
        {
            if (field.GetCustomAttribute<InputAttribute>() is { } attribute)
            {
                members.Add((attribute, field));
            }
        }

        foreach (var property in type.GetProperties(flags))
        {
            if (property.GetCustomAttribute<InputAttribute>() is { } attribute)
            {
                members.Add((attribute, property));
            }
        }

        return [.. members];
    }

    private static async Task<SerializedValue> SerializeOutputAsync(IOutput output)
    {
        var data = await output.GetDataAsync().ConfigureAwait(false);
        if (!data.IsKnown)
        {
            return new SerializedValue(null, false, data.IsSecret, data.Resources);
        }

        var inner = await SerializeAsync(data.Value).ConfigureAwait(false);
        return inner with { IsSecret = inner.IsSecret || data.IsSecret, Resources = inner.Resources.Union(data.Resources) };
    }

    private static async Task<SerializedValue> SerializeResourceReferenceAsync(Resource resource, Output<string> reference)
    {
        var data = await reference.DataTask.ConfigureAwait(false);
        return new SerializedValue(data.IsKnown ? data.Value : null, data.IsKnown, false, ImmutableHashSet.Create(resource));
    }

    private static async Task<SerializedValue> SerializeDictionaryAsync(IDictionary dictionary)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, object>();
        var isKnown = true;
        var isSecret = false;
        var resources = ImmutableHashSet<Resource>.Empty;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                throw new InvalidOperationException($"Map keys must be strings, not {entry.Key.GetType().FullName}.");
            }

            var value = await SerializeAsync(entry.Value).ConfigureAwait(false);
            isKnown &= value.IsKnown;
            isSecret |= value.IsSecret;
            resources = resources.Union(value.Resources);
            if (value.Value is not null)
            {
                builder[key] = value.Value;
            }
        }

        return new SerializedValue(isKnown ? builder.ToImmutable() : null, isKnown, isSecret, resources);
    }

    private static async Task<SerializedValue> SerializeListAsync(IEnumerable enumerable)
    {
        var builder = ImmutableArray.CreateBuilder<object>();
        var isKnown = true;
        var isSecret = false;
        var resources = ImmutableHashSet<Resource>.Empty;
        foreach (var item in enumerable)
        {
            var value = await SerializeAsync(item).ConfigureAwait(false);
            isKnown &= value.IsKnown;
            isSecret |= value.IsSecret;
            resources = resources.Union(value.Resources);
            builder.Add(value.Value!);
        }

        return new SerializedValue(isKnown ? builder.ToImmutable() : null, isKnown, isSecret, resources);
    }

    /// <summary>
    /// Whether the value is an <see cref="ImmutableArray{T}"/> without an array (its default), found by comparing it
    /// with the type's default value rather than reading <c>IsDefault</c> through reflection, which an ahead-of-time
    /// compiled tool cannot do for every element type.
    /// </summary>
    private static bool IsDefaultImmutableArray(object value)
    {
        var type = value.GetType();
        return type.IsGenericType
            && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
            && value.Equals(RuntimeHelpers.GetUninitializedObject(type));
    }

    private static object EnumTypeValue(object value)
    {
        var conversion = value.GetType()
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name is "op_Explicit" or "op_Implicit"
                && m.GetParameters().Length == 1
                && m.GetParameters()[0].ParameterType == value.GetType()
                && (m.ReturnType == typeof(string) || m.ReturnType == typeof(double)))
            ?? throw new InvalidOperationException($"{value.GetType().FullName} has no conversion to string or double.");
        return conversion.Invoke(null, new[] { value })!;
    }

    internal static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject()
            .Where(p => p.Value.ValueKind != JsonValueKind.Null)
            .ToImmutableDictionary(p => p.Name, p => FromJson(p.Value)!),
        JsonValueKind.Array => json.EnumerateArray().Select(FromJson).ToImmutableArray(),
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
