using System.Net;
using Infra.Model.Addressing;

namespace Infra.Model.Analysis;

/// <summary>Small helpers for availability zone names and addresses.</summary>
public static class Zones
{
    /// <summary>
    /// The letters that tell a zone apart within its region: <c>eu-west-1a</c> → <c>a</c>; the whole name when it does
    /// not end in letters after a digit.
    /// </summary>
    public static string Suffix(string? zone)
    {
        if (string.IsNullOrEmpty(zone))
        {
            return "?";
        }

        var start = zone.Length;
        while (start > 0 && char.IsAsciiLetter(zone[start - 1]))
        {
            start--;
        }

        return start > 0 && start < zone.Length && char.IsAsciiDigit(zone[start - 1]) ? zone[start..] : zone;
    }

    /// <summary>
    /// An address inside the block that AWS would give a host: the fifth one (AWS reserves the first four), or the
    /// network address of a block too small for that.
    /// </summary>
    public static string HostAddress(string cidr)
    {
        var block = Cidr.Parse(cidr);
        var offset = block.AddressCount > 5 ? 4u : 0u;
        return ToAddress(block.First + offset).ToString();
    }

    private static IPAddress ToAddress(uint value) =>
        new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
}
