namespace Infra.Package.Tests;

/// <summary>The repository's own files.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "provider", "PulumiPlugin.yaml")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with provider/PulumiPlugin.yaml) is not above the test's output directory.");
    }
}
