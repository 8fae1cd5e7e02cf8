using Infra.Model.Analysis;

namespace Infra.Model.Tests.Analysis;

public class PriceTableTests
{
    private const string Prices = """
        {
          "currency": "USD",
          "hoursPerMonth": 730,
          "asOf": "2025-06-01",
          "sources": [ { "name": "Amazon VPC pricing", "url": "https://aws.amazon.com/vpc/pricing/", "covers": "NAT" } ],
          "fallbackRegion": "us-east-1",
          "regions": {
            "us-east-1": {
              "natGatewayHour": 0.045, "natGatewayGb": 0.045, "publicIpv4Hour": 0.005,
              "interfaceEndpointAzHour": 0.01, "interfaceEndpointGb": 0.01,
              "gatewayLoadBalancerHour": 0.0125, "gatewayLoadBalancerCapacityUnitHour": 0.004,
              "gatewayLoadBalancerEndpointAzHour": 0.01, "gatewayLoadBalancerEndpointGb": 0.0035,
              "crossAzGb": 0.01, "transitGatewayAttachmentHour": 0.05, "transitGatewayGb": 0.02,
              "instanceHour": { "t3.small": 0.0208 }
            }
          }
        }
        """;

    [Fact]
    public void A_complete_table_parses()
    {
        var table = PriceTable.Parse(Prices);

        Assert.Equal(730m, table.HoursPerMonth);
        Assert.Equal(0.045m, table.Regions["us-east-1"].NatGatewayHour);
        Assert.Equal(0.0208m, table.Regions["us-east-1"].InstanceHour["t3.small"]);
        Assert.Equal(("us-east-1", false), (table.For("us-east-1").Region, table.For("us-east-1").IsFallback));
        Assert.Equal(("us-east-1", true), (table.For("eu-south-2").Region, table.For("eu-south-2").IsFallback));
    }

    [Theory]
    [InlineData("\"natGatewayGb\": 0.045, ", "natGatewayGb")]
    [InlineData("\"crossAzGb\": 0.01, ", "crossAzGb")]
    [InlineData("\"transitGatewayGb\": 0.02,", "transitGatewayGb")]
    public void A_missing_price_is_refused_naming_it(string removed, string name)
    {
        var error = Assert.Throws<FormatException>(() => PriceTable.Parse(Prices.Replace(removed, "", StringComparison.Ordinal)));

        Assert.StartsWith("Not a valid price table: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_cited_only_with_an_unknown_part_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => PriceTable.Parse(Prices.Replace("\"covers\": \"NAT\"", "\"covers\": \"NAT\", \"onlyWith\": \"peering\"", StringComparison.Ordinal)));

        Assert.Equal("Not a valid price table: source Amazon VPC pricing has onlyWith peering; the only value is transitGateway.", error.Message);
    }

    [Fact]
    public void A_misspelt_price_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => PriceTable.Parse(Prices.Replace("\"publicIpv4Hour\"", "\"publicIPv4Hour\"", StringComparison.Ordinal)));

        Assert.Contains("publicIPv4Hour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fallback_region_must_have_prices()
    {
        var error = Assert.Throws<FormatException>(() => PriceTable.Parse(Prices.Replace("\"fallbackRegion\": \"us-east-1\"", "\"fallbackRegion\": \"eu-west-1\"", StringComparison.Ordinal)));

        Assert.Equal("Not a valid price table: the fallback region eu-west-1 has no prices.", error.Message);
    }
}
