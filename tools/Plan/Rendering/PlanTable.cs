using System.Text;
using Spectre.Console;

namespace Infra.Plan.Rendering;

/// <summary>One cell of a <see cref="PlanTable"/>: its text and, for colour output, its Spectre style.</summary>
/// <param name="Text">The text.</param>
/// <param name="Style">The style (<c>bold</c>, <c>dim</c>, a colour), or null.</param>
internal readonly record struct PlanCell(string Text, string? Style = null);

/// <summary>
/// A table of the text plan, in Spectre.Console's minimal border. Spectre lays a table out in time that grows steeply
/// with its cells (a 3,000-flow reachability table took most of a large plan's time), so a table without colour
/// whose columns fit the width unwrapped is written here directly, in the same characters Spectre writes for it
/// (<c>tests/Plan.Tests/PlanTableTests.cs</c> compares the two); anything else (colour, wrapping, characters whose
/// terminal width is not one column) is laid out by Spectre.
/// </summary>
internal sealed class PlanTable(params string[] headers)
{
    private readonly bool[] _rightAligned = new bool[headers.Length];
    private readonly List<PlanCell[]> _rows = [];

    /// <summary>Aligns a column's cells to the right.</summary>
    public PlanTable RightAligned(int column)
    {
        _rightAligned[column] = true;
        return this;
    }

    /// <summary>Adds a row, one cell per column.</summary>
    public void AddRow(params PlanCell[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row of {cells.Length} cells in a table of {headers.Length} columns.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table.</summary>
    public void Write(TextOutput output)
    {
        if (output.Color || !TryWritePlain(output.Writer, output.Width))
        {
            output.Console.Write(ToSpectre());
        }
    }

    /// <summary>The same table as a Spectre.Console widget.</summary>
    public Table ToSpectre()
    {
        var table = new Table().Border(TableBorder.Minimal).BorderStyle(Style.Parse("grey"));
        for (var i = 0; i < headers.Length; i++)
        {
            var column = new TableColumn(new Markup($"[bold]{Markup.Escape(headers[i])}[/]"));
            table.AddColumn(_rightAligned[i] ? column.RightAligned() : column);
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(cell => cell.Style is null ? new Text(cell.Text) : new Text(cell.Text, Style.Parse(cell.Style))));
        }

        return table;
    }

    /// <summary>
    /// Writes the table without colour when every column fits at its widest cell: Spectre then neither wraps nor
    /// pads, and its minimal border is a space at each edge, one space of padding either side of a cell, <c>│</c>
    /// between cells, <c>┼</c> on the rule under the header (drawn only when there are rows), and a blank line
    /// above and below.
    /// </summary>
    /// <returns>False, having written nothing, when the table needs Spectre's layout.</returns>
    internal bool TryWritePlain(TextWriter writer, int width)
    {
        var widths = new int[headers.Length];
        for (var i = 0; i < headers.Length; i++)
        {
            if (!TextLayout.IsPlain(headers[i]))
            {
                return false;
            }

            widths[i] = headers[i].Length;
        }

        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (!TextLayout.IsPlain(row[i].Text))
                {
                    return false;
                }

                widths[i] = Math.Max(widths[i], row[i].Text.Length);
            }
        }

        // Edges, a separator between columns and a space of padding on each side of every cell.
        var frame = 2 + (headers.Length - 1) + (2 * headers.Length);
        if (widths.Sum() > width - frame)
        {
            return false;
        }

        var line = new StringBuilder(widths.Sum() + frame + 1);
        writer.Write('\n');
        WriteRow(writer, line, widths, headers);
        if (_rows.Count > 0)
        {
            line.Clear().Append(' ');
            for (var i = 0; i < widths.Length; i++)
            {
                line.Append(i == 0 ? "" : "┼").Append('─', widths[i] + 2);
            }

            writer.Write(line.Append(" \n"));
        }
        var cells = new string[headers.Length];
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                cells[i] = row[i].Text;
            }

            WriteRow(writer, line, widths, cells);
        }

        writer.Write('\n');
        return true;
    }

    private void WriteRow(TextWriter writer, StringBuilder line, int[] widths, string[] cells)
    {
        line.Clear().Append(' ');
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(i == 0 ? " " : "│ ");
            var padding = widths[i] - cells[i].Length;
            if (_rightAligned[i])
            {
                line.Append(' ', padding).Append(cells[i]);
            }
            else
            {
                line.Append(cells[i]).Append(' ', padding);
            }

            line.Append(' ');
        }

        writer.Write(line.Append(" \n"));
    }
}
