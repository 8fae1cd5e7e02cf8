using OfflineSdkGenerator.Listing;

namespace OfflineSdkGenerator.Emit;

/// <summary>Input classes: resource <c>Args</c>/<c>State</c>, nested <c>Inputs.*</c> and function
/// arguments (<c>: Pulumi.ResourceArgs</c> or <c>: Pulumi.InvokeArgs</c>).</summary>
internal static class ArgsEmitter
{
    private static readonly string[] CollectionTypes =
    [
        "Pulumi.InputList<", "Pulumi.InputMap<",
        "System.Collections.Generic.List<", "System.Collections.Generic.Dictionary<",
    ];

    public static bool Handles(ApiType type) => type.BaseType is "Pulumi.ResourceArgs" or "Pulumi.InvokeArgs";

    public static void Emit(ApiType type, EmitContext ctx, CodeWriter w)
    {
        if (type.Kind != "sealed class") throw new GeneratorException($"{type.FullName}: input classes are expected to be sealed: {type.Line}");
        type.Consume(type.Line);
        bool isProviderArgs = ctx.ProviderArgsTypes.Contains(type.FullName);

        using (w.Block($"public sealed class {type.Name} : {ctx.Type(type.BaseType!)}"))
        {
            List<PropertyMember> inputs = type.MembersOf<PropertyMember>()
                .Where(p => !p.IsStatic && p.Accessors == "get; set;")
                .ToList();
            foreach ((PropertyMember property, WireName wire) in WireMatcher.Pair(type, inputs, type.WireInputs, p => p.Type, allowRenames: true))
            {
                type.Consume(property.Line);
                type.Consume(wire.Line);
                // A provider's configuration reaches it as JSON, except for plain strings.
                bool json = isProviderArgs && wire.Type != "Pulumi.Input<string>";
                EmitInput(property, wire, json, ctx, w);
                w.Line();
            }

            EmitConstructor(type, w);

            PropertyMember? empty = type.MembersOf<PropertyMember>()
                .SingleOrDefault(p => p is { IsStatic: true, Name: "Empty", Accessors: "get;" } && p.Type == type.FullName);
            if (empty is not null)
            {
                type.Consume(empty.Line);
                w.Line();
                w.Line($"public static new {ctx.Type(type.FullName)} Empty => new {ctx.Type(type.FullName)}();");
            }
        }
    }

    private static void EmitInput(PropertyMember property, WireName wire, bool json, EmitContext ctx, CodeWriter w)
    {
        string attribute = $"[global::Pulumi.Input({CSharp.StringLiteral(wire.Name)}"
                           + (wire.IsRequired ? ", required: true" : "")
                           + (json ? ", json: true" : "")
                           + ")]";
        string type = ctx.Type(property.Type);

        if (CollectionTypes.Any(prefix => property.Type.StartsWith(prefix, StringComparison.Ordinal)))
        {
            // The wire name sits on a private field; the property creates an empty collection on first
            // use, so callers can add to it without assigning one first.
            string field = "_" + CSharp.CamelCase(property.Name);
            w.Line(attribute);
            w.Line($"private {type}? {field};");
            w.Line();
            using (w.Block($"public {type} {property.Name}"))
            {
                w.Line($"get => {field} ??= new {type}();");
                w.Line($"set => {field} = value;");
            }
            return;
        }

        w.Line(attribute);
        if (!wire.IsRequired)
            w.Line($"public {ctx.NullableType(property.Type)} {property.Name} {{ get; set; }}");
        else if (ctx.IsValueType(property.Type))
            w.Line($"public {type} {property.Name} {{ get; set; }}");
        else
            w.Line($"public {type} {property.Name} {{ get; set; }} = null!;");
    }

    /// <summary>The listed parameterless constructor; without one, a private constructor keeps C#
    /// from adding a public default constructor the real class does not have.</summary>
    private static void EmitConstructor(ApiType type, CodeWriter w)
    {
        List<ConstructorMember> ctors = type.MembersOf<ConstructorMember>().ToList();
        if (ctors.Count > 1 || ctors.Any(c => c.Parameters.Count > 0))
            throw new GeneratorException($"{type.FullName}: input classes are expected to have only a parameterless constructor");
        ctors.ForEach(c => type.Consume(c.Line));
        w.Line($"{(ctors.Count == 1 ? "public" : "private")} {type.Name}()");
        w.Line("{");
        w.Line("}");
    }
}
