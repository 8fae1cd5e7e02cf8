using System.Collections;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace Pulumi;

/// <summary>Registers one resource with the mocks and completes its output properties from the answer.</summary>
internal static class ResourceRegistration
{
    public static async Task RegisterAsync(
        DeploymentState deployment, Resource resource, bool custom, ResourceArgs args, ResourceOptions options)
    {
        // Registration starts only once the resource's constructor (and a derived component's body) has run.
        await Task.Yield();
        var sources = resource.CompletionSources;
        var dependencies = ImmutableHashSet.Create(resource);
        var keepUnknown = deployment.IsDryRun;
        try
        {
            var parentUrn = resource.Parent is null
                ? null
                : (await resource.Parent.Urn.DataTask.ConfigureAwait(false)).Value;
            await WaitForDependenciesAsync(options).ConfigureAwait(false);
            var providerReference = await ProviderReferenceAsync(resource.Provider).ConfigureAwait(false);
            var inputs = await Serializer.SerializeArgsAsync(args).ConfigureAwait(false);

            deployment.AddResource(resource);
            var type = resource.GetResourceType();
            var name = resource.GetResourceName();
            var urn = deployment.NewUrn(parentUrn, type, name);
            string? id = null;
            var state = ImmutableDictionary<string, SerializedValue>.Empty;
            if (type != Stack.RootTypeToken)
            {
                // A resource read by id (the static Get methods) reaches the mocks with that id, like an import.
                var existingId = custom ? await ExistingIdAsync(options).ConfigureAwait(false) : null;
                var requestedId = existingId ?? (options as CustomResourceOptions)?.ImportId ?? string.Empty;
                var (mockId, mockState) = await deployment.NewResourceAsync(new MockResourceArgs
                {
                    Type = type,
                    Name = name,
                    Inputs = (ImmutableDictionary<string, object>)inputs.Value!,
                    Provider = providerReference,
                    Id = requestedId,
                }).ConfigureAwait(false);
                // A read keeps the id it asked for, whatever the mocks answer (the real engine does the same).
                id = existingId ?? mockId ?? requestedId;
                state = await SerializeStateAsync(mockState).ConfigureAwait(false);
            }

            Complete(sources, "urn", urn, isKnown: true, dependencies);
            if (custom)
            {
                Complete(sources, "id", id ?? string.Empty, isKnown: !string.IsNullOrEmpty(id), dependencies);
            }

            foreach (var (wireName, source) in sources)
            {
                if (wireName is "urn" or "id" || !state.TryGetValue(wireName, out var stateValue))
                {
                    continue;
                }

                if (!stateValue.IsKnown)
                {
                    source.SetValue(Converter.Convert(null, source.TargetType, wireName), isKnown: false, stateValue.IsSecret, dependencies);
                    continue;
                }

                var context = $"{resource.GetType().FullName}.{wireName}";
                object? converted;
                try
                {
                    converted = Converter.Convert(stateValue.Value, source.TargetType, context);
                }
                catch (InvalidOperationException mismatch)
                {
                    // The engine warns and leaves the property at its default rather than failing the program.
                    Pulumi.Log.Warn(mismatch.Message, resource);
                    converted = Converter.Convert(null, source.TargetType, context);
                }

                // A secret anywhere in a state value makes the whole output property secret.
                source.SetValue(converted, isKnown: true, isSecret: stateValue.IsSecret, dependencies);
            }
        }
        catch (Exception e)
        {
            foreach (var source in sources.Values)
            {
                source.TrySetException(e);
            }

            throw;
        }
        finally
        {
            // Properties the mocks did not return are unknown in a preview and empty in an update.
            foreach (var source in sources.Values)
            {
                source.TrySetDefault(isKnown: !keepUnknown, dependencies);
            }
        }
    }

    private static void Complete(
        ImmutableDictionary<string, IOutputCompletionSource> sources, string wireName, string value, bool isKnown,
        ImmutableHashSet<Resource> dependencies)
    {
        if (sources.TryGetValue(wireName, out var source))
        {
            source.SetValue(value, isKnown, isSecret: false, dependencies);
        }
    }

    private static async Task WaitForDependenciesAsync(ResourceOptions options)
    {
        if (!options.HasDependsOn)
        {
            return;
        }

        var dependsOn = await options.DependsOn.ToOutput().DataTask.ConfigureAwait(false);
        foreach (var dependency in dependsOn.Value.IsDefault ? ImmutableArray<Resource>.Empty : dependsOn.Value)
        {
            await dependency.Urn.DataTask.ConfigureAwait(false);
        }
    }

    private static async Task<string?> ExistingIdAsync(ResourceOptions options)
    {
        if (options.Id is null)
        {
            return null;
        }

        var id = await options.Id.ToOutput().DataTask.ConfigureAwait(false);
        return id.IsKnown && !string.IsNullOrEmpty(id.Value) ? id.Value : null;
    }

    internal static async Task<string> ProviderReferenceAsync(ProviderResource? provider)
    {
        if (provider is null)
        {
            return string.Empty;
        }

        var urn = await provider.Urn.DataTask.ConfigureAwait(false);
        var id = await provider.Id.DataTask.ConfigureAwait(false);
        return $"{urn.Value}::{(id.IsKnown ? id.Value : "04da6b54-80e4-46f7-96ec-b56ff0331ba9")}";
    }

    /// <summary>The mocks' state, one serialized value per output property, each known or not and secret or not.</summary>
    private static async Task<ImmutableDictionary<string, SerializedValue>> SerializeStateAsync(object? state)
    {
        if (state is not IDictionary dictionary)
        {
            var serialized = await Serializer.SerializeAsync(state).ConfigureAwait(false);
            dictionary = serialized.Value as IDictionary
                ?? throw new InvalidOperationException(
                    $"{state?.GetType().FullName ?? "null"} is not a supported resource state; return a dictionary of output properties.");
        }

        var builder = ImmutableDictionary.CreateBuilder<string, SerializedValue>();
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                throw new InvalidOperationException($"Resource state keys must be strings, not {entry.Key.GetType().FullName}.");
            }

            var value = await Serializer.SerializeAsync(entry.Value).ConfigureAwait(false);
            if (value.IsKnown && value.Value is null)
            {
                continue;
            }

            builder[key] = value;
        }

        return builder.ToImmutable();
    }
}
