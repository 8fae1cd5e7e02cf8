namespace Pulumi;

/// <summary>Options that control how a resource is registered.</summary>
public abstract class ResourceOptions
{
    private List<Input<Alias>>? _aliases;
    private InputList<Resource>? _dependsOn;
    private List<string>? _ignoreChanges;
    private List<ResourceTransformation>? _resourceTransformations;

    protected ResourceOptions()
    {
    }

    public Input<string>? Id { get; set; }

    public Resource? Parent { get; set; }

    /// <summary>
    /// Earlier identities of the resource (another name, type or parent), so that the engine treats the resource as
    /// the same one rather than replacing it. Mock mode records them and does nothing else with them.
    /// </summary>
    public List<Input<Alias>> Aliases
    {
        get => _aliases ??= new List<Input<Alias>>();
        set => _aliases = value;
    }

    public InputList<Resource> DependsOn
    {
        get => _dependsOn ??= new InputList<Resource>();
        set => _dependsOn = value;
    }

    public bool? Protect { get; set; }

    public List<string> IgnoreChanges
    {
        get => _ignoreChanges ??= new List<string>();
        set => _ignoreChanges = value;
    }

    public string? Version { get; set; }

    public string? PluginDownloadURL { get; set; }

    public ProviderResource? Provider { get; set; }

    public CustomTimeouts? CustomTimeouts { get; set; }

    public bool? RetainOnDelete { get; set; }

    public Resource? DeletedWith { get; set; }

    public string? Urn { get; set; }

    public List<ResourceTransformation> ResourceTransformations
    {
        get => _resourceTransformations ??= new List<ResourceTransformation>();
        set => _resourceTransformations = value;
    }

    internal bool HasDependsOn => _dependsOn is not null;

    /// <summary>Overlays the values set in <paramref name="overlay"/> onto this instance; lists are concatenated.</summary>
    internal void MergeCommonFrom(ResourceOptions overlay)
    {
        Id = overlay.Id ?? Id;
        Parent = overlay.Parent ?? Parent;
        if (overlay._aliases is not null)
        {
            Aliases.AddRange(overlay._aliases);
        }

        if (overlay._dependsOn is not null)
        {
            DependsOn.AddRange(overlay._dependsOn);
        }

        Protect = overlay.Protect ?? Protect;
        if (overlay._ignoreChanges is not null)
        {
            IgnoreChanges.AddRange(overlay._ignoreChanges);
        }

        Version = overlay.Version ?? Version;
        PluginDownloadURL = overlay.PluginDownloadURL ?? PluginDownloadURL;
        Provider = overlay.Provider ?? Provider;
        CustomTimeouts = overlay.CustomTimeouts ?? CustomTimeouts;
        RetainOnDelete = overlay.RetainOnDelete ?? RetainOnDelete;
        DeletedWith = overlay.DeletedWith ?? DeletedWith;
        Urn = overlay.Urn ?? Urn;
        if (overlay._resourceTransformations is not null)
        {
            ResourceTransformations.AddRange(overlay._resourceTransformations);
        }
    }
}

/// <summary>Options of a custom (provider-managed) resource.</summary>
public sealed class CustomResourceOptions : ResourceOptions
{
    private List<string>? _additionalSecretOutputs;

    public bool? DeleteBeforeReplace { get; set; }

    public List<string> AdditionalSecretOutputs
    {
        get => _additionalSecretOutputs ??= new List<string>();
        set => _additionalSecretOutputs = value;
    }

    public string? ImportId { get; set; }

    public static CustomResourceOptions Merge(CustomResourceOptions? options1, CustomResourceOptions? options2)
    {
        var merged = new CustomResourceOptions();
        foreach (var options in new[] { options1, options2 })
        {
            if (options is null)
            {
                continue;
            }

            merged.MergeCommonFrom(options);
            merged.DeleteBeforeReplace = options.DeleteBeforeReplace ?? merged.DeleteBeforeReplace;
            merged.ImportId = options.ImportId ?? merged.ImportId;
            if (options._additionalSecretOutputs is not null)
            {
                merged.AdditionalSecretOutputs.AddRange(options._additionalSecretOutputs);
            }
        }

        return merged;
    }
}

/// <summary>Options of a component resource.</summary>
public sealed class ComponentResourceOptions : ResourceOptions
{
    private List<ProviderResource>? _providers;

    public List<ProviderResource> Providers
    {
        get => _providers ??= new List<ProviderResource>();
        set => _providers = value;
    }

    public static ComponentResourceOptions Merge(ComponentResourceOptions? options1, ComponentResourceOptions? options2)
    {
        var merged = new ComponentResourceOptions();
        foreach (var options in new[] { options1, options2 })
        {
            if (options is null)
            {
                continue;
            }

            merged.MergeCommonFrom(options);
            if (options._providers is not null)
            {
                merged.Providers.AddRange(options._providers);
            }
        }

        return merged;
    }
}

/// <summary>Create, update and delete time limits of a resource.</summary>
public sealed class CustomTimeouts
{
    public TimeSpan? Create { get; set; }

    public TimeSpan? Update { get; set; }

    public TimeSpan? Delete { get; set; }
}

/// <summary>Options of a provider function call.</summary>
public class InvokeOptions
{
    public Resource? Parent { get; set; }

    public ProviderResource? Provider { get; set; }

    public string? Version { get; set; }

    public string? PluginDownloadURL { get; set; }
}

/// <summary>Options of a provider function call whose result is an output.</summary>
public class InvokeOutputOptions : InvokeOptions
{
    private InputList<Resource>? _dependsOn;

    public InputList<Resource> DependsOn
    {
        get => _dependsOn ??= new InputList<Resource>();
        set => _dependsOn = value;
    }
}

/// <summary>Options of a stack.</summary>
public class StackOptions
{
    private List<ResourceTransformation>? _resourceTransformations;

    /// <summary>Transformations applied to every resource of the stack.</summary>
    public List<ResourceTransformation> ResourceTransformations
    {
        get => _resourceTransformations ??= new List<ResourceTransformation>();
        set => _resourceTransformations = value;
    }
}

/// <summary>Options of a provider method call.</summary>
public class CallOptions
{
    public Resource? Parent { get; set; }

    public ProviderResource? Provider { get; set; }

    public string? Version { get; set; }

    public string? PluginDownloadURL { get; set; }
}
