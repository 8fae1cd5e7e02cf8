using System.Collections.Immutable;
using System.Reflection;

namespace Pulumi;

/// <summary>Resolves one output property of a resource once the engine has answered.</summary>
internal interface IOutputCompletionSource
{
    Type TargetType { get; }

    void SetValue(object? value, bool isKnown, bool isSecret, ImmutableHashSet<Resource> resources);

    void TrySetDefault(bool isKnown, ImmutableHashSet<Resource> resources);

    void TrySetException(Exception exception);
}

internal sealed class OutputCompletionSource<T> : IOutputCompletionSource
{
    private readonly TaskCompletionSource<OutputData<T>> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutputCompletionSource() => Output = new Output<T>(_source.Task);

    public Output<T> Output { get; }

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
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<OutputAttribute>() is not { } attribute)
                {
                    continue;
                }

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

                var valueType = propertyType.GetGenericArguments()[0];
                var source = (IOutputCompletionSource)Activator.CreateInstance(typeof(OutputCompletionSource<>).MakeGenericType(valueType))!;
                var output = source.GetType().GetProperty(nameof(OutputCompletionSource<object>.Output))!.GetValue(source);
                var setter = property.GetSetMethod(nonPublic: true)
                    ?? throw new InvalidOperationException($"{type.FullName}.{property.Name} has no setter for its output.");
                setter.Invoke(resource, new[] { output });
                sources[wireName] = source;
            }
        }

        return sources.ToImmutable();
    }
}
