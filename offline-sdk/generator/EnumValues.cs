using System.Text;
using System.Text.RegularExpressions;

namespace OfflineSdkGenerator;

/// <summary>The string behind each enum value. The listing names the values but does not show their
/// strings, so each enum type gets the rule its real values follow (checked against the published
/// pulumi-aws enums). An enum without a rule stops the generator: add one here.</summary>
internal static partial class EnumValues
{
    private static readonly Dictionary<string, Func<string, string>> Rules = new(StringComparer.Ordinal)
    {
        // c7i_flex_Large -> c7i-flex.large; C8gn_Metal_24xl -> c8gn.metal-24xl; U_3tb1_56XLarge -> u-3tb1.56xlarge
        ["Pulumi.Aws.Ec2.InstanceType"] = InstanceType,
        // Default -> default
        ["Pulumi.Aws.Ec2.Tenancy"] = name => name.ToLowerInvariant(),
        // BucketOwnerFullControl -> bucket-owner-full-control
        ["Pulumi.Aws.S3.CannedAcl"] = KebabCase,
        // ALLOW -> Allow
        ["Pulumi.Aws.Iam.PolicyStatementEffect"] = name => name[..1] + name[1..].ToLowerInvariant(),
        // PolicyDocumentVersion_2012_10_17 -> 2012-10-17
        ["Pulumi.Aws.Iam.PolicyDocumentVersion"] = name => name["PolicyDocumentVersion_".Length..].Replace('_', '-'),
        // GroupMinSize -> GroupMinSize
        ["Pulumi.Aws.AutoScaling.Metric"] = name => name,
        ["Pulumi.Aws.AutoScaling.MetricsGranularity"] = name => name switch
        {
            "OneMinute" => "1Minute",
            _ => throw new GeneratorException($"Pulumi.Aws.AutoScaling.MetricsGranularity: no value known for {name}"),
        },
    };

    [GeneratedRegex(@"^(Nano|Micro|Small|Medium|Large|\d*XLarge|Metal)$")]
    private static partial Regex InstanceSize();

    public static string For(string enumType, string valueName) =>
        Rules.TryGetValue(enumType, out Func<string, string>? rule)
            ? rule(valueName)
            : throw new GeneratorException($"{enumType}: no rule for its values' strings; add one to EnumValues.cs");

    /// <summary>EC2 instance types: the parts before the first size word form the family (joined with
    /// '-'), the rest the size (joined with '-'), all lower case, family and size joined with '.'.</summary>
    private static string InstanceType(string name)
    {
        string[] parts = name.Split('_');
        int size = Array.FindIndex(parts, 1, p => InstanceSize().IsMatch(p));
        if (size < 0) throw new GeneratorException($"Pulumi.Aws.Ec2.InstanceType: cannot split {name} into family and size");
        return string.Join('-', parts[..size]).ToLowerInvariant() + "." + string.Join('-', parts[size..]).ToLowerInvariant();
    }

    private static string KebabCase(string name)
    {
        var text = new StringBuilder();
        foreach (char c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
