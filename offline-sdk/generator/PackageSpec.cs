namespace OfflineSdkGenerator;

/// <summary>One stand-in assembly: which listing it is generated from and what the listing does not
/// say (the Pulumi package name and the package version the real SDK reports).</summary>
/// <param name="ListingFile">File name of the listing in the reference folder.</param>
/// <param name="RootNamespace">Root namespace (and assembly name) of the package.</param>
/// <param name="PackageName">Pulumi package name: the first part of every token.</param>
/// <param name="Version">Version of the real package the listing was made from.</param>
internal sealed record PackageSpec(string ListingFile, string RootNamespace, string PackageName, string Version)
{
    /// <summary>The packages generated; keep versions in step with shared/reference/README.md.</summary>
    public static IReadOnlyList<PackageSpec> All { get; } =
    [
        new("Pulumi.Aws.api.txt", "Pulumi.Aws", "aws", "7.48.0"),
        new("Pulumi.Random.api.txt", "Pulumi.Random", "random", "4.21.1"),
    ];

    /// <summary>Project folder under offline-sdk/, named like the assembly.</summary>
    public string ProjectFolder => RootNamespace;

    /// <summary>Internal subclass of <c>Pulumi.ResourceTypeAttribute</c> carrying the package version.</summary>
    public string ResourceTypeAttribute => char.ToUpperInvariant(PackageName[0]) + PackageName[1..] + "ResourceType";
}
