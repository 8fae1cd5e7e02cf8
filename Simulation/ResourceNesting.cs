using Infra.Model.Analysis;
using Infra.Model.Routing;
using Pulumi;

namespace Infra.Simulation;

/// <summary>Every resource of a run with its parent, as the plan's resource tree shows them.</summary>
public static class ResourceNesting
{
    /// <summary>Every resource (the stack excluded) with its parent (null: the stack), in the order given.</summary>
    public static IReadOnlyList<ResourceEntry> Of(
        IEnumerable<Resource> resources, IEnumerable<ResourceRecord> records, IReadOnlyDictionary<Resource, Resource?> parents)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(parents);
        var ids = records
            .GroupBy(r => (r.Type, r.Name))
            .ToDictionary(g => g.Key, g => g.First().Id);
        return
        [
            .. resources.Where(r => r.GetResourceType() != ResourceTree.StackType).Select(r =>
            {
                var parent = parents.GetValueOrDefault(r);
                return new ResourceEntry(
                    r.GetResourceType(),
                    r.GetResourceName(),
                    r is CustomResource ? ids.GetValueOrDefault((r.GetResourceType(), r.GetResourceName())) ?? "" : null,
                    parent?.GetResourceType(),
                    parent?.GetResourceName());
            }),
        ];
    }
}
