using System.Collections.Immutable;

namespace Pulumi;

/// <summary>
/// Reads the outputs of another stack. Like the real SDK it is a custom resource of type
/// <c>pulumi:pulumi:StackReference</c> read by id, the id being the referenced stack's name: the mocks receive that
/// name as <c>Id</c> and as the <c>name</c> input, and answer with an <c>outputs</c> map (and, optionally,
/// <c>secretOutputNames</c>).
/// </summary>
public class StackReference : CustomResource
{
    public StackReference(string name, StackReferenceArgs? args = null, CustomResourceOptions? options = null)
        : base(
            "pulumi:pulumi:StackReference",
            name,
            new StackReferenceArgs { Name = args?.Name ?? name },
            CustomResourceOptions.Merge(options, new CustomResourceOptions { Id = args?.Name ?? name }))
    {
    }

    [Output("name")]
    public Output<string> Name { get; private set; } = null!;

    [Output("outputs")]
    public Output<ImmutableDictionary<string, object>> Outputs { get; private set; } = null!;

    [Output("secretOutputNames")]
    public Output<ImmutableArray<string>> SecretOutputNames { get; private set; } = null!;

    /// <summary>The named output of the referenced stack, or null when it has none by that name.</summary>
    public Output<object?> GetOutput(Input<string> name)
        => WithSecretnessOf(name, Output.Tuple(name.ToOutput(), Outputs).Apply(pair => Lookup(pair.Item2, pair.Item1)));

    /// <summary>The named output of the referenced stack; fails (<see cref="KeyNotFoundException"/>) when it has none.</summary>
    public Output<object> RequireOutput(Input<string> name)
        => WithSecretnessOf(name, Output.Tuple(name.ToOutput(), Outputs).Apply(pair =>
            Lookup(pair.Item2, pair.Item1)
            ?? throw new KeyNotFoundException(
                $"Required output '{pair.Item1}' does not exist on stack '{GetResourceName()}'.")));

    /// <summary>The named output in <see cref="StackReferenceOutputDetails.SecretValue"/> when it is secret, else in <see cref="StackReferenceOutputDetails.Value"/>.</summary>
    public async Task<StackReferenceOutputDetails> GetOutputDetailsAsync(string name)
    {
        var data = await GetOutput(name).DataTask.ConfigureAwait(false);
        return data.IsSecret
            ? new StackReferenceOutputDetails { SecretValue = data.Value }
            : new StackReferenceOutputDetails { Value = data.Value };
    }

    /// <summary>The named output's value, or null; refuses secret outputs (read those with <see cref="GetOutput"/>).</summary>
    public async Task<object?> GetValueAsync(Input<string> name)
    {
        var data = await GetOutput(name).DataTask.ConfigureAwait(false);
        return data.IsSecret
            ? throw new InvalidOperationException(
                "Cannot call 'GetOutputValueAsync' if the referenced stack has secret outputs. Use 'GetOutput' instead.")
            : data.Value;
    }

    /// <summary>The named output's value; fails when it is missing, and refuses secret outputs (read those with <see cref="RequireOutput"/>).</summary>
    public async Task<object> RequireValueAsync(Input<string> name)
    {
        var data = await RequireOutput(name).DataTask.ConfigureAwait(false);
        return data.IsSecret
            ? throw new InvalidOperationException(
                "Cannot call 'RequireOutputValueAsync' if the referenced stack has secret outputs. Use 'RequireOutput' instead.")
            : data.Value;
    }

    private static object? Lookup(ImmutableDictionary<string, object>? outputs, string name)
        => outputs is not null && outputs.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// The map of outputs is secret as soon as one output is; a single output is secret only when the referenced
    /// stack lists it in <see cref="SecretOutputNames"/>. When that list or the name is not known, the output takes
    /// the secretness of the whole map.
    /// </summary>
    private Output<T> WithSecretnessOf<T>(Input<string> name, Output<T> value)
        => new(WithSecretnessAsync(name, value));

    private async Task<OutputData<T>> WithSecretnessAsync<T>(Input<string> name, Output<T> value)
    {
        var data = await value.DataTask.ConfigureAwait(false);
        var nameData = await name.ToOutput().DataTask.ConfigureAwait(false);
        var secretNames = await SecretOutputNames.DataTask.ConfigureAwait(false);
        bool isSecret;
        if (nameData.IsKnown && secretNames.IsKnown)
        {
            isSecret = !secretNames.Value.IsDefault && secretNames.Value.Contains(nameData.Value);
        }
        else
        {
            isSecret = (await Outputs.DataTask.ConfigureAwait(false)).IsSecret;
        }

        return data with { IsSecret = isSecret };
    }
}

/// <summary>The arguments of a <see cref="StackReference"/>: the referenced stack's name (<c>org/project/stack</c>).</summary>
public class StackReferenceArgs : ResourceArgs
{
    [Input("name", required: true)]
    public Input<string>? Name { get; set; }
}

/// <summary>One output of a referenced stack: <see cref="SecretValue"/> is set when it is secret, <see cref="Value"/> otherwise; neither when it is missing.</summary>
public sealed class StackReferenceOutputDetails
{
    public object? Value { get; set; }

    public object? SecretValue { get; set; }
}
