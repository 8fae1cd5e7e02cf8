using System.Text;

namespace OfflineSdkGenerator;

/// <summary>Entry point: <c>OfflineSdkGenerator [REFERENCE_DIR [OFFLINE_SDK_DIR]]</c>.</summary>
internal static class Program
{
    private const string Usage =
        """
        Usage: OfflineSdkGenerator [REFERENCE_DIR [OFFLINE_SDK_DIR]]

          REFERENCE_DIR    folder holding the API reference listings (Pulumi.Aws.api.txt,
                           Pulumi.Aws.transit.api.txt, Pulumi.Random.api.txt);
                           default: ../shared/reference, relative to the repository root
          OFFLINE_SDK_DIR  folder holding the stand-in projects; default: offline-sdk in the repository root

        Replaces every .cs file under OFFLINE_SDK_DIR/<Package>/Generated/ with freshly generated ones.
        """;

    public static int Main(string[] args)
    {
        if (args.Length > 2 || args.Any(a => a is "-h" or "--help"))
        {
            Console.Error.WriteLine(Usage);
            return args.Length > 2 ? 2 : 0;
        }

        try
        {
            string? repoRoot = FindRepositoryRoot();
            string referenceDir = args.Length > 0 ? args[0] : Path.Combine(Required(repoRoot), "..", "shared", "reference");
            string offlineSdkDir = args.Length > 1 ? args[1] : Path.Combine(Required(repoRoot), "offline-sdk");

            foreach (PackageSpec package in PackageSpec.All)
            {
                string[] listings = package.ListingFiles
                    .Select(file => Path.GetFullPath(Path.Combine(referenceDir, file)))
                    .ToArray();
                foreach (string listing in listings)
                {
                    if (!File.Exists(listing)) throw new GeneratorException($"listing not found: {listing}");
                }
                SortedDictionary<string, string> files = PackageGenerator.Generate(package, listings);
                string outputDir = Path.GetFullPath(Path.Combine(offlineSdkDir, package.ProjectFolder, "Generated"));
                Write(outputDir, files);
                Console.WriteLine($"{package.RootNamespace}: {files.Count} files in {outputDir} from {string.Join(" + ", package.ListingFiles)}");
            }
            return 0;
        }
        catch (GeneratorException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>The nearest folder, from the current one upwards, that holds this generator's project.</summary>
    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "offline-sdk", "generator", "OfflineSdkGenerator.csproj")))
                return dir.FullName;
        }
        return null;
    }

    private static string Required(string? repoRoot) =>
        repoRoot ?? throw new GeneratorException("not inside the repository; pass REFERENCE_DIR and OFFLINE_SDK_DIR");

    /// <summary>Deletes the previous output, so types dropped from the listing disappear, and writes
    /// the new files (UTF-8 without BOM, LF line ends).</summary>
    private static void Write(string outputDir, SortedDictionary<string, string> files)
    {
        if (Directory.Exists(outputDir))
        {
            foreach (string old in Directory.EnumerateFiles(outputDir, "*.cs", SearchOption.AllDirectories))
                File.Delete(old);
            foreach (string dir in Directory.EnumerateDirectories(outputDir, "*", SearchOption.AllDirectories)
                         .OrderByDescending(d => d.Length))
            {
                if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
            }
        }

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach ((string relativePath, string content) in files)
        {
            string path = Path.Combine(outputDir, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, utf8);
        }
    }
}
