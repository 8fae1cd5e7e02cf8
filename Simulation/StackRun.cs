using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Infra.Model.Analysis;
using Infra.Model.Routing;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Simulation;

/// <summary>One mocked run of the whole program with a given stack configuration.</summary>
public sealed record StackRun(
    AwsMocks Mocks,
    IReadOnlyList<Resource> Resources,
    IDictionary<string, object?> Outputs,
    IReadOnlyList<ResourceRecord> Records,
    IReadOnlyDictionary<Resource, Resource?> Parents)
{
    /// <summary>The project name of Pulumi.yaml, which is also the configuration namespace.</summary>
    public const string Project = "private-connectivity";

    private RoutingModel? _routing;

    /// <summary>The earlier identities (aliases) each resource declares, for the resources that declare any.</summary>
    public IReadOnlyDictionary<Resource, IReadOnlyList<Input<Alias>>> Aliases { get; init; } = new Dictionary<Resource, IReadOnlyList<Input<Alias>>>();

    /// <summary>The resources each resource explicitly depends on (its <c>DependsOn</c> option), unresolved.</summary>
    public IReadOnlyDictionary<Resource, InputList<Resource>> DependsOn { get; init; } = new Dictionary<Resource, InputList<Resource>>();

    private IReadOnlyList<ResourceEntry>? _nesting;

    public RoutingModel Routing => _routing ??= RoutingModel.Build(Records, Mocks.PrefixListIds);

    /// <summary>Every resource with its parent (see <see cref="ResourceNesting"/>), in registration order.</summary>
    public IReadOnlyList<ResourceEntry> Nesting => _nesting ??= ResourceNesting.Of(Resources, Records, Parents);

    /// <summary>
    /// Runs the program under mocks. <paramref name="config"/> holds the project's settings by key without namespace;
    /// objects and lists may be given as C# values and are passed as JSON, as the Pulumi CLI does.
    /// </summary>
    public static Task<StackRun> RunAsync(IReadOnlyDictionary<string, object>? config = null, AwsMocks? mocks = null, string region = "eu-west-1")
    {
        var values = new Dictionary<string, string> { ["aws:region"] = region };
        foreach (var (key, value) in config ?? ImmutableDictionary<string, object>.Empty)
        {
            values[$"{Project}:{key}"] = ConfigText(value);
        }

        return RunWithConfigAsync(values, mocks ?? new AwsMocks(region));
    }

    /// <summary>
    /// A setting's value as the Pulumi CLI passes it to the program: text as it is, anything else as JSON. The usual
    /// shapes of settings (maps, lists, numbers, flags) are written by code generated at compile time; any other value
    /// by the serializer's reflection.
    /// </summary>
    public static string ConfigText(object value) => value switch
    {
        string text => text,
        _ when ConfigJson.Default.GetTypeInfo(value.GetType()) is { } generated => JsonSerializer.Serialize(value, generated),
#pragma warning disable IL2026, IL3050 // Values of other types come from tests, which run with reflection.
        _ => JsonSerializer.Serialize(value),
#pragma warning restore IL2026, IL3050
    };

    /// <summary>
    /// Runs the program under mocks with the configuration the Pulumi CLI would pass: fully qualified keys
    /// (<c>aws:region</c>, <c>private-connectivity:azCount</c>), objects and lists as JSON text.
    /// </summary>
    public static async Task<StackRun> RunWithConfigAsync(
        IReadOnlyDictionary<string, string> config, AwsMocks mocks, string project = Project, string stack = "test")
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(config, ConfigJson.Default.IReadOnlyDictionaryStringString));
        try
        {
            return await RunProgramAsync(PrivateConnectivity.BuildAsync, mocks, project, stack).ConfigureAwait(false);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        }
    }

    /// <summary>Runs any program under the mocks (configuration as already set), recording every resource and its parent.</summary>
    public static async Task<StackRun> RunProgramAsync(
        Func<Task<IDictionary<string, object?>>> program, AwsMocks mocks, string project = Project, string stack = "test")
    {
        var (resources, outputs, parents, aliases, dependsOn) = await SimulatedStack
            .RunAsync(program, mocks, new TestOptions { ProjectName = project, StackName = stack })
            .ConfigureAwait(false);
        return new StackRun(mocks, resources, outputs, mocks.Records, parents) { Aliases = aliases, DependsOn = dependsOn };
    }

    /// <summary>The stack outputs' values, as the Pulumi backend keeps them for stack references to read.</summary>
    public async Task<IReadOnlyDictionary<string, object>> OutputValuesAsync()
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, output) in Outputs)
        {
            if (output is null)
            {
                continue;
            }

            if (!output.GetType().IsGenericType || output.GetType().GetGenericTypeDefinition() != typeof(Output<>))
            {
                values[name] = output;
                continue;
            }

            var valueType = output.GetType().GetGenericArguments()[0];
            var read = typeof(Pulumi.Utilities.OutputUtilities).GetMethod(nameof(Pulumi.Utilities.OutputUtilities.GetValueAsync))!.MakeGenericMethod(valueType);
            var task = (Task)read.Invoke(null, [output])!;
            await task.ConfigureAwait(false);
            if (task.GetType().GetProperty("Result")!.GetValue(task) is { } value)
            {
                values[name] = value;
            }
        }

        return values;
    }

    /// <summary>The type and name of each resource <paramref name="resource"/> explicitly depends on (its <c>DependsOn</c> option).</summary>
    public async Task<IReadOnlyList<(string Type, string Name)>> DependenciesOfAsync(Resource resource)
    {
        if (!DependsOn.TryGetValue(resource, out var dependsOn))
        {
            return [];
        }

        Output<ImmutableArray<Resource>> resolved = dependsOn;
        var dependencies = await Pulumi.Utilities.OutputUtilities.GetValueAsync(resolved).ConfigureAwait(false);
        return [.. (dependencies.IsDefault ? [] : dependencies).Select(d => (d.GetResourceType(), d.GetResourceName()))];
    }

    /// <summary>The registered resource (not its record) of that type and name.</summary>
    public Resource RegisteredResource(string type, string name) => Resources.Single(r => r.GetResourceType() == type && r.GetResourceName() == name);

    public IEnumerable<ResourceRecord> OfType(string type) => Records.Where(r => r.Type == type);

    /// <summary>The cloud resource of that name (components share names with their main child).</summary>
    public ResourceRecord Named(string name) => Records.Single(r => r.Name == name && !r.Type.StartsWith(Infra.Components.PackageInfo.Name + ":", StringComparison.Ordinal));
}

/// <summary>The configuration's JSON for the usual shapes of settings, generated at compile time.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
internal sealed partial class ConfigJson : JsonSerializerContext;
