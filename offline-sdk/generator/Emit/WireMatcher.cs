using OfflineSdkGenerator.Listing;

namespace OfflineSdkGenerator.Emit;

/// <summary>Pairs listed members (properties, fields) with the wire names that belong to them.</summary>
internal static class WireMatcher
{
    /// <summary>Pairs each wire name with the member of the same type whose name equals it ignoring
    /// case. With <paramref name="allowRenames"/>, a wire name left over is then paired with the only
    /// left-over member of its type whose name contains it or is contained in it: the code generator
    /// renames properties that would clash (wire <c>bucket</c> becomes <c>BucketName</c> in class
    /// <c>Bucket</c>). Fails when anything stays unpaired.</summary>
    public static List<(T Member, WireName Wire)> Pair<T>(
        ApiType type, IReadOnlyList<T> members, IReadOnlyList<WireName> wires, Func<T, string> typeOf, bool allowRenames)
        where T : ApiMember
    {
        var pairs = new List<(T, WireName)>();
        var freeMembers = new List<T>(members);
        var freeWires = new List<WireName>();

        foreach (WireName wire in wires)
        {
            T? member = freeMembers.SingleOrDefault(m => Normalize(m.Name) == Normalize(wire.Name));
            if (member is not null && typeOf(member) == wire.Type)
            {
                pairs.Add((member, wire));
                freeMembers.Remove(member);
            }
            else
            {
                freeWires.Add(wire);
            }
        }

        if (allowRenames)
        {
            foreach (WireName wire in freeWires.ToList())
            {
                string wireName = Normalize(wire.Name);
                var candidates = freeMembers
                    .Where(m => typeOf(m) == wire.Type)
                    .Where(m => Normalize(m.Name).Contains(wireName, StringComparison.Ordinal)
                                || wireName.Contains(Normalize(m.Name), StringComparison.Ordinal))
                    .ToList();
                if (candidates.Count != 1) continue;
                pairs.Add((candidates[0], wire));
                freeMembers.Remove(candidates[0]);
                freeWires.Remove(wire);
            }
        }

        if (freeMembers.Count > 0 || freeWires.Count > 0)
        {
            IEnumerable<string> unmatched = freeMembers.Select(m => "  member: " + m.Line)
                .Concat(freeWires.Select(w => "  wire name: " + w.Line));
            throw new GeneratorException(
                $"{type.FullName}: members and wire names that do not pair up:\n{string.Join("\n", unmatched)}");
        }
        return pairs;
    }

    private static string Normalize(string name) => name.TrimStart('@').ToLowerInvariant();
}
