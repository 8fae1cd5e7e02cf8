using System.Text.RegularExpressions;
using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>
/// PC-EP-003: when the stack names its buckets (<c>endpointBucketNames</c> or the demo bucket), every S3 gateway endpoint
/// has a policy (inline or a VpcEndpointPolicy), and none of its Allow statements allows every action or every resource.
/// </summary>
public sealed partial class GatewayEndpointPolicyLeastPrivilege : PolicyRule
{
    public override string Id => "PC-EP-003";

    public override string Title => "When buckets are named, the S3 gateway endpoint has a policy that allows no * action or * resource";

    public override string Rationale => "The default endpoint policy reaches every bucket of every account, an exfiltration path that bucket policies alone cannot close.";

    public override IReadOnlyList<string> Equivalents { get; } = [];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        if (!context.BucketsAreNamed)
        {
            yield break;
        }

        var separatePolicies = context.OfType(AwsTypes.VpcEndpointPolicy).ToList();
        var s3Endpoints = context.Routing.Endpoints.Where(e =>
            e.Type == EndpointInfo.GatewayType && e.ServiceName is { } service && Destination.ShortServiceName(service) == "s3");
        foreach (var endpoint in s3Endpoints)
        {
            var policies = separatePolicies
                .Where(p => Inputs.String(p.Inputs, "vpcEndpointId") == endpoint.Id)
                .Select(p => (carrier: p.Name, text: Inputs.String(p.Inputs, "policy")))
                .Prepend((carrier: endpoint.Name, text: Inputs.String(context.ById(endpoint.Id)?.Inputs, "policy")))
                .Where(p => p.text is not null)
                .ToList();
            if (policies.Count == 0)
            {
                yield return Finding(endpoint.Name, $"S3 gateway endpoint {endpoint.Name} has no policy, so it reaches every bucket of every account although this stack names its buckets.");
                continue;
            }

            foreach (var (carrier, text) in policies)
            {
                if (!PolicyDocument.TryParse(text, out var statements))
                {
                    yield return Finding(carrier, $"The policy of S3 gateway endpoint {endpoint.Name} is not a JSON policy document with a Statement.");
                    continue;
                }

                foreach (var statement in statements.Where(s => s.IsAllow))
                {
                    var every = new List<string>();
                    if (statement.NotAction || statement.Actions.Any(a => a is "*" or "s3:*"))
                    {
                        every.Add("action");
                    }

                    if (statement.NotResource || statement.Resources.Any(EveryBucket))
                    {
                        every.Add("resource");
                    }

                    if (every.Count > 0)
                    {
                        yield return Finding(
                            carrier,
                            $"Statement {statement.Label} of the policy of S3 gateway endpoint {endpoint.Name} allows every {Wording.And(every)}; allow the needed actions on the named buckets only.");
                    }
                }
            }
        }
    }

    /// <summary><c>*</c>, or every bucket (<c>arn:aws:s3:::*</c>) or every object (<c>arn:aws:s3:::*/*</c>) of any partition.</summary>
    private static bool EveryBucket(string resource) => resource == "*" || EveryBucketPattern().IsMatch(resource);

    [GeneratedRegex(@"^arn:[^:]+:s3:::\*(/\*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EveryBucketPattern();
}
