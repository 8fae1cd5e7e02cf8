using System.Text.RegularExpressions;

namespace Infra.Model.Aws;

/// <summary>
/// The tag rules AWS services enforce. Sources: Tagging AWS Resources user guide, "Tag naming limits and requirements"
/// (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html: 50 user tags per resource, keys of 1 to 128
/// and values of 0 to 256 Unicode characters, the aws: prefix reserved); the IAM API reference, Tag
/// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Tag.html), CloudWatch Logs TagResource, ELB v2 Tag and S3
/// Tag (each: pattern <c>[\p{L}\p{Z}\p{N}_.:/=+\-@]*</c>); EC2 tags allow any character (EC2 User Guide, "Tag
/// restrictions"); EC2 Auto Scaling Tag (key 1 to 128, value up to 256, 50 per group). The provider's schema passes
/// tags through, so these are checked by the APIs at create time.
/// </summary>
public static partial class AwsTags
{
    public const int MaxPerResource = 50;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const string ReservedPrefix = "aws:";

    /// <summary>The characters IAM, CloudWatch Logs, Elastic Load Balancing and S3 accept in tag keys and values, as the user reads them.</summary>
    public const string RestrictedCharacters = "letters, digits, spaces and _ . : / = + - @";

    /// <summary>True when the service behind <paramref name="typeToken"/> accepts only <see cref="RestrictedCharacters"/> in tags.</summary>
    public static bool HasRestrictedCharacters(string typeToken)
    {
        ArgumentNullException.ThrowIfNull(typeToken);
        return typeToken.StartsWith("aws:iam/", StringComparison.Ordinal)
            || typeToken.StartsWith("aws:cloudwatch/", StringComparison.Ordinal)
            || typeToken.StartsWith("aws:lb/", StringComparison.Ordinal)
            || typeToken.StartsWith("aws:s3/", StringComparison.Ordinal);
    }

    /// <summary>Null when a service with the given character rule accepts the key, else what is allowed.</summary>
    public static string? CheckKey(string key, bool restricted)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > MaxKeyLength)
        {
            return $"a tag key of 1 to {MaxKeyLength} characters";
        }

        if (key.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return "a tag key that does not start with aws: (reserved by AWS)";
        }

        return restricted && !Restricted().IsMatch(key) ? $"a tag key of {RestrictedCharacters} only (what IAM, CloudWatch Logs, Elastic Load Balancing and S3 accept)" : null;
    }

    /// <summary>Null when a service with the given character rule accepts the value, else what is allowed.</summary>
    public static string? CheckValue(string value, bool restricted)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxValueLength)
        {
            return $"a tag value of at most {MaxValueLength} characters";
        }

        return restricted && !Restricted().IsMatch(value) ? $"a tag value of {RestrictedCharacters} only (what IAM, CloudWatch Logs, Elastic Load Balancing and S3 accept)" : null;
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Restricted();
}
