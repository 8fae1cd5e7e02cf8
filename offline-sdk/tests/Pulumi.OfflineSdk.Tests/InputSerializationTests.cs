using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace OfflineSdk.Tests;

public class InputSerializationTests
{
    private static readonly TestOptions Options = new() { ProjectName = "proj", StackName = "dev" };

    private static async Task<MockResourceArgs> RegisterAsync(Func<WidgetArgs> args, bool isPreview = true)
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = isPreview }, () => { _ = new Widget("w", args()); });
        return mocks.Named("w");
    }

    [Fact]
    public async Task Inputs_arrive_under_their_wire_names_with_numbers_as_doubles()
    {
        var sent = await RegisterAsync(() => new WidgetArgs { Size = 3, Label = "x", Enabled = true, Ratio = 0.5 });

        Assert.Equal(3.0, Assert.IsType<double>(sent.Inputs["size"]));
        Assert.Equal("x", sent.Inputs["label"]);
        Assert.Equal(true, sent.Inputs["enabled"]);
        Assert.Equal(0.5, sent.Inputs["ratio"]);
        Assert.Equal("test:index/widget:Widget", sent.Type);
        Assert.Equal("w", sent.Name);
    }

    [Fact]
    public async Task Unset_inputs_are_left_out()
    {
        var sent = await RegisterAsync(() => new WidgetArgs { Size = 1 });

        Assert.Equal(new[] { "size" }, sent.Inputs.Keys);
    }

    [Fact]
    public async Task Lists_arrive_as_immutable_arrays_and_maps_as_immutable_dictionaries()
    {
        var sent = await RegisterAsync(() => new WidgetArgs
        {
            Size = 1,
            Zones = { "eu-west-1a", Output.Create("eu-west-1b") },
            Tags = { { "Name", "w" }, { "Tier", Output.Create("private") } },
        });

        var zones = Assert.IsType<ImmutableArray<object>>(sent.Inputs["zones"]);
        Assert.Equal(new object[] { "eu-west-1a", "eu-west-1b" }, zones);
        var tags = Assert.IsType<ImmutableDictionary<string, object>>(sent.Inputs["tags"]);
        Assert.Equal("w", tags["Name"]);
        Assert.Equal("private", tags["Tier"]);
    }

    [Fact]
    public async Task Nested_args_arrive_as_dictionaries_keyed_by_wire_name()
    {
        var sent = await RegisterAsync(() => new WidgetArgs
        {
            Size = 1,
            Rules = { new WidgetRuleArgs { Port = 443, CidrBlocks = { "10.0.0.0/16" } } },
        });

        var rule = Assert.IsType<ImmutableDictionary<string, object>>(Assert.Single(Assert.IsType<ImmutableArray<object>>(sent.Inputs["rules"])));
        Assert.Equal(443.0, rule["port"]);
        Assert.Equal(new object[] { "10.0.0.0/16" }, Assert.IsType<ImmutableArray<object>>(rule["cidrBlocks"]));
    }

    [Fact]
    public async Task A_resource_passed_as_an_input_arrives_as_its_id()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, Options, () =>
        {
            var owner = new Widget("owner", new WidgetArgs { Size = 1 });
            _ = new Widget("owned", new WidgetArgs { Size = 1, OwnerId = owner.Id });
        });

        Assert.Equal("owner-id", mocks.Named("owned").Inputs["ownerId"]);
    }

    [Fact]
    public async Task Inputs_unknown_in_a_preview_are_left_out()
    {
        var mocks = new RecordingMocks { State = _ => ImmutableDictionary<string, object>.Empty };
        await Deployment.TestAsync(mocks, Options, () =>
        {
            var first = new Widget("first", new WidgetArgs { Size = 1 });
            _ = new Widget("second", new WidgetArgs { Size = 2, Label = first.Label, Zones = { first.Label } });
        });

        Assert.Equal(new[] { "size" }, mocks.Named("second").Inputs.Keys);
    }

    [Fact]
    public async Task Secret_inputs_reach_the_mocks_as_plain_values()
    {
        var sent = await RegisterAsync(() => new WidgetArgs { Size = 1, Label = Output.CreateSecret("hush") });

        Assert.Equal("hush", sent.Inputs["label"]);
    }

    [Fact]
    public async Task A_missing_required_input_fails_the_registration()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => RegisterAsync(() => new WidgetArgs()));

        Assert.Contains("('size') is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_returned_by_the_mocks_becomes_typed_outputs_including_nested_output_types()
    {
        Widget? widget = null;
        await Deployment.TestAsync(new RecordingMocks(), Options, () =>
        {
            widget = new Widget("w", new WidgetArgs
            {
                Size = 7,
                Zones = { "a", "b" },
                Tags = { { "Tier", "public" } },
                Rules = { new WidgetRuleArgs { Port = 6081, CidrBlocks = { "10.100.0.0/16" } } },
            });
        });

        Assert.Equal(7, await OutputUtilities.GetValueAsync(widget!.Size));
        Assert.Equal(new[] { "a", "b" }, await OutputUtilities.GetValueAsync(widget.Zones));
        Assert.Equal("public", (await OutputUtilities.GetValueAsync(widget.Tags))["Tier"]);
        var rule = Assert.Single(await OutputUtilities.GetValueAsync(widget.Rules));
        Assert.Equal(6081, rule.Port);
        Assert.Equal(new[] { "10.100.0.0/16" }, rule.CidrBlocks);
        Assert.Equal("w-id", await OutputUtilities.GetValueAsync(widget.Id));
    }
}
