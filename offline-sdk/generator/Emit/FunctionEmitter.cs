using OfflineSdkGenerator.Listing;

namespace OfflineSdkGenerator.Emit;

/// <summary>Functions (data sources): static classes with <c>InvokeAsync</c>/<c>Invoke</c> methods.</summary>
internal static class FunctionEmitter
{
    public static bool Handles(ApiType type) =>
        type.Kind == "static class" && type.MembersOf<MethodMember>().Any(m => m.Name is "Invoke" or "InvokeAsync");

    /// <summary>The function token the real provider uses: <c>PACKAGE:MODULE/camelName:camelName</c>,
    /// where MODULE is the lower-cased namespace below the package's root namespace, or <c>index</c>
    /// for the root namespace itself (<c>Pulumi.Aws.Ec2.GetAmi</c> is <c>aws:ec2/getAmi:getAmi</c>).</summary>
    public static string Token(ApiType type, PackageSpec package)
    {
        string root = package.RootNamespace;
        string module = type.Namespace == root
            ? "index"
            : type.Namespace.StartsWith(root + ".", StringComparison.Ordinal) && !type.Namespace[(root.Length + 1)..].Contains('.', StringComparison.Ordinal)
                ? type.Namespace[(root.Length + 1)..].ToLowerInvariant()
                : throw new GeneratorException($"{type.FullName}: cannot derive a module for a function in this namespace");
        string name = CSharp.CamelCase(type.Name);
        return $"{package.PackageName}:{module}/{name}:{name}";
    }

    public static void Emit(ApiType type, EmitContext ctx, CodeWriter w)
    {
        if (type.BaseType is not null) throw new GeneratorException($"{type.FullName}: unexpected base type: {type.Line}");
        type.Consume(type.Line);
        string token = CSharp.StringLiteral(Token(type, ctx.Package));

        using (w.Block($"public static class {type.Name}"))
        {
            bool first = true;
            foreach (MethodMember method in type.MembersOf<MethodMember>())
            {
                (string deploymentMethod, string resultWrapper) = method.Name switch
                {
                    "InvokeAsync" => ("InvokeAsync", "System.Threading.Tasks.Task<"),
                    "Invoke" => ("Invoke", "Pulumi.Output<"),
                    _ => throw new GeneratorException($"{type.FullName}: unsupported function member: {method.Line}"),
                };
                if (!method.IsStatic || method.Modifier.Length > 0
                    || !method.ReturnType.StartsWith(resultWrapper, StringComparison.Ordinal)
                    || method.Parameters is not [_, { Type: "Pulumi.InvokeOptions" or "Pulumi.InvokeOutputOptions" }])
                    throw new GeneratorException($"{type.FullName}: unexpected function signature: {method.Line}");
                type.Consume(method.Line);

                string result = ctx.Type(method.ReturnType[resultWrapper.Length..^1]);
                string args = CSharp.Identifier(method.Parameters[0].Name);
                string options = CSharp.Identifier(method.Parameters[1].Name);
                if (!first) w.Line();
                first = false;
                w.Line($"public static {ctx.Type(method.ReturnType)} {method.Name}({ctx.Parameters(method.Parameters)})");
                w.Line($"    => global::Pulumi.Deployment.Instance.{deploymentMethod}<{result}>({token}, {args} ?? new {ctx.Type(method.Parameters[0].Type)}(), {ctx.Utilities}.WithDefaults({options}));");
            }
        }
    }
}
