using System.Globalization;
using Infra.Model.Addressing;

namespace Infra.Model.Aws;

/// <summary>What AWS accepts for a transit gateway and the VPC routes that point at one.</summary>
public static class TransitGatewayRules
{
    /// <summary>The ASN AWS gives a transit gateway when none is set.</summary>
    public const long DefaultAmazonSideAsn = 64512;

    /// <summary>
    /// The private ASN ranges a transit gateway's Amazon side may use. Source: EC2 API reference,
    /// TransitGatewayRequestOptions, AmazonSideAsn ("The range is 64512 to 65534 for 16-bit ASNs and 4200000000 to
    /// 4294967294 for 32-bit ASNs", https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TransitGatewayRequestOptions.html).
    /// </summary>
    public static IReadOnlyList<(long First, long Last)> AmazonSideAsnRanges { get; } = [(64512, 65534), (4200000000, 4294967294)];

    /// <summary>A transit gateway's Amazon side ASN, one of <see cref="AmazonSideAsnRanges"/>.</summary>
    public static long AmazonSideAsn(long asn, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return AmazonSideAsnRanges.Any(range => asn >= range.First && asn <= range.Last)
            ? asn
            : throw invalid(
                asn.ToString(CultureInfo.InvariantCulture),
                "a private ASN from 64512 to 65534 or from 4200000000 to 4294967294, the ranges AWS allows for a transit gateway");
    }

    /// <summary>
    /// The destinations a route table sends toward the transit gateway (next to its own default route): each an IPv4
    /// network block (the provider's aws_route destination_cidr_block takes an IPv4 CIDR network address), each at most
    /// once and none of them 0.0.0.0/0 (a route table holds one route per destination: CreateRoute answers
    /// RouteAlreadyExists, EC2 API reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html),
    /// at least one. Returns them in canonical form. <paramref name="invalid"/> gets the key (<paramref name="listKey"/>
    /// or an item such as <c>spokeDestinationCidrs[1]</c>), the value and what is allowed.
    /// </summary>
    public static IReadOnlyList<string> DestinationCidrs(
        IReadOnlyList<string> cidrs, string listKey, Func<string, string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(cidrs);
        ArgumentNullException.ThrowIfNull(invalid);
        if (cidrs.Count == 0)
        {
            throw invalid(listKey, "[]", "a list of at least one IPv4 block, such as [\"10.0.0.0/8\"]");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var canonical = new List<string>(cidrs.Count);
        for (var i = 0; i < cidrs.Count; i++)
        {
            var key = $"{listKey}[{i}]";
            var text = cidrs[i];
            if (!Cidr.TryParse(text, out var block, out var hostBitsSet))
            {
                throw invalid(key, text ?? "(not set)", "an IPv4 block such as 10.0.0.0/8");
            }

            if (hostBitsSet)
            {
                throw invalid(key, text, $"the network address of the block, with the host bits zero, such as {block}");
            }

            if (block.PrefixLength == 0)
            {
                throw invalid(key, text, "a block other than 0.0.0.0/0, which the route table's default route already uses");
            }

            if (seen.TryGetValue(block.ToString(), out var first))
            {
                throw invalid(key, text, $"each block at most once, and it is already {listKey}[{first}] ({cidrs[first]})");
            }

            seen[block.ToString()] = i;
            canonical.Add(block.ToString());
        }

        return canonical;
    }
}
