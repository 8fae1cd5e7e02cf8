using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace OfflineSdk.Tests;

public class OutputTests
{
    private static Task RunAsync(Action program, bool isPreview = true)
        => Deployment.TestAsync(new RecordingMocks { State = _ => ImmutableDictionary<string, object>.Empty }, new TestOptions { IsPreview = isPreview }, program);

    private static Output<string> UnknownLabel() => new Widget("unknown", new WidgetArgs { Size = 1 }).Label;

    [Fact]
    public async Task Apply_transforms_a_known_value()
    {
        var doubled = Output.Create(21).Apply(x => x * 2);
        Assert.Equal(42, await OutputUtilities.GetValueAsync(doubled));
    }

    [Fact]
    public async Task Apply_flattens_outputs_and_tasks_returned_by_the_callback()
    {
        var viaOutput = Output.Create("a").Apply(x => Output.Create(x + "b"));
        var viaTask = Output.Create("a").Apply(x => Task.FromResult(x + "c"));

        Assert.Equal("ab", await OutputUtilities.GetValueAsync(viaOutput));
        Assert.Equal("ac", await OutputUtilities.GetValueAsync(viaTask));
    }

    [Fact]
    public async Task Secrets_stay_secret_through_apply_and_combinators()
    {
        var secret = Output.CreateSecret("s3cret");
        var derived = secret.Apply(s => s.Length);
        var combined = Output.Tuple(Output.Create(1), secret);
        var formatted = Output.Format($"value={secret}");

        Assert.True(await Output.IsSecretAsync(derived));
        Assert.True(await Output.IsSecretAsync(combined));
        Assert.True(await Output.IsSecretAsync(formatted));
        Assert.False(await Output.IsSecretAsync(Output.Unsecret(secret)));
        Assert.Equal(6, await OutputUtilities.GetValueAsync(derived));
    }

    [Fact]
    public async Task Tuple_All_and_Format_combine_values()
    {
        var tuple = Output.Tuple(Output.Create("a"), Output.Create(2), Output.Create(true));
        var all = Output.All(Output.Create("x"), Output.Create("y"));
        var formatted = Output.Format($"{Output.Create("vpc")}-{3}");

        Assert.Equal(("a", 2, true), await OutputUtilities.GetValueAsync(tuple));
        Assert.Equal(new[] { "x", "y" }, await OutputUtilities.GetValueAsync(all));
        Assert.Equal("vpc-3", await OutputUtilities.GetValueAsync(formatted));
    }

    [Fact]
    public async Task Implicit_conversions_turn_values_and_outputs_into_inputs()
    {
        Input<string> fromValue = "plain";
        Input<string> fromOutput = Output.Create("output");
        InputList<string> list = new[] { "a", "b" };
        InputMap<string> map = new Dictionary<string, string> { ["k"] = "v" };

        Assert.Equal("plain", await OutputUtilities.GetValueAsync(fromValue.ToOutput()));
        Assert.Equal("output", await OutputUtilities.GetValueAsync((Output<string>)fromOutput));
        Assert.Equal(new[] { "a", "b" }, await OutputUtilities.GetValueAsync(list.ToOutput()));
        Assert.Equal("v", (await OutputUtilities.GetValueAsync(map.ToOutput()))["k"]);
    }

    [Fact]
    public async Task An_unknown_value_in_a_preview_never_reaches_apply_and_stays_unknown()
    {
        var called = false;
        Output<int>? length = null;
        Output<string>? formatted = null;
        await RunAsync(() =>
        {
            var label = UnknownLabel();
            length = label.Apply(l =>
            {
                called = true;
                return l.Length;
            });
            formatted = Output.Format($"{label}!");
        });

        Assert.False(called);
        Assert.False(await OutputUtilities.GetIsKnownAsync(length!));
        Assert.False(await OutputUtilities.GetIsKnownAsync(formatted!));
    }

    [Fact]
    public async Task Outputs_record_the_resources_they_depend_on()
    {
        Widget? widget = null;
        Output<string>? derived = null;
        await RunAsync(() =>
        {
            widget = new Widget("w", new WidgetArgs { Size = 1 });
            derived = widget.Id.Apply(id => id.ToUpperInvariant());
        });

        Assert.Contains(widget!, await OutputUtilities.GetDependenciesAsync(derived!));
    }
}
