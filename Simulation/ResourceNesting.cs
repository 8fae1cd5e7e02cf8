using System.Collections;
using System.Reflection;
using Infra.Model.Analysis;
using Pulumi;

namespace Infra.Simulation;

/// <summary>
/// Which resource is the parent of which, read from the Pulumi resource objects of a run.
/// </summary>
/// <remarks>
/// Components register their children with <c>Parent = this</c>, but neither the mocks' view of a registration nor the
/// URN a mocked run assigns says which component instance a resource belongs to (a mocked URN only carries the root
/// type). The Pulumi SDK keeps the link on the resource objects, in members that are not public: the offline SDK has
/// a <c>Parent</c> property, the Pulumi package keeps each parent's <c>ChildResources</c>. Both are read here, and
/// nothing else depends on them: when neither is found every resource hangs from the stack and
/// <see cref="ParentsKnown"/> is false.
/// </remarks>
public static class ResourceNesting
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private static readonly PropertyInfo? ParentProperty = typeof(Resource).GetProperty("Parent", Instance);

    private static readonly MemberInfo? ChildrenMember =
        (MemberInfo?)typeof(Resource).GetProperty("ChildResources", Instance) ?? typeof(Resource).GetField("ChildResources", Instance);

    /// <summary>True when this build of the Pulumi SDK exposes the parent links (otherwise every parent is the stack).</summary>
    public static bool ParentsKnown => ParentProperty is not null || ChildrenMember is not null;

    /// <summary>Every resource (the stack excluded) with its parent, in the order given.</summary>
    public static IReadOnlyList<ResourceEntry> Of(IEnumerable<Resource> resources, IEnumerable<Infra.Model.Routing.ResourceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(records);
        var all = resources.ToList();
        var ids = records
            .GroupBy(r => (r.Type, r.Name))
            .ToDictionary(g => g.Key, g => g.First().Id);
        var parents = ParentProperty is not null ? ReadParents(all) : ReadChildren(all);
        return
        [
            .. all.Where(r => r.GetResourceType() != ResourceTree.StackType).Select(r =>
            {
                var parent = parents.GetValueOrDefault(r);
                var custom = r is CustomResource;
                return new ResourceEntry(
                    r.GetResourceType(),
                    r.GetResourceName(),
                    custom ? ids.GetValueOrDefault((r.GetResourceType(), r.GetResourceName())) ?? "" : null,
                    parent?.GetResourceType(),
                    parent?.GetResourceName());
            }),
        ];
    }

    private static Dictionary<Resource, Resource?> ReadParents(List<Resource> resources)
    {
        var parents = new Dictionary<Resource, Resource?>(ReferenceEqualityComparer.Instance);
        foreach (var resource in resources)
        {
            parents[resource] = ParentProperty!.GetValue(resource) as Resource;
        }

        return parents;
    }

    private static Dictionary<Resource, Resource?> ReadChildren(List<Resource> resources)
    {
        var parents = new Dictionary<Resource, Resource?>(ReferenceEqualityComparer.Instance);
        if (ChildrenMember is null)
        {
            return parents;
        }

        foreach (var resource in resources)
        {
            var children = ChildrenMember switch
            {
                PropertyInfo property => property.GetValue(resource),
                FieldInfo field => field.GetValue(resource),
                _ => null,
            };
            if (children is not IEnumerable items)
            {
                continue;
            }

            lock (items)
            {
                foreach (var child in items.OfType<Resource>())
                {
                    parents[child] = resource;
                }
            }
        }

        return parents;
    }
}
