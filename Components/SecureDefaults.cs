using Pulumi;
using Pulumi.Aws.Ec2.Inputs;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Vpc;

namespace Infra.Components;

/// <summary>The settings every instance and security group rule of this project shares.</summary>
internal static class SecureDefaults
{
    /// <summary>Instance metadata only with session tokens (IMDSv2), reachable from the instance itself only.</summary>
    public static InstanceMetadataOptionsArgs Imdsv2Only() => new()
    {
        HttpEndpoint = "enabled",
        HttpTokens = "required",
        HttpPutResponseHopLimit = 1,
    };

    /// <summary>The same metadata options (<see cref="Imdsv2Only"/>) in a launch template's form.</summary>
    public static LaunchTemplateMetadataOptionsArgs LaunchTemplateImdsv2Only() => new()
    {
        HttpEndpoint = "enabled",
        HttpTokens = "required",
        HttpPutResponseHopLimit = 1,
    };

    public static InstanceRootBlockDeviceArgs EncryptedRootVolume() => new() { Encrypted = true, VolumeType = "gp3" };

    /// <summary>The same encrypted gp3 volume (<see cref="EncryptedRootVolume"/>) in a launch template's form, mapped at <paramref name="deviceName"/>.</summary>
    public static LaunchTemplateBlockDeviceMappingArgs EncryptedLaunchTemplateVolume(Input<string> deviceName) => new()
    {
        DeviceName = deviceName,
        Ebs = new LaunchTemplateBlockDeviceMappingEbsArgs { Encrypted = "true", VolumeType = "gp3", DeleteOnTermination = "true" },
    };

    /// <summary>Admits one protocol and port from one IPv4 CIDR.</summary>
    public static SecurityGroupIngressRule AllowIn(
        string name, Input<string> securityGroupId, string protocol, int port, Input<string> sourceCidr, string description, CustomResourceOptions options)
        => new(name, new SecurityGroupIngressRuleArgs
        {
            SecurityGroupId = securityGroupId,
            IpProtocol = protocol,
            FromPort = port,
            ToPort = port,
            CidrIpv4 = sourceCidr,
            Description = description,
        }, options);

    /// <summary>Lets HTTPS (TCP 443) out to one destination: an IPv4 CIDR or a managed prefix list (such as S3's).</summary>
    public static SecurityGroupEgressRule AllowHttpsOut(
        string name, Input<string> securityGroupId, Input<string>? destinationCidr, Input<string>? destinationPrefixListId, string description,
        CustomResourceOptions options)
        => new(name, new SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = securityGroupId,
            IpProtocol = "tcp",
            FromPort = 443,
            ToPort = 443,
            CidrIpv4 = destinationCidr!,
            PrefixListId = destinationPrefixListId!,
            Description = description,
        }, options);

    /// <summary>
    /// An instance role that lets Session Manager reach the instance and grants nothing else: it trusts only EC2 and
    /// carries only the AmazonSSMManagedInstanceCore managed policy (attached as <paramref name="attachmentName"/>).
    /// </summary>
    public static Role SessionManagerRole(
        string roleName, string attachmentName, string description, IReadOnlyDictionary<string, string>? tags, string partition, CustomResourceOptions options)
    {
        var role = new Role(roleName, new RoleArgs
        {
            Description = description,
            AssumeRolePolicy = PolicyJson.ServiceTrust("ec2.amazonaws.com"),
            Tags = ResourceTags.For(tags, roleName),
        }, options);
        _ = new RolePolicyAttachment(attachmentName, new RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = $"arn:{partition}:iam::aws:policy/AmazonSSMManagedInstanceCore",
        }, options);
        return role;
    }
}
