using System.Globalization;
using System.Text;
using Infra.Model.Analysis;
using Infra.Plan.Report;

namespace Infra.Plan.Rendering;

/// <summary>The plan as Markdown: headings, pipe tables, the resource tree in a code block (for pull requests and wikis).</summary>
public static class MarkdownRenderer
{
    /// <summary>The plan as Markdown text.</summary>
    public static string Render(PlanResult plan, Sections sections)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Labels.Title(plan)).AppendLine();
        md.AppendLine($"_{Labels.MockedRunNote}_").AppendLine();

        if (sections.HasFlag(Sections.Resources))
        {
            Resources(md, plan.Resources);
        }

        if (sections.HasFlag(Sections.Routes))
        {
            Routes(md, plan.Analysis.RouteTables);
        }

        if (sections.HasFlag(Sections.Reachability))
        {
            Reachability(md, plan.Analysis.Flows);
        }

        if (sections.HasFlag(Sections.AzLoss))
        {
            AzLoss(md, plan.Analysis.AzLoss);
        }

        if (sections.HasFlag(Sections.Transit) && plan.Analysis.Analyzer.HasTransitGateway)
        {
            Transit(md, plan.Analysis.Transit);
        }

        if (sections.HasFlag(Sections.Cost))
        {
            Cost(md, plan.Analysis.Cost);
        }

        if (sections.HasFlag(Sections.Policy))
        {
            md.AppendLine("## Guard rails").AppendLine().AppendLine("```").Append(plan.Policy.ToText()).AppendLine("```").AppendLine();
        }

        if (plan.Warnings.Count > 0 || plan.Analysis.Routing.Problems.Count > 0)
        {
            md.AppendLine("## Warnings").AppendLine();
            foreach (var warning in plan.Warnings)
            {
                md.Append("- ").AppendLine(warning);
            }

            foreach (var problem in plan.Analysis.Routing.Problems)
            {
                md.Append("- Routing problem: ").AppendLine(problem);
            }

            md.AppendLine();
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static void Table(StringBuilder md, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, HashSet<int>? rightAligned = null)
    {
        md.Append("| ").AppendJoin(" | ", headers.Select(Escape)).AppendLine(" |");
        md.Append('|').AppendJoin('|', headers.Select((_, i) => rightAligned?.Contains(i) == true ? " ---: " : " --- ")).AppendLine("|");
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Code(string text) => text.Length == 0 ? "" : $"`{text}`";

    private static void Resources(StringBuilder md, ResourceTree tree)
    {
        md.AppendLine($"## Resources ({tree.Count})").AppendLine();
        md.AppendLine("```text");
        var lines = Labels.TreeLines(tree.Root).Select(l => (type: l.Prefix + l.Node.Type, name: l.Node.Name)).ToList();
        var width = lines.Max(l => l.type.Length) + 2;
        md.Append("Type".PadRight(width)).AppendLine("Name");
        foreach (var (type, name) in lines)
        {
            md.Append(type.PadRight(width)).AppendLine(name);
        }

        md.AppendLine("```").AppendLine();
        Table(
            md,
            ["Count", "Type"],
            [.. tree.Totals.Select(t => (IReadOnlyList<string>)[t.Count.ToString(CultureInfo.InvariantCulture), Code(t.Type)]),
                ["**" + tree.Count.ToString(CultureInfo.InvariantCulture) + "**", "**in all**"]],
            new HashSet<int> { 0 });
    }

    private static void Routes(StringBuilder md, RouteTableView view)
    {
        md.AppendLine("## Route tables").AppendLine();
        foreach (var vpc in view.Subnets.GroupBy(s => s.Subnet.VpcName))
        {
            md.AppendLine($"### VPC {vpc.Key}").AppendLine();
            var rows = new List<IReadOnlyList<string>>();
            foreach (var subnet in vpc)
            {
                var first = true;
                foreach (var route in subnet.Routes)
                {
                    rows.Add(
                    [
                        first ? $"**{subnet.Subnet.Label}**" : "",
                        first ? subnet.Subnet.AvailabilityZone ?? "" : "",
                        first ? subnet.Subnet.CidrBlock ?? "" : "",
                        first ? (subnet.RouteTableName ?? subnet.RouteTableId) + (subnet.IsMainTable ? " (main)" : "") : "",
                        route.Destination,
                        Code(route.Target),
                        route.Description,
                    ]);
                    first = false;
                }
            }

            Table(md, ["Subnet", "AZ", "CIDR", "Route table", "Destination", "Target", "What"], rows);
        }

        foreach (var edge in view.Edges)
        {
            md.AppendLine($"### Edge route table of {edge.GatewayName} ({edge.RouteTableName ?? edge.RouteTableId})").AppendLine();
            md.AppendLine("Traffic entering the VPC from the internet uses this table.").AppendLine();
            Table(md, ["Destination", "Target", "What"], edge.Routes.Select(r => (IReadOnlyList<string>)[r.Destination, Code(r.Target), r.Description]));
        }
    }

    private static void Reachability(StringBuilder md, IReadOnlyList<Flow> flows)
    {
        md.AppendLine("## Reachability").AppendLine();
        foreach (var (title, group) in Labels.FlowGroups(flows))
        {
            md.AppendLine($"### {title}").AppendLine();
            var notes = Labels.NumberNotes(group);
            Table(
                md,
                ["From", "To", "Reachable", "Path, or why not"],
                group.Select(f => (IReadOnlyList<string>)
                [
                    f.Destination.Kind == FlowKind.FromInternet ? "internet" : f.Source.Label,
                    f.Destination.Kind == FlowKind.FromInternet ? f.Source.Label : f.Destination.Name,
                    f.Verdict == Verdict.Reachable ? "yes" : $"**{Labels.Verdict(f.Verdict)}**",
                    f.Summary + Labels.NoteMarks(f, notes),
                ]));
            if (notes.Count > 0)
            {
                foreach (var (note, number) in notes)
                {
                    md.AppendLine($"{number}. {note}");
                }

                md.AppendLine();
            }
        }
    }

    private static void AzLoss(StringBuilder md, AzLossReport report)
    {
        md.AppendLine("## Availability zone loss").AppendLine();
        if (report.Zones.Count <= 1)
        {
            md.AppendLine(report.Zones.Count == 1
                ? $"The stack uses one AZ ({report.Zones[0].Zone}): losing it loses every flow; there is no other AZ to fall back on."
                : "The stack has no subnets.").AppendLine();
            return;
        }

        foreach (var zone in report.Zones)
        {
            if (zone.Findings.Count == 0)
            {
                md.AppendLine($"- **Losing {zone.Zone}**: no flow of another AZ loses its path ({zone.FlowsOfOtherZones} checked).");
                continue;
            }

            md.AppendLine($"- **Losing {zone.Zone}**: {Labels.Plural(zone.Findings.Count, "flow")} of other AZs lose their path ({zone.FlowsOfOtherZones} checked):");
            foreach (var finding in zone.Findings)
            {
                md.AppendLine($"  - {finding}");
            }
        }

        md.AppendLine();
        if (report.SinglePointsOfFailure.Count > 0)
        {
            md.AppendLine("### Single points of failure").AppendLine();
            Table(md, ["AZ", "Resource", "Flows of other AZs that depend on it"], report.SinglePointsOfFailure.Select(p => (IReadOnlyList<string>)[p.Zone, p.Cause, string.Join(", ", p.Flows)]));
        }
    }

    private static void Transit(StringBuilder md, TransitReport report)
    {
        md.AppendLine($"## {Labels.TransitTitle}").AppendLine();
        if (report.Flows.Count == 0)
        {
            md.AppendLine(Labels.TransitNoSources).AppendLine();
            return;
        }

        md.AppendLine(Labels.TransitIntro).AppendLine();
        var notes = Labels.NumberNotes(report.Flows);
        Table(
            md,
            ["From", "To", "Reachable", "Inspected", "Symmetric", "AZ choices", "Path there, or why not", "Path back"],
            report.Flows.Select(f =>
            {
                var inbound = f.Kind == TransitFlowKind.FromInternet;
                return (IReadOnlyList<string>)
                [
                    inbound ? "internet" : f.From,
                    inbound ? f.From : Labels.TransitDestination(f),
                    f.Verdict == Verdict.Reachable ? "yes" : $"**{Labels.Verdict(f.Verdict)}**",
                    inbound ? "" : Labels.Inspection(f.Inspection),
                    inbound ? "" : f.Symmetric ? "yes" : "**no**",
                    f.RoundTrips.Count == 0 ? "" : Labels.ZoneChoices(f),
                    Labels.TransitThere(f) + Labels.NoteMarks(f, notes),
                    inbound ? "" : Labels.TransitBack(f),
                ];
            }));
        foreach (var (note, number) in notes)
        {
            md.AppendLine($"{number}. {note}");
        }

        if (notes.Count > 0)
        {
            md.AppendLine();
        }

        md.AppendLine("### Availability zone loss across VPCs").AppendLine();
        foreach (var zone in report.ZoneLoss)
        {
            md.AppendLine($"- **Losing {zone.Zone}**: {Labels.TransitZoneLine(zone)}");
        }

        md.AppendLine();
    }

    private static void Cost(StringBuilder md, CostEstimate cost)
    {
        md.AppendLine($"## Monthly cost estimate ({cost.PriceRegion} prices, {cost.Currency}, {cost.HoursPerMonth:0} hours a month)").AppendLine();
        var rows = cost.Hourly.Select(h => (IReadOnlyList<string>)
        [
            h.Item,
            h.Detail,
            $"{h.Quantity} × {h.Unit}",
            h.PricePerHour is null ? "unknown" : Labels.Rate(h.PricePerHour.Value, "hour", cost.Currency),
            Labels.Money(h.Monthly, cost.Currency),
        ]).ToList();
        rows.Add(["**Fixed monthly**", "", "", "", $"**{Labels.Money(cost.FixedMonthly, cost.Currency)}**"]);
        Table(md, ["Item", "Detail", "Quantity", "Unit price", "Monthly"], rows, new HashSet<int> { 3, 4 });

        if (cost.Usage.Count > 0)
        {
            md.AppendLine(cost.Usage.Any(u => u.GbPerMonth is not null)
                ? "Per-GB charges (estimated for the volumes given with `--gb-per-month`):"
                : "Per-GB charges (rates: give volumes with `--gb-per-month` for estimates):").AppendLine();
            Table(
                md,
                ["Item", "Rate", "Volume a month", "Monthly", "How it applies"],
                cost.Usage.Select(u => (IReadOnlyList<string>)
                    [u.Item, Labels.Rate(u.PricePerGb, "GB", cost.Currency), Labels.Gb(u.GbPerMonth), Labels.Money(u.Monthly, cost.Currency), u.Detail]),
                new HashSet<int> { 1, 2, 3 });
        }

        foreach (var saving in cost.Savings)
        {
            var volume = saving.GbPerMonth is null
                ? $"give a volume with `--gb-per-month {saving.Service.ToLowerInvariant()}=GB` for a monthly figure"
                : $"{Labels.Gb(saving.GbPerMonth)} a month would cost {Labels.Money(saving.Monthly, cost.Currency)} through NAT";
            md.AppendLine($"- **Saved by the {saving.Service} gateway endpoint** ({saving.Endpoint}): {Labels.Rate(saving.PerGb, "GB", cost.Currency)} of NAT data processing, free through the endpoint; {volume}.");
        }

        if (cost.Savings.Count > 0)
        {
            md.AppendLine();
        }

        md.AppendLine(cost.Usage.Any(u => u.Monthly is not null)
            ? $"**Total: {Labels.Money(cost.FixedMonthly, cost.Currency)} fixed + {Labels.Money(cost.UsageMonthly, cost.Currency)} estimated usage = {Labels.Money(cost.TotalMonthly, cost.Currency)} a month.**"
            : $"**Total: {Labels.Money(cost.FixedMonthly, cost.Currency)} a month before per-GB charges.**").AppendLine();
        md.AppendLine($"Prices as of {cost.PricesAsOf} from {string.Join("; ", cost.Sources.Select(s => $"[{s.Name}]({s.Url})"))}. Data transfer to the internet, flow logs and storage are not included.").AppendLine();
    }
}
