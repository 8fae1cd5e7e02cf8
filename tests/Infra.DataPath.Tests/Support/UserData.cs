using YamlDotNet.RepresentationModel;

namespace Infra.DataPath.Tests.Support;

/// <summary>The cloud-init user data read back as YAML, the way cloud-init reads it.</summary>
public sealed class UserData
{
    private readonly YamlMappingNode root;

    public UserData(string text)
    {
        Text = text;
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        root = (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public string Text { get; }

    public IReadOnlyList<string> Keys => root.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

    public IReadOnlyList<string> Packages => Sequence("packages").Select(n => ((YamlScalarNode)n).Value!).ToList();

    /// <summary>Each runcmd entry as its argument list.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RunCommands =>
        Sequence("runcmd").Select(n => (IReadOnlyList<string>)((YamlSequenceNode)n).Children
            .Select(a => ((YamlScalarNode)a).Value!).ToList()).ToList();

    /// <summary>write_files entries: path to (permissions, owner, content).</summary>
    public IReadOnlyDictionary<string, (string Permissions, string Owner, string Content)> Files =>
        Sequence("write_files").Cast<YamlMappingNode>().ToDictionary(
            f => Scalar(f, "path"),
            f => (Scalar(f, "permissions"), Scalar(f, "owner"), Scalar(f, "content")));

    /// <summary>The content of one file the user data writes.</summary>
    public string File(string path) => Files.TryGetValue(path, out var file)
        ? file.Content
        : throw new KeyNotFoundException($"The user data writes no {path}.");

    /// <summary>The ExecStart command of a systemd unit the user data writes, split into its arguments.</summary>
    public IReadOnlyList<string> ExecStart(string unitName) =>
        File("/etc/systemd/system/" + unitName).Split('\n')
            .Single(line => line.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private IEnumerable<YamlNode> Sequence(string key) => ((YamlSequenceNode)root.Children[new YamlScalarNode(key)]).Children;

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
