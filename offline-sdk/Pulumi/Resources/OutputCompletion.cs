using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Pulumi;

/// <summary>Resolves one output property of a resource once the engine has answered.</summary>
internal interface IOutputCompletionSource
{
    Type TargetType { get; }

    /// <summary>The <see cref="Output{T}"/> this source completes.</summary>
    object Output { get; }

    void SetValue(object? value, bool isKnown, bool isSecret, ImmutableHashSet<Resource> resources);

    void TrySetDefault(bool isKnown, ImmutableHashSet<Resource> resources);

    void TrySetException(Exception exception);
}

internal sealed class OutputCompletionSource<T> : IOutputCompletionSource
{
    private readonly TaskCompletionSource<OutputData<T>> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutputCompletionSource() => Output = new Output<T>(_source.Task);

    public Output<T> Output { get; }

    object IOutputCompletionSource.Output => Output;

    public Type TargetType => typeof(T);

    public void SetValue(object? value, bool isKnown, bool isSecret, ImmutableHashSet<Resource> resources)
        => _source.TrySetResult(new OutputData<T>((T)value!, isKnown, isSecret, resources));

    public void TrySetDefault(bool isKnown, ImmutableHashSet<Resource> resources)
        => _source.TrySetResult(new OutputData<T>(default!, isKnown, false, resources));

    public void TrySetException(Exception exception) => _source.TrySetException(exception);
}

internal static class OutputCompletion
{
    /// <summary>
    /// Gives every <see cref="OutputAttribute"/> property of the resource (its own and its base classes') a fresh
    /// output that the registration will complete, keyed by wire name.
    /// </summary>
    public static ImmutableDictionary<string, IOutputCompletionSource> AttachOutputs(Resource resource)
    {
        var sources = ImmutableDictionary.CreateBuilder<string, IOutputCompletionSource>();
        for (var type = resource.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var (property, attribute) in OutputProperties.GetOrAdd(type, DeclaredOutputProperties))
            {
                var propertyType = property.PropertyType;
                if (!propertyType.IsGenericType || propertyType.GetGenericTypeDefinition() != typeof(Output<>))
                {
                    throw new InvalidOperationException(
                        $"{type.FullName}.{property.Name} is marked [Output] but is not an Output<T>.");
                }

                var wireName = attribute.Name ?? property.Name;
                if (sources.ContainsKey(wireName))
                {
                    continue;
                }

                if (NewSource(propertyType.GetGenericArguments()[0]) is not { } source)
                {
                    continue;
                }

                var setter = property.GetSetMethod(nonPublic: true)
                    ?? throw new InvalidOperationException($"{type.FullName}.{property.Name} has no setter for its output.");
                setter.Invoke(resource, new[] { source.Output });
                sources[wireName] = source;
            }
        }

        return sources.ToImmutable();
    }

    /// <summary>The output properties each resource type declares, read once per type.</summary>
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, OutputAttribute Attribute)[]> OutputProperties = new();

    private static (PropertyInfo Property, OutputAttribute Attribute)[] DeclaredOutputProperties(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Select(property => (property, attribute: property.GetCustomAttribute<OutputAttribute>()))
            .Where(pair => pair.attribute is not null)
            .Select(pair => (pair.property, pair.attribute!)),
    ];

    // The value types of the providers' outputs get their sources without building generic code at run time: an
    // ahead-of-time compiled program has code only for the instantiations it can see. The string and
    // ImmutableArray<string> entries also give it the shared code that every other reference type and every other
    // ImmutableArray<reference type> use when instantiated by reflection below.
    private static readonly Dictionary<Type, Func<IOutputCompletionSource>> KnownSources = new()
    {
        [typeof(string)] = () => new OutputCompletionSource<string>(),
        [typeof(bool)] = () => new OutputCompletionSource<bool>(),
        [typeof(bool?)] = () => new OutputCompletionSource<bool?>(),
        [typeof(int)] = () => new OutputCompletionSource<int>(),
        [typeof(int?)] = () => new OutputCompletionSource<int?>(),
        [typeof(double)] = () => new OutputCompletionSource<double>(),
        [typeof(double?)] = () => new OutputCompletionSource<double?>(),
        [typeof(ImmutableArray<string>)] = () => new OutputCompletionSource<ImmutableArray<string>>(),
    };

    /// <summary>
    /// A source for an output of that value type, or null when the program has no code for one: only in an
    /// ahead-of-time compiled program, for an output of a value type that nothing in it uses (an array of a provider's
    /// enum type, say). Such a property stays unset, which only code that never reads it can tell.
    /// </summary>
    private static IOutputCompletionSource? NewSource(Type valueType)
    {
        if (KnownSources.TryGetValue(valueType, out var create))
        {
            return create();
        }

        try
        {
            return (IOutputCompletionSource)Activator.CreateInstance(typeof(OutputCompletionSource<>).MakeGenericType(valueType))!;
        }
        catch (NotSupportedException) when (!RuntimeFeature.IsDynamicCodeCompiled)
        {
            return null;
        }
    }
}
