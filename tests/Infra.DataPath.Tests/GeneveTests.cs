using System.Net;
using Infra.DataPath.Tests.Support;

namespace Infra.DataPath.Tests;

/// <summary>The test's GENEVE builder against RFC 8926 and the Internet checksum against RFC 1071.</summary>
public sealed class GeneveTests
{
    [Fact]
    public void Header_has_version_zero_option_length_in_words_ipv4_protocol_type_and_vni()
    {
        var packet = Geneve.Encapsulate([0x45, 0, 0, 20], vni: 0x123456, Geneve.GwlbOptions(1, 2, 3));

        // Three options: 4 + 8, 4 + 8 and 4 + 4 bytes = 32 bytes = 8 words.
        Assert.Equal(new byte[] { 0x08, 0x00, 0x08, 0x00, 0x12, 0x34, 0x56, 0x00 }, packet[..8]);
        Assert.Equal(new byte[] { 0x01, 0x08, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 1 }, packet[8..20]);
        Assert.Equal(new byte[] { 0x01, 0x08, 0x03, 0x01, 0, 0, 0, 3 }, packet[32..40]);
        Assert.Equal(new byte[] { 0x45, 0, 0, 20 }, packet[40..]);
    }

    [Fact]
    public void Decode_reads_back_what_encapsulate_wrote()
    {
        var inner = Geneve.Ipv4Udp(IPAddress.Parse("192.0.2.1"), IPAddress.Parse("203.0.113.2"), 1234, 443, [1, 2, 3]);
        var decoded = Geneve.Decode(Geneve.Encapsulate(inner, 7, Geneve.GwlbOptions(10, 20, 30)));

        Assert.Equal(0, decoded.Version);
        Assert.False(decoded.Oam);
        Assert.False(decoded.Critical);
        Assert.Equal(Geneve.EtherTypeIpv4, decoded.ProtocolType);
        Assert.Equal(7u, decoded.Vni);
        Assert.Equal([Geneve.EndpointIdType, Geneve.AttachmentIdType, Geneve.FlowCookieType], decoded.Options.Select(o => o.Type));
        Assert.All(decoded.Options, o => Assert.Equal(Geneve.AwsOptionClass, o.Class));
        Assert.Equal(inner, decoded.Payload);
    }

    [Fact]
    public void Inner_ipv4_header_and_udp_checksums_verify()
    {
        var packet = Geneve.Ipv4Udp(IPAddress.Parse("192.0.2.1"), IPAddress.Parse("203.0.113.2"), 1234, 443, [1, 2, 3, 4, 5]);

        Assert.Equal(0x45, packet[0]);
        Assert.Equal(33, packet[2] << 8 | packet[3]);
        // A header with its checksum filled in sums to zero (RFC 1071).
        Assert.Equal(0, Geneve.Checksum(packet.AsSpan(0, 20)));
    }

    [Fact]
    public void Internet_checksum_matches_the_rfc_1071_example()
    {
        // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2, whose complement is 220d.
        Assert.Equal(0x220d, Geneve.Checksum([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]));
    }

    [Fact]
    public void Truncated_options_are_refused()
    {
        var packet = Geneve.Encapsulate([], 0, Geneve.GwlbOptions(1, 2, 3));

        Assert.Throws<FormatException>(() => Geneve.Decode(packet.AsSpan(0, 20)));
    }
}
