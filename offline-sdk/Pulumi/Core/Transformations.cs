namespace Pulumi;

/// <summary>
/// Called for every resource registered under the resource (or stack) whose options carry it, before registration;
/// may return changed args and options (but not a different parent), or null to leave them as they are.
/// </summary>
public delegate ResourceTransformationResult? ResourceTransformation(ResourceTransformationArgs args);

/// <summary>What a <see cref="ResourceTransformation"/> sees of a resource being registered.</summary>
public readonly struct ResourceTransformationArgs
{
    public ResourceTransformationArgs(Resource resource, ResourceArgs args, ResourceOptions options)
    {
        Resource = resource;
        Args = args;
        Options = options;
    }

    public Resource Resource { get; }

    public ResourceArgs Args { get; }

    public ResourceOptions Options { get; }
}

/// <summary>The args and options a <see cref="ResourceTransformation"/> registers the resource with instead.</summary>
public readonly struct ResourceTransformationResult
{
    public ResourceTransformationResult(ResourceArgs args, ResourceOptions options)
    {
        Args = args;
        Options = options;
    }

    public ResourceArgs Args { get; }

    public ResourceOptions Options { get; }
}
