using Infra.Model.Configuration;
using Pulumi;

namespace Infra.Components;

/// <summary>
/// One-sentence errors for a component's bad inputs, from the same rules as the stack settings
/// (<see cref="SettingRules"/>). They are <see cref="RunException"/>s, which Pulumi reports without a stack trace.
/// </summary>
internal sealed class InputErrors(string componentType, string name)
{
    /// <summary>The callback a <see cref="SettingRules"/> rule calls with the bad value and what is allowed.</summary>
    public Func<string, string, Exception> For(string input) => (value, allowed) => Error(input, value, allowed);

    public RunException Error(string input, string value, string allowed)
        => new($"Invalid input {input} of {componentType} {name} = {value}: {allowed.TrimEnd('.', ' ')}.");

    /// <summary>Runs a model check that reports a <see cref="ConfigException"/>, naming the input instead of a setting.</summary>
    public T Check<T>(string input, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (ConfigException e)
        {
            throw Error(input, e.Value, e.Allowed);
        }
    }

    /// <summary>A required plain input.</summary>
    public T Required<T>(string input, T? value)
        where T : class
        => value ?? throw Error(input, "(not set)", "a value; this input is required");
}
