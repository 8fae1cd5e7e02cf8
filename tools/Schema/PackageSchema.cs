using System.Text.Json;
using System.Text.Json.Serialization;
using Infra.Components;
using Pulumi.Experimental.Provider;

namespace Infra.Schema;

/// <summary>The package schema of the components, as the provider serves it.</summary>
public static class PackageSchema
{
    /// <summary>
    /// What <c>ComponentProviderHost.Serve</c> passes the analyzer for this assembly: the given package name, the
    /// namespace from the assembly name's first part (Infra.Components: infra) and version 0.0.0.
    /// </summary>
    public static Metadata Metadata { get; } = new(PackageInfo.Name, "infra", "0.0.0");

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The schema as JSON, serialized the way the provider's GetSchema does, with a final line break.</summary>
    public static string Json() =>
        JsonSerializer.Serialize(ComponentAnalyzer.GenerateSchema(Metadata, typeof(VpcNetwork).Assembly), Options) + "\n";
}
