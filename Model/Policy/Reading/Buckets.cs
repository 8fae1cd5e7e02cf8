using Infra.Model.Routing;

namespace Infra.Model.Policy.Reading;

/// <summary>Finds a stack's buckets and the resources that configure them (which name a bucket by id or name).</summary>
internal static class Buckets
{
    public static IEnumerable<ResourceRecord> All(PolicyContext context) => context.OfType(AwsTypes.Bucket, AwsTypes.BucketV2);

    /// <summary>Resources of the types whose <c>bucket</c> input is the bucket's id or name.</summary>
    public static IReadOnlyList<ResourceRecord> Related(PolicyContext context, ResourceRecord bucket, params string[] types)
    {
        var name = Inputs.String(bucket.Inputs, "bucket");
        return [.. context.OfType(types).Where(r => Inputs.String(r.Inputs, "bucket") is { } target && (target == bucket.Id || target == name))];
    }

    /// <summary>The bucket's policies: its inline <c>policy</c> and every BucketPolicy for it, with the resource that carries each.</summary>
    public static IReadOnlyList<(ResourceRecord Carrier, string Text)> Policies(PolicyContext context, ResourceRecord bucket) =>
    [
        .. new[] { bucket }.Concat(Related(context, bucket, AwsTypes.BucketPolicy))
            .Select(r => (carrier: r, text: Inputs.String(r.Inputs, "policy")))
            .Where(p => p.text is not null)
            .Select(p => (p.carrier, p.text!)),
    ];
}
