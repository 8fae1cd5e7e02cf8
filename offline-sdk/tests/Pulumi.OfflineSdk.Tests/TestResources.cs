using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;

namespace OfflineSdk.Tests;

// A small provider schema in the shape Pulumi's code generator produces, so the tests exercise the same paths as
// the generated AWS classes.
public sealed class WidgetArgs : ResourceArgs
{
    [Input("size", required: true)]
    public Input<int> Size { get; set; } = null!;

    [Input("label")]
    public Input<string>? Label { get; set; }

    [Input("enabled")]
    public Input<bool>? Enabled { get; set; }

    [Input("ratio")]
    public Input<double>? Ratio { get; set; }

    [Input("zones")]
    private InputList<string>? _zones;

    public InputList<string> Zones
    {
        get => _zones ??= new InputList<string>();
        set => _zones = value;
    }

    [Input("tags")]
    private InputMap<string>? _tags;

    public InputMap<string> Tags
    {
        get => _tags ??= new InputMap<string>();
        set => _tags = value;
    }

    [Input("rules")]
    private InputList<WidgetRuleArgs>? _rules;

    public InputList<WidgetRuleArgs> Rules
    {
        get => _rules ??= new InputList<WidgetRuleArgs>();
        set => _rules = value;
    }

    [Input("ownerId")]
    public Input<string>? OwnerId { get; set; }
}

public sealed class WidgetRuleArgs : ResourceArgs
{
    [Input("port")]
    public Input<int>? Port { get; set; }

    [Input("cidrBlocks")]
    private InputList<string>? _cidrBlocks;

    public InputList<string> CidrBlocks
    {
        get => _cidrBlocks ??= new InputList<string>();
        set => _cidrBlocks = value;
    }
}

[OutputType]
public sealed class WidgetRule
{
    public readonly int? Port;
    public readonly ImmutableArray<string> CidrBlocks;

    [OutputConstructor]
    private WidgetRule(int? port, ImmutableArray<string> cidrBlocks)
    {
        Port = port;
        CidrBlocks = cidrBlocks;
    }
}

public class Widget : CustomResource
{
    public Widget(string name, WidgetArgs args, CustomResourceOptions? options = null)
        : base("test:index/widget:Widget", name, args, options)
    {
    }

    [Output("size")]
    public Output<int> Size { get; private set; } = null!;

    [Output("label")]
    public Output<string> Label { get; private set; } = null!;

    [Output("arn")]
    public Output<string> Arn { get; private set; } = null!;

    [Output("zones")]
    public Output<ImmutableArray<string>> Zones { get; private set; } = null!;

    [Output("tags")]
    public Output<ImmutableDictionary<string, string>> Tags { get; private set; } = null!;

    [Output("rules")]
    public Output<ImmutableArray<WidgetRule>> Rules { get; private set; } = null!;
}

public sealed class TestProviderArgs : ResourceArgs
{
    [Input("region")]
    public Input<string>? Region { get; set; }
}

public class TestProvider : ProviderResource
{
    public TestProvider(string name, TestProviderArgs? args = null, CustomResourceOptions? options = null)
        : base("test", name, args ?? new TestProviderArgs(), options)
    {
    }
}

public sealed class GetThingArgs : InvokeArgs
{
    [Input("name", required: true)]
    public string Name { get; set; } = null!;

    [Input("count")]
    public int? Count { get; set; }
}

[OutputType]
public sealed class GetThingResult
{
    public readonly string Id;
    public readonly ImmutableArray<string> Names;

    [OutputConstructor]
    private GetThingResult(string id, ImmutableArray<string> names)
    {
        Id = id;
        Names = names;
    }
}

/// <summary>Records what the engine sends and answers with the inputs plus a computed ARN.</summary>
public sealed class RecordingMocks : IMocks
{

    public List<MockResourceArgs> Resources { get; } = new();

    public List<MockCallArgs> Calls { get; } = new();

    public List<MockRegisterResourceOutputsRequest> RegisteredOutputs { get; } = new();

    public Func<MockResourceArgs, ImmutableDictionary<string, object>>? State { get; init; }

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        lock (Resources)
        {
            Resources.Add(args);
        }

        var id = $"{args.Name}-id";
        var state = State?.Invoke(args) ?? args.Inputs.SetItem("arn", $"arn:test:::{args.Name}");
        return Task.FromResult<(string?, object)>((id, state));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        lock (Calls)
        {
            Calls.Add(args);
        }

        return Task.FromResult<object>(ImmutableDictionary<string, object>.Empty
            .Add("id", "thing-1")
            .Add("names", ImmutableArray.Create<object>("a", "b")));
    }

    public Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args)
    {
        lock (RegisteredOutputs)
        {
            RegisteredOutputs.Add(args);
        }

        return Task.CompletedTask;
    }

    public MockResourceArgs Named(string name) => Resources.Single(r => r.Name == name);
}
