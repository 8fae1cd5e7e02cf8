using Pulumi;
using Pulumi.Aws.Ec2;

namespace Infra.Components;

/// <summary>What a <see cref="GatewayEndpoint"/> builds.</summary>
public sealed class GatewayEndpointArgs : ResourceArgs
{
    /// <summary>The VPC the endpoint belongs to.</summary>
    [Input("vpcId", required: true)]
    public Input<string> VpcId { get; set; } = null!;

    /// <summary>The VPC's region, such as eu-west-1.</summary>
    [Input("region", required: true)]
    public string Region { get; set; } = null!;

    /// <summary><c>s3</c> or <c>dynamodb</c>: the two services AWS offers gateway endpoints for.</summary>
    [Input("service", required: true)]
    public string Service { get; set; } = null!;

    /// <summary>The route tables that get the service's prefix-list route (the private ones).</summary>
    [Input("routeTableIds", required: true)]
    public InputList<string> RouteTableIds { get; set; } = null!;

    /// <summary>
    /// For S3: the only buckets the endpoint lets traffic reach, besides the Amazon Linux 2023 package repositories
    /// (read only). Unset: the endpoint allows any bucket; empty: only the package repositories.
    /// </summary>
    [Input("allowedBucketNames")]
    public InputList<string>? AllowedBucketNames { get; set; }

    /// <summary>Tags added to the endpoint.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; set; }
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
        : base(PackageInfo.TypeToken(nameof(GatewayEndpoint)), name, PackageInfo.WithFormerType(options, "infra:network:GatewayEndpoint"))
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new InputErrors(nameof(GatewayEndpoint), name);
        var region = errors.Required("region", args.Region);
        var service = errors.Required("service", args.Service);
        if (service is not ("s3" or "dynamodb"))
        {
            throw errors.Error("service", service, "s3 or dynamodb, the only services AWS offers gateway endpoints for");
        }

        _ = errors.Required("vpcId", args.VpcId);
        _ = errors.Required("routeTableIds", args.RouteTableIds);
        var serviceName = AwsPartition.EndpointServiceName(region, service);
        var endpointArgs = new VpcEndpointArgs
        {
            VpcId = args.VpcId,
            ServiceName = serviceName,
            VpcEndpointType = "Gateway",
            RouteTableIds = args.RouteTableIds,
            Tags = ResourceTags.For(args.Tags, name),
        };
        if (service == "s3" && args.AllowedBucketNames is { } buckets)
        {
            endpointArgs.Policy = BucketPolicy(buckets, AwsPartition.ForRegion(region), region);
        }

        var endpoint = new VpcEndpoint(name, endpointArgs, new CustomResourceOptions { Parent = this });

        EndpointId = endpoint.Id;
        PrefixListId = endpoint.PrefixListId;
        ServiceName = Output.Create(serviceName);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["endpointId"] = EndpointId,
            ["prefixListId"] = PrefixListId,
            ["serviceName"] = ServiceName,
        });
    }

    /// <summary>The endpoint's id (vpce-…).</summary>
    [Output("endpointId")]
    public Output<string> EndpointId { get; private set; }

    /// <summary>The service's prefix list (pl-…), the destination of the routes AWS adds.</summary>
    [Output("prefixListId")]
    public Output<string> PrefixListId { get; private set; }

    /// <summary>The service name, such as com.amazonaws.eu-west-1.s3.</summary>
    [Output("serviceName")]
    public Output<string> ServiceName { get; private set; }

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
            var statements = new List<PolicyStatement>();
            if (!names.IsDefaultOrEmpty)
            {
                statements.Add(new PolicyStatement(
                    "Allow",
                    ObjectActions,
                    names.SelectMany(bucket => new[] { $"arn:{partition}:s3:::{bucket}", $"arn:{partition}:s3:::{bucket}/*" }).ToArray(),
                    Sid: "AllowNamedBucketsOnly",
                    Principal: "*"));
            }

            statements.Add(new PolicyStatement(
                "Allow",
                new[] { "s3:GetObject" },
                [AmazonLinuxRepositoryObjects(partition, region)],
                Sid: "AllowAmazonLinuxRepositories",
                Principal: "*"));
            return PolicyJson.Document(statements);
        });
}
