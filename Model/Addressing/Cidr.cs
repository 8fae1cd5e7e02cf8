using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Infra.Model.Addressing;

/// <summary>
/// An IPv4 CIDR block such as <c>10.0.0.0/16</c>. Parsing is strict (dotted quad, slash, prefix length);
/// the block math is delegated to <see cref="IPNetwork2"/>.
/// </summary>
public readonly partial record struct Cidr : IComparable<Cidr>
{
    private Cidr(uint first, int prefixLength)
    {
        First = first;
        PrefixLength = prefixLength;
    }

    /// <summary>The first (network) address as a number.</summary>
    public uint First { get; }

    /// <summary>The prefix length, 0 to 32.</summary>
    public int PrefixLength { get; }

    /// <summary>The last (broadcast) address as a number.</summary>
    public uint Last => (uint)(First + AddressCount - 1);

    /// <summary>How many addresses the block holds (2^(32 - prefix)).</summary>
    public long AddressCount => (long)ToIPNetwork2().Total;

    /// <summary>The network address, e.g. <c>10.0.0.0</c>.</summary>
    public IPAddress NetworkAddress => ToAddress(First);

    /// <summary>The same block as an <see cref="IPNetwork2"/>.</summary>
    public IPNetwork2 ToIPNetwork2() => new(NetworkAddress, (byte)PrefixLength);

    /// <summary>The block of <paramref name="prefixLength"/> that starts at <paramref name="first"/>, which must be aligned.</summary>
    public static Cidr FromFirstAddress(uint first, int prefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
        var network = new IPNetwork2(ToAddress(first), (byte)prefixLength);
        if (ToNumber(network.Network) != first)
        {
            throw new ArgumentException($"{ToAddress(first)} is not aligned to a /{prefixLength} boundary.", nameof(first));
        }

        return new Cidr(first, prefixLength);
    }

    /// <summary>Parses a network CIDR (host bits zero); throws <see cref="FormatException"/> otherwise.</summary>
    public static Cidr Parse(string text)
    {
        if (!TryParse(text, out var network, out var hostBitsSet))
        {
            throw new FormatException($"'{text}' is not an IPv4 CIDR block such as 10.0.0.0/16.");
        }

        if (hostBitsSet)
        {
            throw new FormatException($"'{text}' has host bits set; the network address is {network}.");
        }

        return network;
    }

    /// <summary>True when <paramref name="text"/> is an IPv4 CIDR block whose host bits are zero.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Cidr cidr)
    {
        var ok = TryParse(text, out cidr, out var hostBitsSet) && !hostBitsSet;
        if (!ok)
        {
            cidr = default;
        }

        return ok;
    }

    /// <summary>
    /// Lenient parse: accepts an address with host bits set (<c>10.0.0.1/16</c>), returning the block that
    /// contains it as <paramref name="network"/> and telling whether the host bits were set.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Cidr network, out bool hostBitsSet)
    {
        network = default;
        hostBitsSet = false;
        if (text is null)
        {
            return false;
        }

        var match = CidrPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        uint address = 0;
        for (var i = 1; i <= 4; i++)
        {
            var octet = int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return false;
            }

            address = (address << 8) | (uint)octet;
        }

        var prefix = int.Parse(match.Groups[5].Value, CultureInfo.InvariantCulture);
        if (prefix > 32)
        {
            return false;
        }

        var block = IPNetwork2.Parse(ToAddress(address).ToString(), (byte)prefix);
        var first = ToNumber(block.Network);
        network = new Cidr(first, prefix);
        hostBitsSet = first != address;
        return true;
    }

    /// <summary>True when <paramref name="text"/> is a network CIDR (host bits zero).</summary>
    public static bool IsValid([NotNullWhen(true)] string? text) => TryParse(text, out _);

    /// <summary>
    /// Longest-prefix match: the item whose block (null: not an IPv4 block) contains <paramref name="address"/> with the
    /// longest prefix, the first of equally long ones; the default when none does.
    /// </summary>
    public static T? LongestMatch<T>(IEnumerable<T> items, Func<T, Cidr?> blockOf, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(blockOf);
        T? best = default;
        var bestLength = -1;
        foreach (var item in items)
        {
            if (blockOf(item) is { } block && block.PrefixLength > bestLength && block.Contains(address))
            {
                best = item;
                bestLength = block.PrefixLength;
            }
        }

        return best;
    }

    /// <summary>True when every address of <paramref name="other"/> is inside this block.</summary>
    public bool Contains(Cidr other) => ToIPNetwork2().Contains(other.ToIPNetwork2());

    /// <summary>True when <paramref name="address"/> (IPv4) is inside this block.</summary>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetwork && ToIPNetwork2().Contains(address);
    }

    /// <summary>True when the two blocks share at least one address.</summary>
    public bool Overlaps(Cidr other) => ToIPNetwork2().Overlap(other.ToIPNetwork2());

    /// <summary>Overlap test on two CIDR texts (host bits are ignored).</summary>
    public static bool Overlaps(string a, string b) => ParseLenient(a).Overlaps(ParseLenient(b));

    /// <summary>Containment test on two CIDR texts (host bits are ignored).</summary>
    public static bool Contains(string outer, string inner) => ParseLenient(outer).Contains(ParseLenient(inner));

    /// <inheritdoc />
    public int CompareTo(Cidr other)
    {
        var byAddress = First.CompareTo(other.First);
        return byAddress != 0 ? byAddress : PrefixLength.CompareTo(other.PrefixLength);
    }

    /// <summary>Orders by first address, then by prefix length.</summary>
    public static bool operator <(Cidr left, Cidr right) => left.CompareTo(right) < 0;

    /// <summary>Orders by first address, then by prefix length.</summary>
    public static bool operator <=(Cidr left, Cidr right) => left.CompareTo(right) <= 0;

    /// <summary>Orders by first address, then by prefix length.</summary>
    public static bool operator >(Cidr left, Cidr right) => left.CompareTo(right) > 0;

    /// <summary>Orders by first address, then by prefix length.</summary>
    public static bool operator >=(Cidr left, Cidr right) => left.CompareTo(right) >= 0;

    /// <summary>The block as text, e.g. <c>10.0.0.0/16</c>.</summary>
    public override string ToString() => $"{NetworkAddress}/{PrefixLength}";

    internal static IPAddress ToAddress(uint value) =>
        new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);

    internal static uint ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static Cidr ParseLenient(string text) =>
        TryParse(text, out var network, out _)
            ? network
            : throw new FormatException($"'{text}' is not an IPv4 CIDR block such as 10.0.0.0/16.");

    [GeneratedRegex(@"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})/(\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CidrPattern();
}
