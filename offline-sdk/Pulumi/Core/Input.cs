using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;

namespace Pulumi;

/// <summary>A value for a resource argument: either a plain value or an <see cref="Output{T}"/>.</summary>
public class Input<T> : IInput
{
    private protected Output<T> _outputValue;

    private protected Input(Output<T> outputValue) => _outputValue = outputValue;

    internal Output<T> ToOutput() => _outputValue;

    IOutput IInput.ToUntypedOutput() => _outputValue;

    public static implicit operator Input<T>(T value) => new(Output.Create(value));

    public static implicit operator Input<T>(Output<T> value) => new(value);

    public static implicit operator Output<T>(Input<T> input) => input._outputValue;
}

public static class InputExtensions
{
    public static Output<T> ToOutput<T>(this Input<T>? input)
        => input?.ToOutput() ?? Output.Create(default(T)!);

    public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, TResult> func)
        => ToOutput(input).Apply(func);

    public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Task<TResult>> func)
        => ToOutput(input).Apply(func);

    public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Input<TResult>?> func)
        => ToOutput(input).Apply(func);

    public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Output<TResult>?> func)
        => ToOutput(input).Apply(func);
}

public static class OutputExtensions
{
    public static Output<T> GetAt<T>(this Output<ImmutableArray<T>> array, Input<int> index)
        => Output.Tuple(array, index.ToOutput()).Apply(x => x.Item1[x.Item2]);

    public static Output<T> First<T>(this Output<ImmutableArray<T>> array) => array.Apply(items => items[0]);

    public static Output<int> Length<T>(this Output<ImmutableArray<T>> array) => array.Apply(items => items.Length);
}

/// <summary>A list argument whose elements may each be plain values or outputs.</summary>
public sealed class InputList<T> : Input<ImmutableArray<T>>, IEnumerable, IAsyncEnumerable<Input<T>>
{
    public InputList()
        : this(Output.Create(ImmutableArray<T>.Empty))
    {
    }

    private InputList(Output<ImmutableArray<T>> values)
        : base(values)
    {
    }

    public void Add(params Input<T>[] inputs) => _outputValue = Concat(_outputValue, Output.All(inputs));

    public void Add(InputList<T> inputs) => AddRange(inputs);

    public void AddRange(InputList<T> inputs) => _outputValue = Concat(_outputValue, inputs._outputValue);

    public InputList<T> Concat(InputList<T> other) => new(Concat(_outputValue, other._outputValue));

    private static Output<ImmutableArray<T>> Concat(Output<ImmutableArray<T>> first, Output<ImmutableArray<T>> second)
        => Output.Tuple(first, second).Apply(x => x.Item1.AddRange(x.Item2));

    IEnumerator IEnumerable.GetEnumerator()
        => throw new NotSupportedException("An InputList cannot be enumerated synchronously; its elements may not be known yet.");

    public async IAsyncEnumerator<Input<T>> GetAsyncEnumerator(CancellationToken cancellationToken)
    {
        var data = await _outputValue.DataTask.ConfigureAwait(false);
        foreach (var value in data.Value.IsDefault ? ImmutableArray<T>.Empty : data.Value)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return value;
        }
    }

    public static implicit operator InputList<T>(T value) => ImmutableArray.Create(value);

    public static implicit operator InputList<T>(T[] values) => ImmutableArray.Create(values);

    public static implicit operator InputList<T>(List<T> values) => values.ToImmutableArray();

    public static implicit operator InputList<T>(ImmutableArray<T> values) => new(Output.Create(values));

    public static implicit operator InputList<T>(Input<T> value) => new[] { value };

    public static implicit operator InputList<T>(Input<T>[] values) => new(Output.All(values));

    public static implicit operator InputList<T>(List<Input<T>> values) => values.ToArray();

    public static implicit operator InputList<T>(ImmutableArray<Input<T>> values) => values.ToArray();

    public static implicit operator InputList<T>(Output<T> value) => new[] { value };

    public static implicit operator InputList<T>(Output<T>[] values) => new(Output.All(values));

    public static implicit operator InputList<T>(List<Output<T>> values) => values.ToArray();

    public static implicit operator InputList<T>(ImmutableArray<Output<T>> values) => values.ToArray();

    public static implicit operator InputList<T>(Output<T[]> values) => new(values.Apply(ImmutableArray.Create));

    public static implicit operator InputList<T>(Output<List<T>> values) => new(values.Apply(items => items.ToImmutableArray()));

    public static implicit operator InputList<T>(Output<IEnumerable<T>> values) => new(values.Apply(items => items.ToImmutableArray()));

    public static implicit operator InputList<T>(Output<ImmutableArray<T>> values) => new(values);
}

/// <summary>A map argument whose values may each be plain values or outputs.</summary>
public sealed class InputMap<TValue> : Input<ImmutableDictionary<string, TValue>>, IEnumerable, IAsyncEnumerable<Input<KeyValuePair<string, TValue>>>
{
    public InputMap()
        : this(Output.Create(ImmutableDictionary<string, TValue>.Empty))
    {
    }

    private InputMap(Output<ImmutableDictionary<string, TValue>> values)
        : base(values)
    {
    }

    public void Add(string key, Input<TValue> value)
        => _outputValue = Output.Tuple(_outputValue, value.ToOutput()).Apply(x => x.Item1.Add(key, x.Item2));

    public void Add(InputMap<TValue> values) => AddRange(values);

    public void AddRange(InputMap<TValue> values) => _outputValue = Merge(_outputValue, values._outputValue);

    public Input<TValue> this[string key]
    {
        set => _outputValue = Output.Tuple(_outputValue, value.ToOutput()).Apply(x => x.Item1.SetItem(key, x.Item2));
    }

    public static InputMap<TValue> Merge(InputMap<TValue> first, InputMap<TValue> second)
        => new(Merge(first._outputValue, second._outputValue));

    private static Output<ImmutableDictionary<string, TValue>> Merge(
        Output<ImmutableDictionary<string, TValue>> first, Output<ImmutableDictionary<string, TValue>> second)
        => Output.Tuple(first, second).Apply(x => x.Item1.SetItems(x.Item2));

    IEnumerator IEnumerable.GetEnumerator()
        => throw new NotSupportedException("An InputMap cannot be enumerated synchronously; its values may not be known yet.");

    public async IAsyncEnumerator<Input<KeyValuePair<string, TValue>>> GetAsyncEnumerator(CancellationToken cancellationToken)
    {
        var data = await _outputValue.DataTask.ConfigureAwait(false);
        foreach (var pair in data.Value)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return pair;
        }
    }

    public static implicit operator InputMap<TValue>(Dictionary<string, TValue> values) => values.ToImmutableDictionary();

    public static implicit operator InputMap<TValue>(ImmutableDictionary<string, TValue> values) => new(Output.Create(values));

    public static implicit operator InputMap<TValue>(Output<Dictionary<string, TValue>> values)
        => new(values.Apply(items => items.ToImmutableDictionary()));

    public static implicit operator InputMap<TValue>(Output<IDictionary<string, TValue>> values)
        => new(values.Apply(items => items.ToImmutableDictionary()));

    public static implicit operator InputMap<TValue>(Output<ImmutableDictionary<string, TValue>> values) => new(values);
}

/// <summary>An argument that accepts either of two types.</summary>
public sealed class InputUnion<T0, T1> : Input<Union<T0, T1>>
{
    public InputUnion()
        : this(Output.Create(default(Union<T0, T1>)))
    {
    }

    private InputUnion(Output<Union<T0, T1>> value)
        : base(value)
    {
    }

    public static implicit operator InputUnion<T0, T1>(T0 value) => new(Output.Create(Union<T0, T1>.FromT0(value)));

    public static implicit operator InputUnion<T0, T1>(T1 value) => new(Output.Create(Union<T0, T1>.FromT1(value)));

    public static implicit operator InputUnion<T0, T1>(Union<T0, T1> value) => new(Output.Create(value));

    public static implicit operator InputUnion<T0, T1>(Output<T0> value) => new(value.Apply(Union<T0, T1>.FromT0));

    public static implicit operator InputUnion<T0, T1>(Output<T1> value) => new(value.Apply(Union<T0, T1>.FromT1));

    public static implicit operator InputUnion<T0, T1>(Output<Union<T0, T1>> value) => new(value);

    public static implicit operator InputUnion<T0, T1>(Input<T0> value) => value.ToOutput();

    public static implicit operator InputUnion<T0, T1>(Input<T1> value) => value.ToOutput();
}

/// <summary>A value that is one of two types.</summary>
public readonly struct Union<T0, T1> : IEquatable<Union<T0, T1>>, IUnion
{
    private readonly T0 _value0;
    private readonly T1 _value1;
    private readonly int _index;

    private Union(int index, T0 value0 = default!, T1 value1 = default!)
    {
        _index = index;
        _value0 = value0;
        _value1 = value1;
    }

    public object? Value => _index == 0 ? _value0 : _value1;

    public bool IsT0 => _index == 0;

    public bool IsT1 => _index == 1;

    public T0 AsT0 => IsT0 ? _value0 : throw new InvalidOperationException("The union does not hold its first type.");

    public T1 AsT1 => IsT1 ? _value1 : throw new InvalidOperationException("The union does not hold its second type.");

    public static Union<T0, T1> FromT0(T0 input) => new(0, value0: input);

    public static Union<T0, T1> FromT1(T1 input) => new(1, value1: input);

    public static implicit operator Union<T0, T1>(T0 t) => FromT0(t);

    public static implicit operator Union<T0, T1>(T1 t) => FromT1(t);

    public TResult Match<TResult>(Func<T0, TResult> f0, Func<T1, TResult> f1) => IsT0 ? f0(_value0) : f1(_value1);

    public void Switch(Action<T0> f0, Action<T1> f1)
    {
        if (IsT0)
        {
            f0(_value0);
        }
        else
        {
            f1(_value1);
        }
    }

    public bool Equals(Union<T0, T1> other)
        => _index == other._index && Equals(Value, other.Value);

    public override bool Equals(object? obj) => obj is Union<T0, T1> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_index, Value);

    public override string ToString() => Value?.ToString() ?? string.Empty;

    public static bool operator ==(Union<T0, T1> left, Union<T0, T1> right) => left.Equals(right);

    public static bool operator !=(Union<T0, T1> left, Union<T0, T1> right) => !left.Equals(right);
}

/// <summary>A union's value whatever its type arguments, for the serializer.</summary>
internal interface IUnion
{
    object? Value { get; }
}

/// <summary>A JSON value argument.</summary>
public sealed class InputJson : Input<JsonElement>
{
    public InputJson()
        : this(Output.Create(default(JsonElement)))
    {
    }

    private InputJson(Output<JsonElement> value)
        : base(value)
    {
    }

    public static implicit operator InputJson(string json) => JsonDocument.Parse(json);

    public static implicit operator InputJson(JsonDocument document) => document.RootElement;

    public static implicit operator InputJson(JsonElement element) => new(Output.Create(element));

    public static implicit operator InputJson(Output<string> json) => new(json.Apply(text => JsonDocument.Parse(text).RootElement));

    public static implicit operator InputJson(Output<JsonDocument> document) => new(document.Apply(d => d.RootElement));

    public static implicit operator InputJson(Output<JsonElement> element) => new(element);
}
