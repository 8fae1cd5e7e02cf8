namespace Infra.Model.Addressing;

/// <summary>
/// Picks the blocks of spoke VPCs inside the destinations a hub routes back to its Transit Gateway: blocks of one size,
/// in address order, destination by destination, skipping every block that overlaps one to avoid (the inspection VPC,
/// the provider VPC) or a block already picked.
/// </summary>
public static class SpokePlanner
{
    /// <summary>The size of a spoke that the number form of <c>transit.spokes</c> plans.</summary>
    public const int SpokePrefixLength = 16;

    /// <summary>
    /// Up to <paramref name="count"/> blocks of /<paramref name="prefixLength"/> inside <paramref name="destinations"/>
    /// that overlap none of <paramref name="avoid"/>; fewer when that is all there is room for.
    /// </summary>
    public static IReadOnlyList<string> Plan(int count, IReadOnlyList<string> destinations, IReadOnlyList<string> avoid, int prefixLength = SpokePrefixLength)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        ArgumentNullException.ThrowIfNull(avoid);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var blocked = avoid.Select(Cidr.Parse).ToList();
        var picked = new List<Cidr>();
        var taken = new HashSet<uint>();
        foreach (var destination in destinations.Select(Cidr.Parse))
        {
            if (destination.PrefixLength > prefixLength)
            {
                continue;
            }

            var size = 1L << (32 - prefixLength);
            for (long first = destination.First; first <= destination.Last && picked.Count < count; first += size)
            {
                var block = Cidr.FromFirstAddress((uint)first, prefixLength);
                // Blocks of one size overlap only when they are the same block.
                if (!blocked.Any(block.Overlaps) && taken.Add(block.First))
                {
                    picked.Add(block);
                }
            }
        }

        return [.. picked.Select(b => b.ToString())];
    }
}
