using Pulumi;
using Pulumi.Testing;

namespace OfflineSdk.Tests;

public class TransformationTests
{
    private static readonly TestOptions Options = new() { ProjectName = "proj", StackName = "dev" };

    private sealed class Group : ComponentResource
    {
        public Group(string name)
            : base("test:index:Group", name)
        {
            _ = new Widget($"{name}-member", new WidgetArgs { Size = 1 }, new CustomResourceOptions { Parent = this });
        }
    }

    /// <summary>A stack whose transformation records each resource with the parent its options name, and tags widgets.</summary>
    private sealed class RecordingStack : Stack
    {
        public static readonly List<(string Name, string? Parent)> Seen = [];

        public RecordingStack()
            : base(new StackOptions { ResourceTransformations = { Record } })
        {
            _ = new Group("g");
            _ = new Widget("loose", new WidgetArgs { Size = 2 });
        }

        private static ResourceTransformationResult? Record(ResourceTransformationArgs args)
        {
            lock (Seen)
            {
                Seen.Add((args.Resource.GetResourceName(), args.Options.Parent?.GetResourceName()));
            }

            if (args.Args is WidgetArgs widget)
            {
                widget.Label = "transformed";
                return new ResourceTransformationResult(widget, args.Options);
            }

            return null;
        }
    }

    [Fact]
    public async Task A_stack_transformation_sees_the_stack_and_every_resource_under_it_with_the_parent_its_options_name()
    {
        RecordingStack.Seen.Clear();
        await Deployment.TestAsync<RecordingStack>(new RecordingMocks(), Options);

        Assert.Equal(
            new (string, string?)[] { ("g", null), ("g-member", "g"), ("loose", null), ("proj-dev", null) },
            RecordingStack.Seen.OrderBy(s => s.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_args_a_transformation_returns_are_the_ones_registered()
    {
        RecordingStack.Seen.Clear();
        var mocks = new RecordingMocks();
        await Deployment.TestAsync<RecordingStack>(mocks, Options);

        Assert.Equal("transformed", mocks.Named("loose").Inputs["label"]);
        Assert.Equal("transformed", mocks.Named("g-member").Inputs["label"]);
    }

    [Fact]
    public async Task A_transformation_cannot_change_the_parent()
    {
        ResourceTransformation reparent = args => new ResourceTransformationResult(
            args.Args, new CustomResourceOptions { Parent = args.Resource });
        Action program = () => _ = new Widget("w", new WidgetArgs { Size = 1 }, new CustomResourceOptions { ResourceTransformations = { reparent } });

        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(new RecordingMocks(), Options, program));

        Assert.Contains("cannot change the parent", error.Message, StringComparison.Ordinal);
    }
}
