namespace Infra.Model.Analysis;

/// <summary>One registered resource and its parent, as the Pulumi engine nests them.</summary>
/// <param name="Type">The type token.</param>
/// <param name="Name">The logical name.</param>
/// <param name="Id">The (mock) id of a custom resource; null for components.</param>
/// <param name="ParentType">The parent's type token; null for a resource of the stack itself.</param>
/// <param name="ParentName">The parent's logical name; null for a resource of the stack itself.</param>
public sealed record ResourceEntry(string Type, string Name, string? Id, string? ParentType, string? ParentName)
{
    /// <summary>True for a component resource (it has no id).</summary>
    public bool IsComponent => Id is null;
}

/// <summary>A node of the resource tree.</summary>
/// <param name="Type">The type token.</param>
/// <param name="Name">The logical name.</param>
/// <param name="Id">The id of a custom resource; null for components and the stack.</param>
/// <param name="Children">Its children, by type then name.</param>
public sealed record ResourceNode(string Type, string Name, string? Id, IReadOnlyList<ResourceNode> Children)
{
    /// <summary>This node and all below it, depth first.</summary>
    public IEnumerable<(ResourceNode Node, int Depth)> Walk(int depth = 0)
    {
        yield return (this, depth);
        foreach (var child in Children)
        {
            foreach (var below in child.Walk(depth + 1))
            {
                yield return below;
            }
        }
    }
}

/// <summary>How many resources of one type the stack has.</summary>
/// <param name="Type">The type token.</param>
/// <param name="Count">How many.</param>
public sealed record TypeTotal(string Type, int Count);

/// <summary>The resources of a stack as <c>pulumi preview</c> shows them: a tree by parent under the stack, and totals per type.</summary>
/// <param name="Root">The stack, with the resources below it.</param>
/// <param name="Totals">Per type, most numerous first (the stack itself is not counted).</param>
/// <param name="Count">How many resources, components included, the stack not.</param>
public sealed record ResourceTree(ResourceNode Root, IReadOnlyList<TypeTotal> Totals, int Count)
{
    /// <summary>The type token of the root stack resource.</summary>
    public const string StackType = "pulumi:pulumi:Stack";

    /// <summary>
    /// Builds the tree. Siblings are sorted by type then name (registration order varies from run to run); an entry
    /// whose parent is not among the entries hangs from the stack.
    /// </summary>
    /// <param name="stackName">The stack resource's name (<c>project-stack</c>, as Pulumi names it).</param>
    /// <param name="entries">Every resource with its parent.</param>
    public static ResourceTree Build(string stackName, IEnumerable<ResourceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.Where(e => e.Type != StackType).ToList();
        var known = list.Select(e => (e.Type, e.Name)).ToHashSet();
        var children = list
            .GroupBy(e => e.ParentType is not null && e.ParentName is not null && known.Contains((e.ParentType, e.ParentName))
                ? (e.ParentType, e.ParentName)
                : (StackType, stackName))
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ToList());

        ResourceNode Node(string type, string name, string? id, int depth)
        {
            var below = depth < 64 && children.TryGetValue((type, name), out var kids)
                ? kids.Select(k => Node(k.Type, k.Name, k.Id, depth + 1)).ToList()
                : [];
            return new ResourceNode(type, name, id, below);
        }

        var root = Node(StackType, stackName, null, 0);
        var totals = list.GroupBy(e => e.Type, StringComparer.Ordinal)
            .Select(g => new TypeTotal(g.Key, g.Count()))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Type, StringComparer.Ordinal)
            .ToList();
        return new ResourceTree(root, totals, list.Count);
    }
}
