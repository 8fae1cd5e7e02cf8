using Infra.Model.Policy.Reading;

namespace Infra.Model.Policy.Rules;

/// <summary>PC-S3-003: every bucket's policy denies every S3 action when aws:SecureTransport is false.</summary>
public sealed class BucketRequiresTls : PolicyRule
{
    public override string Id => "PC-S3-003";

    public override string Title => "Every bucket policy denies s3:* when aws:SecureTransport is false";

    public override string Rationale => "Requests over plain HTTP expose data and signatures in transit; only a Deny in the bucket policy refuses them.";

    public override IReadOnlyList<string> Equivalents { get; } = ["AwsSolutions-S10"];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        foreach (var bucket in Buckets.All(context))
        {
            var policies = Buckets.Policies(context, bucket);
            if (policies.Count == 0)
            {
                yield return Finding(bucket.Name, $"Bucket {bucket.Name} has no bucket policy, so nothing refuses requests over plain HTTP.");
                continue;
            }

            if (policies.Any(p => DeniesInsecureTransport(p.Text)))
            {
                continue;
            }

            foreach (var (carrier, _) in policies)
            {
                yield return Finding(carrier.Name, $"The policy of bucket {bucket.Name} does not deny s3:* when aws:SecureTransport is false.");
            }
        }
    }

    private static bool DeniesInsecureTransport(string policy) =>
        PolicyDocument.TryParse(policy, out var statements) && statements.Any(s =>
            s.IsDeny && !s.NotAction && s.Actions.Any(a => a is "*" || string.Equals(a, "s3:*", StringComparison.OrdinalIgnoreCase)) &&
            s.Condition("Bool", "aws:SecureTransport").Concat(s.Condition("BoolIfExists", "aws:SecureTransport"))
                .Any(v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)));
}
