using System.Globalization;
using Infra.Model.Configuration;

namespace Infra.Model.Addressing;

/// <summary>
/// Splits a VPC block into one subnet per tier per availability zone.
/// </summary>
/// <remarks>
/// The order is fixed so that a plan never changes for the same inputs: blocks are carved from the start
/// of the VPC group by group (<see cref="TierSpec.Group"/>), within a group largest blocks (shortest prefix)
/// first, tiers of equal size in the order they are given, and within a tier AZ 0, 1, 2… Every block starts on
/// a multiple of its own size (it is aligned), so the blocks never overlap; within a group that needs no padding,
/// and a later group starts at the next boundary its largest block needs.
/// Groups exist so that tiers which may be switched on later (the inspection tiers) come after the tiers every
/// stack has: switching them on adds blocks without moving existing subnets, which AWS could only do by replacing
/// them. Changing the AZ count still moves the blocks after the first tier.
/// </remarks>
public static class SubnetPlanner
{
    /// <summary>The shortest subnet prefix AWS allows.</summary>
    public const int MinimumSubnetPrefix = 16;

    /// <summary>The longest subnet prefix AWS allows.</summary>
    public const int MaximumSubnetPrefix = 28;

    /// <summary>
    /// Plans <paramref name="tiers"/> × <paramref name="azCount"/> subnets inside <paramref name="vpcCidr"/>.
    /// </summary>
    /// <param name="vpcCidr">The VPC block, a network CIDR such as 10.0.0.0/16.</param>
    /// <param name="tiers">Distinct tiers with prefix lengths from 16 to 28.</param>
    /// <param name="azCount">Availability zones, at least 1.</param>
    /// <param name="configNamespace">The stack configuration namespace used in the error message, if any.</param>
    /// <exception cref="ConfigException">The subnets do not fit in the VPC (key <c>subnetPrefixLengths</c>).</exception>
    public static VpcPlan Plan(string vpcCidr, IReadOnlyList<TierSpec> tiers, int azCount, string? configNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentOutOfRangeException.ThrowIfLessThan(azCount, 1);
        if (!Cidr.TryParse(vpcCidr, out var vpc))
        {
            throw new ArgumentException($"'{vpcCidr}' is not a network CIDR block such as 10.0.0.0/16.", nameof(vpcCidr));
        }

        if (tiers.Count == 0)
        {
            throw new ArgumentException("At least one tier is needed.", nameof(tiers));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tier in tiers)
        {
            if (string.IsNullOrWhiteSpace(tier.Tier) || !seen.Add(tier.Tier))
            {
                throw new ArgumentException($"Tier names must be distinct and non-empty ('{tier.Tier}').", nameof(tiers));
            }

            if (tier.PrefixLength is < MinimumSubnetPrefix or > MaximumSubnetPrefix)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(tiers), tier.PrefixLength, $"Tier {tier.Tier}: prefix lengths go from /{MinimumSubnetPrefix} to /{MaximumSubnetPrefix}.");
            }
        }

        var (offsets, needed) = Layout(tiers, azCount);
        if (needed > vpc.AddressCount)
        {
            throw NoFit(vpc, tiers, azCount, needed, configNamespace);
        }

        var allocations = offsets
            .Select(o => new SubnetAllocation(
                o.Tier.Tier, o.AzIndex, Cidr.FromFirstAddress((uint)(vpc.First + o.Offset), o.Tier.PrefixLength).ToString()))
            .ToList();
        return new VpcPlan(vpc.ToString(), azCount, [.. tiers], [.. allocations]);
    }

    /// <summary>Where each block starts, relative to the VPC, and where the last one ends.</summary>
    private static (List<(TierSpec Tier, int AzIndex, long Offset)> Blocks, long End) Layout(IReadOnlyList<TierSpec> tiers, int azCount)
    {
        var ordered = tiers
            .Select((tier, index) => (tier, index))
            .OrderBy(x => x.tier.Group)
            .ThenBy(x => x.tier.PrefixLength)
            .ThenBy(x => x.index)
            .Select(x => x.tier);

        var blocks = new List<(TierSpec, int, long)>(tiers.Count * azCount);
        long offset = 0;
        foreach (var tier in ordered)
        {
            var size = BlockSize(tier.PrefixLength);
            offset = (offset + size - 1) / size * size;
            for (var az = 0; az < azCount; az++)
            {
                blocks.Add((tier, az, offset));
                offset += size;
            }
        }

        return (blocks, offset);
    }

    /// <summary>Addresses that <paramref name="azCount"/> subnets of each prefix length take.</summary>
    public static long AddressesNeeded(IEnumerable<int> prefixLengths, int azCount) =>
        prefixLengths.Sum(p => BlockSize(p)) * azCount;

    private static long BlockSize(int prefixLength) => 1L << (32 - prefixLength);

    private static ConfigException NoFit(Cidr vpc, IReadOnlyList<TierSpec> tiers, int azCount, long needed, string? configNamespace)
    {
        var value = "{" + string.Join(",", tiers.Select(t => $"\"{t.Tier}\":{t.PrefixLength}")) + "}";
        var azs = azCount == 1 ? "1 AZ" : $"{azCount} AZs";
        var sum = string.Join(" + ", tiers.Select(t => $"{t.Tier} /{t.PrefixLength}"));
        var text = $"subnets that fit in the VPC {vpc}, but {azs} × ({sum}) need {needed.ToString(CultureInfo.InvariantCulture)} addresses " +
                   $"and the VPC has {vpc.AddressCount.ToString(CultureInfo.InvariantCulture)}";

        var tooLarge = tiers.Where(t => t.PrefixLength < vpc.PrefixLength).ToList();
        if (tooLarge.Count > 0)
        {
            text += $" ({string.Join(" and ", tooLarge.Select(t => $"{t.Tier} /{t.PrefixLength}"))} alone is larger than the /{vpc.PrefixLength} VPC)";
        }

        var fits = new List<string>();
        var smallestVpcPrefix = 32 - (int)Math.Ceiling(Math.Log2(needed));
        if (smallestVpcPrefix >= MinimumSubnetPrefix)
        {
            fits.Add($"a VPC of /{smallestVpcPrefix} or larger");
        }

        for (var shift = 1; tiers.All(t => t.PrefixLength + shift <= MaximumSubnetPrefix); shift++)
        {
            if (Layout([.. tiers.Select(t => t with { PrefixLength = t.PrefixLength + shift })], azCount).End <= vpc.AddressCount)
            {
                fits.Add("prefix lengths such as {" + string.Join(",", tiers.Select(t => $"\"{t.Tier}\":{t.PrefixLength + shift}")) + "}");
                break;
            }
        }

        text += fits.Count == 0
            ? $"; even /{MaximumSubnetPrefix} subnets do not fit, so use fewer AZs or a larger VPC"
            : $"; what fits is {string.Join(", or ", fits)}";

        return new ConfigException(configNamespace, "subnetPrefixLengths", value, text);
    }
}

/// <summary>The subnets planned for one VPC.</summary>
/// <param name="VpcCidr">The VPC block.</param>
/// <param name="AzCount">How many availability zones each tier spans.</param>
/// <param name="Tiers">The tiers as given to the planner.</param>
/// <param name="Subnets">Every allocation, in address order (which is also allocation order).</param>
public sealed record VpcPlan(string VpcCidr, int AzCount, IReadOnlyList<TierSpec> Tiers, IReadOnlyList<SubnetAllocation> Subnets)
{
    /// <summary>True when the plan has subnets of <paramref name="tier"/>.</summary>
    public bool HasTier(string tier) => Tiers.Any(t => t.Tier == tier);

    /// <summary>The subnets of <paramref name="tier"/>, AZ 0 first.</summary>
    public IReadOnlyList<SubnetAllocation> ForTier(string tier) =>
        [.. Subnets.Where(s => s.Tier == tier).OrderBy(s => s.AzIndex)];

    /// <summary>The subnets in AZ <paramref name="azIndex"/>, in address order.</summary>
    public IReadOnlyList<SubnetAllocation> ForAz(int azIndex) => [.. Subnets.Where(s => s.AzIndex == azIndex)];

    /// <summary>The subnet of <paramref name="tier"/> in AZ <paramref name="azIndex"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such tier or AZ in the plan.</exception>
    public SubnetAllocation Get(string tier, int azIndex) =>
        Subnets.FirstOrDefault(s => s.Tier == tier && s.AzIndex == azIndex)
        ?? throw new KeyNotFoundException($"The plan of {VpcCidr} has no {tier} subnet in AZ {azIndex}.");

    /// <summary>Addresses in the VPC block.</summary>
    public long AddressesAvailable => Cidr.Parse(VpcCidr).AddressCount;

    /// <summary>Addresses taken by the planned subnets.</summary>
    public long AddressesUsed => SubnetPlanner.AddressesNeeded(Tiers.Select(t => t.PrefixLength), AzCount);

    /// <summary>Addresses left after the planned subnets, all at the end of the VPC block.</summary>
    public long AddressesFree => AddressesAvailable - AddressesUsed;
}
