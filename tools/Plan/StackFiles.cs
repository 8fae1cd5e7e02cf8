using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Plan;

/// <summary>A stack's configuration as the Pulumi CLI would pass it to the program.</summary>
/// <param name="ProjectName">The project's <c>name</c> (also the configuration namespace).</param>
/// <param name="ProjectDirectory">The directory of <c>Pulumi.yaml</c>.</param>
/// <param name="StackName">The stack's name (what follows <c>Pulumi.</c> in the stack file's name).</param>
/// <param name="StackFile">The stack file read.</param>
/// <param name="Config">Fully qualified keys (<c>aws:region</c>, <c>project:key</c>); objects and lists as JSON text.</param>
public sealed record StackConfig(string ProjectName, string ProjectDirectory, string StackName, string StackFile, IReadOnlyDictionary<string, string> Config)
{
    /// <summary>The <c>aws:region</c> setting, when set.</summary>
    public string? Region => Config.GetValueOrDefault("aws:region");

    /// <summary>The project's own settings, keyed without namespace.</summary>
    public IReadOnlyDictionary<string, string> ProjectSettings => Config
        .Where(pair => pair.Key.StartsWith(ProjectName + ":", StringComparison.Ordinal))
        .ToDictionary(pair => pair.Key[(ProjectName.Length + 1)..], pair => pair.Value, StringComparer.Ordinal);
}

/// <summary>
/// Reads <c>Pulumi.yaml</c> and <c>Pulumi.&lt;stack&gt;.yaml</c> the way the Pulumi CLI does for the values the
/// program sees: keys without a namespace belong to the project, scalars are passed as text, objects and lists as
/// JSON, and project-level <c>config</c> defaults apply where the stack sets nothing.
/// </summary>
public static class StackFiles
{
    /// <summary>The project file's name.</summary>
    public const string ProjectFileName = "Pulumi.yaml";

    /// <summary>Finds <c>Pulumi.yaml</c> in <paramref name="startDirectory"/> or the nearest parent that has one.</summary>
    /// <exception cref="PlanException">No directory up to the root has one.</exception>
    public static string FindProjectDirectory(string startDirectory)
    {
        var start = Path.GetFullPath(startDirectory);
        if (!Directory.Exists(start))
        {
            throw PlanException.Input($"The directory {start} does not exist.");
        }

        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ProjectFileName)) || File.Exists(Path.Combine(directory.FullName, "Pulumi.yml")))
            {
                return directory.FullName;
            }
        }

        throw PlanException.Input($"No {ProjectFileName} in {start} or any directory above it: run the plan in the project's directory or name it with --cwd.");
    }

    /// <summary>Reads the project and the stack's configuration.</summary>
    /// <param name="projectDirectory">The directory of <c>Pulumi.yaml</c>.</param>
    /// <param name="stack">The stack name (<c>dev</c>, or <c>org/project/dev</c>); null to pick the only stack file there is.</param>
    /// <param name="stackFile">An explicit stack file, instead of the one the stack name implies.</param>
    /// <exception cref="PlanException">A file is missing or is not valid YAML, the stack is unknown, or a value cannot be passed.</exception>
    public static StackConfig Read(string projectDirectory, string? stack, string? stackFile)
    {
        var projectFile = Path.Combine(projectDirectory, ProjectFileName);
        if (!File.Exists(projectFile))
        {
            projectFile = Path.Combine(projectDirectory, "Pulumi.yml");
        }

        var project = LoadMapping(projectFile, "project file");
        var projectName = Scalar(project, "name")
            ?? throw PlanException.Input($"{Display(projectFile)} has no name: the project name is also the configuration namespace.");
        var stackDirectory = Scalar(project, "stackConfigDir") is { } configured
            ? Path.GetFullPath(Path.Combine(projectDirectory, configured))
            : projectDirectory;

        string path;
        string stackName;
        if (stackFile is not null)
        {
            path = Path.GetFullPath(stackFile);
            if (!File.Exists(path))
            {
                throw PlanException.Input($"Stack file not found: {stackFile}.");
            }

            stackName = stack is not null ? ShortStackName(stack) : StackNameOf(path);
        }
        else
        {
            var known = KnownStacks(stackDirectory);
            if (stack is null)
            {
                stackName = known.Count switch
                {
                    1 => known[0],
                    0 => throw PlanException.Input($"No stack file (Pulumi.<stack>.yaml) in {stackDirectory}: create one with `pulumi stack init`, or name a file with --stack-file."),
                    _ => throw PlanException.Input($"Choose a stack with --stack: {stackDirectory} has {string.Join(", ", known)}."),
                };
            }
            else
            {
                stackName = ShortStackName(stack);
            }

            path = Path.Combine(stackDirectory, $"Pulumi.{stackName}.yaml");
            if (!File.Exists(path))
            {
                var alternative = Path.ChangeExtension(path, ".yml");
                if (!File.Exists(alternative))
                {
                    var stacks = known.Count == 0 ? "there are no stack files" : $"the stacks are {string.Join(", ", known)}";
                    throw PlanException.Input($"Unknown stack {stack}: there is no Pulumi.{stackName}.yaml in {stackDirectory}, and {stacks}.");
                }

                path = alternative;
            }
        }

        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(project, "config") is YamlMappingNode defaults)
        {
            foreach (var (key, value) in defaults.Children)
            {
                var name = Qualify(((YamlScalarNode)key).Value ?? "", projectName);
                var defaultValue = value is YamlMappingNode declared && (Child(declared, "default") ?? Child(declared, "value")) is { } given
                    ? given
                    : value is YamlMappingNode ? null : value;
                if (defaultValue is not null)
                {
                    config[name] = ConfigValue(defaultValue, name, projectFile);
                }
            }
        }

        var stackDocument = LoadMapping(path, "stack file");
        if (Child(stackDocument, "config") is { } section)
        {
            if (section is not YamlMappingNode entries)
            {
                throw PlanException.Input($"{Display(path)}: config must be a mapping of keys to values (line {section.Start.Line}).");
            }

            foreach (var (key, value) in entries.Children)
            {
                var name = Qualify(((YamlScalarNode)key).Value ?? "", projectName);
                config[name] = ConfigValue(value, name, path);
            }
        }

        return new StackConfig(projectName, projectDirectory, stackName, path, config);
    }

    /// <summary>The stack names that have a stack file in <paramref name="directory"/>, sorted.</summary>
    public static IReadOnlyList<string> KnownStacks(string directory) =>
        !Directory.Exists(directory)
            ? []
            : [.. Directory.EnumerateFiles(directory, "Pulumi.*.y*ml")
                .Select(StackNameOf)
                .Where(name => name.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];

    private static string StackNameOf(string path)
    {
        var file = Path.GetFileName(path);
        return file.StartsWith("Pulumi.", StringComparison.Ordinal) && (file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))
            ? Path.GetFileNameWithoutExtension(file)["Pulumi.".Length..]
            : Path.GetFileNameWithoutExtension(file);
    }

    /// <summary><c>org/project/dev</c> → <c>dev</c>: the stack file is named after the last part.</summary>
    private static string ShortStackName(string stack) => stack.Split('/')[^1];

    private static string Qualify(string key, string projectName) => key.Contains(':', StringComparison.Ordinal) ? key : $"{projectName}:{key}";

    private static YamlMappingNode LoadMapping(string path, string what)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (FileNotFoundException)
        {
            throw PlanException.Input($"The {what} {Display(path)} does not exist.");
        }
        catch (YamlException e)
        {
            throw PlanException.Input($"{Display(path)} is not valid YAML: {OneLine(e.Message)} (line {e.Start.Line}, column {e.Start.Column}).");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlMappingNode();
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw PlanException.Input($"{Display(path)} must hold a YAML mapping (keys and values), not a {stream.Documents[0].RootNode.NodeType.ToString().ToLowerInvariant()}.");
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode mapping, string key) => (Child(mapping, key) as YamlScalarNode)?.Value;

    /// <summary>A config value as the program receives it: scalars as their text, objects and lists as JSON.</summary>
    private static string ConfigValue(YamlNode node, string key, string file)
    {
        if (node is YamlMappingNode mapping && mapping.Children.Count == 1 && Child(mapping, "secure") is not null)
        {
            throw PlanException.Input(
                $"{key} in {Display(file)} is a secret (secure:), which the offline plan cannot decrypt: plan a copy of the stack file with a plain value instead (--stack-file).");
        }

        return node switch
        {
            YamlScalarNode scalar => scalar.Value ?? "",
            _ => ToJson(node, key, file)?.ToJsonString() ?? "null",
        };
    }

    private static JsonNode? ToJson(YamlNode node, string key, string file) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair => KeyValuePair.Create(
            (pair.Key as YamlScalarNode)?.Value ?? throw PlanException.Input($"{key} in {Display(file)} has a key that is not text (line {pair.Key.Start.Line})."),
            ToJson(pair.Value, key, file)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(item => ToJson(item, key, file))]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw PlanException.Input($"{key} in {Display(file)} uses a YAML alias, which the plan does not read (line {node.Start.Line})."),
    };

    /// <summary>Plain scalars are typed as YAML's core schema does (booleans, null, numbers); quoted ones stay text.</summary>
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.Plain)
        {
            switch (text)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    return null;
                case "true" or "True" or "TRUE":
                    return JsonValue.Create(true);
                case "false" or "False" or "FALSE":
                    return JsonValue.Create(false);
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return JsonValue.Create(whole);
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
            {
                return JsonValue.Create(real);
            }
        }

        return JsonValue.Create(text);
    }

    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
