using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>PC-S3-002: every bucket encrypts new objects by default with a KMS key (aws:kms or aws:kms:dsse).</summary>
public sealed class BucketEncryptedWithKms : PolicyRule
{
    private static readonly string[] KmsAlgorithms = ["aws:kms", "aws:kms:dsse"];

    public override string Id => "PC-S3-002";

    public override string Title => "Every bucket has default encryption with a KMS key (aws:kms or aws:kms:dsse)";

    public override string Rationale => "KMS puts every object read behind a key policy and in CloudTrail, on top of S3's own default encryption.";

    public override IReadOnlyList<string> Equivalents { get; } = ["CKV_AWS_145", "CKV_AWS_19", "AwsSolutions-S3"];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        foreach (var bucket in Buckets.All(context))
        {
            var algorithms = Algorithms(context, bucket).ToList();
            if (algorithms.Count == 0)
            {
                yield return Finding(bucket.Name, $"Bucket {bucket.Name} has no default encryption configuration; encrypt it with a KMS key (aws:kms).");
                continue;
            }

            if (algorithms.Any(a => KmsAlgorithms.Contains(a.Algorithm)))
            {
                continue;
            }

            foreach (var (carrier, algorithm) in algorithms)
            {
                yield return Finding(carrier, $"Bucket {bucket.Name} encrypts by default with {algorithm}, not with a KMS key (aws:kms or aws:kms:dsse).");
            }
        }
    }

    /// <summary>The default algorithm of each rule: of BucketServerSideEncryptionConfiguration resources and of the bucket's own (older) inline block.</summary>
    private static IEnumerable<(string Carrier, string Algorithm)> Algorithms(PolicyContext context, Routing.ResourceRecord bucket)
    {
        foreach (var configuration in Buckets.Related(context, bucket, AwsTypes.BucketEncryption, AwsTypes.BucketEncryptionV2))
        {
            foreach (var rule in Inputs.Maps(configuration.Inputs, "rules"))
            {
                yield return (configuration.Name, Inputs.String(Inputs.Map(rule, "applyServerSideEncryptionByDefault"), "sseAlgorithm") ?? "unset");
            }
        }

        var inline = Inputs.Map(Inputs.Map(bucket.Inputs, "serverSideEncryptionConfiguration"), "rule");
        if (inline is not null)
        {
            yield return (bucket.Name, Inputs.String(Inputs.Map(inline, "applyServerSideEncryptionByDefault"), "sseAlgorithm") ?? "unset");
        }
    }
}
