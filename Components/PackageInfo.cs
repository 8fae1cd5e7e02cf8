using Pulumi;

namespace Infra.Components;

/// <summary>
/// The Pulumi package these components form. Its name is the first part of every component's type token
/// (<c>private-connectivity:index:VpcNetwork</c>): the provider (provider/) serves them under that name, and
/// <c>ComponentAnalyzer</c> names every resource and type <c>&lt;package&gt;:index:&lt;class name&gt;</c>, so a
/// component registered by a C# program and one constructed for another language carry the same token.
/// </summary>
public static class PackageInfo
{
    /// <summary>The package name, as <c>pulumi package add</c> and the generated SDKs know it.</summary>
    public const string Name = "private-connectivity";

    /// <summary>The type token of a component class.</summary>
    public static string TypeToken(string componentClassName) => $"{Name}:index:{componentClassName}";

    /// <summary>
    /// <paramref name="options"/> with an alias to the type token the component had before it became part of this
    /// package (<paramref name="formerType"/>, such as <c>infra:network:VpcNetwork</c>). The token is part of the URN
    /// of the component and of every child, so without the alias a stack deployed then would have them all replaced.
    /// </summary>
    internal static ComponentResourceOptions WithFormerType(ComponentResourceOptions? options, string formerType) =>
        ComponentResourceOptions.Merge(options, new ComponentResourceOptions { Aliases = { new Alias { Type = formerType } } });
}
