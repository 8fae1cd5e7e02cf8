using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Infra.Model.Aws;

/// <summary>An AWS region: its code, its partition and how many availability zones every account may use there.</summary>
/// <param name="Code">The region code, e.g. <c>eu-west-1</c>.</param>
/// <param name="Partition">The partition its ARNs name: <c>aws</c>, <c>aws-cn</c> or <c>aws-us-gov</c>.</param>
/// <param name="AvailabilityZones">Zones open to every account (opt-in not required).</param>
public sealed record AwsRegion(string Code, string Partition, int AvailabilityZones);

/// <summary>The regions AWS offers, by partition.</summary>
/// <remarks>
/// Sources, as of <see cref="AsOf"/>: the AWS General Reference, "AWS service endpoints" and "Regions and zones"
/// (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html); partition membership as the AWS
/// SDKs' partition metadata states it (aws-sdk-go-v2 internal/endpoints/awsrulesfn/partitions.json: region regex
/// <c>^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$</c> for aws, <c>^cn\-\w+\-\d+$</c> for aws-cn, <c>^us\-gov\-\w+\-\d+$</c>
/// for aws-us-gov); zone counts from EC2 DescribeAvailabilityZones with opt-in-status opt-in-not-required.
/// </remarks>
public static partial class AwsRegions
{
    /// <summary>When the list was taken from its sources.</summary>
    public const string AsOf = "2025-06-01";

    /// <summary>Every region, commercial first, then China, then GovCloud.</summary>
    public static IReadOnlyList<AwsRegion> All { get; } =
    [
        new("us-east-1", "aws", 6), new("us-east-2", "aws", 3), new("us-west-1", "aws", 2), new("us-west-2", "aws", 4),
        new("af-south-1", "aws", 3), new("ap-east-1", "aws", 3), new("ap-east-2", "aws", 3), new("ap-south-1", "aws", 3),
        new("ap-south-2", "aws", 3), new("ap-southeast-1", "aws", 3), new("ap-southeast-2", "aws", 3), new("ap-southeast-3", "aws", 3),
        new("ap-southeast-4", "aws", 3), new("ap-southeast-5", "aws", 3), new("ap-southeast-7", "aws", 3), new("ap-northeast-1", "aws", 3),
        new("ap-northeast-2", "aws", 4), new("ap-northeast-3", "aws", 3), new("ca-central-1", "aws", 3), new("ca-west-1", "aws", 3),
        new("eu-central-1", "aws", 3), new("eu-central-2", "aws", 3), new("eu-west-1", "aws", 3), new("eu-west-2", "aws", 3),
        new("eu-west-3", "aws", 3), new("eu-south-1", "aws", 3), new("eu-south-2", "aws", 3), new("eu-north-1", "aws", 3),
        new("il-central-1", "aws", 3), new("me-south-1", "aws", 3), new("me-central-1", "aws", 3), new("mx-central-1", "aws", 3),
        new("sa-east-1", "aws", 3),
        new("cn-north-1", "aws-cn", 3), new("cn-northwest-1", "aws-cn", 3),
        new("us-gov-west-1", "aws-us-gov", 3), new("us-gov-east-1", "aws-us-gov", 3),
    ];

    private static readonly FrozenDictionary<string, AwsRegion> ByCode = All.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>The region of that code, or null when AWS has none (codes are lower case).</summary>
    public static AwsRegion? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var region) ? region : null;

    /// <summary>True for text shaped like a region code (lower-case area, direction, number), known or not.</summary>
    public static bool IsWellFormed(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>
    /// The region a VPC endpoint service name names (com.amazonaws.&lt;region&gt;.… for AWS services,
    /// com.amazonaws.vpce.&lt;region&gt;.… for endpoint services): the text in the region's place, which the caller checks.
    /// </summary>
    public static string? OfEndpointService(string serviceName)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        var parts = serviceName.Split('.');
        var index = parts.Length > 3 && parts[2] == "vpce" ? 3 : 2;
        return parts.Length > index ? parts[index] : null;
    }

    /// <summary>The partition of a region: from the list, else by the SDKs' region patterns (aws-cn, aws-us-gov, else aws).</summary>
    public static string PartitionOf(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return Find(region)?.Partition
            ?? (region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
                : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
                : "aws");
    }

    /// <summary>The partition an ARN names (its second field), or null when the text is not an ARN.</summary>
    public static string? PartitionOfArn(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" ? parts[1] : null;
    }

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
