using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace OfflineSdk.Tests;

public class InvokeTests
{
    private static readonly TestOptions Options = new() { ProjectName = "proj", StackName = "dev" };

    private sealed class GetThingInvokeArgs : InvokeArgs
    {
        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;
    }

    [Fact]
    public async Task InvokeAsync_reaches_CallAsync_with_token_and_wire_names_and_converts_the_result()
    {
        var mocks = new RecordingMocks();
        GetThingResult? result = null;
        await Deployment.TestAsync(mocks, Options, async () =>
        {
            result = await Deployment.Instance.InvokeAsync<GetThingResult>("test:index/getThing:getThing", new GetThingArgs { Name = "n", Count = 2 });
        });

        var call = Assert.Single(mocks.Calls);
        Assert.Equal("test:index/getThing:getThing", call.Token);
        Assert.Equal("n", call.Args["name"]);
        Assert.Equal(2.0, call.Args["count"]);
        Assert.Equal("thing-1", result!.Id);
        Assert.Equal(new[] { "a", "b" }, result.Names);
    }

    [Fact]
    public async Task Invoke_with_arguments_unknown_in_a_preview_is_not_called_and_stays_unknown()
    {
        var mocks = new RecordingMocks { State = _ => ImmutableDictionary<string, object>.Empty };
        Output<GetThingResult>? result = null;
        await Deployment.TestAsync(mocks, Options, () =>
        {
            var label = new Widget("w", new WidgetArgs { Size = 1 }).Label;
            result = Deployment.Instance.Invoke<GetThingResult>("test:index/getThing:getThing", new GetThingInvokeArgs { Name = label });
        });

        Assert.Empty(mocks.Calls);
        Assert.False(await OutputUtilities.GetIsKnownAsync(result!));
    }

    [Fact]
    public async Task Invoke_with_known_arguments_resolves_the_result_as_an_output()
    {
        var mocks = new RecordingMocks();
        Output<GetThingResult>? result = null;
        await Deployment.TestAsync(mocks, Options, () =>
        {
            result = Deployment.Instance.Invoke<GetThingResult>("test:index/getThing:getThing", new GetThingInvokeArgs { Name = Output.Create("n") });
        });

        Assert.Equal("thing-1", (await OutputUtilities.GetValueAsync(result!)).Id);
        Assert.Equal("n", Assert.Single(mocks.Calls).Args["name"]);
    }
}
