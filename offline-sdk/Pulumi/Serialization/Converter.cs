using System.Collections;
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
            return JsonSerializer.SerializeToElement(value);
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

        if (targetType.GetCustomAttribute<EnumTypeAttribute>() is not null)
        {
            return ConvertEnumType(value, targetType, context);
        }

        if (targetType.GetCustomAttribute<OutputTypeAttribute>() is not null)
        {
            return ConvertOutputType(value, targetType, context);
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

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        var index = 0;
        foreach (var item in items)
        {
            list.Add(Convert(item, elementType, $"{context}[{index++}]"));
        }

        return typeof(ImmutableArray)
            .GetMethods()
            .Single(m => m.Name == nameof(ImmutableArray.CreateRange) && m.GetParameters().Length == 1)
            .MakeGenericMethod(elementType)
            .Invoke(null, new object[] { list })!;
    }

    private static object ConvertMap(object value, Type valueType, string context)
    {
        if (value is not IDictionary map)
        {
            throw Mismatch(value, typeof(ImmutableDictionary<,>).MakeGenericType(typeof(string), valueType), context);
        }

        var builder = typeof(ImmutableDictionary)
            .GetMethods()
            .Single(m => m.Name == nameof(ImmutableDictionary.CreateBuilder) && m.GetParameters().Length == 0)
            .MakeGenericMethod(typeof(string), valueType)
            .Invoke(null, null)!;
        var add = builder.GetType().GetMethod("Add", new[] { typeof(string), valueType })!;
        foreach (DictionaryEntry entry in map)
        {
            add.Invoke(builder, new[] { entry.Key, Convert(entry.Value, valueType, $"{context}.{entry.Key}") });
        }

        return builder.GetType().GetMethod("ToImmutable")!.Invoke(builder, null)!;
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

    private static object ConvertOutputType(object value, Type outputType, string context)
    {
        if (value is not IDictionary map)
        {
            throw Mismatch(value, outputType, context);
        }

        var constructor = outputType
            .GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .SingleOrDefault(c => c.GetCustomAttribute<OutputConstructorAttribute>() is not null)
            ?? throw new InvalidOperationException($"{outputType.FullName} has no [OutputConstructor] constructor.");
        var arguments = constructor.GetParameters()
            .Select(parameter =>
            {
                var wireName = parameter.GetCustomAttribute<OutputConstructorParameterAttribute>()?.Name ?? parameter.Name!;
                var raw = map.Contains(wireName) ? map[wireName] : null;
                return Convert(raw, parameter.ParameterType, $"{context}.{wireName}");
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
