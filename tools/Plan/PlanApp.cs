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
        ["cost"] = Sections.Cost,
        ["policy"] = Sections.Policy,
    };

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
        var root = Build(output, error, terminalWidth);
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false })
            .ConfigureAwait(false);
    }

    private static RootCommand Build(TextWriter output, TextWriter error, int? terminalWidth)
    {
        var stack = new Option<string?>("--stack", "-s")
        {
            Description = "The stack to plan: reads Pulumi.<stack>.yaml beside Pulumi.yaml. Default: the only stack file there is.",
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
        };
        format.AcceptOnlyFromAmong([.. Formats]);
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
        var zones = new Option<int?>("--availability-zones")
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
        var width = new Option<int?>("--width")
        {
            Description = "Lay text tables out in this many columns. Default: the terminal's width, or 180 when not a terminal.",
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
            try
            {
                var request = new PlanRequest(
                    parse.GetValue(cwd)!,
                    parse.GetValue(stack),
                    parse.GetValue(stackFile),
                    parse.GetValue(prices),
                    ParseVolumes(parse.GetValue(volumes)),
                    CheckZones(parse.GetValue(zones)));
                var sections = ParseSections(parse.GetValue(section)) | (parse.GetValue(policy) ? Sections.Policy : Sections.None);
                var plan = await PlanRunner.RunAsync(request).ConfigureAwait(false);
                var file = parse.GetValue(outputFile);
                var colour = file is null && terminalWidth is not null && !parse.GetValue(noColor) &&
                    string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
                var columns = parse.GetValue(width) ?? (file is null ? terminalWidth : null) ?? 180;
                await WriteAsync(plan, parse.GetValue(format)!, sections, file, output, colour, columns, cancellation).ConfigureAwait(false);
                return sections.HasFlag(Sections.Policy) && !plan.Policy.Passed ? ExitCodes.PolicyFailed : ExitCodes.Success;
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
                await error.WriteLineAsync($"The plan failed unexpectedly ({e.GetType().Name}): {e.Message}").ConfigureAwait(false);
                return ExitCodes.InternalError;
            }
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

        try
        {
            return TrafficVolumes.Parse(text);
        }
        catch (FormatException e)
        {
            throw PlanException.Usage($"--gb-per-month: {e.Message}");
        }
    }

    private static int? CheckZones(int? zones) => zones is null or (>= 1 and <= RegionZones.Maximum)
        ? zones
        : throw PlanException.Usage($"--availability-zones: {zones} is not a number of AZs from 1 to {RegionZones.Maximum}.");

    private static Sections ParseSections(string? text)
    {
        if (text is null)
        {
            return Sections.All;
        }

        var sections = Sections.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            sections |= SectionNames.TryGetValue(name.ToLowerInvariant(), out var one)
                ? one
                : throw PlanException.Usage($"--section: '{name}' is not a section; use {string.Join(", ", SectionNames.Keys)}.");
        }

        return sections == Sections.None ? Sections.All : sections;
    }
}
