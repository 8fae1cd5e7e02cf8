using System.Collections.Immutable;

namespace Pulumi;

/// <summary>The resolved state of an output: its value, whether it is known and secret, and the resources it came from.</summary>
internal readonly record struct OutputData<T>(T Value, bool IsKnown, bool IsSecret, ImmutableHashSet<Resource> Resources)
{
    public static OutputData<T> Known(T value) => new(value, true, false, ImmutableHashSet<Resource>.Empty);

    public static OutputData<T> Unknown(bool isSecret, ImmutableHashSet<Resource> resources) => new(default!, false, isSecret, resources);

    public OutputData<object?> Box() => new(Value, IsKnown, IsSecret, Resources);
}

/// <summary>Untyped access to any <see cref="Output{T}"/>, used by serialization and formatting.</summary>
internal interface IOutput
{
    Type ValueType { get; }

    Task<OutputData<object?>> GetDataAsync();
}

/// <summary>Untyped access to any <see cref="Input{T}"/>.</summary>
internal interface IInput
{
    IOutput ToUntypedOutput();
}
