using Infra.Model.Addressing;
using Infra.Model.Aws;
using Infra.Model.Configuration;

namespace Infra.Model.Tests.Aws;

public class TransitGatewayRulesTests
{
    private static Exception Invalid(string value, string allowed) => new ArgumentException($"{value}: {allowed}");

    private static Exception Invalid(string key, string value, string allowed) => new ArgumentException($"{key} = {value}: {allowed}");

    [Theory]
    [InlineData(64512)]
    [InlineData(65000)]
    [InlineData(65534)]
    [InlineData(4200000000)]
    [InlineData(4294967294)]
    public void An_asn_in_a_private_range_is_accepted(long asn) => Assert.Equal(asn, TransitGatewayRules.AmazonSideAsn(asn, Invalid));

    [Theory]
    [InlineData(0)]
    [InlineData(64511)]
    [InlineData(65535)]
    [InlineData(4199999999)]
    [InlineData(4294967295)]
    public void An_asn_outside_the_private_ranges_is_refused_with_the_ranges(long asn)
    {
        var error = Assert.Throws<ArgumentException>(() => TransitGatewayRules.AmazonSideAsn(asn, Invalid));

        Assert.Equal($"{asn}: a private ASN from 64512 to 65534 or from 4200000000 to 4294967294, the ranges AWS allows for a transit gateway", error.Message);
    }

    [Fact]
    public void Destinations_come_back_in_canonical_form_and_order()
    {
        Assert.Equal(["172.16.0.0/12", "10.0.0.0/8", "192.168.1.0/24"], TransitGatewayRules.DestinationCidrs(["172.16.0.0/12", "10.0.0.0/8", "192.168.1.0/24"], "d", Invalid));
    }

    [Theory]
    [InlineData(new string[0], "d = []: a list of at least one IPv4 block, such as [\"10.0.0.0/8\"]")]
    [InlineData(new[] { "10.0.0.0" }, "d[0] = 10.0.0.0: an IPv4 block such as 10.0.0.0/8")]
    [InlineData(new[] { "10.0.0.0/8", "fd00::/8" }, "d[1] = fd00::/8: an IPv4 block such as 10.0.0.0/8")]
    [InlineData(new[] { "10.0.0.1/8" }, "d[0] = 10.0.0.1/8: the network address of the block, with the host bits zero, such as 10.0.0.0/8")]
    [InlineData(new[] { "0.0.0.0/0" }, "d[0] = 0.0.0.0/0: a block other than 0.0.0.0/0, which the route table's default route already uses")]
    [InlineData(new[] { "10.0.0.0/8", "10.0.0.0/8" }, "d[1] = 10.0.0.0/8: each block at most once, and it is already d[0] (10.0.0.0/8)")]
    public void Bad_destinations_are_refused_naming_the_item(string[] cidrs, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => TransitGatewayRules.DestinationCidrs(cidrs, "d", Invalid));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_transit_tier_has_its_own_prefix_length_default_28_and_is_planned_like_the_others()
    {
        var lengths = SubnetPrefixLengths.Default;
        Assert.Equal(28, lengths.Transit);
        Assert.Equal(28, lengths.For(Tiers.Transit));
        Assert.Equal(26, (lengths with { Transit = 26 }).For(Tiers.Transit));
        Assert.DoesNotContain(Tiers.Transit, Tiers.All);

        var plan = SubnetPlanner.Plan("10.1.0.0/16", lengths.Specs([Tiers.Private, Tiers.Transit]), 2);
        Assert.Equal(["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/28", "10.1.32.16/28"], plan.Subnets.Select(s => s.Cidr));
    }
}
