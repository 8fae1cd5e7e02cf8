using System.Collections.Immutable;
using Infra.Simulation;
using Pulumi.Testing;

namespace Infra.Tests.Fidelity;

/// <summary>Registers hand-written resources with the strict mocks, as the engine would hand them over.</summary>
public sealed class Scene(AwsMocks mocks)
{
    public AwsMocks Mocks { get; } = mocks;

    public static ImmutableDictionary<string, object> In(params (string Key, object Value)[] pairs) =>
        pairs.ToImmutableDictionary(p => p.Key, p => p.Value);

    public static ImmutableArray<object> List(params object[] items) => [.. items];

    public static ImmutableDictionary<string, object> Tags(int count) =>
        Enumerable.Range(1, count).ToImmutableDictionary(i => $"team{i}", i => (object)"x");

    /// <summary>Registers a resource and returns its id.</summary>
    public async Task<string> Add(string type, string name, ImmutableDictionary<string, object>? inputs = null) =>
        (await Mocks.NewResourceAsync(new MockResourceArgs { Type = type, Name = name, Inputs = inputs ?? In() })).id!;

    /// <summary>Registers a resource and returns its outputs.</summary>
    public async Task<ImmutableDictionary<string, object>> Outputs(string type, string name, ImmutableDictionary<string, object>? inputs = null) =>
        (ImmutableDictionary<string, object>)(await Mocks.NewResourceAsync(new MockResourceArgs { Type = type, Name = name, Inputs = inputs ?? In() })).state;

    public Task<object> Call(string token, ImmutableDictionary<string, object>? args = null) =>
        Mocks.CallAsync(new MockCallArgs { Token = token, Args = args ?? In() });

    public Task<string> Vpc(string cidr = "10.0.0.0/16") => Add("aws:ec2/vpc:Vpc", "vpc", In(("cidrBlock", cidr)));

    public async Task<string> Subnet(string cidr = "10.0.0.0/24", string name = "subnet")
    {
        var vpc = await Vpc();
        return await Add("aws:ec2/subnet:Subnet", name, In(("vpcId", vpc), ("cidrBlock", cidr)));
    }
}
