using Infra.Model.Analysis;
using Infra.Plan.Report;
using Spectre.Console;

namespace Infra.Plan.Rendering;

/// <summary>The readable plan: aligned tables, with colour only when writing to a terminal.</summary>
public static class TextRenderer
{
    /// <summary>Writes the plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="sections">The sections to show.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="color">Whether to use colour (only for a terminal).</param>
    /// <param name="width">The width to lay tables out in.</param>
    public static void Render(PlanResult plan, Sections sections, TextWriter writer, bool color, int width)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var trimmed = new TrimmingWriter(writer);
        var output = new TextOutput(trimmed, color, width);
        output.Line(new PlanCell(Labels.Title(plan), "bold"));
        output.Line(new PlanCell(Labels.MockedRunNote, "dim"));

        if (sections.HasFlag(Sections.Resources))
        {
            Resources(output, plan.Resources);
        }

        if (sections.HasFlag(Sections.Routes))
        {
            Routes(output, plan.Analysis.RouteTables);
        }

        if (sections.HasFlag(Sections.Reachability))
        {
            Reachability(output, plan.Analysis.Flows);
        }

        if (sections.HasFlag(Sections.AzLoss))
        {
            AzLoss(output, plan.Analysis.AzLoss);
        }

        if (sections.HasFlag(Sections.Transit) && plan.Analysis.Analyzer.HasTransitGateway)
        {
            Transit(output, plan.Analysis.Transit);
        }

        if (sections.HasFlag(Sections.Cost))
        {
            Cost(output, plan.Analysis.Cost);
        }

        if (sections.HasFlag(Sections.Policy))
        {
            output.Console.Write(new Rule("[bold]Guard rails[/]").LeftJustified());
            output.Console.Write(new Text(plan.Policy.ToText()));
            output.Console.WriteLine();
        }

        Messages(output, plan);
        trimmed.Flush();
    }

    /// <summary>A console that writes to <paramref name="writer"/>, with or without colour, laid out in <paramref name="width"/> columns.</summary>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool color, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }

    private static void Heading(TextOutput output, string text)
    {
        output.EmptyLine();
        output.Heading(text);
    }

    private static PlanTable NewTable(params string[] headers) => new(headers);

    private static PlanCell Cell(string? text, string? style = null) => new(text ?? "", style);

    private static void Resources(TextOutput output, ResourceTree tree)
    {
        Heading(output, $"Resources ({tree.Count})");
        var table = NewTable("Type", "Name");
        foreach (var (prefix, node) in Labels.TreeLines(tree.Root))
        {
            var component = node.Id is null;
            table.AddRow(Cell(prefix + node.Type, component ? "bold" : null), Cell(node.Name));
        }

        table.Write(output);

        var totals = NewTable("Count", "Type");
        totals.RightAligned(0);
        foreach (var total in tree.Totals)
        {
            totals.AddRow(Cell(total.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell(total.Type));
        }

        totals.AddRow(Cell(tree.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "bold"), Cell("in all", "bold"));
        output.Line(new PlanCell("Totals per type", "bold"));
        totals.Write(output);
    }

    private static void Routes(TextOutput output, RouteTableView view)
    {
        Heading(output, "Route tables");
        foreach (var vpc in view.Subnets.GroupBy(s => s.Subnet.VpcName))
        {
            output.Line(new PlanCell($"VPC {vpc.Key ?? "(unknown)"}", "bold"));
            var table = NewTable("Subnet", "AZ", "CIDR", "Route table", "Destination", "Target", "What");
            foreach (var subnet in vpc)
            {
                var first = true;
                foreach (var route in subnet.Routes)
                {
                    table.AddRow(
                        Cell(first ? subnet.Subnet.Label : "", "bold"),
                        Cell(first ? subnet.Subnet.AvailabilityZone : ""),
                        Cell(first ? subnet.Subnet.CidrBlock : ""),
                        Cell(first ? TableName(subnet.RouteTableId, subnet.RouteTableName, subnet.IsMainTable) : ""),
                        Cell(route.Destination),
                        Cell(route.Target, route.Target == "local" ? "dim" : null),
                        Cell(route.Description, "dim"));
                    first = false;
                }
            }

            table.Write(output);
        }

        foreach (var edge in view.Edges)
        {
            output.Line(
                new PlanCell($"Edge route table of {edge.GatewayName}", "bold"),
                new PlanCell($" ({TableName(edge.RouteTableId, edge.RouteTableName, false)}): where traffic entering from the internet goes"));
            var table = NewTable("Destination", "Target", "What");
            foreach (var route in edge.Routes)
            {
                table.AddRow(Cell(route.Destination), Cell(route.Target, route.Target == "local" ? "dim" : null), Cell(route.Description, "dim"));
            }

            table.Write(output);
        }
    }

    private static string TableName(string id, string? name, bool main) => (name ?? id) + (main ? " (main)" : "");

    private static void Reachability(TextOutput output, IReadOnlyList<Flow> flows)
    {
        Heading(output, "Reachability");
        var first = true;
        foreach (var (title, group) in Labels.FlowGroups(flows))
        {
            if (first)
            {
                // Later groups follow a table, whose layout ends with a blank line.
                output.EmptyLine();
                first = false;
            }

            output.Line(new PlanCell(title, "bold"));
            var notes = Labels.NumberNotes(group);
            var table = NewTable("From", "To", "Reachable", "Path, or why not");
            foreach (var flow in group)
            {
                var inbound = flow.Destination.Kind == FlowKind.FromInternet;
                table.AddRow(
                    Cell(inbound ? "internet" : flow.Source.Label),
                    Cell(inbound ? flow.Source.Label : flow.Destination.Name),
                    Cell(Labels.Verdict(flow.Verdict), VerdictStyle(flow.Verdict)),
                    Cell(flow.Summary + Labels.NoteMarks(flow, notes), flow.Verdict == Verdict.Reachable ? null : "dim"));
            }

            table.Write(output);
            foreach (var (note, number) in notes)
            {
                output.Line(new PlanCell($"  [{number}] {note}", "dim"));
            }

            if (notes.Count > 0)
            {
                output.EmptyLine();
            }
        }
    }

    private static string VerdictStyle(Verdict verdict) => verdict switch
    {
        Verdict.Reachable => "green",
        Verdict.Unreachable => "red",
        _ => "yellow",
    };

    private static void AzLoss(TextOutput output, AzLossReport report)
    {
        Heading(output, "Availability zone loss");
        if (report.Zones.Count <= 1)
        {
            output.Line(new PlanCell(report.Zones.Count == 1
                ? $"The stack uses one AZ ({report.Zones[0].Zone}): losing it loses every flow; there is no other AZ to fall back on."
                : "The stack has no subnets."));
            return;
        }

        foreach (var zone in report.Zones)
        {
            if (zone.Findings.Count == 0)
            {
                output.Line(new PlanCell($"Losing {zone.Zone}", "green"), new PlanCell($": no flow of another AZ loses its path ({zone.FlowsOfOtherZones} checked)."));
                continue;
            }

            output.Line(
                new PlanCell($"Losing {zone.Zone}", "red"),
                new PlanCell($": {Labels.Plural(zone.Findings.Count, "flow")} of other AZs lose their path ({zone.FlowsOfOtherZones} checked)."));
            var table = NewTable("Flow", "Path before", "After the loss");
            foreach (var finding in zone.Findings)
            {
                var flow = finding.Before.Destination.Kind == FlowKind.FromInternet
                    ? $"internet → {finding.Before.Source.Label}"
                    : $"{finding.Before.Source.Label} → {finding.Before.Destination.Name}";
                table.AddRow(Cell(flow), Cell(finding.Before.Summary, "dim"), Cell(finding.After.Reason, "red"));
            }

            table.Write(output);
        }

        if (report.SinglePointsOfFailure.Count > 0)
        {
            output.EmptyLine();
            output.Line(new PlanCell("Single points of failure", "bold"));
            var table = NewTable("AZ", "Resource", "Flows of other AZs that depend on it");
            foreach (var point in report.SinglePointsOfFailure)
            {
                table.AddRow(Cell(point.Zone), Cell(point.Cause, "bold"), Cell(string.Join(", ", point.Flows)));
            }

            table.Write(output);
        }
    }

    private static void Transit(TextOutput output, TransitReport report)
    {
        Heading(output, Labels.TransitTitle);
        if (report.Flows.Count == 0)
        {
            output.Line(new PlanCell(Labels.TransitNoSources));
            return;
        }

        output.Line(new PlanCell(Labels.TransitIntro, "dim"));
        output.EmptyLine();
        var notes = Labels.NumberNotes(report.Flows);
        var table = NewTable("From", "To", "Reachable", "Inspected", "Symmetric", "AZ choices", "Path there, or why not", "Path back");
        foreach (var flow in report.Flows)
        {
            var inbound = flow.Kind == TransitFlowKind.FromInternet;
            table.AddRow(
                Cell(inbound ? "internet" : flow.From),
                Cell(inbound ? flow.From : Labels.TransitDestination(flow)),
                Cell(Labels.Verdict(flow.Verdict), VerdictStyle(flow.Verdict)),
                Cell(inbound ? "" : Labels.Inspection(flow.Inspection), flow.Inspection == InspectionCoverage.BothWays ? null : "yellow"),
                Cell(inbound ? "" : flow.Symmetric ? "yes" : "no", flow.Symmetric || inbound ? null : "yellow"),
                Cell(flow.RoundTrips.Count == 0 ? "" : Labels.ZoneChoices(flow)),
                Cell(Labels.TransitThere(flow) + Labels.NoteMarks(flow, notes), flow.Verdict == Verdict.Reachable ? null : "dim"),
                Cell(inbound ? "" : Labels.TransitBack(flow), "dim"));
        }

        table.Write(output);
        foreach (var (note, number) in notes)
        {
            output.Line(new PlanCell($"  [{number}] {note}", "dim"));
        }

        if (notes.Count > 0)
        {
            output.EmptyLine();
        }

        output.Line(new PlanCell("Availability zone loss across VPCs", "bold"));
        foreach (var zone in report.ZoneLoss)
        {
            output.Line(new PlanCell($"Losing {zone.Zone}", zone.Lost.Count == 0 ? "green" : "red"), new PlanCell(": " + Labels.TransitZoneLine(zone)));
        }
    }

    private static void Cost(TextOutput output, CostEstimate cost)
    {
        Heading(output, $"Monthly cost estimate ({cost.PriceRegion} prices, {cost.Currency}, {cost.HoursPerMonth:0} hours a month)");
        var table = NewTable("Item", "Detail", "Quantity", "Unit price", "Monthly");
        table.RightAligned(2).RightAligned(3).RightAligned(4);
        foreach (var line in cost.Hourly)
        {
            table.AddRow(
                Cell(line.Item),
                Cell(line.Detail, "dim"),
                Cell($"{line.Quantity} × {line.Unit}"),
                Cell(line.PricePerHour is null ? "unknown" : Labels.Rate(line.PricePerHour.Value, "hour", cost.Currency)),
                Cell(Labels.Money(line.Monthly, cost.Currency)));
        }

        table.AddRow(Cell("Fixed monthly", "bold"), Cell(""), Cell(""), Cell(""), Cell(Labels.Money(cost.FixedMonthly, cost.Currency), "bold"));
        table.Write(output);

        if (cost.Usage.Count > 0)
        {
            output.Line(
                new PlanCell("Per-GB charges", "bold"),
                new PlanCell(cost.Usage.Any(u => u.GbPerMonth is not null)
                    ? " (estimated for the volumes given with --gb-per-month)"
                    : " (rates: give volumes with --gb-per-month for estimates)"));
            var usage = NewTable("Item", "Rate", "Volume a month", "Monthly", "How it applies");
            usage.RightAligned(1).RightAligned(2).RightAligned(3);
            foreach (var line in cost.Usage)
            {
                usage.AddRow(
                    Cell(line.Item),
                    Cell(Labels.Rate(line.PricePerGb, "GB", cost.Currency)),
                    Cell(Labels.Gb(line.GbPerMonth)),
                    Cell(Labels.Money(line.Monthly, cost.Currency)),
                    Cell(line.Detail, "dim"));
            }

            usage.Write(output);
        }

        foreach (var saving in cost.Savings)
        {
            var volume = saving.GbPerMonth is null
                ? $"give a volume with --gb-per-month {saving.Service.ToLowerInvariant()}=GB for a monthly figure"
                : $"{Labels.Gb(saving.GbPerMonth)} a month would cost {Labels.Money(saving.Monthly, cost.Currency)} through NAT";
            output.Line(
                new PlanCell($"Saved by the {saving.Service} gateway endpoint", "green"),
                new PlanCell($" ({saving.Endpoint}): {Labels.Rate(saving.PerGb, "GB", cost.Currency)} of NAT data processing, free through the endpoint; {volume}."));
        }

        var total = cost.Usage.Any(u => u.Monthly is not null)
            ? $"Total: {Labels.Money(cost.FixedMonthly, cost.Currency)} fixed + {Labels.Money(cost.UsageMonthly, cost.Currency)} estimated usage = {Labels.Money(cost.TotalMonthly, cost.Currency)} a month"
            : $"Total: {Labels.Money(cost.FixedMonthly, cost.Currency)} a month before per-GB charges";
        output.Line(new PlanCell(total, "bold"));
        output.Line(new PlanCell(
            $"Prices as of {cost.PricesAsOf} from {string.Join("; ", cost.Sources.Select(s => $"{s.Name} ({s.Url})"))}. Data transfer to the internet, flow logs and storage are not included.",
            "dim"));
    }

    private static void Messages(TextOutput output, PlanResult plan)
    {
        if (plan.Warnings.Count == 0 && plan.Analysis.Routing.Problems.Count == 0)
        {
            return;
        }

        Heading(output, "Warnings");
        foreach (var warning in plan.Warnings)
        {
            output.Line(new PlanCell($"warning: {warning}", "yellow"));
        }

        foreach (var problem in plan.Analysis.Routing.Problems)
        {
            output.Line(new PlanCell($"routing problem: {problem}", "red"));
        }
    }
}
