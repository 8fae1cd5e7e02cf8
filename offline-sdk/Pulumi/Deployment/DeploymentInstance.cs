using System.Collections.Immutable;
using Pulumi.Testing;

namespace Pulumi;

/// <summary>The running deployment: its settings and the provider functions (invokes) it can call.</summary>
public sealed class DeploymentInstance
{
    private readonly DeploymentState _state;

    internal DeploymentInstance(DeploymentState state) => _state = state;

    public string OrganizationName => _state.OrganizationName;

    public string ProjectName => _state.ProjectName;

    public string StackName => _state.StackName;

    public bool IsDryRun => _state.IsDryRun;

    public string RootDirectory => _state.RootDirectory;

    public async Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options = null)
    {
        var result = await InvokeCoreAsync<T>(token, args, options?.Provider).ConfigureAwait(false);
        return result.Value;
    }

    public Task InvokeAsync(string token, InvokeArgs args, InvokeOptions? options = null)
        => InvokeAsync<object>(token, args, options);

    public Task<T> InvokeSingleAsync<T>(string token, InvokeArgs args, InvokeOptions? options = null)
        => InvokeAsync<T>(token, args, options);

    public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options = null)
        => Track(new Output<T>(InvokeCoreAsync<T>(token, args, options?.Provider)));

    public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOutputOptions options)
        => Track(new Output<T>(InvokeAfterDependenciesAsync<T>(token, args, options)));

    public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOptions? options = null)
        => Invoke<T>(token, args, options);

    public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOutputOptions options)
        => Invoke<T>(token, args, options);

    /// <summary>A provider method call; the mocks answer it through <see cref="IMocks.CallAsync"/> like an invoke.</summary>
    public Output<T> Call<T>(string token, CallArgs args, Resource? self = null, CallOptions? options = null)
        => Track(new Output<T>(InvokeCoreAsync<T>(token, args, options?.Provider)));

    public void Call(string token, CallArgs args, Resource? self = null, CallOptions? options = null)
        => Call<object>(token, args, self, options);

    private Output<T> Track<T>(Output<T> output)
    {
        _state.Track(output.DataTask);
        return output;
    }

    private async Task<OutputData<T>> InvokeAfterDependenciesAsync<T>(string token, InvokeArgs args, InvokeOutputOptions options)
    {
        var dependsOn = await options.DependsOn.ToOutput().DataTask.ConfigureAwait(false);
        foreach (var resource in dependsOn.Value.IsDefault ? ImmutableArray<Resource>.Empty : dependsOn.Value)
        {
            await resource.Urn.DataTask.ConfigureAwait(false);
        }

        return await InvokeCoreAsync<T>(token, args, options.Provider).ConfigureAwait(false);
    }

    private async Task<OutputData<T>> InvokeCoreAsync<T>(string token, InputArgs args, ProviderResource? provider)
    {
        var serialized = await Serializer.SerializeArgsAsync(args).ConfigureAwait(false);
        if (!serialized.IsKnown)
        {
            // Like the engine in a preview: a function whose arguments are not known yet is not called.
            return OutputData<T>.Unknown(serialized.IsSecret, serialized.Resources);
        }

        var result = await _state.CallAsync(new MockCallArgs
        {
            Token = token,
            Args = (ImmutableDictionary<string, object>)serialized.Value!,
            Provider = await ResourceRegistration.ProviderReferenceAsync(provider).ConfigureAwait(false),
        }).ConfigureAwait(false);
        var plain = await Serializer.SerializeAsync(result).ConfigureAwait(false);
        var value = (T)Converter.Convert(plain.Value, typeof(T), token)!;
        return new OutputData<T>(value, true, serialized.IsSecret, serialized.Resources);
    }
}
