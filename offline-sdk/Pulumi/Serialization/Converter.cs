using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Pulumi;

/// <summary>
/// Turns plain engine values (strings, doubles, bools, lists, maps) into the typed values of output properties,
/// invoke results and nested output types (through their <see cref="OutputConstructorAttribute"/> constructor).
/// </summary>
internal static class Converter
{
    public static object? Convert(object? value, Type targetType, string context)
    {
        var nullableOf = Nullable.GetUnderlyingType(targetType);
        if (nullableOf is not null)
        {
            return value is null ? null : Convert(value, nullableOf, context);
        }

        if (value is null)
        {
            return DefaultOf(targetType);
        }

        if (targetType == typeof(object))
        {
            return value;
        }

        if (targetType == typeof(string))
        {
            return value as string ?? throw Mismatch(value, targetType, context);
        }

        if (targetType == typeof(bool))
        {
            return value is bool b ? b : throw Mismatch(value, targetType, context);
        }

        if (targetType == typeof(double) || targetType == typeof(int) || targetType == typeof(long) || targetType == typeof(float))
        {
            return value is double d
                ? System.Convert.ChangeType(d, targetType, CultureInfo.InvariantCulture)
                : throw Mismatch(value, targetType, context);
        }

        if (targetType == typeof(JsonElement))
        {
            return PlainJson.ToElement(value);
        }

        if (targetType.IsGenericType)
        {
            var definition = targetType.GetGenericTypeDefinition();
            var arguments = targetType.GetGenericArguments();
            if (definition == typeof(ImmutableArray<>))
            {
                return ConvertList(value, arguments[0], context);
            }

            if (definition == typeof(ImmutableDictionary<,>) && arguments[0] == typeof(string))
            {
                return ConvertMap(value, arguments[1], context);
            }

            if (definition == typeof(Union<,>))
            {
                return ConvertUnion(value, targetType, arguments, context);
            }
        }

        if (IsEnumType.GetOrAdd(targetType, type => type.GetCustomAttribute<EnumTypeAttribute>() is not null))
        {
            return ConvertEnumType(value, targetType, context);
        }

        if (OutputTypeConstructors.GetOrAdd(targetType, OutputTypeConstructor) is { } outputType)
        {
            return ConvertOutputType(value, outputType, context);
        }

        throw Mismatch(value, targetType, context);
    }

    private static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    private static object ConvertList(object value, Type elementType, string context)
    {
        if (value is not IEnumerable items || value is string or IDictionary)
        {
            throw Mismatch(value, typeof(ImmutableArray<>).MakeGenericType(elementType), context);
        }

        return ListConverters.TryGetValue(elementType, out var convert)
            ? convert(items, context)
            : Instantiate(nameof(ToImmutableArray), elementType).Invoke(null, new object[] { items, context })!;
    }

    private static object ConvertMap(object value, Type valueType, string context)
    {
        if (value is not IDictionary map)
        {
            throw Mismatch(value, typeof(ImmutableDictionary<,>).MakeGenericType(typeof(string), valueType), context);
        }

        return MapConverters.TryGetValue(valueType, out var convert)
            ? convert(map, context)
            : Instantiate(nameof(ToImmutableDictionary), valueType).Invoke(null, new object[] { map, context })!;
    }

    // The element types of the SDK's and the providers' outputs, converted without building generic code at run time:
    // an ahead-of-time compiled program has code only for the instantiations it can see. The string and
    // ImmutableArray<string> entries also give it the shared code that every other reference type and every other
    // ImmutableArray<reference type> use when instantiated by reflection below.
    private static readonly Dictionary<Type, Func<IEnumerable, string, object>> ListConverters = new()
    {
        [typeof(string)] = ToImmutableArray<string>,
        [typeof(bool)] = ToImmutableArray<bool>,
        [typeof(int)] = ToImmutableArray<int>,
        [typeof(double)] = ToImmutableArray<double>,
        [typeof(ImmutableArray<string>)] = ToImmutableArray<ImmutableArray<string>>,
    };

    private static readonly Dictionary<Type, Func<IDictionary, string, object>> MapConverters = new()
    {
        [typeof(string)] = ToImmutableDictionary<string>,
        [typeof(bool)] = ToImmutableDictionary<bool>,
        [typeof(int)] = ToImmutableDictionary<int>,
        [typeof(double)] = ToImmutableDictionary<double>,
        [typeof(ImmutableArray<string>)] = ToImmutableDictionary<ImmutableArray<string>>,
    };

    private static MethodInfo Instantiate(string method, Type argument)
        => typeof(Converter).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(argument);

    private static object ToImmutableArray<T>(IEnumerable items, string context)
    {
        var builder = ImmutableArray.CreateBuilder<T>();
        var index = 0;
        foreach (var item in items)
        {
            builder.Add((T)Convert(item, typeof(T), $"{context}[{index++}]")!);
        }

        return builder.ToImmutable();
    }

    private static object ToImmutableDictionary<T>(IDictionary map, string context)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, T>();
        foreach (DictionaryEntry entry in map)
        {
            builder.Add((string)entry.Key, (T)Convert(entry.Value, typeof(T), $"{context}.{entry.Key}")!);
        }

        return builder.ToImmutable();
    }

    private static object ConvertUnion(object value, Type unionType, Type[] arguments, string context)
    {
        for (var i = 0; i < 2; i++)
        {
            object? converted;
            try
            {
                converted = Convert(value, arguments[i], context);
            }
            catch (InvalidOperationException)
            {
                continue;
            }

            return unionType.GetMethod(i == 0 ? "FromT0" : "FromT1")!.Invoke(null, new[] { converted })!;
        }

        throw Mismatch(value, unionType, context);
    }

    private static object ConvertEnumType(object value, Type enumType, string context)
    {
        var constructor = enumType
            .GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .FirstOrDefault(c => c.GetParameters() is { Length: 1 } p && p[0].ParameterType == value.GetType())
            ?? throw Mismatch(value, enumType, context);
        return constructor.Invoke(new[] { value });
    }

    /// <summary>Whether each type met is a provider's enum type, read once per type.</summary>
    private static readonly ConcurrentDictionary<Type, bool> IsEnumType = new();

    /// <summary>The constructor of each output type met (null for other types), read once per type.</summary>
    private static readonly ConcurrentDictionary<Type, OutputTypeShape?> OutputTypeConstructors = new();

    /// <summary>An output type's <see cref="OutputConstructorAttribute"/> constructor and its parameters' wire names.</summary>
    private sealed record OutputTypeShape(Type Type, ConstructorInfo? Constructor, (string WireName, Type Type)[] Parameters);

    private static OutputTypeShape? OutputTypeConstructor(Type type)
    {
        if (type.GetCustomAttribute<OutputTypeAttribute>() is null)
        {
            return null;
        }

        var constructor = type
            .GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .SingleOrDefault(c => c.GetCustomAttribute<OutputConstructorAttribute>() is not null);
        var parameters = constructor?.GetParameters()
            .Select(parameter => (parameter.GetCustomAttribute<OutputConstructorParameterAttribute>()?.Name ?? parameter.Name!, parameter.ParameterType))
            .ToArray() ?? [];
        return new OutputTypeShape(type, constructor, parameters);
    }

    private static object ConvertOutputType(object value, OutputTypeShape outputType, string context)
    {
        if (value is not IDictionary map)
        {
            throw Mismatch(value, outputType.Type, context);
        }

        var constructor = outputType.Constructor
            ?? throw new InvalidOperationException($"{outputType.Type.FullName} has no [OutputConstructor] constructor.");
        var arguments = outputType.Parameters
            .Select(parameter =>
            {
                var raw = map.Contains(parameter.WireName) ? map[parameter.WireName] : null;
                return Convert(raw, parameter.Type, $"{context}.{parameter.WireName}");
            })
            .ToArray();
        return constructor.Invoke(arguments);
    }

    private static InvalidOperationException Mismatch(object value, Type targetType, string context)
        => new($"{context}: expected a value for {TypeName(targetType)} but the engine returned {value.GetType().Name} '{value}'.");

    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;
}
