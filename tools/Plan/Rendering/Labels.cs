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

    public const string TransitTitle = "Across VPCs (transit gateway)";

    public const string TransitIntro =
        "Flows of the VPCs attached to a transit gateway: to the internet, to the other VPCs and from the internet. Every AZ the transit gateway may pick (appliance mode) is traced there and back; the path shown is the first that fails or is asymmetric, else the one that stays in the source's AZ.";

    /// <summary>The AZs the transit gateway may pin the flow to, by letter (<c>a|b|c</c>), or <c>affinity</c> without appliance mode.</summary>
    public static string ZoneChoices(TransitFlow flow) => flow.PinnedZones.Length == 0
        ? "affinity"
        : string.Join("|", flow.PinnedZones.Split('|').Select(Zones.Suffix));

    public const string TransitNoSources =
        "No attached VPC has a subnet that routes to the transit gateway yet (a hub stack's spokes attach from their own stacks): there is no flow across VPCs to trace.";

    public static string Inspection(InspectionCoverage coverage) => coverage switch
    {
        InspectionCoverage.BothWays => "both ways",
        InspectionCoverage.Partly => "partly",
        _ => "no",
    };

    /// <summary>The destination column: a VPC, <c>N VPCs</c> with the first names, the internet.</summary>
    public static string TransitDestination(TransitFlow flow) => flow.DestinationVpcs.Count <= 1
        ? flow.To
        : $"{flow.To} ({string.Join(", ", flow.DestinationVpcs.Take(2))}{(flow.DestinationVpcs.Count > 2 ? ", …" : "")})";

    public static string TransitThere(TransitFlow flow) =>
        flow.Example is { } trip && trip.Forward.Count > 0 ? trip.ForwardSummary : flow.Reason;

    public static string TransitBack(TransitFlow flow) =>
        flow.Verdict != Model.Analysis.Verdict.Reachable ? flow.Reason : flow.Example?.ReturnSummary ?? "";

    public static string TransitZoneLine(TransitZoneLoss zone) => zone.Lost.Count == 0
        ? $"no cross-VPC flow of another AZ loses its path ({zone.FlowsChecked} checked); {zone.ChoicesCut} of their {zone.ChoicesChecked} AZ choices cross it: connections pinned there are cut, new ones take the AZs that remain."
        : $"{Plural(zone.Lost.Count, "cross-VPC flow")} of other AZs lose every path ({zone.FlowsChecked} checked): {string.Join(", ", zone.Lost)}.";

    public static Dictionary<string, int> NumberNotes(IEnumerable<TransitFlow> flows)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var note in flows.SelectMany(f => f.Notes))
        {
            numbers.TryAdd(note, numbers.Count + 1);
        }

        return numbers;
    }

    public static string NoteMarks(TransitFlow flow, IReadOnlyDictionary<string, int> numbers) =>
        flow.Notes.Count == 0 ? "" : " [" + string.Join(",", flow.Notes.Select(n => numbers[n])) + "]";
}
