using Infra.Model.Configuration;
using Infra.Plan.Tests.Support;
using Infra.Simulation;

namespace Infra.Plan.Tests;

/// <summary>The example stack files of centralized inspection (examples/stacks): they read as the CLI passes them and build under the mocks.</summary>
public class ExampleStackTests
{
    /// <summary>An example stack file (examples/stacks), read as the stack of its name.</summary>
    private static StackConfig Read(string stack) =>
        StackFiles.Read(Repo.Root, stack, Path.Combine(Repo.Root, "examples", "stacks", $"Pulumi.{stack}.yaml"));

    private static async Task<StackRun> RunAsync(string stack, AwsMocks? mocks = null)
    {
        var config = Read(stack);
        return await StackRun.RunWithConfigAsync(config.Config, mocks ?? new AwsMocks(config.Region!), config.ProjectName, stack);
    }

    [Fact]
    public async Task The_hub_and_spokes_stack_builds_a_hub_and_three_planned_spokes()
    {
        var settings = StackSettings.Parse("private-connectivity", Read("hub-and-spokes").ProjectSettings);
        var run = await RunAsync("hub-and-spokes");

        Assert.Equal(TransitRole.HubAndSpokes, settings.Transit.Role);
        Assert.Equal(["10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16"], settings.Transit.Spokes);
        Assert.Equal(
            ["central-inspection", "inspection", "spoke-1", "spoke-2", "spoke-3"],
            run.Routing.Vpcs.Select(v => v.Name).Order(StringComparer.Ordinal));
        Assert.Empty(run.Routing.Problems);
    }

    [Fact]
    public async Task The_spoke_a_stack_attaches_to_the_hub_stack_it_names()
    {
        var hub = await RunAsync("hub");
        var spokeSettings = StackSettings.Parse("private-connectivity", Read("spoke-a").ProjectSettings);
        var mocks = new AwsMocks();
        mocks.AddStack(spokeSettings.Transit.HubStack!, await hub.OutputValuesAsync());

        var spoke = await RunAsync("spoke-a", mocks);

        Assert.Equal("organization/private-connectivity/hub", spokeSettings.Transit.HubStack);
        Assert.Equal(["central-inspection", "inspection"], hub.Routing.Vpcs.Select(v => v.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["spoke"], spoke.Routing.Vpcs.Select(v => v.Name));
        Assert.Equal(hub.Named("transit-hub").Id, spoke.Named("spoke-attachment").Inputs["transitGatewayId"]);
        Assert.True(Model.Addressing.Cidr.Contains(
            Assert.Single(StackSettings.Parse("private-connectivity", Read("hub").ProjectSettings).Transit.SpokeDestinations),
            spokeSettings.VpcCidr));
    }
}
