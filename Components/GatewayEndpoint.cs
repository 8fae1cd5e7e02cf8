using System.Collections.Immutable;
using System.Text.Json;
using Pulumi;
using Pulumi.Aws.Ec2;

namespace Infra.Components;

/// <summary>What a <see cref="GatewayEndpoint"/> builds.</summary>
public sealed class GatewayEndpointArgs
{
    public required Input<string> VpcId { get; init; }

    public required string Region { get; init; }

    /// <summary><c>s3</c> or <c>dynamodb</c>: the two services AWS offers gateway endpoints for.</summary>
    public required string Service { get; init; }

    /// <summary>The route tables that get the service's prefix-list route (the private ones).</summary>
    public required InputList<string> RouteTableIds { get; init; }

    /// <summary>
    /// For S3: the only buckets the endpoint lets traffic reach, besides the Amazon Linux 2023 package repositories
    /// (read only). Null: the endpoint allows any bucket; empty: only the package repositories.
    /// </summary>
    public InputList<string>? AllowedBucketNames { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>
/// A gateway VPC endpoint attached to route tables: AWS adds a route to each table whose destination is the service's
/// prefix list (pl-…) and whose target is the endpoint (vpce-…). Gateway endpoints have no hourly or data charge.
/// </summary>
public sealed class GatewayEndpoint : ComponentResource
{
    private static readonly string[] ObjectActions =
        ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetBucketLocation"];

    public GatewayEndpoint(string name, GatewayEndpointArgs args, ComponentResourceOptions? options = null)
        : base("infra:network:GatewayEndpoint", name, options)
    {
        if (args.Service is not ("s3" or "dynamodb"))
        {
            throw new ArgumentException($"AWS offers gateway endpoints for s3 and dynamodb only, not {args.Service}.", nameof(args));
        }

        ServiceName = AwsPartition.EndpointServiceName(args.Region, args.Service);
        var endpointArgs = new VpcEndpointArgs
        {
            VpcId = args.VpcId,
            ServiceName = ServiceName,
            VpcEndpointType = "Gateway",
            RouteTableIds = args.RouteTableIds,
            Tags = ResourceTags.For(args.Tags, name),
        };
        if (args.Service == "s3" && args.AllowedBucketNames is { } buckets)
        {
            endpointArgs.Policy = BucketPolicy(buckets, AwsPartition.ForRegion(args.Region), args.Region);
        }

        Endpoint = new VpcEndpoint(name, endpointArgs, new CustomResourceOptions { Parent = this });

        EndpointId = Endpoint.Id;
        PrefixListId = Endpoint.PrefixListId;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["endpointId"] = EndpointId,
            ["prefixListId"] = PrefixListId,
            ["serviceName"] = ServiceName,
        });
    }

    public VpcEndpoint Endpoint { get; }

    public Output<string> EndpointId { get; }

    public Output<string> PrefixListId { get; }

    public string ServiceName { get; }

    /// <summary>
    /// The objects of the Amazon Linux 2023 package repositories of a region. AL2023 instances fetch packages from this
    /// S3 bucket, so a restrictive S3 gateway endpoint policy must allow it or <c>dnf</c> fails with 403 (AL2023 User
    /// Guide, "Amazon Linux 2023 repositories"; AWS Application Migration Service network requirements name the same
    /// bucket, <c>al2023-repos-{region}-de612dc2</c>).
    /// </summary>
    public static string AmazonLinuxRepositoryObjects(string partition, string region) => $"arn:{partition}:s3:::al2023-repos-{region}-de612dc2/*";

    /// <summary>
    /// Least privilege: object and listing actions on the named buckets only, and reading the Amazon Linux package
    /// repositories so that instances behind the endpoint can install and update packages.
    /// </summary>
    private static Output<string> BucketPolicy(InputList<string> bucketNames, string partition, string region)
        => bucketNames.ToOutput().Apply(names =>
        {
            var statements = new List<object>();
            if (!names.IsDefaultOrEmpty)
            {
                statements.Add(new
                {
                    Sid = "AllowNamedBucketsOnly",
                    Effect = "Allow",
                    Principal = "*",
                    Action = ObjectActions,
                    Resource = names
                        .SelectMany(bucket => new[] { $"arn:{partition}:s3:::{bucket}", $"arn:{partition}:s3:::{bucket}/*" })
                        .ToArray(),
                });
            }

            statements.Add(new
            {
                Sid = "AllowAmazonLinuxRepositories",
                Effect = "Allow",
                Principal = "*",
                Action = new[] { "s3:GetObject" },
                Resource = new[] { AmazonLinuxRepositoryObjects(partition, region) },
            });
            return JsonSerializer.Serialize(new { Version = "2012-10-17", Statement = statements });
        });
}
