using OfflineSdkGenerator.Listing;

namespace OfflineSdkGenerator.Emit;

/// <summary>What emitters need to know beyond the type at hand.</summary>
internal sealed class EmitContext
{
    public EmitContext(PackageSpec package, SortedDictionary<string, ApiType> types)
    {
        Package = package;
        Types = types;
        ListedStructs = types.Values.Where(t => t.Kind == "struct").Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);
        ProviderArgsTypes = types.Values
            .Where(t => t.BaseType == "Pulumi.ProviderResource")
            .SelectMany(t => t.MembersOf<ConstructorMember>())
            .Where(c => c.Parameters.Count > 1)
            .Select(c => c.Parameters[1].Type)
            .ToHashSet(StringComparer.Ordinal);
    }

    public PackageSpec Package { get; }

    public SortedDictionary<string, ApiType> Types { get; }

    public IReadOnlySet<string> ListedStructs { get; }

    /// <summary>Args classes of provider resources: their non-string inputs travel as JSON.</summary>
    public IReadOnlySet<string> ProviderArgsTypes { get; }

    /// <summary>C# for the internal helper class <c>Utilities</c> of this package.</summary>
    public string Utilities => $"global::{Package.RootNamespace}.Utilities";

    public string Type(string listingType) => CSharp.Type(listingType);

    public string NullableType(string listingType) => CSharp.NullableType(listingType, ListedStructs);

    public bool IsValueType(string listingType) => CSharp.IsValueType(listingType, ListedStructs);

    public string Parameters(IEnumerable<Parameter> parameters) =>
        string.Join(", ", parameters.Select(p => CSharp.ParameterDeclaration(p, ListedStructs)));
}
