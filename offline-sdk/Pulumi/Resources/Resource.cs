using System.Collections.Immutable;
using System.Reflection;

namespace Pulumi;

/// <summary>Base of every resource: it has a type token, a logical name and a URN assigned at registration.</summary>
public class Resource
{
    private readonly string _type;
    private readonly string _name;

    private protected Resource(string type, string name, bool custom, ResourceArgs args, ResourceOptions options)
    {
        if (string.IsNullOrEmpty(type))
        {
            throw new ArgumentException("A resource needs a type token.", nameof(type));
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A resource needs a name.", nameof(name));
        }

        _type = type;
        _name = name;
        var deployment = DeploymentState.Current;

        var isRootStack = type == Stack.RootTypeToken;
        Parent = options.Parent ?? (isRootStack ? null : deployment.Stack);
        (args, options) = ApplyTransformations(args, options);
        Providers = ResolveProviders(Parent, options);
        if (custom)
        {
            Provider = options.Provider ?? Providers.GetValueOrDefault(Package);
        }

        CompletionSources = OutputCompletion.AttachOutputs(this);
        deployment.RegisterResource(this, custom, args, options);
    }

    [Output("urn")]
    public Output<string> Urn { get; private set; } = null!;

    public string GetResourceType() => _type;

    public string GetResourceName() => _name;

    internal Resource? Parent { get; }

    internal ProviderResource? Provider { get; }

    internal ImmutableDictionary<string, ProviderResource> Providers { get; }

    internal ImmutableDictionary<string, IOutputCompletionSource> CompletionSources { get; }

    /// <summary>This resource's transformations and its ancestors': they apply to it and to every resource under it.</summary>
    internal ImmutableList<ResourceTransformation> Transformations { get; private set; } = ImmutableList<ResourceTransformation>.Empty;

    /// <summary>The package of the type token: <c>aws</c> in <c>aws:ec2/vpc:Vpc</c>.</summary>
    internal string Package => _type.StartsWith("pulumi:providers:", StringComparison.Ordinal)
        ? _type["pulumi:providers:".Length..]
        : _type.Split(':')[0];

    private (ResourceArgs Args, ResourceOptions Options) ApplyTransformations(ResourceArgs args, ResourceOptions options)
    {
        Transformations = ImmutableList.CreateRange(options.ResourceTransformations)
            .AddRange(Parent?.Transformations ?? ImmutableList<ResourceTransformation>.Empty);
        foreach (var transformation in Transformations)
        {
            if (transformation(new ResourceTransformationArgs(this, args, options)) is not { } result)
            {
                continue;
            }

            if (result.Options.Parent != options.Parent)
            {
                // The parent decides which transformations run, so it is settled before they do.
                throw new ArgumentException("Transformations cannot change the parent of a resource.");
            }

            (args, options) = (result.Args, result.Options);
        }

        return (args, options);
    }

    private static ImmutableDictionary<string, ProviderResource> ResolveProviders(Resource? parent, ResourceOptions options)
    {
        var providers = parent?.Providers ?? ImmutableDictionary<string, ProviderResource>.Empty;
        if (options is ComponentResourceOptions componentOptions)
        {
            foreach (var provider in componentOptions.Providers)
            {
                providers = providers.SetItem(provider.Package, provider);
            }

            if (componentOptions.Provider is { } single)
            {
                providers = providers.SetItem(single.Package, single);
            }
        }

        return providers;
    }
}

/// <summary>A resource managed by a provider; it has an id.</summary>
public class CustomResource : Resource
{
    public CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null)
        : base(type, name, custom: true, args ?? ResourceArgs.Empty, options ?? new CustomResourceOptions())
    {
    }

    [Output("id")]
    public Output<string> Id { get; private set; } = null!;
}

/// <summary>A resource that groups other resources.</summary>
public class ComponentResource : Resource
{
    public ComponentResource(string type, string name, ComponentResourceOptions? options = null)
        : this(type, name, ResourceArgs.Empty, options)
    {
    }

    public ComponentResource(string type, string name, ResourceArgs? args, ComponentResourceOptions? options = null, bool remote = false)
        : base(type, name, custom: false, args ?? ResourceArgs.Empty, options ?? new ComponentResourceOptions())
    {
        if (remote)
        {
            throw new NotSupportedException("The offline Pulumi SDK does not support remote components.");
        }
    }

    protected void RegisterOutputs() => RegisterOutputs(ImmutableDictionary<string, object?>.Empty);

    protected void RegisterOutputs(IDictionary<string, object?> outputs) => RegisterOutputs(Task.FromResult(outputs));

    protected void RegisterOutputs(Task<IDictionary<string, object?>> outputs)
        => DeploymentState.Current.RegisterResourceOutputs(this, Output.Create(outputs));

    protected void RegisterOutputs(Output<IDictionary<string, object?>> outputs)
        => DeploymentState.Current.RegisterResourceOutputs(this, outputs);
}

/// <summary>A provider instance; resources that name it in their options are managed by it.</summary>
public class ProviderResource : CustomResource
{
    public ProviderResource(string package, string name, ResourceArgs? args, CustomResourceOptions? options = null)
        : base("pulumi:providers:" + package, name, args, options)
    {
    }
}

/// <summary>The root component of a program; resources without a parent belong to it.</summary>
public class Stack : ComponentResource
{
    internal const string RootTypeToken = "pulumi:pulumi:Stack";

    private IDictionary<string, object?> _outputs = ImmutableDictionary<string, object?>.Empty;

    public Stack(StackOptions? options = null)
        : base(
            "pulumi:pulumi:Stack",
            $"{DeploymentState.Current.ProjectName}-{DeploymentState.Current.StackName}",
            ResourceArgs.Empty,
            new ComponentResourceOptions { ResourceTransformations = options?.ResourceTransformations ?? [] })
    {
        DeploymentState.Current.Stack = this;
    }

    internal IDictionary<string, object?> Outputs => _outputs;

    /// <summary>Runs a program function as this stack's body and registers what it returns as the stack outputs.</summary>
    internal async Task RunBodyAsync(Func<Task<IDictionary<string, object?>>> body)
    {
        _outputs = await body().ConfigureAwait(false) ?? ImmutableDictionary<string, object?>.Empty;
        RegisterOutputs(_outputs);
    }

    /// <summary>Registers the <see cref="OutputAttribute"/> properties of a derived stack class as its outputs.</summary>
    internal void RegisterPropertyOutputs()
    {
        var outputs = new Dictionary<string, object?>();
        foreach (var property in GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (property.DeclaringType == typeof(Resource) || property.GetCustomAttribute<OutputAttribute>() is not { } attribute)
            {
                continue;
            }

            outputs[attribute.Name ?? property.Name] = property.GetValue(this);
        }

        _outputs = outputs;
        RegisterOutputs(outputs);
    }
}
