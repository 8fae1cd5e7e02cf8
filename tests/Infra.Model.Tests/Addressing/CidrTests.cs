using System.Net;
using Infra.Model.Addressing;

namespace Infra.Model.Tests.Addressing;

public class CidrTests
{
    [Fact]
    public void Parse_reads_address_prefix_and_size()
    {
        var cidr = Cidr.Parse("10.1.2.0/23");

        Assert.Equal("10.1.2.0/23", cidr.ToString());
        Assert.Equal(23, cidr.PrefixLength);
        Assert.Equal(512, cidr.AddressCount);
        Assert.Equal(IPAddress.Parse("10.1.2.0"), cidr.NetworkAddress);
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0/16")]
    [InlineData("256.0.0.0/16")]
    [InlineData(" 10.0.0.0/16")]
    [InlineData("fd00::/8")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_text_is_not_a_cidr(string? text)
    {
        Assert.False(Cidr.TryParse(text, out _));
        Assert.False(Cidr.TryParse(text, out _, out _));
    }

    [Fact]
    public void Host_bits_fail_strict_parsing_and_lenient_parsing_returns_the_network()
    {
        Assert.False(Cidr.IsValid("10.0.0.1/16"));
        Assert.True(Cidr.TryParse("10.0.0.1/16", out var network, out var hostBitsSet));
        Assert.True(hostBitsSet);
        Assert.Equal("10.0.0.0/16", network.ToString());
        Assert.Throws<FormatException>(() => Cidr.Parse("10.0.0.1/16"));
    }

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.255.0/24", true)]
    [InlineData("10.0.0.0/16", "10.1.0.0/24", false)]
    [InlineData("10.0.0.0/24", "10.0.0.0/16", true)]
    [InlineData("10.0.0.0/24", "10.0.1.0/24", false)]
    public void Overlap_is_symmetric_and_exact_at_block_edges(string a, string b, bool overlaps)
    {
        Assert.Equal(overlaps, Cidr.Overlaps(a, b));
        Assert.Equal(overlaps, Cidr.Overlaps(b, a));
    }

    [Fact]
    public void Contains_is_true_only_for_inner_blocks_and_addresses()
    {
        Assert.True(Cidr.Contains("10.0.0.0/16", "10.0.4.0/22"));
        Assert.False(Cidr.Contains("10.0.4.0/22", "10.0.0.0/16"));
        Assert.True(Cidr.Parse("10.0.0.0/16").Contains(IPAddress.Parse("10.0.200.1")));
        Assert.False(Cidr.Parse("10.0.0.0/16").Contains(IPAddress.Parse("10.1.0.1")));
    }

    [Fact]
    public void Blocks_order_by_address_then_prefix()
    {
        string[] texts = ["10.0.16.0/20", "10.0.0.0/24", "10.0.0.0/16", "9.0.0.0/8"];

        var sorted = texts.Select(Cidr.Parse).Order().Select(c => c.ToString());

        Assert.Equal(["9.0.0.0/8", "10.0.0.0/16", "10.0.0.0/24", "10.0.16.0/20"], sorted);
    }

    [Fact]
    public void From_first_address_rejects_an_unaligned_start()
    {
        Assert.Equal("10.0.1.0/24", Cidr.FromFirstAddress(0x0A000100, 24).ToString());
        Assert.Throws<ArgumentException>(() => Cidr.FromFirstAddress(0x0A000100, 20));
    }
}
