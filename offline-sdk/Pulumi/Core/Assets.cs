using System.Collections.Immutable;

namespace Pulumi;

/// <summary>A file or archive that a resource uploads.</summary>
public abstract class AssetOrArchive
{
    // Signatures the engine uses to tell assets and archives apart from plain maps.
    private const string SpecialSignatureKey = "4dabf18193072939515e22adb298388d";

    private protected AssetOrArchive(string signature, string propertyName, object value)
    {
        Signature = signature;
        PropertyName = propertyName;
        Value = value;
    }

    private string Signature { get; }

    private string PropertyName { get; }

    private object Value { get; }

    internal ImmutableDictionary<string, object> ToWireValue()
        => ImmutableDictionary<string, object>.Empty
            .Add(SpecialSignatureKey, Signature)
            .Add(PropertyName, Value is IDictionary<string, AssetOrArchive> assets
                ? assets.ToImmutableDictionary(pair => pair.Key, pair => (object)pair.Value.ToWireValue())
                : Value);
}

public abstract class Asset : AssetOrArchive
{
    private const string AssetSignature = "c44067f5952c0a294b673a41bacd8c17";

    private protected Asset(string propertyName, string value)
        : base(AssetSignature, propertyName, value)
    {
    }
}

public abstract class Archive : AssetOrArchive
{
    private const string ArchiveSignature = "0def7320c3a5731c473e5ecbe6d01bc7";

    private protected Archive(string propertyName, object value)
        : base(ArchiveSignature, propertyName, value)
    {
    }
}

public sealed class FileAsset : Asset
{
    public FileAsset(string path)
        : base("path", path)
    {
    }
}

public sealed class StringAsset : Asset
{
    public StringAsset(string text)
        : base("text", text)
    {
    }
}

public sealed class RemoteAsset : Asset
{
    public RemoteAsset(string uri)
        : base("uri", uri)
    {
    }
}

public sealed class FileArchive : Archive
{
    public FileArchive(string path)
        : base("path", path)
    {
    }
}

public sealed class RemoteArchive : Archive
{
    public RemoteArchive(string uri)
        : base("uri", uri)
    {
    }
}

public sealed class AssetArchive : Archive
{
    public AssetArchive(IDictionary<string, AssetOrArchive> assets)
        : base("assets", assets)
    {
    }
}
