using System.Reflection;

namespace Pulumi.Experimental.Provider;

/// <summary>
/// Serves the components of an assembly as a Pulumi package. The offline SDK cannot: like
/// <see cref="Deployment.RunAsync(Action)"/> it says so on standard error and the process exits with code 1. The
/// schema it would serve is <see cref="ComponentAnalyzer.GenerateSchema(Metadata, Assembly)"/>.
/// </summary>
public static class ComponentProviderHost
{
    internal const string OfflineMessage =
        "This provider was built with the offline Pulumi SDK stand-in (PulumiSdk=offline), which cannot serve a " +
        "component provider. Build it with the real Pulumi packages (the default build) and let the Pulumi CLI run " +
        "it: pulumi package add, pulumi preview, pulumi up.";

    public static Task Serve(string[] args, Assembly? componentAssembly = null, string? packageName = null)
    {
        Console.Error.WriteLine(OfflineMessage);
        Environment.ExitCode = 1;
        return Task.CompletedTask;
    }
}
