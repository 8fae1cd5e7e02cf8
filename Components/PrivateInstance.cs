using Infra.Model.Configuration;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Iam;

namespace Infra.Components;

/// <summary>What a <see cref="PrivateInstance"/> builds.</summary>
public sealed class PrivateInstanceArgs : ResourceArgs
{
    /// <summary>The VPC of the instance.</summary>
    [Input("vpcId", required: true)]
    public Input<string> VpcId { get; set; } = null!;

    /// <summary>The VPC's block: the instance sends HTTPS there (to the interface endpoints).</summary>
    [Input("vpcCidr", required: true)]
    public Input<string> VpcCidr { get; set; } = null!;

    /// <summary>A private subnet of the VPC.</summary>
    [Input("subnetId", required: true)]
    public Input<string> SubnetId { get; set; } = null!;

    /// <summary>The AMI; default the region's latest Amazon Linux 2023 AMI.</summary>
    [Input("ami")]
    public Input<string>? Ami { get; set; }

    /// <summary>The instance type; default t3.micro.</summary>
    [Input("instanceType")]
    public string? InstanceType { get; set; }

    /// <summary>The instance's region, such as eu-west-1.</summary>
    [Input("region", required: true)]
    public string Region { get; set; } = null!;

    /// <summary>The bucket the instance may read (and write under demo/).</summary>
    [Input("bucketArn", required: true)]
    public Input<string> BucketArn { get; set; } = null!;

    /// <summary>The S3 prefix list (from the gateway endpoint): the instance's only HTTPS destination outside the VPC.</summary>
    [Input("s3PrefixListId", required: true)]
    public Input<string> S3PrefixListId { get; set; } = null!;

    /// <summary>Tags added to every resource.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>
/// A test instance with no internet path: no public IP, IMDSv2 required, encrypted root volume, managed through
/// Session Manager (over the interface endpoints), allowed to read the demo bucket and to write under its
/// <c>demo/</c> prefix (over the S3 gateway endpoint).
/// </summary>
public sealed class PrivateInstance : ComponentResource
{
    public PrivateInstance(string name, PrivateInstanceArgs args, ComponentResourceOptions? options = null)
        : base(PackageInfo.TypeToken(nameof(PrivateInstance)), name, PackageInfo.WithFormerType(options, "infra:demo:PrivateInstance"))
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new InputErrors(nameof(PrivateInstance), name);
        var region = errors.Required("region", args.Region);
        var instanceType = SettingRules.InstanceType(
            args.InstanceType ?? "t3.micro", "t3.micro", args.Ami is null ? "the test instance's AMI (Amazon Linux 2023)" : null, errors.For("instanceType"));
        _ = errors.Required("vpcId", args.VpcId);
        _ = errors.Required("vpcCidr", args.VpcCidr);
        _ = errors.Required("subnetId", args.SubnetId);
        _ = errors.Required("bucketArn", args.BucketArn);
        _ = errors.Required("s3PrefixListId", args.S3PrefixListId);
        var childOptions = new CustomResourceOptions { Parent = this };
        var partition = AwsPartition.ForRegion(region);
        var role = SecureDefaults.SessionManagerRole(
            $"{name}-role", $"{name}-ssm-core", "Private test instance: Session Manager, read access to the demo bucket, writes under demo/",
            args.Tags, partition, childOptions);

        _ = new RolePolicy($"{name}-read-bucket", new RolePolicyArgs
        {
            Role = role.Id,
            Policy = args.BucketArn.ToOutput().Apply(bucketArn => PolicyJson.Document(
                new PolicyStatement("Allow", new[] { "s3:ListBucket" }, [bucketArn]),
                new PolicyStatement("Allow", new[] { "s3:GetObject" }, [$"{bucketArn}/*"]),

                // The bucket refuses writes from outside the VPC too, so the demo's file is written from here.
                new PolicyStatement("Allow", new[] { "s3:PutObject" }, [$"{bucketArn}/demo/*"]))),
        }, childOptions);

        var profile = new InstanceProfile($"{name}-profile", new InstanceProfileArgs
        {
            Role = role.Name,
            Tags = ResourceTags.For(args.Tags, $"{name}-profile"),
        }, childOptions);

        var securityGroup = new SecurityGroup($"{name}-sg", new SecurityGroupArgs
        {
            VpcId = args.VpcId,
            Description = "Private test instance: HTTPS out to the VPC endpoints and S3 only, nothing in",
            Tags = ResourceTags.For(args.Tags, $"{name}-sg"),
        }, childOptions);
        SecureDefaults.AllowHttpsOut($"{name}-https-to-vpc", securityGroup.Id, args.VpcCidr, null, "HTTPS to the interface endpoints", childOptions);
        SecureDefaults.AllowHttpsOut(
            $"{name}-https-to-s3", securityGroup.Id, null, args.S3PrefixListId, "HTTPS to S3 through the gateway endpoint", childOptions);

        var instance = new Instance(name, new InstanceArgs
        {
            Ami = args.Ami ?? Output.Create(AwsLookups.LatestAmazonLinuxAsync(new InvokeOptions { Parent = this })).Apply(image => image.Id),
            InstanceType = instanceType,
            SubnetId = args.SubnetId,
            VpcSecurityGroupIds = { securityGroup.Id },
            IamInstanceProfile = profile.Name,
            AssociatePublicIpAddress = false,
            MetadataOptions = SecureDefaults.Imdsv2Only(),
            RootBlockDevice = SecureDefaults.EncryptedRootVolume(),
            Tags = ResourceTags.For(args.Tags, name),
        }, childOptions);

        InstanceId = instance.Id;
        SecurityGroupId = securityGroup.Id;
        RegisterOutputs(new Dictionary<string, object?> { ["instanceId"] = InstanceId, ["securityGroupId"] = SecurityGroupId });
    }

    /// <summary>The instance's id, for a Session Manager shell.</summary>
    [Output("instanceId")]
    public Output<string> InstanceId { get; private set; }

    /// <summary>The instance's security group.</summary>
    [Output("securityGroupId")]
    public Output<string> SecurityGroupId { get; private set; }
}
