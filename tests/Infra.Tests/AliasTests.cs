using Infra.Simulation;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>
/// The components' type tokens changed when they became a package (infra:network:VpcNetwork became
/// private-connectivity:index:VpcNetwork); each declares its former token as an alias so that stacks deployed before
/// keep their resources.
/// </summary>
public class AliasTests
{
    [Fact]
    public async Task Every_component_declares_an_alias_to_its_former_type_token()
    {
        var run = await StackRun.RunAsync(new Dictionary<string, object>
        {
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined" },
            ["demo"] = new Dictionary<string, object> { ["instance"] = true },
        });

        var formerTypes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var component in run.Resources.OfType<ComponentResource>())
        {
            var alias = Assert.Single(run.Aliases[component]);
            var type = await OutputUtilities.GetValueAsync((await OutputUtilities.GetValueAsync(alias.ToOutput())).Type!.ToOutput());
            var className = component.GetType().Name;
            Assert.EndsWith($":{className}", type, StringComparison.Ordinal);
            Assert.StartsWith("infra:", type, StringComparison.Ordinal);
            formerTypes.Add(type);
        }

        Assert.Equal(
            [
                "infra:demo:PrivateBucket", "infra:demo:PrivateInstance", "infra:inspection:InspectionConsumer", "infra:inspection:InspectionProvider",
                "infra:network:GatewayEndpoint", "infra:network:InterfaceEndpoints", "infra:network:VpcNetwork",
            ],
            formerTypes);
    }

    [Fact]
    public async Task Cloud_resources_declare_no_aliases_of_their_own()
    {
        var run = await StackRun.RunAsync();

        Assert.All(run.Aliases.Keys, resource => Assert.IsAssignableFrom<ComponentResource>(resource));
    }
}
