using OfflineSdkGenerator.Listing;

namespace OfflineSdkGenerator.Emit;

/// <summary>Enum types: <c>[EnumType]</c> readonly structs wrapping a string, with one static property
/// per value and only the operators and overrides the listing has.</summary>
internal static class EnumEmitter
{
    /// <summary>The operators and methods an enum struct may have, keyed by their shape in the
    /// listing with <c>T</c> for the enum type; each writes the member from (parameter names, type).</summary>
    private static readonly (string Shape, Func<string[], string, string> Code)[] Methods =
    [
        ("static bool op_Equality(T,T)", (p, t) => $"public static bool operator ==({t} {p[0]}, {t} {p[1]}) => {p[0]}.Equals({p[1]});"),
        ("static bool op_Inequality(T,T)", (p, t) => $"public static bool operator !=({t} {p[0]}, {t} {p[1]}) => !{p[0]}.Equals({p[1]});"),
        ("static string op_Explicit(T)", (p, t) => $"public static explicit operator string({t} {p[0]}) => {p[0]}._value;"),
        ("bool Equals(T)", (p, t) => $"public bool Equals({t} {p[0]}) => string.Equals(_value, {p[0]}._value, global::System.StringComparison.Ordinal);"),
        ("override bool Equals(object)", (p, t) => $"public override bool Equals(object? {p[0]}) => {p[0]} is {t} other && Equals(other);"),
        ("override int GetHashCode()", (_, _) => "public override int GetHashCode() => _value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);"),
        ("override string ToString()", (_, _) => "public override string ToString() => _value;"),
    ];

    public static bool Handles(ApiType type) =>
        type.Kind == "struct" && type.Interfaces.Contains($"System.IEquatable<{type.FullName}>");

    public static void Emit(ApiType type, EmitContext ctx, CodeWriter w)
    {
        if (type.BaseType is not null || type.Interfaces.Count != 1)
            throw new GeneratorException($"{type.FullName}: enum structs are expected to implement only IEquatable<T>");
        type.Consume(type.Line);
        type.AllLines.Where(l => l.StartsWith("implements ", StringComparison.Ordinal)).ToList().ForEach(type.Consume);
        string self = ctx.Type(type.FullName);

        w.Line("[global::Pulumi.EnumType]");
        using (w.Block($"public readonly struct {type.Name} : global::System.IEquatable<{self}>"))
        {
            w.Line("private readonly string _value;");
            w.Line();
            using (w.Block($"private {type.Name}(string value)"))
            {
                w.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            }
            w.Line();

            foreach (PropertyMember value in type.MembersOf<PropertyMember>())
            {
                if (value is not { IsStatic: true, Accessors: "get;" } || value.Type != type.FullName)
                    throw new GeneratorException($"{type.FullName}: unexpected enum member: {value.Line}");
                type.Consume(value.Line);
                string wireValue = EnumValues.For(type.FullName, value.Name);
                w.Line($"public static {self} {value.Name} {{ get; }} = new {self}({CSharp.StringLiteral(wireValue)});");
            }

            // The listing shows each method with T for the enum type; write them in this order.
            var methods = type.MembersOf<MethodMember>().ToDictionary(m => Shape(type, m));
            foreach ((string shape, Func<string[], string, string> code) in Methods)
            {
                if (!methods.Remove(shape, out MethodMember? method)) continue;
                type.Consume(method.Line);
                w.Line();
                w.Line(code(method.Parameters.Select(p => CSharp.Identifier(p.Name)).ToArray(), self));
            }
            if (methods.Count > 0)
                throw new GeneratorException($"{type.FullName}: unsupported enum member: {methods.Values.First().Line}");
        }
    }

    private static string Shape(ApiType type, MethodMember method)
    {
        string modifiers = (method.IsStatic ? "static " : "") + (method.Modifier.Length > 0 ? method.Modifier + " " : "");
        return $"{modifiers}{method.ReturnType} {method.Name}({string.Join(",", method.Parameters.Select(p => p.Type))})"
            .Replace(type.FullName, "T", StringComparison.Ordinal);
    }
}
