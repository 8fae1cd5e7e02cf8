using Infra.Model.Configuration;
using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy;

/// <summary>
/// What the rules look at: every resource a run registered (as the mocks recorded them), the routing model built from
/// them and, when known, the stack's settings.
/// </summary>
public sealed class PolicyContext
{
    private readonly Dictionary<string, ResourceRecord> _byId = new(StringComparer.Ordinal);
    private SecurityGroupRules? _securityGroupRules;

    /// <summary>Creates the context.</summary>
    /// <param name="resources">Every registered resource (component resources are ignored by the rules).</param>
    /// <param name="routing">The routing model of the same resources; built here when null.</param>
    /// <param name="settings">The stack's settings, when the caller has them (see <see cref="BucketsAreNamed"/>).</param>
    public PolicyContext(IEnumerable<ResourceRecord> resources, RoutingModel? routing = null, StackSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        Resources = [.. resources];
        foreach (var record in Resources)
        {
            _byId.TryAdd(record.Id, record);
        }

        Routing = routing ?? RoutingModel.Build(Resources);
        Settings = settings;
    }

    /// <summary>Every registered resource, in the order given.</summary>
    public IReadOnlyList<ResourceRecord> Resources { get; }

    /// <summary>The routing model of <see cref="Resources"/>.</summary>
    public RoutingModel Routing { get; }

    /// <summary>The stack's settings, when known.</summary>
    public StackSettings? Settings { get; }

    /// <summary>
    /// Whether the stack names the buckets its S3 gateway endpoint is for: from the settings (<c>endpointBucketNames</c>
    /// non-empty or the demo bucket on) when known, else whether the stack creates a bucket.
    /// </summary>
    public bool BucketsAreNamed => Settings is { } settings
        ? settings.EndpointBucketNames.Count > 0 || settings.Demo.Bucket
        : OfType(AwsTypes.Bucket, AwsTypes.BucketV2).Any();

    /// <summary>Resources of any of the type tokens, in the order given.</summary>
    public IEnumerable<ResourceRecord> OfType(params string[] types) => Resources.Where(r => types.Contains(r.Type));

    /// <summary>The resource with this id, if any.</summary>
    public ResourceRecord? ById(string? id) => id is not null && _byId.TryGetValue(id, out var record) ? record : null;

    /// <summary>The logical name of the resource with this id, else the id itself.</summary>
    public string NameOf(string id) => ById(id)?.Name ?? id;

    /// <summary>The subnet with this id, if it is among the resources.</summary>
    public SubnetInfo? Subnet(string? id) => id is null ? null : Routing.Subnets.FirstOrDefault(s => s.Id == id);

    /// <summary>The VPC with this id, if it is among the resources.</summary>
    public VpcInfo? Vpc(string? id) => id is null ? null : Routing.Vpcs.FirstOrDefault(v => v.Id == id);

    /// <summary>Every security group rule of the stack, inline or separate, by group.</summary>
    internal SecurityGroupRules SecurityGroupRules => _securityGroupRules ??= new SecurityGroupRules(this);
}
