using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace OfflineSdk.Tests;

public class OptionsTests
{
    private static readonly TestOptions Options = new() { ProjectName = "proj", StackName = "dev" };

    private sealed class Group : ComponentResource
    {
        public Group(string name, ComponentResourceOptions? options = null)
            : base("test:index:Group", name, options)
        {
            Member = new Widget($"{name}-member", new WidgetArgs { Size = 1 }, new CustomResourceOptions { Parent = this });
            RegisterOutputs(new Dictionary<string, object?> { ["memberId"] = Member.Id });
        }

        public Widget Member { get; }
    }

    [Fact]
    public async Task Merged_options_keep_the_aliases_of_both_in_order()
    {
        var merged = ComponentResourceOptions.Merge(
            new ComponentResourceOptions { Aliases = { new Alias { Type = "old:index:Group" } } },
            new ComponentResourceOptions { Aliases = { new Alias { Name = "older" } } });

        Assert.Equal(2, merged.Aliases.Count);
        Assert.Equal("old:index:Group", await OutputUtilities.GetValueAsync((await OutputUtilities.GetValueAsync(merged.Aliases[0].ToOutput())).Type!.ToOutput()));
        Assert.Equal("older", await OutputUtilities.GetValueAsync((await OutputUtilities.GetValueAsync(merged.Aliases[1].ToOutput())).Name!.ToOutput()));
        Assert.Empty(ComponentResourceOptions.Merge(null, new ComponentResourceOptions()).Aliases);
    }

    [Fact]
    public async Task Urns_have_the_real_form_with_the_parent_type_qualifying_the_child()
    {
        Group? group = null;
        Widget? loose = null;
        await Deployment.TestAsync(new RecordingMocks(), Options, () =>
        {
            group = new Group("g");
            loose = new Widget("loose", new WidgetArgs { Size = 1 });
        });

        Assert.Equal("urn:pulumi:dev::proj::pulumi:pulumi:Stack$test:index:Group::g", await OutputUtilities.GetValueAsync(group!.Urn));
        Assert.Equal("urn:pulumi:dev::proj::pulumi:pulumi:Stack$test:index/widget:Widget::g-member", await OutputUtilities.GetValueAsync(group.Member.Urn));
        Assert.Equal("urn:pulumi:dev::proj::pulumi:pulumi:Stack$test:index/widget:Widget::loose", await OutputUtilities.GetValueAsync(loose!.Urn));
    }

    [Fact]
    public async Task Components_reach_the_mocks_and_register_their_outputs()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, Options, () => { _ = new Group("g"); });

        Assert.Equal("test:index:Group", mocks.Named("g").Type);
        var registered = Assert.Single(mocks.RegisteredOutputs, r => r.Urn.EndsWith("::g", StringComparison.Ordinal));
        Assert.Equal("g-member-id", await OutputUtilities.GetValueAsync(registered.Outputs["memberId"]));
    }

    [Fact]
    public async Task An_explicit_provider_reaches_the_mocks_as_urn_and_id()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, Options, () =>
        {
            var provider = new TestProvider("eu", new TestProviderArgs { Region = "eu-west-1" });
            _ = new Widget("w", new WidgetArgs { Size = 1 }, new CustomResourceOptions { Provider = provider });
        });

        Assert.Equal("pulumi:providers:test", mocks.Named("eu").Type);
        Assert.Equal("urn:pulumi:dev::proj::pulumi:pulumi:Stack$pulumi:providers:test::eu::eu-id", mocks.Named("w").Provider);
    }

    [Fact]
    public async Task A_component_passes_its_providers_to_its_children()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, Options, () =>
        {
            var provider = new TestProvider("eu");
            _ = new Group("g", new ComponentResourceOptions { Providers = { provider } });
        });

        Assert.EndsWith("pulumi:providers:test::eu::eu-id", mocks.Named("g-member").Provider, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DependsOn_holds_registration_until_the_dependency_is_registered()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, Options, () =>
        {
            var slowFirst = new Widget("first", new WidgetArgs { Size = 1, Label = Output.Create(DelayedAsync()) });
            _ = new Widget("second", new WidgetArgs { Size = 1 }, new CustomResourceOptions { DependsOn = { slowFirst } });
        });

        Assert.Equal(new[] { "first", "second" }, mocks.Resources.Select(r => r.Name));
    }

    [Fact]
    public async Task Without_DependsOn_a_resource_does_not_wait_for_unrelated_ones()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, Options, () =>
        {
            _ = new Widget("first", new WidgetArgs { Size = 1, Label = Output.Create(DelayedAsync()) });
            _ = new Widget("second", new WidgetArgs { Size = 1 });
        });

        Assert.Equal(new[] { "second", "first" }, mocks.Resources.Select(r => r.Name));
    }

    private sealed class ExistingWidget : CustomResource
    {
        public ExistingWidget(string name, Input<string> id)
            : base("test:index/widget:Widget", name, null, new CustomResourceOptions { Id = id })
        {
        }
    }

    [Fact]
    public async Task A_resource_read_by_id_reaches_the_mocks_with_that_id_and_keeps_it()
    {
        var mocks = new RecordingMocks { State = _ => System.Collections.Immutable.ImmutableDictionary<string, object>.Empty };
        ExistingWidget? existing = null;
        await Deployment.TestAsync(new ExistingIdMocks(mocks), Options, () => { existing = new ExistingWidget("existing", "w-0123"); });

        Assert.Equal("w-0123", mocks.Named("existing").Id);
        Assert.Equal("w-0123", await OutputUtilities.GetValueAsync(existing!.Id));
    }

    /// <summary>Returns no id of its own, as mocks for read resources often do.</summary>
    private sealed class ExistingIdMocks(RecordingMocks inner) : IMocks
    {
        public async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
            => (null, (await inner.NewResourceAsync(args)).state);

        public Task<object> CallAsync(MockCallArgs args) => inner.CallAsync(args);
    }

    private static async Task<string> DelayedAsync()
    {
        await Task.Delay(200);
        return "late";
    }
}
