using OfflineSdkGenerator.Listing;

namespace OfflineSdkGenerator.Emit;

/// <summary>Output types (<c>[OutputType]</c>: nested <c>Outputs.*</c> and function results):
/// read-only fields filled by one private <c>[OutputConstructor]</c> constructor.</summary>
internal static class OutputTypeEmitter
{
    public static bool Handles(ApiType type) => type.IsOutputType;

    public static void Emit(ApiType type, EmitContext ctx, CodeWriter w)
    {
        if (type.Kind != "sealed class" || type.BaseType is not null)
            throw new GeneratorException($"{type.FullName}: output types are expected to be sealed classes without a base: {type.Line}");
        type.Consume(type.Line);
        type.AllLines.Where(l => l.StartsWith("outputtype ", StringComparison.Ordinal)).ToList().ForEach(type.Consume);

        List<FieldMember> fields = type.MembersOf<FieldMember>().Where(f => f is { IsStatic: false, IsReadOnly: true }).ToList();
        // The constructor's parameters are matched to the fields strictly, by name ignoring case.
        var byParameter = WireMatcher.Pair(type, fields, type.OutputConstructorParameters, f => f.Type, allowRenames: false)
            .ToDictionary(p => p.Wire, p => p.Member);

        w.Line("[global::Pulumi.OutputType]");
        using (w.Block($"public sealed class {type.Name}"))
        {
            foreach (FieldMember field in fields)
            {
                type.Consume(field.Line);
                w.Line($"public readonly {ctx.Type(field.Type)} {field.Name};");
            }
            w.Line();

            List<WireName> parameters = type.OutputConstructorParameters;
            if (parameters.Count == 0) throw new GeneratorException($"{type.FullName}: output type without constructor parameters");
            parameters.ForEach(p => type.Consume(p.Line));
            w.Line("[global::Pulumi.OutputConstructor]");
            w.Line($"private {type.Name}(");
            for (int i = 0; i < parameters.Count; i++)
            {
                string separator = i < parameters.Count - 1 ? "," : ")";
                w.Line($"    {ctx.Type(parameters[i].Type)} {CSharp.Identifier(parameters[i].Name)}{separator}");
            }
            using (w.Block())
            {
                foreach (WireName parameter in parameters)
                    w.Line($"{byParameter[parameter].Name} = {CSharp.Identifier(parameter.Name)};");
            }
        }
    }
}
