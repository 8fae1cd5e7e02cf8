using System.Buffers.Binary;
using System.Net;

namespace Infra.DataPath.Tests.Support;

/// <summary>A GENEVE option (RFC 8926 section 3.5): class, type and data, the data a multiple of 4 bytes.</summary>
public sealed record GeneveOption(ushort Class, byte Type, byte[] Data);

/// <summary>A decoded GENEVE header and its payload.</summary>
public sealed record GenevePacket(int Version, bool Oam, bool Critical, ushort ProtocolType, uint Vni,
    IReadOnlyList<GeneveOption> Options, byte[] Payload);

/// <summary>
/// GENEVE encapsulation as the Gateway Load Balancer sends it: the 8-byte header of RFC 8926 section 3.4 (version 0,
/// protocol type 0x0800 for an inner IPv4 packet) followed by AWS's three options of class 0x0108, as AWS's own GWLB
/// tunnel handler reads them (aws-samples/aws-gateway-load-balancer-tunnel-handler, GenevePacket.cpp): type 1, the
/// GWLB endpoint id (8 bytes); type 2, the attachment id (8 bytes); type 3, the flow cookie (4 bytes).
/// </summary>
public static class Geneve
{
    public const ushort AwsOptionClass = 0x0108;
    public const byte EndpointIdType = 1;
    public const byte AttachmentIdType = 2;
    public const byte FlowCookieType = 3;
    public const ushort EtherTypeIpv4 = 0x0800;

    /// <summary>The three GWLB options for one flow.</summary>
    public static IReadOnlyList<GeneveOption> GwlbOptions(ulong endpointId, ulong attachmentId, uint flowCookie)
    {
        var endpoint = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(endpoint, endpointId);
        var attachment = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(attachment, attachmentId);
        var cookie = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(cookie, flowCookie);
        return
        [
            new(AwsOptionClass, EndpointIdType, endpoint),
            new(AwsOptionClass, AttachmentIdType, attachment),
            new(AwsOptionClass, FlowCookieType, cookie),
        ];
    }

    /// <summary>Encapsulates an inner IPv4 packet: the UDP payload of a GENEVE datagram.</summary>
    public static byte[] Encapsulate(ReadOnlySpan<byte> innerIpv4Packet, uint vni, IReadOnlyList<GeneveOption> options)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vni, 0xFFFFFFu);
        var optionsLength = options.Sum(o => 4 + o.Data.Length);
        if (optionsLength % 4 != 0 || optionsLength / 4 > 0x3F || options.Any(o => o.Data.Length % 4 != 0 || o.Data.Length / 4 > 0x1F))
        {
            throw new ArgumentException("GENEVE options and their data are multiples of 4 bytes, at most 252 bytes in all.", nameof(options));
        }

        var packet = new byte[8 + optionsLength + innerIpv4Packet.Length];
        packet[0] = (byte)(optionsLength / 4); // version 0 in the top two bits
        packet[1] = 0; // O and C clear: a data packet with no critical options
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), EtherTypeIpv4);
        packet[4] = (byte)(vni >> 16);
        packet[5] = (byte)(vni >> 8);
        packet[6] = (byte)vni;
        var offset = 8;
        foreach (var option in options)
        {
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(offset), option.Class);
            packet[offset + 2] = option.Type;
            packet[offset + 3] = (byte)(option.Data.Length / 4);
            option.Data.CopyTo(packet, offset + 4);
            offset += 4 + option.Data.Length;
        }

        innerIpv4Packet.CopyTo(packet.AsSpan(offset));
        return packet;
    }

    /// <summary>Decodes a GENEVE datagram; throws when it is not one.</summary>
    public static GenevePacket Decode(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < 8)
        {
            throw new FormatException("A GENEVE header is at least 8 bytes.");
        }

        var optionsLength = (datagram[0] & 0x3F) * 4;
        if (8 + optionsLength > datagram.Length)
        {
            throw new FormatException("The GENEVE options run past the datagram.");
        }

        var options = new List<GeneveOption>();
        var offset = 8;
        while (offset < 8 + optionsLength)
        {
            var dataLength = (datagram[offset + 3] & 0x1F) * 4;
            if (offset + 4 + dataLength > 8 + optionsLength)
            {
                throw new FormatException("A GENEVE option runs past the options.");
            }

            options.Add(new GeneveOption(BinaryPrimitives.ReadUInt16BigEndian(datagram[offset..]), datagram[offset + 2],
                datagram.Slice(offset + 4, dataLength).ToArray()));
            offset += 4 + dataLength;
        }

        return new GenevePacket(
            datagram[0] >> 6,
            (datagram[1] & 0x80) != 0,
            (datagram[1] & 0x40) != 0,
            BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]),
            (uint)(datagram[4] << 16 | datagram[5] << 8 | datagram[6]),
            options,
            datagram[(8 + optionsLength)..].ToArray());
    }

    /// <summary>An IPv4 packet (RFC 791, header checksum filled in) carrying a UDP datagram (RFC 768, checksum filled in).</summary>
    public static byte[] Ipv4Udp(IPAddress source, IPAddress destination, ushort sourcePort, ushort destinationPort,
        ReadOnlySpan<byte> payload, ushort identification = 1)
    {
        var udpLength = 8 + payload.Length;
        var packet = new byte[20 + udpLength];
        packet[0] = 0x45; // version 4, 5 words of header
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), identification);
        packet[6] = 0x40; // don't fragment
        packet[8] = 64; // TTL
        packet[9] = 17; // UDP
        source.GetAddressBytes().CopyTo(packet, 12);
        destination.GetAddressBytes().CopyTo(packet, 16);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), Checksum(packet.AsSpan(0, 20)));

        var udp = packet.AsSpan(20);
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)udpLength);
        payload.CopyTo(udp[8..]);

        var pseudo = new byte[12 + udpLength];
        source.GetAddressBytes().CopyTo(pseudo, 0);
        destination.GetAddressBytes().CopyTo(pseudo, 4);
        pseudo[9] = 17;
        BinaryPrimitives.WriteUInt16BigEndian(pseudo.AsSpan(10), (ushort)udpLength);
        udp.CopyTo(pseudo.AsSpan(12));
        var udpChecksum = Checksum(pseudo);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], udpChecksum == 0 ? (ushort)0xFFFF : udpChecksum);
        return packet;
    }

    /// <summary>The Internet checksum (RFC 1071): one's complement of the one's complement sum of 16-bit words.</summary>
    public static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (data.Length % 2 == 1)
        {
            sum += (uint)data[^1] << 8;
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
