using System.Collections.Frozen;

namespace Infra.Model.Aws;

/// <summary>
/// EC2 instance types the program knows, with the processor architecture an AMI must match, dated <see cref="AsOf"/>.
/// </summary>
/// <remarks>
/// Source: Amazon EC2 Instance Types guide, "Specifications for Amazon EC2 general purpose / compute optimized / memory
/// optimized instances" (https://docs.aws.amazon.com/ec2/latest/instancetypes/), sizes per family as listed on
/// <see cref="AsOf"/>; architectures as EC2 DescribeInstanceTypes reports them (ProcessorInfo.SupportedArchitectures:
/// Graviton families arm64, the others x86_64). RunInstances refuses a type that does not exist
/// (InvalidParameterValue) and an AMI whose architecture the type does not support (the EC2 User Guide, "Find an AMI":
/// the AMI's architecture must match the instance type's). The table holds the current general purpose, compute and
/// memory families; a newer family is refused until it is added here.
/// </remarks>
public static class Ec2InstanceTypes
{
    /// <summary>When the table was taken from its source.</summary>
    public const string AsOf = "2025-06-01";

    public const string X86 = "x86_64";
    public const string Arm = "arm64";

    private static readonly string[] Burstable = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"];
    private static readonly string[] Fifth = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"];
    private static readonly string[] Sixth = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"];
    private static readonly string[] Graviton = ["medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];
    private static readonly string[] Seventh = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"];

    private static readonly (string Family, string Architecture, string[] Sizes)[] Families =
    [
        ("t2", X86, Burstable), ("t3", X86, Burstable), ("t3a", X86, Burstable), ("t4g", Arm, Burstable),
        ("m5", X86, [.. Fifth, "metal"]), ("m5a", X86, Fifth), ("m5n", X86, [.. Fifth, "metal"]), ("m6i", X86, [.. Sixth, "metal"]),
        ("m6a", X86, [.. Sixth, "48xlarge", "metal"]), ("m6g", Arm, [.. Graviton, "metal"]), ("m7i", X86, [.. Seventh, "metal-24xl", "metal-48xl"]),
        ("m7a", X86, [.. Seventh, "medium", "32xlarge", "metal-48xl"]), ("m7g", Arm, [.. Graviton, "metal"]), ("m8g", Arm, [.. Graviton, "24xlarge", "48xlarge", "metal-24xl", "metal-48xl"]),
        ("c5", X86, ["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge", "metal"]),
        ("c5a", X86, ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]),
        ("c5n", X86, ["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge", "metal"]),
        ("c6i", X86, [.. Sixth, "metal"]), ("c6in", X86, [.. Sixth, "metal"]), ("c6a", X86, [.. Sixth, "48xlarge", "metal"]),
        ("c6g", Arm, [.. Graviton, "metal"]), ("c6gn", Arm, Graviton), ("c7i", X86, [.. Seventh, "metal-24xl", "metal-48xl"]),
        ("c7g", Arm, [.. Graviton, "metal"]), ("c7gn", Arm, [.. Graviton, "metal"]), ("c8g", Arm, [.. Graviton, "24xlarge", "48xlarge", "metal-24xl", "metal-48xl"]),
        ("r5", X86, [.. Fifth, "metal"]), ("r6i", X86, [.. Sixth, "metal"]), ("r6g", Arm, [.. Graviton, "metal"]),
        ("r7i", X86, [.. Seventh, "metal-24xl", "metal-48xl"]), ("r7g", Arm, [.. Graviton, "metal"]),
    ];

    private static readonly FrozenDictionary<string, string> ArchitectureByType = Families
        .SelectMany(f => f.Sizes.Select(size => (type: $"{f.Family}.{size}", f.Architecture)))
        .ToFrozenDictionary(x => x.type, x => x.Architecture, StringComparer.Ordinal);

    /// <summary>Every known type, sorted.</summary>
    public static IReadOnlyList<string> Known { get; } = [.. ArchitectureByType.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The architecture of a known type (<see cref="X86"/> or <see cref="Arm"/>), or null for an unknown type.</summary>
    public static string? ArchitectureOf(string? instanceType) =>
        instanceType is not null && ArchitectureByType.TryGetValue(instanceType, out var architecture) ? architecture : null;
}
