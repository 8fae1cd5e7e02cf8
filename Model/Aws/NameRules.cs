using System.Text.RegularExpressions;

namespace Infra.Model.Aws;

/// <summary>
/// What a service accepts as a name (or description) of one kind of resource.
/// </summary>
/// <param name="What">What the name is, as the user reads it, e.g. <c>a load balancer name</c>.</param>
/// <param name="MinLength">Fewest characters.</param>
/// <param name="MaxLength">Most characters.</param>
/// <param name="Pattern">The characters and shape allowed.</param>
/// <param name="Characters">The characters allowed, as the user reads them.</param>
/// <param name="MaxPrefixLength">The longest <c>namePrefix</c> the provider accepts (0 when it has none).</param>
public sealed record NameRule(string What, int MinLength, int MaxLength, Regex Pattern, string Characters, int MaxPrefixLength = 0)
{
    /// <summary>Characters the Pulumi AWS provider adds when it names a resource itself: a hyphen and 7 random hex digits.</summary>
    /// <remarks>
    /// Source: pulumi/pulumi-aws provider/resources.go, whose auto-named fields use
    /// tfbridge.AutoName / AutoNameWithCustomOptions with Separator "-" and Randlen 7; a logical name whose auto-name
    /// exceeds the field's Maxlen fails the provider's Check (pulumi-terraform-bridge pkg/tfbridge/names.go).
    /// </remarks>
    public const int AutoNameSuffixLength = 8;

    /// <summary>An auto-name suffix of the provider's shape (<see cref="AutoNameSuffixLength"/> characters), for checking names it makes.</summary>
    public const string SampleAutoNameSuffix = "-abcdef0";

    /// <summary>Characters the provider appends to a <c>namePrefix</c> (or S3's <c>bucketPrefix</c>): a 26-character unique id.</summary>
    public const int PrefixSuffixLength = 26;

    /// <summary>Null when the name is accepted, else what is allowed (no final full stop).</summary>
    public string? Check(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length >= MinLength && value.Length <= MaxLength && Pattern.IsMatch(value) ? null : Allowed;
    }

    /// <summary>Null when a namePrefix is accepted, else what is allowed.</summary>
    public string? CheckPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return prefix.Length >= 1 && prefix.Length <= MaxPrefixLength && Pattern.IsMatch(prefix + "x")
            ? null
            : $"a prefix for {What} of 1 to {MaxPrefixLength} characters ({Characters}), leaving room for the provider's {PrefixSuffixLength}-character unique suffix";
    }

    /// <summary>Null when the provider's auto-name for a logical name (name, hyphen, 7 hex digits) is accepted.</summary>
    public string? CheckAutoName(string logicalName)
    {
        ArgumentNullException.ThrowIfNull(logicalName);
        return Check(logicalName + SampleAutoNameSuffix) is null
            ? null
            : $"a logical name of at most {MaxLength - AutoNameSuffixLength} characters ({Characters}), because the provider names the resource after it with a hyphen and 7 random characters and {What} has at most {MaxLength}";
    }

    /// <summary>What is allowed, as the user reads it.</summary>
    public string Allowed => MinLength == MaxLength
        ? $"{What} of {MaxLength} characters ({Characters})"
        : MinLength == 0 ? $"{What} of at most {MaxLength} characters ({Characters})" : $"{What} of {MinLength} to {MaxLength} characters ({Characters})";
}

/// <summary>The name and description rules of the resources the program creates, each with its source.</summary>
public static partial class NameRules
{
    /// <summary>
    /// Load balancer names. Source: ELB v2 API reference, CreateLoadBalancer Name ("a maximum of 32 characters, must
    /// contain only alphanumeric characters or hyphens, must not begin or end with a hyphen, and must not begin with
    /// internal-"); hashicorp/terraform-provider-aws internal/service/elbv2 validName; auto-name Maxlen 32 in
    /// pulumi/pulumi-aws provider/resources.go (aws_lb).
    /// </summary>
    public static NameRule LoadBalancer { get; } = new("a load balancer name", 1, 32, ElbName(), "letters, digits and hyphens, no hyphen first or last, not starting with internal-", 6);

    /// <summary>
    /// Target group names. Source: ELB v2 API reference, CreateTargetGroup Name (32 characters, alphanumeric or
    /// hyphens, no hyphen first or last); auto-name Maxlen 32 in pulumi/pulumi-aws provider/resources.go (aws_lb_target_group).
    /// </summary>
    public static NameRule TargetGroup { get; } = new("a target group name", 1, 32, TargetGroupName(), "letters, digits and hyphens, no hyphen first or last", 6);

    /// <summary>
    /// IAM role names. Source: IAM API reference, CreateRole RoleName (1 to 64, pattern <c>[\w+=,.@-]+</c>); the
    /// provider's name_prefix allows 64 - 26 = 38 characters (terraform-provider-aws internal/service/iam/role.go).
    /// </summary>
    public static NameRule IamRole { get; } = new("an IAM role name", 1, 64, IamName(), "letters, digits and + = , . @ _ -", 38);

    /// <summary>IAM role descriptions. Source: IAM API reference, CreateRole Description (0 to 1000 characters, printable Latin-1).</summary>
    public static NameRule IamRoleDescription { get; } = new("an IAM role description", 0, 1000, IamDescription(), "printable characters of Latin-1");

    /// <summary>IAM instance profile names. Source: IAM API reference, CreateInstanceProfile InstanceProfileName (1 to 128, <c>[\w+=,.@-]+</c>).</summary>
    public static NameRule InstanceProfile { get; } = new("an IAM instance profile name", 1, 128, IamName(), "letters, digits and + = , . @ _ -", 102);

    /// <summary>
    /// CloudWatch Logs log group names. Source: CloudWatch Logs API reference, CreateLogGroup logGroupName (1 to 512,
    /// pattern <c>[\.\-_/#A-Za-z0-9]+</c>); the provider's name_prefix allows 483 (terraform-provider-aws
    /// internal/service/logs validLogGroupNamePrefix).
    /// </summary>
    public static NameRule LogGroup { get; } = new("a log group name", 1, 512, LogGroupName(), "letters, digits and . - _ / #", 483);

    /// <summary>
    /// Security group descriptions (and rule descriptions). Source: EC2 API reference, CreateSecurityGroup
    /// GroupDescription ("up to 255 characters; in a VPC: a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&amp;;{}!$*"), the same
    /// for IpPermission descriptions (IpRange.Description).
    /// </summary>
    public static NameRule SecurityGroupDescription { get; } = new("a security group description", 1, 255, Ec2Text(), "letters, digits, spaces and . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *");

    /// <summary>Security group rule descriptions: the same characters, 0 to 255 (EC2 API reference, IpRange.Description).</summary>
    public static NameRule SecurityGroupRuleDescription { get; } = SecurityGroupDescription with { What = "a security group rule description", MinLength = 0 };

    /// <summary>Security group names. Source: EC2 API reference, CreateSecurityGroup GroupName (up to 255, the description's characters, not starting with sg-).</summary>
    public static NameRule SecurityGroupName { get; } = new("a security group name", 1, 255, SecurityGroupNamePattern(), "letters, digits, spaces and . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *, not starting with sg-", 229);

    /// <summary>
    /// Launch template names. Source: EC2 API reference, CreateLaunchTemplate LaunchTemplateName (3 to 128, pattern
    /// <c>[a-zA-Z0-9\(\)\.\-/_]+</c>); the provider's name_prefix allows 99 (terraform-provider-aws internal/service/ec2
    /// launch_template.go).
    /// </summary>
    public static NameRule LaunchTemplate { get; } = new("a launch template name", 3, 128, LaunchTemplateName(), "letters, digits and ( ) . - / _", 99);

    /// <summary>
    /// Auto Scaling group names. Source: EC2 Auto Scaling API reference, CreateAutoScalingGroup AutoScalingGroupName
    /// (1 to 255 characters, no control characters but tab, newline and carriage return); name_prefix 255 - 26 = 229.
    /// </summary>
    public static NameRule AutoScalingGroup { get; } = new("an Auto Scaling group name", 1, 255, AutoScalingName(), "Unicode text", 229);

    [GeneratedRegex("^(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ElbName();

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetGroupName();

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IamName();

    [GeneratedRegex(@"^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IamDescription();

    [GeneratedRegex(@"^[.\-_/#A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LogGroupName();

    [GeneratedRegex(@"^[a-zA-Z0-9. _\-:/()#,@\[\]+=&;{}!$*]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Ec2Text();

    [GeneratedRegex(@"^(?!sg-)[a-zA-Z0-9. _\-:/()#,@\[\]+=&;{}!$*]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SecurityGroupNamePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9().\-/_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LaunchTemplateName();

    [GeneratedRegex(@"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AutoScalingName();
}
