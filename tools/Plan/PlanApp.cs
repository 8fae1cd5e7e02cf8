using System.CommandLine;
using Infra.Model.Analysis;
using Infra.Plan.Bench;
using Infra.Plan.Rendering;
using Infra.Plan.Report;

namespace Infra.Plan;

/// <summary>The command line of the plan tool: <c>plan [options]</c> and <c>plan bench [options]</c>.</summary>
public static class PlanApp
{
    /// <summary>The formats of <c>--format</c>.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["text", "json", "markdown", "dot"];

    /// <summary>The names of <c>--section</c>, in the order the plan shows them.</summary>
    public static IReadOnlyDictionary<string, Sections> SectionNames { get; } = new Dictionary<string, Sections>(StringComparer.Ordinal)
    {
        ["resources"] = Sections.Resources,
        ["routes"] = Sections.Routes,
        ["reachability"] = Sections.Reachability,
        ["az-loss"] = Sections.AzLoss,
        ["transit"] = Sections.Transit,
        ["cost"] = Sections.Cost,
        ["policy"] = Sections.Policy,
    };

    /// <summary>The narrowest <c>--width</c>: narrower, the tables' columns wrap a word to a line.</summary>
    public const int MinimumWidth = 40;

    /// <summary>The widest <c>--width</c>: wider adds nothing but padding to the rules between sections.</summary>
    public const int MaximumWidth = 1000;

    /// <summary>The width text tables are laid out in when the output is not a terminal and no <c>--width</c> is given.</summary>
    public const int DefaultWidth = 180;

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the plan goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="terminalWidth">The terminal's width when <paramref name="output"/> is one (colour is then allowed); null otherwise.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, int? terminalWidth = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var root = Build(output, error, terminalWidth);
            var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parsed.Errors.Count > 0)
            {
                await error.WriteLineAsync(CommandLineErrors.Describe(parsed)).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false })
                .ConfigureAwait(false);
        }
        catch (PlanException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return e.ExitCode;
        }
#pragma warning disable CA1031 // The tool reports any failure as one line and an exit code, never as a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync(Unexpected(e)).ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The one line for a failure of the tool itself (exit code 3).</summary>
    internal static string Unexpected(Exception e) =>
        $"The plan failed unexpectedly ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ").Trim()}";

    private static RootCommand Build(TextWriter output, TextWriter error, int? terminalWidth)
    {
        var stack = new Option<string?>("--stack", "-s")
        {
            Description = "The stack to plan: reads Pulumi.<stack>.yaml beside Pulumi.yaml. Default: the only stack file there is.",
            HelpName = "name",
        };
        var stackFile = new Option<string?>("--stack-file")
        {
            Description = "Plan this stack file instead of Pulumi.<stack>.yaml.",
            HelpName = "path",
        };
        var cwd = new Option<string>("--cwd", "-C")
        {
            Description = "Where to look for Pulumi.yaml (this directory or the nearest parent that has one).",
            DefaultValueFactory = _ => Directory.GetCurrentDirectory(),
            HelpName = "directory",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (aligned tables), json (see docs/plan.md for the schema), markdown, or dot (Graphviz diagram).",
            DefaultValueFactory = _ => "text",
            HelpName = string.Join("|", Formats),
        };
        var section = new Option<string?>("--section")
        {
            Description = $"Only these sections, comma-separated: {string.Join(", ", SectionNames.Keys)}. Default: all.",
            HelpName = "list",
        };
        var volumes = new Option<string?>("--gb-per-month")
        {
            Description = $"Monthly traffic in GB for the per-GB charges, e.g. nat=500,interface=100,gwlb=1000,s3=2000; keys: {string.Join(", ", TrafficVolumes.Keys)}.",
            HelpName = "key=GB,...",
        };
        var prices = new Option<string?>("--prices")
        {
            Description = "A price table to use instead of the one shipped with the tool (prices/aws-network-prices.json).",
            HelpName = "path",
        };
        var zones = new Option<string?>("--availability-zones")
        {
            Description = $"How many AZs the mocked region offers (1 to {RegionZones.Maximum}). Default: the region's count when known, else {RegionZones.Maximum}.",
            HelpName = "count",
        };
        var outputFile = new Option<string?>("--output", "-o")
        {
            Description = "Write the plan to this file instead of the standard output.",
            HelpName = "path",
        };
        var noColor = new Option<bool>("--no-color")
        {
            Description = "No colour, even on a terminal (NO_COLOR in the environment does the same).",
        };
        var width = new Option<string?>("--width")
        {
            Description = $"Lay text tables out in this many columns, {MinimumWidth} to {MaximumWidth}. Default: the terminal's width, or {DefaultWidth} when not a terminal.",
            HelpName = "columns",
        };

        var policy = new Option<bool>("--policy")
        {
            Description = "Also check the guard rails (docs/guard-rails.md) and exit with code 4 if a rule fails that no waiver covers.",
        };
        var root = new RootCommand(
            "Plans a stack offline: runs the program under mocks with the stack's configuration and shows the resources, every " +
            "subnet's routes, what can reach what, what losing an availability zone breaks, and a monthly cost estimate. " +
            "No AWS account or credentials are used.")
        {
            stack, stackFile, cwd, format, section, volumes, prices, zones, outputFile, noColor, width, policy,
        };

        root.SetAction(async (parse, cancellation) =>
        {
            // Every value is checked before the stack is read, so a mistake on the command line costs no plan.
            var chosenFormat = CommandLineErrors.OneOf("--format", parse.GetValue(format)!, Formats);
            var sections = ParseSections(parse.GetValue(section)) | (parse.GetValue(policy) ? Sections.Policy : Sections.None);
            var request = new PlanRequest(
                parse.GetValue(cwd)!,
                parse.GetValue(stack),
                parse.GetValue(stackFile),
                parse.GetValue(prices),
                ParseVolumes(parse.GetValue(volumes)),
                CommandLineErrors.WholeNumber("--availability-zones", parse.GetValue(zones), 1, RegionZones.Maximum, "a number of AZs"),
                Priced: sections.HasFlag(Sections.Cost));
            var file = parse.GetValue(outputFile);
            var columns = CommandLineErrors.WholeNumber("--width", parse.GetValue(width), MinimumWidth, MaximumWidth, "a number of columns")
                ?? (file is null && terminalWidth is not null ? Math.Clamp(terminalWidth.Value, MinimumWidth, MaximumWidth) : DefaultWidth);
            var colour = file is null && terminalWidth is not null && !parse.GetValue(noColor) &&
                string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            var plan = await PlanRunner.RunAsync(request).ConfigureAwait(false);
            await WriteAsync(plan, chosenFormat, sections, file, output, colour, columns, cancellation).ConfigureAwait(false);
            return sections.HasFlag(Sections.Policy) && !plan.Policy.Passed ? ExitCodes.PolicyFailed : ExitCodes.Success;
        });

        root.Subcommands.Add(BenchCommand.Build(output, error));
        return root;
    }

    private static async Task WriteAsync(
        PlanResult plan, string format, Sections sections, string? file, TextWriter output, bool colour, int columns, CancellationToken cancellation)
    {
        var writer = output;
        StreamWriter? opened = null;
        if (file is not null)
        {
            try
            {
                opened = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
            {
                throw PlanException.Input($"Cannot write {file}: {e.Message}");
            }

            writer = opened;
        }

        try
        {
            switch (format)
            {
                case "json":
                    await writer.WriteAsync(JsonRenderer.Render(plan, sections).AsMemory(), cancellation).ConfigureAwait(false);
                    break;
                case "markdown":
                    await writer.WriteAsync(MarkdownRenderer.Render(plan, sections).AsMemory(), cancellation).ConfigureAwait(false);
                    break;
                case "dot":
                    await writer.WriteAsync(DotRenderer.Render(plan).AsMemory(), cancellation).ConfigureAwait(false);
                    break;
                default:
                    TextRenderer.Render(plan, sections, writer, colour, columns);
                    break;
            }

            await writer.FlushAsync(cancellation).ConfigureAwait(false);
        }
        finally
        {
            if (opened is not null)
            {
                await opened.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static TrafficVolumes ParseVolumes(string? text)
    {
        if (text is null)
        {
            return TrafficVolumes.None;
        }

        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Only the hint for a mistyped key: TrafficVolumes.Parse reads the volumes, keys in any case.
            var key = pair.Split('=')[0].Trim();
            if (!TrafficVolumes.Keys.Contains(key.ToLowerInvariant()) && CommandLineErrors.Closest(key, TrafficVolumes.Keys) is { } closest)
            {
                throw PlanException.Usage($"--gb-per-month: '{pair}' has no key {key}; the closest is {closest} (keys: {string.Join(", ", TrafficVolumes.Keys)}).");
            }
        }

        try
        {
            return TrafficVolumes.Parse(text);
        }
        catch (FormatException e)
        {
            throw PlanException.Usage($"--gb-per-month: {e.Message}");
        }
    }

    private static Sections ParseSections(string? text)
    {
        if (text is null)
        {
            return Sections.All;
        }

        var sections = Sections.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            sections |= SectionNames[CommandLineErrors.OneOf("--section", name, [.. SectionNames.Keys])];
        }

        return sections == Sections.None ? Sections.All : sections;
    }
}
