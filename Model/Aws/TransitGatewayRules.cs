using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Infra.Model.Addressing;

namespace Infra.Model.Aws;

/// <summary>
/// What AWS and the provider accept for Transit Gateways, their VPC attachments, route tables and routes, and the VPC
/// routes that point at one, each with its source. Sources: the provider's schemas (hashicorp/terraform-provider-aws
/// internal/service/ec2 transitgateway_.go, transitgateway_vpc_attachment.go, transitgateway_route.go), which
/// <c>pulumi preview</c> runs; the EC2 API reference (CreateTransitGateway / TransitGatewayRequestOptions,
/// CreateTransitGatewayVpcAttachment, AssociateTransitGatewayRouteTable, CreateTransitGatewayRoute); "Quotas for your
/// transit gateways" (https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-quotas.html).
/// </summary>
public static class TransitGatewayRules
{
    /// <summary>The ASN AWS gives a transit gateway when none is set (also the provider's default for amazon_side_asn).</summary>
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
            : throw invalid(asn.ToString(CultureInfo.InvariantCulture), AmazonSideAsnAllowed);
    }

    /// <summary>What <see cref="AmazonSideAsnRanges"/> allow, as the user reads it.</summary>
    public const string AmazonSideAsnAllowed = "a private ASN from 64512 to 65534 or from 4200000000 to 4294967294, the ranges AWS allows for a transit gateway";

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

    public const string Enable = "enable";
    public const string Disable = "disable";

    /// <summary>Attachments per transit gateway: 5,000, not adjustable (Transit Gateway quotas).</summary>
    public const int MaxAttachmentsPerGateway = 5000;

    /// <summary>Transit gateways per VPC: 5, not adjustable (Transit Gateway quotas).</summary>
    public const int MaxGatewaysPerVpc = 5;

    /// <summary>
    /// Total combined routes (dynamic and static) across all route tables of one transit gateway: 10,000 (Transit
    /// Gateway quotas; the default, adjustable on request).
    /// </summary>
    public const int MaxRoutesPerGateway = 10000;

    /// <summary>CIDR blocks per transit gateway: 5, not adjustable (Transit Gateway quotas; the provider's MaxItems 5).</summary>
    public const int MaxCidrBlocks = 5;

    /// <summary>
    /// The transit gateway's enable/disable options and the provider's defaults for them (aws_ec2_transit_gateway:
    /// StringInSlice of the EC2 enum values, case-sensitive; security_group_referencing_support per the provider's
    /// docs, "Valid values: disable, enable. Default value: disable").
    /// </summary>
    public static IReadOnlyList<(string Field, string Default)> GatewayOptions { get; } =
    [
        ("autoAcceptSharedAttachments", Disable),
        ("defaultRouteTableAssociation", Enable),
        ("defaultRouteTablePropagation", Enable),
        ("dnsSupport", Enable),
        ("multicastSupport", Disable),
        ("vpnEcmpSupport", Enable),
        ("securityGroupReferencingSupport", Disable),
    ];

    /// <summary>
    /// The VPC attachment's enable/disable options and the provider's defaults (aws_ec2_transit_gateway_vpc_attachment:
    /// StringInSlice of ApplianceModeSupportValue, DnsSupportValue, Ipv6SupportValue; security_group_referencing_support
    /// per the provider's docs).
    /// </summary>
    public static IReadOnlyList<(string Field, string Default)> AttachmentOptions { get; } =
    [
        ("applianceModeSupport", Disable),
        ("dnsSupport", Enable),
        ("ipv6Support", Disable),
        ("securityGroupReferencingSupport", Disable),
    ];

    /// <summary>Null when an enable/disable option is accepted, else what is allowed.</summary>
    public static string? CheckOption(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value is Enable or Disable ? null : "enable or disable (lower case)";
    }

    /// <summary>Null when the Amazon side ASN (as the engine passes numbers) is a whole number in <see cref="AmazonSideAsnRanges"/>, else what is allowed.</summary>
    public static string? CheckAmazonSideAsn(double asn) =>
        asn == Math.Floor(asn) && AmazonSideAsnRanges.Any(range => asn >= range.First && asn <= range.Last) ? null : AmazonSideAsnAllowed;

    /// <summary>
    /// Null when a transit gateway CIDR block is accepted, else what is allowed. Source: the provider's
    /// transit_gateway_cidr_blocks validator (an IPv4 network of /24 or larger, not in 169.254.0.0/16, or an IPv6
    /// network of /64 or larger); TransitGatewayRequestOptions TransitGatewayCidrBlocks ("Must be a size /24 CIDR block
    /// or larger for IPv4, or a size /64 CIDR block or larger for IPv6").
    /// </summary>
    public static string? CheckGatewayCidrBlock(string block)
    {
        const string Allowed = "an IPv4 network address of /24 or larger outside 169.254.0.0/16, or an IPv6 network address of /64 or larger";
        if (ParseNetwork(block) is not { } network)
        {
            return Allowed;
        }

        return network.Family switch
        {
            AddressFamily.InterNetwork when network.PrefixLength <= 24 && !block.StartsWith("169.254.", StringComparison.Ordinal) => null,
            AddressFamily.InterNetworkV6 when network.PrefixLength <= 64 => null,
            _ => Allowed,
        };
    }

    /// <summary>
    /// Null when a transit gateway route's destination is accepted, else what is allowed. Source: the provider's
    /// destination_cidr_block validator, verify.ValidCIDRNetworkAddress (an IPv4 or IPv6 CIDR whose host bits are zero).
    /// </summary>
    public static string? CheckRouteDestination(string destination) =>
        ParseNetwork(destination) is null ? "an IPv4 or IPv6 CIDR block given by its network address (host bits zero)" : null;

    /// <summary>An IPv4 network (<see cref="Cidr"/>) or an IPv6 network in CIDR notation, host bits zero; null otherwise.</summary>
    public static (AddressFamily Family, int PrefixLength)? ParseNetwork(string? text)
    {
        if (Cidr.TryParse(text, out var ipv4))
        {
            return (AddressFamily.InterNetwork, ipv4.PrefixLength);
        }

        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0 || !IPAddress.TryParse(text![..slash], out var address) || address.AddressFamily != AddressFamily.InterNetworkV6
            || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 128)
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < 128; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
            {
                return null;
            }
        }

        return (AddressFamily.InterNetworkV6, prefix);
    }
}
