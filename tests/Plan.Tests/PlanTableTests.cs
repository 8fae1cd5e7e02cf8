using Infra.Plan.Rendering;
using Infra.Plan.Tests.Support;

namespace Infra.Plan.Tests;

/// <summary>The text plan's tables written directly are character for character what Spectre.Console lays out.</summary>
public class PlanTableTests
{
    [Theory]
    [InlineData(180)]
    [InlineData(1000)]
    public async Task The_reachability_rows_of_the_dev_stack_come_out_as_spectre_writes_them(int width)
    {
        var plan = await PlanRunner.RunAsync(new PlanRequest(Repo.Root, "dev"));
        var table = new PlanTable("From", "To", "Reachable", "Path, or why not");
        foreach (var flow in plan.Analysis.Flows)
        {
            table.AddRow(new(flow.Source.Label), new(flow.Destination.Name), new(flow.Verdict.ToString(), "green"), new(flow.Summary, "dim"));
        }

        Assert.Equal(Spectre(table, width), Plain(table, width));
    }

    [Fact]
    public void Right_aligned_columns_empty_cells_and_tree_prefixes_come_out_as_spectre_writes_them()
    {
        var table = new PlanTable("Item", "Detail", "Quantity", "Monthly").RightAligned(2).RightAligned(3);
        table.AddRow(new("pulumi:pulumi:Stack", "bold"), new(""), new("1 × NAT gateway"), new("$32.85"));
        table.AddRow(new("│  ├─ aws:ec2/route:Route"), new("0.0.0.0/0 → igw", "dim"), new(""), new("$0.00"));
        table.AddRow(new("└─ x"), new("émigré ≥ 2 — ok"), new("12"), new(""));
        table.AddRow(new(" leading"), new("trailing "), new("two  spaces"), new(" 1 "));

        Assert.Equal(Spectre(table, 80), Plain(table, 80));
    }

    [Fact]
    public void A_table_without_rows_comes_out_as_spectre_writes_it()
    {
        var table = new PlanTable("Flow", "Path before", "After the loss").RightAligned(1);

        Assert.Equal(Spectre(table, 80), Plain(table, 80));
    }

    [Fact]
    public void A_table_that_fits_exactly_is_written_directly_and_one_column_less_leaves_it_to_spectre()
    {
        var table = new PlanTable("A", "B");
        table.AddRow(new("abcdefghij"), new("klmnopqrst uvw"));

        // Two edges, one separator and a space either side of each cell: 7 columns around 10 + 14.
        Assert.Equal(Spectre(table, 31), Plain(table, 31));
        Assert.False(table.TryWritePlain(TextWriter.Null, 30));
        Assert.DoesNotContain("klmnopqrst uvw", Spectre(table, 30), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_whose_terminal_width_is_not_one_column_per_character_is_left_to_spectre()
    {
        var wide = new PlanTable("A");
        wide.AddRow(new PlanCell("東京"));
        var lines = new PlanTable("A");
        lines.AddRow(new PlanCell("one\ntwo"));

        Assert.False(wide.TryWritePlain(TextWriter.Null, 180));
        Assert.False(lines.TryWritePlain(TextWriter.Null, 180));
    }

    private static string Spectre(PlanTable table, int width)
    {
        using var output = new StringWriter();
        using (var trimmed = new TrimmingWriter(output))
        {
            TextRenderer.CreateConsole(trimmed, color: false, width).Write(table.ToSpectre());
        }

        return output.ToString();
    }

    private static string Plain(PlanTable table, int width)
    {
        using var output = new StringWriter();
        using (var trimmed = new TrimmingWriter(output))
        {
            Assert.True(table.TryWritePlain(trimmed, width), "the table was expected to fit");
        }

        return output.ToString();
    }
}
