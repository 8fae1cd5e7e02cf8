using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Infra.Model.Aws;

/// <summary>
/// The naming rules of S3 general purpose buckets, in full. Source: Amazon S3 User Guide, "General purpose bucket
/// naming rules" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html); CreateBucket refuses
/// any other name with InvalidBucketName.
/// </summary>
public static partial class S3BucketNames
{
    public const int MinLength = 3;
    public const int MaxLength = 63;

    /// <summary>The basic rule, as the user reads it.</summary>
    public const string Basic =
        "an S3 bucket name of 3 to 63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit";

    /// <summary>Prefixes S3 reserves (punycode, access point aliases, documentation examples).</summary>
    public static IReadOnlyList<string> ReservedPrefixes { get; } = ["xn--", "sthree-", "amzn-s3-demo-"];

    /// <summary>Suffixes S3 reserves (access point and Object Lambda aliases, Multi-Region Access Points, directory and table buckets).</summary>
    public static IReadOnlyList<string> ReservedSuffixes { get; } = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    /// <summary>Null when S3 accepts <paramref name="name"/>, else what is allowed (no final full stop).</summary>
    public static string? Check(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!BasicPattern().IsMatch(name))
        {
            return Basic;
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            return "an S3 bucket name without two adjacent dots";
        }

        if (IPAddress.TryParse(name, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && name.Count(c => c == '.') == 3)
        {
            return "an S3 bucket name that is not formatted as an IP address";
        }

        if (ReservedPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
        {
            return $"an S3 bucket name that does not start with {prefix} (S3 reserves the prefixes {string.Join(", ", ReservedPrefixes)})";
        }

        if (ReservedSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal)) is { } suffix)
        {
            return $"an S3 bucket name that does not end with {suffix} (S3 reserves the suffixes {string.Join(", ", ReservedSuffixes)})";
        }

        return null;
    }

    /// <summary>Null when the provider's bucketPrefix makes valid bucket names with its unique suffix, else what is allowed.</summary>
    public static string? CheckPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        const int longest = MaxLength - NameRule.PrefixSuffixLength;
        return prefix.Length > longest || Check(prefix + new string('0', NameRule.PrefixSuffixLength)) is not null
            ? $"a bucket name prefix of at most {longest} characters that makes a valid S3 bucket name with the provider's {NameRule.PrefixSuffixLength}-character suffix"
            : null;
    }

    /// <summary>Null when the provider's auto-name for a logical name (lower-cased, a hyphen, 7 random characters) is a valid bucket name.</summary>
    public static string? CheckAutoName(string logicalName)
    {
        ArgumentNullException.ThrowIfNull(logicalName);
        return Check(logicalName.ToLowerInvariant() + NameRule.SampleAutoNameSuffix) is { } rule
            ? $"a logical name that, lower-cased and followed by the provider's hyphen and 7 random characters, gives {rule}"
            : null;
    }

    /// <summary>
    /// A bucket name prefix from a Pulumi project and stack name, such that the prefix, a hyphen and a random suffix of
    /// <paramref name="suffixLength"/> lower-case letters and digits always make a valid bucket name. Any valid Pulumi
    /// project or stack name (letters, digits, hyphens, underscores and dots, up to 100 characters each) gives one:
    /// upper case is lowered, other characters become hyphens; when that changes or shortens the name, a hash of the
    /// original names is appended, so two stacks never share a prefix.
    /// </summary>
    public static string PrefixFor(string project, string stack, int suffixLength)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(stack);
        var original = $"{project}-{stack}";
        var maxPrefix = MaxLength - 1 - suffixLength;
        var text = new StringBuilder();
        foreach (var c in original.ToLowerInvariant())
        {
            var mapped = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-';
            if (mapped != '-' || (text.Length > 0 && text[^1] != '-'))
            {
                text.Append(mapped);
            }
        }

        var cleaned = text.ToString().Trim('-');
        if (ReservedPrefixes.Any(p => cleaned.StartsWith(p, StringComparison.Ordinal)))
        {
            cleaned = "b-" + cleaned;
        }

        if (cleaned == original && cleaned.Length <= maxPrefix)
        {
            return cleaned;
        }

        var hash = Hash(original);
        var keep = maxPrefix - hash.Length - 1;
        var head = (cleaned.Length > keep ? cleaned[..keep] : cleaned).Trim('-');
        return head.Length == 0 ? "b" + hash : $"{head}-{hash}";
    }

    /// <summary>8 hex digits of FNV-1a over the text: stable from run to run.</summary>
    private static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BasicPattern();
}
