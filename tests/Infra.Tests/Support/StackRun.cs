using System.Collections.Immutable;
using System.Text.Json;
using Infra.Model.Routing;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Tests.Support;

/// <summary>One mocked run of the whole program with a given stack configuration.</summary>
public sealed record StackRun(
    AwsMocks Mocks,
    ImmutableArray<Resource> Resources,
    IDictionary<string, object?> Outputs,
    IReadOnlyList<ResourceRecord> Records)
{
    public const string Project = "private-connectivity";

    private RoutingModel? _routing;

    public RoutingModel Routing => _routing ??= RoutingModel.Build(Records, Mocks.PrefixListIds);

    /// <summary>
    /// Runs the program under mocks. <paramref name="config"/> holds the project's settings by key without namespace;
    /// objects and lists may be given as C# values and are passed as JSON, as the Pulumi CLI does.
    /// </summary>
    public static async Task<StackRun> RunAsync(IReadOnlyDictionary<string, object>? config = null, AwsMocks? mocks = null, string region = "eu-west-1")
    {
        mocks ??= new AwsMocks(region);
        var values = new Dictionary<string, string> { ["aws:region"] = region };
        foreach (var (key, value) in config ?? ImmutableDictionary<string, object>.Empty)
        {
            values[$"{Project}:{key}"] = value as string ?? JsonSerializer.Serialize(value);
        }

        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(values));
        try
        {
            var (resources, outputs) = await Deployment.TestAsync(
                mocks,
                new TestOptions { ProjectName = Project, StackName = "test" },
                PrivateConnectivity.BuildAsync);
            return new StackRun(mocks, resources, outputs, mocks.Records);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        }
    }

    public IEnumerable<ResourceRecord> OfType(string type) => Records.Where(r => r.Type == type);

    /// <summary>The cloud resource of that name (components share names with their main child).</summary>
    public ResourceRecord Named(string name) => Records.Single(r => r.Name == name && !r.Type.StartsWith("infra:", StringComparison.Ordinal));
}
