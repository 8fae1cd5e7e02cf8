using System.Collections.Immutable;
using System.Text.Json;

namespace Pulumi;

/// <summary>
/// A value that becomes available once the deployment engine (here: the mocks) resolves it. It may be unknown during a
/// preview and may be secret; both properties flow through <see cref="Apply{TResult}(Func{T, TResult})"/>.
/// </summary>
public sealed class Output<T> : IOutput
{
    internal Output(Task<OutputData<T>> dataTask)
    {
        DataTask = dataTask;

        // Like the real runner: the program is not done while any output (an apply in particular) is still pending.
        DeploymentState.TryGetCurrent()?.Track(dataTask);
    }

    internal Task<OutputData<T>> DataTask { get; }

    Type IOutput.ValueType => typeof(T);

    async Task<OutputData<object?>> IOutput.GetDataAsync() => (await DataTask.ConfigureAwait(false)).Box();

    public static Output<T> Create(Task<T> value) => Output.Create(value);

    public Output<TResult> Apply<TResult>(Func<T, TResult> func)
        => Apply(value => Task.FromResult(func(value)));

    public Output<TResult> Apply<TResult>(Func<T, Task<TResult>> func)
        => new(ApplyAsync(async value => OutputData<TResult>.Known(await func(value).ConfigureAwait(false))));

    public Output<TResult> Apply<TResult>(Func<T, Input<TResult>?> func)
        => Apply(value => InputExtensions.ToOutput(func(value)));

    public Output<TResult> Apply<TResult>(Func<T, Output<TResult>?> func)
        => new(ApplyAsync(async value =>
        {
            var inner = func(value);
            return inner is null
                ? OutputData<TResult>.Known(default!)
                : await inner.DataTask.ConfigureAwait(false);
        }));

    public Output<ValueTuple> Apply(Func<T, Task> func)
        => Apply(async value =>
        {
            await func(value).ConfigureAwait(false);
            return default(ValueTuple);
        });

    public Output<TResult> UntypedApply<TResult>(Func<object, Output<TResult>> func)
        => Apply(value => func(value!));

    private async Task<OutputData<TResult>> ApplyAsync<TResult>(Func<T, Task<OutputData<TResult>>> func)
    {
        var data = await DataTask.ConfigureAwait(false);
        if (!data.IsKnown)
        {
            // Like the engine during a preview: an unknown value never reaches the callback.
            return OutputData<TResult>.Unknown(data.IsSecret, data.Resources);
        }

        var inner = await func(data.Value).ConfigureAwait(false);
        return new OutputData<TResult>(
            inner.Value,
            inner.IsKnown,
            data.IsSecret || inner.IsSecret,
            data.Resources.Union(inner.Resources));
    }

    public override string ToString()
        => $"Output<{typeof(T).Name}> has no value yet: use Apply to work with the value it resolves to, " +
           "or Output.Format to build a string from outputs.";
}

/// <summary>Factories and combinators for <see cref="Output{T}"/>.</summary>
public static class Output
{
    public static Output<T> Create<T>(T value) => new(Task.FromResult(OutputData<T>.Known(value)));

    public static Output<T> Create<T>(Task<T> value) => new(WrapAsync(value, isSecret: false));

    public static Output<T> CreateSecret<T>(T value)
        => new(Task.FromResult(OutputData<T>.Known(value) with { IsSecret = true }));

    public static Output<T> CreateSecret<T>(Task<T> value) => new(WrapAsync(value, isSecret: true));

    public static Output<T> CreateSecret<T>(Output<T> value) => WithSecret(value, true);

    public static Output<T> Unsecret<T>(Output<T> output) => WithSecret(output, false);

    public static async Task<bool> IsSecretAsync<T>(Output<T> output)
        => (await output.DataTask.ConfigureAwait(false)).IsSecret;

    public static Output<ImmutableArray<T>> All<T>(params Input<T>[] inputs) => All(inputs.AsEnumerable());

    public static Output<ImmutableArray<T>> All<T>(IEnumerable<Input<T>> inputs)
        => All(inputs.Select(input => input.ToOutput()));

    public static Output<ImmutableArray<T>> All<T>(params Output<T>[] outputs) => All(outputs.AsEnumerable());

    public static Output<ImmutableArray<T>> All<T>(IEnumerable<Output<T>> outputs)
        => new(CombineAsync(outputs.ToList()));

    public static Output<string> Format(FormattableString formattableString)
    {
        var arguments = formattableString.GetArguments();
        return new Output<string>(FormatAsync(formattableString.Format, arguments));
    }

    public static Output<string> JsonSerialize<T>(Output<T> value, JsonSerializerOptions? options = null)
        => value.Apply(v => JsonSerializer.Serialize(v, options));

    public static Output<T> JsonDeserialize<T>(Output<string> json, JsonSerializerOptions? options = null)
        => json.Apply(text => JsonSerializer.Deserialize<T>(text, options)!);

    public static Output<(T1, T2)> Tuple<T1, T2>(Output<T1> item1, Output<T2> item2)
        => new(TupleAsync(item1, item2));

    public static Output<(T1, T2)> Tuple<T1, T2>(Input<T1> item1, Input<T2> item2)
        => Tuple(item1.ToOutput(), item2.ToOutput());

    public static Output<(T1, T2, T3)> Tuple<T1, T2, T3>(Output<T1> item1, Output<T2> item2, Output<T3> item3)
        => Tuple(Tuple(item1, item2), item3).Apply(x => (x.Item1.Item1, x.Item1.Item2, x.Item2));

    public static Output<(T1, T2, T3)> Tuple<T1, T2, T3>(Input<T1> item1, Input<T2> item2, Input<T3> item3)
        => Tuple(item1.ToOutput(), item2.ToOutput(), item3.ToOutput());

    public static Output<(T1, T2, T3, T4)> Tuple<T1, T2, T3, T4>(Output<T1> item1, Output<T2> item2, Output<T3> item3, Output<T4> item4)
        => Tuple(Tuple(item1, item2, item3), item4).Apply(x => (x.Item1.Item1, x.Item1.Item2, x.Item1.Item3, x.Item2));

    public static Output<(T1, T2, T3, T4)> Tuple<T1, T2, T3, T4>(Input<T1> item1, Input<T2> item2, Input<T3> item3, Input<T4> item4)
        => Tuple(item1.ToOutput(), item2.ToOutput(), item3.ToOutput(), item4.ToOutput());

    public static Output<(T1, T2, T3, T4, T5)> Tuple<T1, T2, T3, T4, T5>(Output<T1> item1, Output<T2> item2, Output<T3> item3, Output<T4> item4, Output<T5> item5)
        => Tuple(Tuple(item1, item2, item3, item4), item5)
            .Apply(x => (x.Item1.Item1, x.Item1.Item2, x.Item1.Item3, x.Item1.Item4, x.Item2));

    public static Output<(T1, T2, T3, T4, T5)> Tuple<T1, T2, T3, T4, T5>(Input<T1> item1, Input<T2> item2, Input<T3> item3, Input<T4> item4, Input<T5> item5)
        => Tuple(item1.ToOutput(), item2.ToOutput(), item3.ToOutput(), item4.ToOutput(), item5.ToOutput());

    public static Output<(T1, T2, T3, T4, T5, T6)> Tuple<T1, T2, T3, T4, T5, T6>(Output<T1> item1, Output<T2> item2, Output<T3> item3, Output<T4> item4, Output<T5> item5, Output<T6> item6)
        => Tuple(Tuple(item1, item2, item3, item4, item5), item6)
            .Apply(x => (x.Item1.Item1, x.Item1.Item2, x.Item1.Item3, x.Item1.Item4, x.Item1.Item5, x.Item2));

    public static Output<(T1, T2, T3, T4, T5, T6)> Tuple<T1, T2, T3, T4, T5, T6>(Input<T1> item1, Input<T2> item2, Input<T3> item3, Input<T4> item4, Input<T5> item5, Input<T6> item6)
        => Tuple(item1.ToOutput(), item2.ToOutput(), item3.ToOutput(), item4.ToOutput(), item5.ToOutput(), item6.ToOutput());

    internal static Output<T> WithSecret<T>(Output<T> output, bool isSecret)
        => new(SetSecretAsync(output, isSecret));

    internal static Output<T> Unknown<T>() => new(Task.FromResult(OutputData<T>.Unknown(false, ImmutableHashSet<Resource>.Empty)));

    private static async Task<OutputData<T>> SetSecretAsync<T>(Output<T> output, bool isSecret)
        => (await output.DataTask.ConfigureAwait(false)) with { IsSecret = isSecret };

    private static async Task<OutputData<T>> WrapAsync<T>(Task<T> task, bool isSecret)
        => OutputData<T>.Known(await task.ConfigureAwait(false)) with { IsSecret = isSecret };

    private static async Task<OutputData<(T1, T2)>> TupleAsync<T1, T2>(Output<T1> item1, Output<T2> item2)
    {
        var first = await item1.DataTask.ConfigureAwait(false);
        var second = await item2.DataTask.ConfigureAwait(false);
        return new OutputData<(T1, T2)>(
            (first.Value, second.Value),
            first.IsKnown && second.IsKnown,
            first.IsSecret || second.IsSecret,
            first.Resources.Union(second.Resources));
    }

    private static async Task<OutputData<ImmutableArray<T>>> CombineAsync<T>(List<Output<T>> outputs)
    {
        var values = ImmutableArray.CreateBuilder<T>(outputs.Count);
        var isKnown = true;
        var isSecret = false;
        var resources = ImmutableHashSet<Resource>.Empty;
        foreach (var output in outputs)
        {
            var data = await output.DataTask.ConfigureAwait(false);
            values.Add(data.Value);
            isKnown &= data.IsKnown;
            isSecret |= data.IsSecret;
            resources = resources.Union(data.Resources);
        }

        return new OutputData<ImmutableArray<T>>(values.MoveToImmutable(), isKnown, isSecret, resources);
    }

    private static IOutput? ToUntypedOutput(object? argument) => argument switch
    {
        IOutput output => output,
        IInput input => input.ToUntypedOutput(),
        _ => null,
    };

    private static async Task<OutputData<string>> FormatAsync(string format, object?[] arguments)
    {
        var values = (object?[])arguments.Clone();
        var isKnown = true;
        var isSecret = false;
        var resources = ImmutableHashSet<Resource>.Empty;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (ToUntypedOutput(arguments[i]) is not { } part)
            {
                continue;
            }

            var data = await part.GetDataAsync().ConfigureAwait(false);
            values[i] = data.Value;
            isKnown &= data.IsKnown;
            isSecret |= data.IsSecret;
            resources = resources.Union(data.Resources);
        }

        return new OutputData<string>(
            isKnown ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, values) : null!,
            isKnown,
            isSecret,
            resources);
    }
}

/// <summary>An output whose source is supplied later, for values that two resources need from each other's side.</summary>
public sealed class DeferredOutput<T>
{
    private readonly TaskCompletionSource<OutputData<T>> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _resolved;

    public DeferredOutput() => Output = new Output<T>(_source.Task);

    public Output<T> Output { get; }

    public void Resolve(Output<T> output)
    {
        if (Interlocked.Exchange(ref _resolved, 1) == 1)
        {
            throw new InvalidOperationException("A DeferredOutput can only be resolved once.");
        }

        _ = CopyAsync(output);
    }

    private async Task CopyAsync(Output<T> output)
    {
        try
        {
            _source.TrySetResult(await output.DataTask.ConfigureAwait(false));
        }
        catch (Exception e)
        {
            _source.TrySetException(e);
        }
    }
}
