namespace Pulumi;

/// <summary>Marks a field or property of an args class as a resource input with its wire name.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    public InputAttribute(string name, bool required = false, bool json = false)
    {
        Name = name;
        IsRequired = required;
        Json = json;
    }

    internal string Name { get; }

    internal bool IsRequired { get; }

    internal bool Json { get; }
}

/// <summary>Marks a resource property as an output with its wire name.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class OutputAttribute : Attribute
{
    public OutputAttribute(string? name = null) => Name = name!;

    public string Name { get; }
}

/// <summary>Marks a class whose instances are built from engine values through its output constructor.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
public sealed class OutputTypeAttribute : Attribute
{
}

/// <summary>Marks the constructor that builds an output type; its parameter names are wire names.</summary>
[AttributeUsage(AttributeTargets.Constructor)]
public sealed class OutputConstructorAttribute : Attribute
{
}

/// <summary>Overrides the wire name of an output constructor parameter.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OutputConstructorParameterAttribute : Attribute
{
    public OutputConstructorParameterAttribute(string name) => Name = name;

    public string Name { get; }
}

/// <summary>Marks a struct that stands for a string enumeration of a provider schema.</summary>
[AttributeUsage(AttributeTargets.Struct)]
public sealed class EnumTypeAttribute : Attribute
{
}

/// <summary>Names a resource type token and package version.</summary>
[AttributeUsage(AttributeTargets.Class)]
public class ResourceTypeAttribute : Attribute
{
    public ResourceTypeAttribute(string type, string? version)
    {
        Type = type;
        Version = version!;
    }

    public string Type { get; }

    public string Version { get; }
}
