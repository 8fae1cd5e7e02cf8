namespace OfflineSdkGenerator.Listing;

/// <summary>A parameter of a listed constructor or method.</summary>
/// <param name="Type">Type as spelled in the listing (C#-like, without <c>global::</c>).</param>
/// <param name="Name">Parameter name, unescaped.</param>
/// <param name="IsOptional">The listing printed <c>= default</c>.</param>
internal sealed record Parameter(string Type, string Name, bool IsOptional);

/// <summary>One listed member of a type. <see cref="Line"/> is the listing line it came from.</summary>
internal abstract record ApiMember(string Line, string Name);

internal sealed record ConstructorMember(string Line, IReadOnlyList<Parameter> Parameters)
    : ApiMember(Line, ".ctor");

internal sealed record MethodMember(
    string Line, string Name, string ReturnType, IReadOnlyList<Parameter> Parameters, bool IsStatic, string Modifier)
    : ApiMember(Line, Name);

internal sealed record PropertyMember(string Line, string Name, string Type, bool IsStatic, string Accessors)
    : ApiMember(Line, Name);

internal sealed record FieldMember(string Line, string Name, string Type, bool IsStatic, bool IsReadOnly)
    : ApiMember(Line, Name);

/// <summary>A Pulumi wire name: an <c>[Input]</c>/<c>[Output]</c> member or an
/// <c>[OutputConstructor]</c> parameter.</summary>
internal sealed record WireName(string Line, string Name, string Type, bool IsRequired);

/// <summary>Everything the listing says about one public type.</summary>
internal sealed class ApiType(string fullName, string kind, string? baseType, string line, string listingFile)
{
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    public string FullName { get; } = fullName;

    /// <summary><c>class</c>, <c>sealed class</c>, <c>static class</c> or <c>struct</c>.</summary>
    public string Kind { get; } = kind;

    public string? BaseType { get; } = baseType;

    public string Line { get; } = line;

    /// <summary>File name of the listing whose <c>type</c> line declares this type.</summary>
    public string ListingFile { get; } = listingFile;

    public string Namespace => FullName[..FullName.LastIndexOf('.')];

    public string Name => FullName[(FullName.LastIndexOf('.') + 1)..];

    public List<string> Interfaces { get; } = [];

    public List<ApiMember> Members { get; } = [];

    public List<WireName> WireInputs { get; } = [];

    public List<WireName> WireOutputs { get; } = [];

    public List<WireName> OutputConstructorParameters { get; } = [];

    public bool IsOutputType { get; set; }

    public string? ResourceToken { get; set; }

    /// <summary>Every listing line about this type, for the completeness check.</summary>
    public List<string> AllLines { get; } = [];

    public IEnumerable<T> MembersOf<T>() where T : ApiMember => Members.OfType<T>();

    /// <summary>Marks a listing line as reproduced by the emitted code.</summary>
    public void Consume(string listingLine) => _consumed.Add(listingLine);

    /// <summary>Listing lines about this type that no emitter claimed.</summary>
    public IEnumerable<string> UnconsumedLines() => AllLines.Where(l => !_consumed.Contains(l));
}
