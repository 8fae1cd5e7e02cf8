namespace Infra.Plan.Tests.Support;

/// <summary>A throwaway project directory with a Pulumi.yaml and the stack files a test writes.</summary>
internal sealed class TestProject : IDisposable
{
    public TestProject(string projectYaml = "name: private-connectivity\nruntime: dotnet\n")
    {
        Directory = Path.Combine(Path.GetTempPath(), "plan-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "Pulumi.yaml"), projectYaml);
    }

    public string Directory { get; }

    public string Stack(string name, string yaml)
    {
        var path = Path.Combine(Directory, $"Pulumi.{name}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The repository's own files.</summary>
internal static class Repo
{
    /// <summary>The directory of the program's Pulumi.yaml.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")) && File.Exists(Path.Combine(directory.FullName, "Infra.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Pulumi.yaml) is not above the test's output directory.");
    }
}

/// <summary>Runs the tool in-process and keeps what it printed.</summary>
internal static class Tool
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PlanApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
