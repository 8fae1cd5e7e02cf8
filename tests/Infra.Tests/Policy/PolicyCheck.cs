using System.Text.Json;
using Infra.Model.Configuration;
using Infra.Model.Policy;
using Infra.Model.Routing;
using Infra.Simulation;

namespace Infra.Tests.Policy;

/// <summary>Runs the program under mocks with a configuration and applies the guard rails, with the stack's own waivers.</summary>
public static class PolicyCheck
{
    /// <summary>The report for a configuration.</summary>
    public static async Task<PolicyReport> RunAsync(IReadOnlyDictionary<string, object>? config = null)
    {
        config ??= new Dictionary<string, object>();
        var run = await StackRun.RunAsync(config);
        return Evaluate(run.Records, config, run.Mocks);
    }

    /// <summary>
    /// The report for resources of a run (as recorded, or changed by a test), read with the settings of
    /// <paramref name="config"/>; the routing model is rebuilt from the resources given.
    /// </summary>
    public static PolicyReport Evaluate(IEnumerable<ResourceRecord> records, IReadOnlyDictionary<string, object> config, AwsMocks mocks)
    {
        var settings = StackSettings.Parse(StackRun.Project, Raw(config));
        var list = records.ToList();
        var context = new PolicyContext(list, RoutingModel.Build(list, mocks.PrefixListIds), settings);
        return PolicyEvaluator.Evaluate(context, PolicyCatalog.Default, settings.PolicyWaivers);
    }

    /// <summary>The configuration as the CLI passes it: strings as they are, anything else as JSON (as <see cref="StackRun.RunAsync"/> does).</summary>
    public static IReadOnlyDictionary<string, string> Raw(IReadOnlyDictionary<string, object> config) =>
        config.ToDictionary(pair => pair.Key, pair => pair.Value as string ?? JsonSerializer.Serialize(pair.Value));
}
