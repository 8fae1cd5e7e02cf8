using System.Globalization;
using Infra.Model.Analysis;

namespace Infra.Plan.Rendering;

/// <summary>Wording and number formats shared by the text and Markdown renderers.</summary>
internal static class Labels
{
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Model.Analysis.Verdict.Reachable => "yes",
        Model.Analysis.Verdict.Unreachable => "no",
        _ => "unknown",
    };

    public static string Money(decimal? amount, string currency = "USD") => amount is null
        ? "—"
        : (currency == "USD" ? "$" : currency + " ") + amount.Value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Rate(decimal price, string unit, string currency = "USD") =>
        (currency == "USD" ? "$" : currency + " ") + price.ToString("0.00##", CultureInfo.InvariantCulture) + "/" + unit;

    public static string Gb(decimal? gb) => gb is null ? "—" : gb.Value.ToString("#,##0.##", CultureInfo.InvariantCulture) + " GB";

    public static string Title(PlanResult plan) =>
        $"Plan of stack {plan.Stack.StackName} ({plan.Stack.ProjectName}) in {(plan.Region.Length == 0 ? "no region" : plan.Region)}, " +
        $"{Plural(plan.AvailabilityZones.Count, "AZ")}: {string.Join(", ", plan.AvailabilityZones)}";

    public const string MockedRunNote =
        "A mocked run of the program: no AWS account or credentials were used, and every id is a placeholder.";

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Tree prefixes as <c>pulumi preview</c> draws them.</summary>
    public static IEnumerable<(string Prefix, ResourceNode Node)> TreeLines(ResourceNode root)
    {
        yield return ("", root);
        foreach (var line in Children(root, ""))
        {
            yield return line;
        }
    }

    private static IEnumerable<(string Prefix, ResourceNode Node)> Children(ResourceNode node, string indent)
    {
        for (var i = 0; i < node.Children.Count; i++)
        {
            var last = i == node.Children.Count - 1;
            var child = node.Children[i];
            yield return (indent + (last ? "└─ " : "├─ "), child);
            foreach (var line in Children(child, indent + (last ? "   " : "│  ")))
            {
                yield return line;
            }
        }
    }

    /// <summary>Distinct notes of some flows, numbered from 1 in order of first appearance.</summary>
    public static Dictionary<string, int> NumberNotes(IEnumerable<Flow> flows)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var note in flows.SelectMany(f => f.Notes))
        {
            numbers.TryAdd(note, numbers.Count + 1);
        }

        return numbers;
    }

    public static string NoteMarks(Flow flow, IReadOnlyDictionary<string, int> numbers) =>
        flow.Notes.Count == 0 ? "" : " [" + string.Join(",", flow.Notes.Select(n => numbers[n])) + "]";

    /// <summary>Groups flows by the source's tier (in the order they come), outbound first, inbound flows in a group of their own.</summary>
    public static IEnumerable<(string Title, IReadOnlyList<Flow> Flows)> FlowGroups(IReadOnlyList<Flow> flows)
    {
        foreach (var tier in flows.Where(f => f.Destination.Kind != FlowKind.FromInternet).GroupBy(f => f.Source.Tier ?? f.Source.Name))
        {
            yield return ($"From the {tier.Key} subnets", [.. tier]);
        }

        var inbound = flows.Where(f => f.Destination.Kind == FlowKind.FromInternet).ToList();
        if (inbound.Count > 0)
        {
            yield return ("From the internet (inbound connections)", inbound);
        }
    }
}
