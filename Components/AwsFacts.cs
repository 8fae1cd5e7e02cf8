using Pulumi;

namespace Infra.Components;

/// <summary>The tags every resource of this project carries: the caller's tags plus a Name and any extras.</summary>
internal static class ResourceTags
{
    public static InputMap<string> For(IReadOnlyDictionary<string, string>? stackTags, string name, params (string Key, string Value)[] extra)
    {
        var tags = new InputMap<string>();
        foreach (var (key, value) in Entries(stackTags, name, extra))
        {
            tags[key] = value;
        }

        return tags;
    }

    /// <summary>The same tags as a list, for resources that take them as entries (an Auto Scaling group): later entries win.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Entries(
        IReadOnlyDictionary<string, string>? stackTags, string name, params (string Key, string Value)[] extra)
    {
        var tags = new Dictionary<string, string>(stackTags ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["Name"] = name };
        foreach (var (key, value) in extra)
        {
            tags[key] = value;
        }

        return [.. tags];
    }
}

/// <summary>Facts about AWS partitions that resource ARNs and service names depend on.</summary>
public static class AwsPartition
{
    /// <summary>The partition of a region: <c>aws</c>, <c>aws-cn</c> or <c>aws-us-gov</c>.</summary>
    public static string ForRegion(string region) => Infra.Model.Aws.AwsRegions.PartitionOf(region);

    /// <summary>The service name of an AWS service's VPC endpoint in a region, e.g. <c>com.amazonaws.eu-west-1.s3</c>.</summary>
    public static string EndpointServiceName(string region, string service) => $"com.amazonaws.{region}.{service}";
}
