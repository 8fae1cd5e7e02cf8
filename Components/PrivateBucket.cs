using Pulumi;
using Pulumi.Aws.S3;
using Pulumi.Aws.S3.Inputs;
using Pulumi.Random;

namespace Infra.Components;

/// <summary>What a <see cref="PrivateBucket"/> builds.</summary>
public sealed class PrivateBucketArgs : ResourceArgs
{
    /// <summary>Bucket names start with this prefix and end with a random suffix.</summary>
    [Input("namePrefix", required: true)]
    public string NamePrefix { get; set; } = null!;

    /// <summary>The S3 gateway endpoint through which alone objects may be read and written.</summary>
    [Input("gatewayEndpointId", required: true)]
    public Input<string> GatewayEndpointId { get; set; } = null!;

    /// <summary>The bucket's region, such as eu-west-1.</summary>
    [Input("region", required: true)]
    public string Region { get; set; } = null!;

    /// <summary>Tags added to the bucket.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; set; }
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
        : base(PackageInfo.TypeToken(nameof(PrivateBucket)), name, PackageInfo.WithFormerType(options, "infra:demo:PrivateBucket"))
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new InputErrors(nameof(PrivateBucket), name);
        var namePrefix = errors.Required("namePrefix", args.NamePrefix);
        var region = errors.Required("region", args.Region);
        _ = errors.Required("gatewayEndpointId", args.GatewayEndpointId);
        var childOptions = new CustomResourceOptions { Parent = this };
        var suffix = new RandomString($"{name}-suffix", new RandomStringArgs
        {
            Length = SuffixLength,
            Special = false,
            Upper = false,
        }, childOptions);

        var bucket = new Bucket(name, new BucketArgs
        {
            BucketName = Output.Format($"{namePrefix}-{suffix.Result}"),
            ForceDestroy = true,
            Tags = ResourceTags.For(args.Tags, name),
        }, childOptions);

        var publicAccessBlock = new BucketPublicAccessBlock($"{name}-public-access-block", new BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, childOptions);

        _ = new BucketServerSideEncryptionConfiguration($"{name}-encryption", new Pulumi.Aws.S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
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

        var partition = AwsPartition.ForRegion(region);
        _ = new BucketPolicy($"{name}-policy", new BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = Output.Tuple(bucket.BucketName, args.GatewayEndpointId.ToOutput())
                .Apply(x => EndpointOnlyPolicy(partition, x.Item1, x.Item2)),
        }, new CustomResourceOptions { Parent = this, DependsOn = { publicAccessBlock } });

        BucketName = bucket.BucketName;
        BucketArn = bucket.Arn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["bucketName"] = BucketName,
            ["bucketArn"] = BucketArn,
        });
    }

    /// <summary>The bucket's name (prefix and random suffix).</summary>
    [Output("bucketName")]
    public Output<string> BucketName { get; private set; }

    /// <summary>The bucket's ARN.</summary>
    [Output("bucketArn")]
    public Output<string> BucketArn { get; private set; }

    /// <summary>Denies insecure transport, and object access from anywhere but the gateway endpoint.</summary>
    internal static string EndpointOnlyPolicy(string partition, string bucketName, string gatewayEndpointId)
    {
        var bucketArn = $"arn:{partition}:s3:::{bucketName}";
        return PolicyJson.Document(
            new PolicyStatement(
                "Deny",
                "s3:*",
                [bucketArn, $"{bucketArn}/*"],
                Sid: "DenyInsecureTransport",
                Principal: "*",
                Condition: PolicyJson.Condition("Bool", "aws:SecureTransport", "false")),
            new PolicyStatement(
                "Deny",
                new[] { "s3:GetObject", "s3:PutObject", "s3:DeleteObject" },
                [$"{bucketArn}/*"],
                Sid: "DenyObjectAccessOutsideGatewayEndpoint",
                Principal: "*",
                Condition: PolicyJson.Condition("StringNotEquals", "aws:SourceVpce", gatewayEndpointId)));
    }
}
