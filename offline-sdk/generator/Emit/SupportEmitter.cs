namespace OfflineSdkGenerator.Emit;

/// <summary>The internal helpers every generated package uses: the package version, invoke-option
/// defaults and the resource-type attribute.</summary>
internal static class SupportEmitter
{
    public static void Emit(EmitContext ctx, CodeWriter w)
    {
        PackageSpec package = ctx.Package;
        using (w.Block("internal static class Utilities"))
        {
            w.Line($"public static string Version => {CSharp.StringLiteral(package.Version)};");
            w.Line();
            w.Line("/// <summary>A copy of <paramref name=\"options\"/> that asks for this package's version unless it names one.</summary>");
            using (w.Block("public static global::Pulumi.InvokeOptions WithDefaults(global::Pulumi.InvokeOptions? options)"))
            {
                w.Line("return new global::Pulumi.InvokeOptions");
                using (w.Block())
                {
                    w.Line("Parent = options?.Parent,");
                    w.Line("Provider = options?.Provider,");
                    w.Line("PluginDownloadURL = options?.PluginDownloadURL,");
                    w.Line($"Version = options?.Version ?? global::{package.RootNamespace}.Utilities.Version,");
                }
                Semicolon(w);
            }
            w.Line();
            w.Line("/// <summary>A copy of <paramref name=\"options\"/> that asks for this package's version unless it names one.</summary>");
            using (w.Block("public static global::Pulumi.InvokeOutputOptions WithDefaults(global::Pulumi.InvokeOutputOptions? options)"))
            {
                w.Line("var result = new global::Pulumi.InvokeOutputOptions");
                using (w.Block())
                {
                    w.Line("Parent = options?.Parent,");
                    w.Line("Provider = options?.Provider,");
                    w.Line("PluginDownloadURL = options?.PluginDownloadURL,");
                    w.Line($"Version = options?.Version ?? global::{package.RootNamespace}.Utilities.Version,");
                }
                Semicolon(w);
                w.Line("if (options is not null) result.DependsOn = options.DependsOn;");
                w.Line("return result;");
            }
        }
        w.Line();
        w.Line("/// <summary>Marks a resource class with its type token and this package's version.</summary>");
        using (w.Block($"internal sealed class {package.ResourceTypeAttribute}Attribute : global::Pulumi.ResourceTypeAttribute"))
        {
            w.Line($"public {package.ResourceTypeAttribute}Attribute(string type)");
            w.Line($"    : base(type, global::{package.RootNamespace}.Utilities.Version)");
            w.Line("{");
            w.Line("}");
        }
    }

    /// <summary>Turns the closing brace of an object initializer just written into <c>};</c>.</summary>
    private static void Semicolon(CodeWriter w) => w.AppendToLastLine(";");
}
