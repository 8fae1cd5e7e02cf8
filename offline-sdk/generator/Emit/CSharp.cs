using System.Text;
using System.Text.RegularExpressions;

namespace OfflineSdkGenerator.Emit;

/// <summary>Spelling helpers: listing type names to C#, identifiers, literals.</summary>
internal static partial class CSharp
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    private static readonly HashSet<string> ValueKeywords = new(StringComparer.Ordinal)
    {
        "bool", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "nint", "nuint", "char",
        "float", "double", "decimal",
    };

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")]
    private static partial Regex QualifiedName();

    /// <summary>A listing type (<c>Pulumi.Input&lt;string&gt;</c>) as fully qualified C#
    /// (<c>global::Pulumi.Input&lt;string&gt;</c>), so no namespace or member name can capture it.</summary>
    public static string Type(string listingType) =>
        QualifiedName().Replace(listingType, m => m.Value.Contains('.', StringComparison.Ordinal) ? "global::" + m.Value : m.Value)
            .Replace(",", ", ", StringComparison.Ordinal);

    /// <summary>True for value types: keyword structs, <c>T?</c>, <c>ImmutableArray&lt;T&gt;</c> and the
    /// structs the listing itself declares.</summary>
    public static bool IsValueType(string listingType, IReadOnlySet<string> listedStructs) =>
        listingType.EndsWith('?')
        || ValueKeywords.Contains(listingType)
        || listingType.StartsWith("System.Collections.Immutable.ImmutableArray<", StringComparison.Ordinal)
        || listedStructs.Contains(listingType);

    /// <summary>The C# type of a member that may hold null: reference types get a nullable annotation;
    /// value types keep their listed type (the listing already shows <c>int?</c> where it is one).</summary>
    public static string NullableType(string listingType, IReadOnlySet<string> listedStructs) =>
        IsValueType(listingType, listedStructs) ? Type(listingType) : Type(listingType) + "?";

    /// <summary>A parameter declaration; <c>= default</c> in the listing becomes an optional parameter.</summary>
    public static string ParameterDeclaration(Listing.Parameter parameter, IReadOnlySet<string> listedStructs)
    {
        if (!parameter.IsOptional) return $"{Type(parameter.Type)} {Identifier(parameter.Name)}";
        return IsValueType(parameter.Type, listedStructs)
            ? $"{Type(parameter.Type)} {Identifier(parameter.Name)} = default"
            : $"{NullableType(parameter.Type, listedStructs)} {Identifier(parameter.Name)} = null";
    }

    public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

    public static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    public static string StringLiteral(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
