using System.Net.Sockets;
using Infra.Model.Aws;

namespace Infra.Model.Tests.Aws;

/// <summary>The Transit Gateway rules the strict mocks apply to the resources themselves, at their boundaries.</summary>
public class TransitGatewayResourceRulesTests
{
    [Theory]
    [InlineData(64512.0, true)]
    [InlineData(65534.0, true)]
    [InlineData(4200000000.0, true)]
    [InlineData(4294967294.0, true)]
    [InlineData(64511.0, false)]
    [InlineData(65535.0, false)]
    [InlineData(4199999999.0, false)]
    [InlineData(4294967295.0, false)]
    [InlineData(64512.5, false)]
    public void The_amazon_side_asn_as_the_engine_passes_it(double asn, bool accepted) =>
        Assert.Equal(accepted ? null : TransitGatewayRules.AmazonSideAsnAllowed, TransitGatewayRules.CheckAmazonSideAsn(asn));

    [Theory]
    [InlineData("enable", true)]
    [InlineData("disable", true)]
    [InlineData("Enable", false)]
    [InlineData("enabled", false)]
    [InlineData("", false)]
    public void Options_are_enable_or_disable_in_lower_case(string value, bool accepted) =>
        Assert.Equal(accepted, TransitGatewayRules.CheckOption(value) is null);

    [Theory]
    [InlineData("10.99.0.0/24", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("10.99.0.0/25", false)]
    [InlineData("10.99.0.1/24", false)]
    [InlineData("169.254.0.0/24", false)]
    [InlineData("169.0.0.0/8", true)]
    [InlineData("2001:db8::/64", true)]
    [InlineData("2001:db8::/65", false)]
    [InlineData("2001:db8::1/64", false)]
    [InlineData("not-a-block", false)]
    public void Transit_gateway_cidr_blocks(string block, bool accepted) =>
        Assert.Equal(accepted, TransitGatewayRules.CheckGatewayCidrBlock(block) is null);

    [Theory]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("10.1.0.0/16", true)]
    [InlineData("2001:db8::/32", true)]
    [InlineData("::/0", true)]
    [InlineData("10.1.0.1/16", false)]
    [InlineData("10.1.0.0", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2001:db8::/129", false)]
    [InlineData("10.1.0/16", false)]
    public void Static_route_destinations_are_network_addresses_of_either_family(string destination, bool accepted) =>
        Assert.Equal(accepted, TransitGatewayRules.CheckRouteDestination(destination) is null);

    [Fact]
    public void A_network_is_read_with_its_family_and_prefix_length()
    {
        Assert.Equal((AddressFamily.InterNetwork, 16), TransitGatewayRules.ParseNetwork("10.1.0.0/16"));
        Assert.Equal((AddressFamily.InterNetworkV6, 56), TransitGatewayRules.ParseNetwork("2001:db8:0:100::/56"));
        Assert.Null(TransitGatewayRules.ParseNetwork(null));
    }

    [Fact]
    public void The_option_defaults_are_the_providers()
    {
        Assert.Equal("enable", TransitGatewayRules.GatewayOptions.Single(o => o.Field == "defaultRouteTableAssociation").Default);
        Assert.Equal("disable", TransitGatewayRules.AttachmentOptions.Single(o => o.Field == "applianceModeSupport").Default);
    }
}
