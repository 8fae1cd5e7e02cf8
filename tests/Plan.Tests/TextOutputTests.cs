using Infra.Plan.Rendering;
using Infra.Plan.Tests.Support;
using Spectre.Console;

namespace Infra.Plan.Tests;

/// <summary>Lines and headings of the plain text plan, written directly, are character for character what Spectre.Console writes.</summary>
public class TextOutputTests
{
    public static TheoryData<int> Widths => [40, 47, 60, 80, 99, 120, 180, 1000];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Long_lines_of_the_dev_stack_are_cut_where_spectre_cuts_them(int width)
    {
        var plan = await PlanRunner.RunAsync(new PlanRequest(Repo.Root, "dev"));
        var cost = plan.Analysis.Cost;
        var lines = new List<string>
        {
            $"Prices as of {cost.PricesAsOf} from {string.Join("; ", cost.Sources.Select(s => $"{s.Name} ({s.Url})"))}. Data transfer to the internet, flow logs and storage are not included.",
            Labels.MockedRunNote,
            Labels.Title(plan),
            "a b c",
            new string('x', width),
            new string('y', width - 2) + " z",
        };
        lines.AddRange(plan.Analysis.Flows.SelectMany(f => f.Notes));

        var written = 0;
        foreach (var line in lines.Distinct(StringComparer.Ordinal))
        {
            if (TextLayout.TryWrap(line, width) is { } wrapped)
            {
                Assert.Equal(Spectre(console => console.Write(new Text(line)), width, newLine: true), Trimmed(wrapped));
                written++;
            }
        }

        Assert.True(written >= 4, $"only {written} lines were written directly");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Headings_are_the_rules_spectre_draws(int width)
    {
        foreach (var title in new[] { "Reachability", "Monthly cost estimate (eu-west-1 prices, USD, 730 hours a month)" })
        {
            using var output = new StringWriter();
            using (var trimmed = new TrimmingWriter(output))
            {
                new TextOutput(trimmed, color: false, width).Heading(title);
            }

            Assert.Equal(Spectre(console => console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified()), width, newLine: false), output.ToString());
        }
    }

    [Fact]
    public void Text_that_needs_spectre_is_left_to_it()
    {
        Assert.Null(TextLayout.TryWrap("東京", 80));
        Assert.Null(TextLayout.TryWrap(new string('x', 41), 40));
        Assert.Null(TextLayout.TryWrap("  [1] " + new string('x', 30) + " " + new string('y', 30), 40));
        Assert.Equal("  [1] note\n", TextLayout.TryWrap("  [1] note", 40));
    }

    private static string Spectre(Action<IAnsiConsole> write, int width, bool newLine)
    {
        using var output = new StringWriter();
        using (var trimmed = new TrimmingWriter(output))
        {
            var console = TextRenderer.CreateConsole(trimmed, color: false, width);
            write(console);
            if (newLine)
            {
                console.WriteLine();
            }
        }

        return output.ToString();
    }

    private static string Trimmed(string text)
    {
        using var output = new StringWriter();
        using (var trimmed = new TrimmingWriter(output))
        {
            trimmed.Write(text);
        }

        return output.ToString();
    }
}
