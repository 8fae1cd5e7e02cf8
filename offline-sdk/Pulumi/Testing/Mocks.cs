using System.Collections.Immutable;

namespace Pulumi.Testing;

/// <summary>Stands in for the engine and the providers in unit tests.</summary>
public interface IMocks
{
    /// <summary>Called for every resource registration; returns the resource's id and its state (output properties).</summary>
    Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args);

    /// <summary>Called for every provider function (invoke); returns the result's properties.</summary>
    Task<object> CallAsync(MockCallArgs args);

    /// <summary>Called when a component registers its outputs.</summary>
    Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args) => Task.CompletedTask;
}

/// <summary>What a mock learns about a resource being registered.</summary>
public class MockResourceArgs
{
    public string? Type { get; set; }

    public string? Name { get; set; }

    public ImmutableDictionary<string, object> Inputs { get; set; } = ImmutableDictionary<string, object>.Empty;

    public string? Provider { get; set; }

    public string? Id { get; set; }
}

/// <summary>What a mock learns about a provider function call.</summary>
public class MockCallArgs
{
    public string? Token { get; set; }

    public ImmutableDictionary<string, object> Args { get; set; } = ImmutableDictionary<string, object>.Empty;

    public string? Provider { get; set; }
}

/// <summary>The outputs a component registered.</summary>
public class MockRegisterResourceOutputsRequest
{
    public readonly string Urn;
    public readonly ImmutableDictionary<string, Output<object?>> Outputs;

    public MockRegisterResourceOutputsRequest(string urn, ImmutableDictionary<string, Output<object?>> outputs)
    {
        Urn = urn;
        Outputs = outputs;
    }
}

/// <summary>Mocks that give every resource an empty state and every call an empty result.</summary>
public class EmptyMocks : IMocks
{
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        => Task.FromResult<(string?, object)>((null, ImmutableDictionary<string, object>.Empty));

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(ImmutableDictionary<string, object>.Empty);
}

/// <summary>Settings of a mocked run.</summary>
public class TestOptions
{
    public string? ProjectName { get; set; }

    public string? StackName { get; set; }

    public string? OrganizationName { get; set; }

    public string? RootDirectory { get; set; }

    /// <summary>Whether the run is a preview (unknown outputs stay unknown); true unless set.</summary>
    public bool? IsPreview { get; set; }
}
