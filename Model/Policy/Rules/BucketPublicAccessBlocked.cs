using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>PC-S3-001: every bucket has a public access block with all four settings on.</summary>
public sealed class BucketPublicAccessBlocked : PolicyRule
{
    private static readonly string[] Flags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    public override string Id => "PC-S3-001";

    public override string Title => "Every bucket has a public access block with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets on";

    public override string Rationale => "One public ACL or policy statement would publish the bucket; the block refuses both, whatever a later change writes.";

    public override IReadOnlyList<string> Equivalents { get; } = ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "AwsSolutions-S2"];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        foreach (var bucket in Buckets.All(context))
        {
            var blocks = Buckets.Related(context, bucket, AwsTypes.BucketPublicAccessBlock);
            if (blocks.Count == 0)
            {
                yield return Finding(bucket.Name, $"Bucket {bucket.Name} has no public access block.");
                continue;
            }

            var gaps = blocks
                .Select(b => (block: b, off: Flags.Where(f => Inputs.Boolean(b.Inputs, f) != true).ToList()))
                .ToList();
            if (gaps.Any(g => g.off.Count == 0))
            {
                continue;
            }

            foreach (var (block, off) in gaps)
            {
                yield return Finding(
                    block.Name,
                    $"Public access block {block.Name} of bucket {bucket.Name} leaves {Wording.And(off)} off; all four settings must be on.");
            }
        }
    }
}
