using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace OfflineSdk.Tests;

public class MockRunTests
{
    private static readonly TestOptions Options = new() { ProjectName = "proj", StackName = "dev" };

    private sealed class TwoWidgetStack : Stack
    {
        public TwoWidgetStack()
        {
            var first = new Widget("first", new WidgetArgs { Size = 1 });
            _ = new Widget("second", new WidgetArgs { Size = 2, OwnerId = first.Id });
            FirstArn = first.Arn;
        }

        [Output("firstArn")]
        public Output<string> FirstArn { get; set; }
    }

    [Fact]
    public async Task TestAsync_with_a_stack_type_returns_the_stack_and_every_registered_resource()
    {
        var resources = await Deployment.TestAsync<TwoWidgetStack>(new RecordingMocks(), Options);

        Assert.Equal(3, resources.Length);
        Assert.Single(resources.OfType<TwoWidgetStack>());
        Assert.Equal(new[] { "first", "second" }, resources.OfType<Widget>().Select(w => w.GetResourceName()).Order());
    }

    [Fact]
    public async Task TestAsync_with_a_function_returns_its_resources_and_outputs_without_the_stack()
    {
        var (resources, outputs) = await Deployment.TestAsync(new RecordingMocks(), Options, () =>
        {
            var widget = new Widget("w", new WidgetArgs { Size = 3 });
            return new Dictionary<string, object?> { ["arn"] = widget.Arn };
        });

        var widget = Assert.Single(resources);
        Assert.IsType<Widget>(widget);
        var arn = Assert.IsType<Output<string>>(outputs["arn"]);
        Assert.Equal("arn:test:::w", await OutputUtilities.GetValueAsync(arn));
    }

    [Fact]
    public async Task Stack_outputs_of_a_stack_type_reach_the_mocks()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync<TwoWidgetStack>(mocks, Options);

        var stackOutputs = Assert.Single(mocks.RegisteredOutputs, r => r.Urn.EndsWith("::proj-dev", StringComparison.Ordinal));
        Assert.Equal("arn:test:::first", await OutputUtilities.GetValueAsync(stackOutputs.Outputs["firstArn"]));
    }

    [Fact]
    public async Task IsPreview_defaults_to_true_and_names_default_like_the_real_sdk()
    {
        bool? dryRun = null;
        string? names = null;
        await Deployment.TestAsync(new RecordingMocks(), new TestOptions(), () =>
        {
            dryRun = Deployment.Instance.IsDryRun;
            names = $"{Deployment.Instance.ProjectName}/{Deployment.Instance.StackName}";
        });

        Assert.True(dryRun);
        Assert.Equal("project/stack", names);
    }

    [Fact]
    public async Task An_exception_in_the_program_fails_the_run_with_a_RunException()
    {
        Action program = () => throw new RunException("Invalid config proj:azCount = 9: use 1 to 6.");
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(new RecordingMocks(), Options, program));

        Assert.Equal("Invalid config proj:azCount = 9: use 1 to 6.", error.Message);
    }

    [Fact]
    public async Task An_unexpected_exception_is_reported_with_its_type_and_stack()
    {
        Action program = () => throw new InvalidOperationException("boom");
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(new RecordingMocks(), Options, program));

        Assert.Contains("failed with an unhandled exception", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: boom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_inside_apply_fails_the_run()
    {
        await Assert.ThrowsAsync<RunException>(() =>
            Deployment.TestAsync(new RecordingMocks(), Options, () =>
            {
                var widget = new Widget("w", new WidgetArgs { Size = 1 });
                widget.Arn.Apply(Fail);
            }));
    }

    private static string Fail(string value) => throw new RunException($"late failure after {value}");

    [Fact]
    public async Task Resources_created_inside_apply_are_registered_before_the_run_ends()
    {
        var mocks = new RecordingMocks();
        var resources = await Deployment.TestAsync(mocks, Options, () =>
        {
            var widget = new Widget("outer", new WidgetArgs { Size = 1 });
            widget.Arn.Apply(arn => new Widget("inner", new WidgetArgs { Size = 2, Label = arn }));
        });

        Assert.Equal(2, resources.Length);
        Assert.Equal("arn:test:::outer", mocks.Named("inner").Inputs["label"]);
    }

    [Fact]
    public async Task RunAsync_in_the_offline_build_refuses_to_deploy_with_a_nonzero_exit_code()
    {
        var ran = false;
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var exitCode = await Deployment.RunAsync(() => { ran = true; });
            Assert.NotEqual(0, exitCode);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.False(ran);
        Assert.Contains("cannot deploy", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("pulumi up", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetValueAsync_returns_default_for_an_unknown_output_without_hanging()
    {
        Output<string>? label = null;
        await Deployment.TestAsync(
            new RecordingMocks { State = _ => ImmutableDictionary<string, object>.Empty },
            Options,
            () => { label = new Widget("w", new WidgetArgs { Size = 1 }).Label; });

        var value = OutputUtilities.GetValueAsync(label!);
        Assert.Same(value, await Task.WhenAny(value, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Null(await value);
        Assert.False(await OutputUtilities.GetIsKnownAsync(label!));
    }

    [Fact]
    public async Task Outputs_the_mocks_do_not_return_are_empty_but_known_outside_a_preview()
    {
        Output<string>? label = null;
        await Deployment.TestAsync(
            new RecordingMocks { State = _ => ImmutableDictionary<string, object>.Empty },
            new TestOptions { IsPreview = false },
            () => { label = new Widget("w", new WidgetArgs { Size = 1 }).Label; });

        Assert.True(await OutputUtilities.GetIsKnownAsync(label!));
        Assert.Null(await OutputUtilities.GetValueAsync(label!));
    }

    [Fact]
    public async Task A_secret_in_the_mocks_state_makes_that_output_property_secret_and_only_that_one()
    {
        var mocks = new RecordingMocks
        {
            State = _ => ImmutableDictionary<string, object>.Empty
                .Add("arn", Output.CreateSecret("arn:test:::secret"))
                .Add("label", "plain"),
        };
        Widget? widget = null;
        await Deployment.TestAsync(mocks, Options, () => { widget = new Widget("w", new WidgetArgs { Size = 1 }); });

        Assert.True(await Output.IsSecretAsync(widget!.Arn));
        Assert.Equal("arn:test:::secret", await OutputUtilities.GetValueAsync(widget.Arn));
        Assert.False(await Output.IsSecretAsync(widget.Label));
        Assert.Equal("plain", await OutputUtilities.GetValueAsync(widget.Label));
    }
}
