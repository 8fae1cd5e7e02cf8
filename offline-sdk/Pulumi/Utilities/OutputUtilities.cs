using System.Collections.Immutable;

namespace Pulumi.Utilities;

/// <summary>Helpers for tests and advanced code that need to look inside outputs.</summary>
public static class OutputUtilities
{
    /// <summary>The output's value, or the type's default when it is unknown.</summary>
    public static async Task<T> GetValueAsync<T>(Output<T> output)
    {
        var data = await output.DataTask.ConfigureAwait(false);
        return data.IsKnown ? data.Value : default!;
    }

    public static async Task<bool> GetIsKnownAsync<T>(Output<T> output)
        => (await output.DataTask.ConfigureAwait(false)).IsKnown;

    public static async Task<ImmutableHashSet<Resource>> GetDependenciesAsync<T>(Output<T> output)
        => (await output.DataTask.ConfigureAwait(false)).Resources;

    public static Output<T> CreateUnknown<T>(T value)
        => new(Task.FromResult(new OutputData<T>(value, false, false, ImmutableHashSet<Resource>.Empty)));

    public static Output<T> CreateUnknown<T>(Func<Task<T>> valueFactory)
        => new(CreateUnknownAsync(valueFactory));

    public static Output<T> WithDependency<T>(Output<T> output, Resource resource)
        => new(AddDependencyAsync(output, resource));

    private static async Task<OutputData<T>> CreateUnknownAsync<T>(Func<Task<T>> valueFactory)
        => new(await valueFactory().ConfigureAwait(false), false, false, ImmutableHashSet<Resource>.Empty);

    private static async Task<OutputData<T>> AddDependencyAsync<T>(Output<T> output, Resource resource)
    {
        var data = await output.DataTask.ConfigureAwait(false);
        return data with { Resources = data.Resources.Add(resource) };
    }
}
