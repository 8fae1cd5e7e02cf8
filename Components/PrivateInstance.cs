using System.Collections.Immutable;
using System.Text.Json;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Vpc;

namespace Infra.Components;

/// <summary>What a <see cref="PrivateInstance"/> builds.</summary>
public sealed class PrivateInstanceArgs
{
    public required Input<string> VpcId { get; init; }

    public required string VpcCidr { get; init; }

    public required Input<string> SubnetId { get; init; }

    public required Input<string> Ami { get; init; }

    public string InstanceType { get; init; } = "t3.micro";

    public required string Region { get; init; }

    /// <summary>The bucket the instance may read.</summary>
    public required Input<string> BucketArn { get; init; }

    /// <summary>The S3 prefix list (from the gateway endpoint): the instance's only HTTPS destination outside the VPC.</summary>
    public required Input<string> S3PrefixListId { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>
/// A test instance with no internet path: no public IP, IMDSv2 required, encrypted root volume, managed through
/// Session Manager (over the interface endpoints), allowed to read the demo bucket and to write under its
/// <c>demo/</c> prefix (over the S3 gateway endpoint).
/// </summary>
public sealed class PrivateInstance : ComponentResource
{
    public PrivateInstance(string name, PrivateInstanceArgs args, ComponentResourceOptions? options = null)
        : base("infra:demo:PrivateInstance", name, options)
    {
        var childOptions = new CustomResourceOptions { Parent = this };
        var partition = AwsPartition.ForRegion(args.Region);
        var role = new Role($"{name}-role", new RoleArgs
        {
            Description = "Private test instance: Session Manager, read access to the demo bucket, writes under demo/",
            AssumeRolePolicy = PolicyJson.ServiceTrust("ec2.amazonaws.com"),
            Tags = ResourceTags.For(args.Tags, $"{name}-role"),
        }, childOptions);

        _ = new RolePolicyAttachment($"{name}-ssm-core", new RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = $"arn:{partition}:iam::aws:policy/AmazonSSMManagedInstanceCore",
        }, childOptions);

        _ = new RolePolicy($"{name}-read-bucket", new RolePolicyArgs
        {
            Role = role.Id,
            Policy = args.BucketArn.ToOutput().Apply(bucketArn => JsonSerializer.Serialize(new
            {
                Version = "2012-10-17",
                Statement = new object[]
                {
                    new { Effect = "Allow", Action = new[] { "s3:ListBucket" }, Resource = new[] { bucketArn } },
                    new { Effect = "Allow", Action = new[] { "s3:GetObject" }, Resource = new[] { $"{bucketArn}/*" } },

                    // The bucket refuses writes from outside the VPC too, so the demo's file is written from here.
                    new { Effect = "Allow", Action = new[] { "s3:PutObject" }, Resource = new[] { $"{bucketArn}/demo/*" } },
                },
            })),
        }, childOptions);

        var profile = new InstanceProfile($"{name}-profile", new InstanceProfileArgs
        {
            Role = role.Name,
            Tags = ResourceTags.For(args.Tags, $"{name}-profile"),
        }, childOptions);

        SecurityGroup = new SecurityGroup($"{name}-sg", new SecurityGroupArgs
        {
            VpcId = args.VpcId,
            Description = "Private test instance: HTTPS out to the VPC endpoints and S3 only, nothing in",
            Tags = ResourceTags.For(args.Tags, $"{name}-sg"),
        }, childOptions);
        _ = new SecurityGroupEgressRule($"{name}-https-to-vpc", new SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = SecurityGroup.Id,
            IpProtocol = "tcp",
            FromPort = 443,
            ToPort = 443,
            CidrIpv4 = args.VpcCidr,
            Description = "HTTPS to the interface endpoints",
        }, childOptions);
        _ = new SecurityGroupEgressRule($"{name}-https-to-s3", new SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = SecurityGroup.Id,
            IpProtocol = "tcp",
            FromPort = 443,
            ToPort = 443,
            PrefixListId = args.S3PrefixListId,
            Description = "HTTPS to S3 through the gateway endpoint",
        }, childOptions);

        Instance = new Instance(name, new InstanceArgs
        {
            Ami = args.Ami,
            InstanceType = args.InstanceType,
            SubnetId = args.SubnetId,
            VpcSecurityGroupIds = { SecurityGroup.Id },
            IamInstanceProfile = profile.Name,
            AssociatePublicIpAddress = false,
            MetadataOptions = SecureDefaults.Imdsv2Only(),
            RootBlockDevice = SecureDefaults.EncryptedRootVolume(),
            Tags = ResourceTags.For(args.Tags, name),
        }, childOptions);

        InstanceId = Instance.Id;
        RegisterOutputs(new Dictionary<string, object?> { ["instanceId"] = InstanceId });
    }

    public Instance Instance { get; }

    public SecurityGroup SecurityGroup { get; }

    public Output<string> InstanceId { get; }
}
