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
}
