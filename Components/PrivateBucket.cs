using System.Collections.Immutable;
using System.Text.Json;
using Pulumi;
using Pulumi.Aws.S3;
using Pulumi.Aws.S3.Inputs;
using Pulumi.Random;

namespace Infra.Components;

/// <summary>What a <see cref="PrivateBucket"/> builds.</summary>
public sealed class PrivateBucketArgs
{
    /// <summary>Bucket names start with this prefix and end with a random suffix.</summary>
    public required string NamePrefix { get; init; }

    /// <summary>The S3 gateway endpoint through which alone objects may be read and written.</summary>
    public required Input<string> GatewayEndpointId { get; init; }

    public required string Region { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>
/// The motivating scenario's bucket: random-suffixed name, public access blocked, encrypted with KMS, and a policy that
/// refuses plain HTTP and any object read or write that does not arrive through the VPC's S3 gateway endpoint.
/// </summary>
public sealed class PrivateBucket : ComponentResource
{
    /// <summary>Random lower-case letters and digits after the name prefix.</summary>
    public const int SuffixLength = 8;

    public PrivateBucket(string name, PrivateBucketArgs args, ComponentResourceOptions? options = null)
        : base("infra:demo:PrivateBucket", name, options)
    {
        var childOptions = new CustomResourceOptions { Parent = this };
        var suffix = new RandomString($"{name}-suffix", new RandomStringArgs
        {
            Length = SuffixLength,
            Special = false,
            Upper = false,
        }, childOptions);

        Bucket = new Bucket(name, new BucketArgs
        {
            BucketName = Output.Format($"{args.NamePrefix}-{suffix.Result}"),
            ForceDestroy = true,
            Tags = ResourceTags.For(args.Tags, name),
        }, childOptions);

        var publicAccessBlock = new BucketPublicAccessBlock($"{name}-public-access-block", new BucketPublicAccessBlockArgs
        {
            Bucket = Bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, childOptions);

        _ = new BucketServerSideEncryptionConfiguration($"{name}-encryption", new Pulumi.Aws.S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = Bucket.Id,
            Rules =
            {
                new BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = "aws:kms",
                    },
                    BucketKeyEnabled = true,
                },
            },
        }, childOptions);

        var partition = AwsPartition.ForRegion(args.Region);
        _ = new BucketPolicy($"{name}-policy", new BucketPolicyArgs
        {
            Bucket = Bucket.Id,
            Policy = Output.Tuple(Bucket.BucketName, args.GatewayEndpointId.ToOutput())
                .Apply(x => EndpointOnlyPolicy(partition, x.Item1, x.Item2)),
        }, new CustomResourceOptions { Parent = this, DependsOn = { publicAccessBlock } });

        BucketName = Bucket.BucketName;
        BucketArn = Bucket.Arn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["bucketName"] = BucketName,
            ["bucketArn"] = BucketArn,
        });
    }

    public Bucket Bucket { get; }

    public Output<string> BucketName { get; }

    public Output<string> BucketArn { get; }

    /// <summary>Denies insecure transport, and object access from anywhere but the gateway endpoint.</summary>
    public static string EndpointOnlyPolicy(string partition, string bucketName, string gatewayEndpointId)
    {
        var bucketArn = $"arn:{partition}:s3:::{bucketName}";
        return JsonSerializer.Serialize(new
        {
            Version = "2012-10-17",
            Statement = new object[]
            {
                new
                {
                    Sid = "DenyInsecureTransport",
                    Effect = "Deny",
                    Principal = "*",
                    Action = "s3:*",
                    Resource = new[] { bucketArn, $"{bucketArn}/*" },
                    Condition = new { Bool = new Dictionary<string, string> { ["aws:SecureTransport"] = "false" } },
                },
                new
                {
                    Sid = "DenyObjectAccessOutsideGatewayEndpoint",
                    Effect = "Deny",
                    Principal = "*",
                    Action = new[] { "s3:GetObject", "s3:PutObject", "s3:DeleteObject" },
                    Resource = new[] { $"{bucketArn}/*" },
                    Condition = new
                    {
                        StringNotEquals = new Dictionary<string, string> { ["aws:SourceVpce"] = gatewayEndpointId },
                    },
                },
            },
        });
    }
}
