using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>
/// PC-S3-004: every bucket's policy denies object reads and writes (s3:GetObject, s3:PutObject) unless they arrive
/// through this stack's S3 gateway endpoint (StringNotEquals on aws:SourceVpce).
/// </summary>
public sealed class BucketOnlyThroughGatewayEndpoint : PolicyRule
{
    private static readonly string[] NotEquals = ["StringNotEquals", "StringNotEqualsIfExists"];

    public override string Id => "PC-S3-004";

    public override string Title => "Every bucket policy denies object reads and writes whose aws:SourceVpce is not the stack's S3 gateway endpoint";

    public override string Rationale => "The private path only protects the data if the bucket refuses every other path, including leaked credentials used from outside.";

    public override IReadOnlyList<string> Equivalents { get; } = [];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        var endpointIds = context.Routing.Endpoints
            .Where(e => e.Type == EndpointInfo.GatewayType && e.ServiceName is { } service && Destination.ShortServiceName(service) == "s3")
            .Select(e => e.Id)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var bucket in Buckets.All(context))
        {
            var policies = Buckets.Policies(context, bucket);
            if (policies.Count == 0)
            {
                yield return Finding(bucket.Name, $"Bucket {bucket.Name} has no bucket policy, so its objects can be read and written from outside the S3 gateway endpoint.");
                continue;
            }

            var denials = policies
                .Select(p => (p.Carrier, endpoints: EndpointDenials(p.Text)))
                .ToList();
            if (denials.All(d => d.endpoints.Count == 0))
            {
                foreach (var (carrier, _) in denials)
                {
                    yield return Finding(
                        carrier.Name,
                        $"The policy of bucket {bucket.Name} does not deny object reads and writes whose aws:SourceVpce is not this stack's S3 gateway endpoint.");
                }

                continue;
            }

            foreach (var (carrier, endpoints) in denials)
            {
                foreach (var endpoint in endpoints.Where(e => !endpointIds.Contains(e)))
                {
                    yield return Finding(
                        carrier.Name,
                        $"The policy of bucket {bucket.Name} lets objects through endpoint {endpoint} only, which is not an S3 gateway endpoint of this stack.");
                }
            }
        }
    }

    /// <summary>The endpoint ids of the Deny statements that refuse object reads and writes from any other endpoint.</summary>
    private static List<string> EndpointDenials(string policy)
    {
        if (!PolicyDocument.TryParse(policy, out var statements))
        {
            return [];
        }

        return
        [
            .. statements
                .Where(s => s.IsDeny && s.CoversAction("s3:GetObject") && s.CoversAction("s3:PutObject") &&
                            (s.NotResource || s.Resources.Any(r => r == "*" || r.EndsWith("/*", StringComparison.Ordinal))))
                .SelectMany(s => NotEquals.SelectMany(op => s.Condition(op, "aws:SourceVpce")))
                .Distinct(StringComparer.Ordinal),
        ];
    }
}
