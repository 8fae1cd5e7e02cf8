namespace OfflineSdkGenerator;

/// <summary>One stand-in assembly: which listing it is generated from and what the listing does not
/// say (the Pulumi package name and the package version the real SDK reports).</summary>
/// <param name="ListingFiles">File names of the package's listings in the reference folder: the main one, then the
/// supplements that list only the lines the main one lacks (the stand-in is generated from their union).</param>
/// <param name="RootNamespace">Root namespace (and assembly name) of the package.</param>
/// <param name="PackageName">Pulumi package name: the first part of every token.</param>
/// <param name="Version">Version of the real package the listing was made from.</param>
internal sealed record PackageSpec(IReadOnlyList<string> ListingFiles, string RootNamespace, string PackageName, string Version)
{
    /// <summary>The packages generated; keep versions in step with shared/reference/README.md.</summary>
    public static IReadOnlyList<PackageSpec> All { get; } =
    [
        new(["Pulumi.Aws.api.txt", "Pulumi.Aws.transit.api.txt"], "Pulumi.Aws", "aws", "7.48.0"),
        new(["Pulumi.Random.api.txt"], "Pulumi.Random", "random", "4.21.1"),
    ];

    /// <summary>The main listing, named in the header of the files that are not generated from one listed type.</summary>
    public string MainListingFile => ListingFiles[0];

    /// <summary>Project folder under offline-sdk/, named like the assembly.</summary>
    public string ProjectFolder => RootNamespace;

    /// <summary>Internal subclass of <c>Pulumi.ResourceTypeAttribute</c> carrying the package version.</summary>
    public string ResourceTypeAttribute => char.ToUpperInvariant(PackageName[0]) + PackageName[1..] + "ResourceType";
}
