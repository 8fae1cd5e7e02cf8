using OfflineSdkGenerator.Listing;

namespace OfflineSdkGenerator.Emit;

/// <summary>Resource classes (<c>: Pulumi.CustomResource</c>) and the package's provider
/// (<c>: Pulumi.ProviderResource</c>).</summary>
internal static class ResourceEmitter
{
    public static bool Handles(ApiType type) =>
        type.BaseType is "Pulumi.CustomResource" or "Pulumi.ProviderResource";

    public static void Emit(ApiType type, EmitContext ctx, CodeWriter w)
    {
        bool isProvider = type.BaseType == "Pulumi.ProviderResource";
        if (type.Kind != "class") throw new GeneratorException($"{type.FullName}: resources are expected to be plain classes: {type.Line}");
        type.Consume(type.Line);

        string token = isProvider
            ? $"pulumi:providers:{ctx.Package.PackageName}"
            : type.ResourceToken ?? throw new GeneratorException($"{type.FullName}: no resourcetoken line");
        type.AllLines.Where(l => l.StartsWith("resourcetoken ", StringComparison.Ordinal)).ToList().ForEach(type.Consume);

        ConstructorMember ctor = PublicConstructor(type);
        string argsType = ctor.Parameters[1].Type;
        MethodMember? get = type.MembersOf<MethodMember>().SingleOrDefault(m => m.Name == "Get" && m.IsStatic);

        w.Line($"[global::{ctx.Package.RootNamespace}.{ctx.Package.ResourceTypeAttribute}({CSharp.StringLiteral(token)})]");
        using (w.Block($"public class {type.Name} : {ctx.Type(type.BaseType!)}"))
        {
            EmitOutputs(type, ctx, w);

            type.Consume(ctor.Line);
            w.Line($"public {type.Name}({ctx.Parameters(ctor.Parameters)})");
            string baseFirst = isProvider ? CSharp.StringLiteral(ctx.Package.PackageName) : CSharp.StringLiteral(token);
            w.Line($"    : base({baseFirst}, {Id(ctor, 0)}, {Id(ctor, 1)} ?? new {ctx.Type(argsType)}(), MakeResourceOptions({Id(ctor, 2)}, \"\"))");
            w.Line("{");
            w.Line("}");

            if (get is not null) EmitGet(type, get, token, ctx, w);

            w.Line();
            w.Line("private static global::Pulumi.CustomResourceOptions MakeResourceOptions(global::Pulumi.CustomResourceOptions? options, global::Pulumi.Input<string>? id)");
            w.Line("{");
            w.Line($"    var defaults = new global::Pulumi.CustomResourceOptions {{ Version = {ctx.Utilities}.Version }};");
            w.Line("    var merged = global::Pulumi.CustomResourceOptions.Merge(defaults, options);");
            w.Line("    // An empty id (the public constructor) registers the resource; a real one reads it (Get).");
            w.Line("    merged.Id = id ?? merged.Id;");
            w.Line("    return merged;");
            w.Line("}");

            if (isProvider) EmitProviderMethods(type, ctx, w);
        }
    }

    private static ConstructorMember PublicConstructor(ApiType type)
    {
        List<ConstructorMember> ctors = type.MembersOf<ConstructorMember>().ToList();
        if (ctors is not [{ Parameters: [{ Type: "string" }, _, { Type: "Pulumi.CustomResourceOptions" }] } ctor])
            throw new GeneratorException($"{type.FullName}: expected one constructor (string name, Args args, CustomResourceOptions options)");
        return ctor;
    }

    private static string Id(ConstructorMember ctor, int index) => CSharp.Identifier(ctor.Parameters[index].Name);

    private static void EmitOutputs(ApiType type, EmitContext ctx, CodeWriter w)
    {
        List<PropertyMember> outputs = type.MembersOf<PropertyMember>()
            .Where(p => !p.IsStatic && p.Accessors == "get;" && p.Type.StartsWith("Pulumi.Output<", StringComparison.Ordinal))
            .ToList();
        foreach ((PropertyMember property, WireName wire) in WireMatcher.Pair(type, outputs, type.WireOutputs, p => p.Type, allowRenames: true))
        {
            type.Consume(property.Line);
            type.Consume(wire.Line);
            w.Line($"[global::Pulumi.Output({CSharp.StringLiteral(wire.Name)})]");
            w.Line($"public {ctx.Type(property.Type)} {property.Name} {{ get; private set; }} = null!;");
            w.Line();
        }
    }

    /// <summary>The static <c>Get</c> method and the private constructor it calls, which reads an
    /// existing resource by id.</summary>
    private static void EmitGet(ApiType type, MethodMember get, string token, EmitContext ctx, CodeWriter w)
    {
        if (get.ReturnType != type.FullName
            || get.Parameters is not [{ Type: "string" }, { Type: "Pulumi.Input<string>" }, _, { Type: "Pulumi.CustomResourceOptions" }])
            throw new GeneratorException($"{type.FullName}: unexpected Get signature: {get.Line}");
        type.Consume(get.Line);

        var readParameters = get.Parameters.Select((p, i) => i >= 2 ? p with { IsOptional = true } : p).ToList();
        string[] names = get.Parameters.Select(p => CSharp.Identifier(p.Name)).ToArray();

        w.Line();
        w.Line($"private {type.Name}({ctx.Parameters(readParameters)})");
        w.Line($"    : base({CSharp.StringLiteral(token)}, {names[0]}, {names[2]}, MakeResourceOptions({names[3]}, {names[1]}))");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line($"public static {ctx.Type(type.FullName)} Get({ctx.Parameters(get.Parameters)})");
        w.Line($"    => new {ctx.Type(type.FullName)}({string.Join(", ", names)});");
    }

    /// <summary>Provider methods (e.g. <c>TerraformConfig()</c>) are calls of
    /// <c>pulumi:providers:PACKAGE/camelName</c> on the provider itself.</summary>
    private static void EmitProviderMethods(ApiType type, EmitContext ctx, CodeWriter w)
    {
        foreach (MethodMember method in type.MembersOf<MethodMember>().Where(m => !m.IsStatic && m.Modifier.Length == 0))
        {
            if (method.Parameters.Count != 0 || !method.ReturnType.StartsWith("Pulumi.Output<", StringComparison.Ordinal))
                throw new GeneratorException($"{type.FullName}: unsupported provider method: {method.Line}");
            type.Consume(method.Line);
            string result = method.ReturnType["Pulumi.Output<".Length..^1];
            string token = $"pulumi:providers:{ctx.Package.PackageName}/{CSharp.CamelCase(method.Name)}";
            w.Line();
            w.Line($"public {ctx.Type(method.ReturnType)} {method.Name}()");
            w.Line($"    => global::Pulumi.Deployment.Instance.Call<{ctx.Type(result)}>({CSharp.StringLiteral(token)}, global::Pulumi.CallArgs.Empty, this);");
        }
    }
}
