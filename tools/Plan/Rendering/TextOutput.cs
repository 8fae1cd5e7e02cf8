using System.Text;
using Spectre.Console;

namespace Infra.Plan.Rendering;

/// <summary>
/// Where the text plan goes: headings, lines of styled parts and tables. With colour everything is laid out by
/// Spectre.Console. Without colour, what needs no layout beyond cutting long lines at spaces is written directly, in
/// the characters Spectre writes for it (<c>tests/Plan.Tests/TextOutputTests.cs</c> compares the two), so that a
/// plain plan neither starts Spectre nor pays for its layout; anything else falls back to Spectre.
/// </summary>
internal sealed class TextOutput(TextWriter writer, bool color, int width)
{
    private IAnsiConsole? _console;

    /// <summary>The Spectre console on the same writer, created on first use.</summary>
    public IAnsiConsole Console => _console ??= TextRenderer.CreateConsole(writer, color, width);

    /// <summary>Whether the output is coloured.</summary>
    public bool Color => color;

    /// <summary>The width to lay out in.</summary>
    public int Width => width;

    /// <summary>The writer, for text written directly.</summary>
    public TextWriter Writer => writer;

    /// <summary>An empty line.</summary>
    public void EmptyLine()
    {
        if (color)
        {
            Console.WriteLine();
        }
        else
        {
            writer.Write('\n');
        }
    }

    /// <summary>A heading: a rule with the title on its left, in bold and with a grey rule in colour.</summary>
    public void Heading(string title)
    {
        // "── title ───…" filling the width, as Spectre draws a left-justified rule when the title fits.
        const int Frame = 4;
        if (!color && TextLayout.IsPlain(title) && title.Length + Frame + 2 <= width)
        {
            writer.Write(new StringBuilder(width + 1).Append("── ").Append(title).Append(' ').Append('─', width - title.Length - Frame).Append('\n'));
            return;
        }

        Console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified().RuleStyle(Style.Parse("grey")));
    }

    /// <summary>One line made of parts, each with its style (or none), wrapped at spaces to the width.</summary>
    public void Line(params PlanCell[] parts)
    {
        if (!color)
        {
            var text = string.Concat(parts.Select(p => p.Text));
            if (TextLayout.TryWrap(text, width) is { } wrapped)
            {
                writer.Write(wrapped);
                return;
            }
        }

        var markup = new StringBuilder();
        foreach (var part in parts)
        {
            markup.Append(part.Style is null ? Markup.Escape(part.Text) : $"[{part.Style}]{Markup.Escape(part.Text)}[/]");
        }

        Console.Write(new Markup(markup.ToString()));
        Console.WriteLine();
    }
}

/// <summary>Plain text layout that reproduces Spectre.Console's for text of one terminal column per character.</summary>
internal static class TextLayout
{
    /// <summary>
    /// True for text that is one terminal column per character and one line: printable Latin, general punctuation,
    /// arrows, mathematical operators and box drawing; anything else is measured by Spectre.
    /// </summary>
    public static bool IsPlain(string text)
    {
        foreach (var c in text)
        {
            var plain = c is (>= ' ' and < '\u007f') or (>= '\u00a0' and < '\u0300')
                or (>= '\u2010' and <= '\u2027') or (>= '\u2190' and <= '\u22ff') or (>= '\u2500' and <= '\u257f');
            if (!plain)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The text as lines of at most <paramref name="width"/> columns, each ending in a line feed, cut at single spaces
    /// as Spectre wraps a paragraph; null when Spectre's layout is needed (characters that are not one column,
    /// a word longer than the width, or runs of spaces in text that must be cut).
    /// </summary>
    public static string? TryWrap(string text, int width)
    {
        if (!IsPlain(text))
        {
            return null;
        }

        if (text.Length <= width)
        {
            return text + "\n";
        }

        if (text.StartsWith(' ') || text.EndsWith(' ') || text.Contains("  ", StringComparison.Ordinal))
        {
            return null;
        }

        var lines = new StringBuilder(text.Length + 8);
        var lineLength = 0;
        foreach (var word in text.Split(' '))
        {
            if (word.Length > width)
            {
                return null;
            }

            if (lineLength > 0 && lineLength + 1 + word.Length > width)
            {
                lines.Append('\n');
                lineLength = 0;
            }

            if (lineLength > 0)
            {
                lines.Append(' ');
                lineLength++;
            }

            lines.Append(word);
            lineLength += word.Length;
        }

        return lines.Append('\n').ToString();
    }
}
