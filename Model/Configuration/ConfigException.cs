namespace Infra.Model.Configuration;

/// <summary>
/// A stack setting has a value the program cannot use. The message is one sentence:
/// <c>Invalid config &lt;namespace&gt;:&lt;key&gt; = &lt;value&gt;: &lt;what is allowed&gt;.</c>
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates an exception with a free-form message.</summary>
    public ConfigException()
    {
    }

    /// <summary>Creates an exception with a free-form message.</summary>
    public ConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a free-form message and its cause.</summary>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the one-sentence error for a setting.</summary>
    /// <param name="configNamespace">The configuration namespace, e.g. <c>private-connectivity</c>; may be null.</param>
    /// <param name="key">The setting, e.g. <c>azCount</c> or <c>inspection.mode</c>.</param>
    /// <param name="value">The offending value as shown to the user.</param>
    /// <param name="allowed">What is allowed, without a final full stop.</param>
    public ConfigException(string? configNamespace, string key, string value, string allowed)
        : base(Format(configNamespace, key, value, allowed))
    {
        Namespace = configNamespace;
        Key = key;
        Value = value;
        Allowed = allowed;
    }

    /// <summary>The configuration namespace, when known.</summary>
    public string? Namespace { get; }

    /// <summary>The setting without namespace: <c>azCount</c>, <c>inspection.mode</c>, <c>interfaceEndpoints[2]</c>.</summary>
    public string Key { get; } = "";

    /// <summary>The offending value as shown in the message.</summary>
    public string Value { get; } = "";

    /// <summary>What is allowed, as shown in the message.</summary>
    public string Allowed { get; } = "";

    /// <summary>Formats the one-sentence message.</summary>
    public static string Format(string? configNamespace, string key, string value, string allowed)
    {
        var prefix = string.IsNullOrEmpty(configNamespace) ? "" : configNamespace + ":";
        return $"Invalid config {prefix}{key} = {value}: {allowed.TrimEnd('.', ' ')}.";
    }
}
