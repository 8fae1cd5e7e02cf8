using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Infra.Model.Analysis;
using Infra.Model.Policy;
using Infra.Model.Routing;
using Infra.Plan.Rendering;
using Infra.Plan.Report;
using Infra.Simulation;
using Spectre.Console;

namespace Infra.Plan.Bench;

/// <summary>The measurements of one topology.</summary>
/// <param name="Topology">Its name.</param>
/// <param name="Description">What it is.</param>
/// <param name="Resources">Resources registered (components included).</param>
/// <param name="Flows">Flows analysed with every AZ up.</param>
/// <param name="FirstMs">The first plan of the topology in this process, whole (run, analysis, text and JSON).</param>
/// <param name="RunMs">Median of the mocked run.</param>
/// <param name="AnalysisMs">Median of the analysis (routing model, reachability, AZ loss, cost, resource tree).</param>
/// <param name="RenderMs">Median of rendering text and JSON.</param>
/// <param name="TotalMs">Median of the whole plan.</param>
/// <param name="AllocatedMb">Median of the memory allocated by one plan.</param>
/// <param name="HeapMb">Live managed heap after a full collection, with the last plan still referenced.</param>
/// <param name="PeakWorkingSetMb">Peak working set of the process so far.</param>
public sealed record BenchResult(
    string Topology, string Description, int Resources, int Flows, double FirstMs, double RunMs, double AnalysisMs, double RenderMs, double TotalMs,
    double AllocatedMb, double HeapMb, double PeakWorkingSetMb);

/// <summary>
/// <c>plan bench</c>: wall time and memory of the mocked run and the analysis for topologies from one AZ without
/// endpoints to about 500 resources, and how they grow; then the whole plan of the project's stack as a process.
/// </summary>
public static class BenchCommand
{
    private const string Region = "eu-west-1";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>The <c>bench</c> subcommand.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var iterations = new Option<int>("--iterations", "-n")
        {
            Description = "Plans per topology after the first (the medians are over these).",
            DefaultValueFactory = _ => 5,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text, markdown (the table of docs/plan.md) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var processRuns = new Option<int>("--process-runs")
        {
            Description = "Times to run the whole tool as a process on the project's stack (0 to skip).",
            DefaultValueFactory = _ => 3,
        };
        var stack = new Option<string>("--stack", "-s")
        {
            Description = "The stack the process runs plan.",
            DefaultValueFactory = _ => "dev",
        };

        var command = new Command("bench", "Measures the plan's wall time and memory for growing topologies (no timed tests: run it by hand).")
        {
            iterations, format, processRuns, stack,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var count = parse.GetValue(iterations);
            if (count < 1)
            {
                await error.WriteLineAsync("--iterations: give 1 or more.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            try
            {
                var results = new List<BenchResult>();
                foreach (var topology in Topologies.All)
                {
                    cancellation.ThrowIfCancellationRequested();
                    results.Add(await MeasureAsync(topology, count).ConfigureAwait(false));
                }

                var process = await MeasureProcessAsync(parse.GetValue(processRuns), parse.GetValue(stack)!, cancellation).ConfigureAwait(false);
                Write(output, parse.GetValue(format)!, results, process, count);
                return ExitCodes.Success;
            }
            catch (PlanException e)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return e.ExitCode;
            }
        });
        return command;
    }

    /// <summary>Plans a topology once (the first plan, with whatever JIT it triggers), then <paramref name="iterations"/> times for the medians.</summary>
    public static async Task<BenchResult> MeasureAsync(Topology topology, int iterations)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var prices = PlanRunner.LoadPrices(PlanRunner.DefaultPricesFile);
        var (first, _) = await PlanOnceAsync(topology, prices).ConfigureAwait(false);
        var samples = new List<Sample>();
        for (var i = 0; i < iterations; i++)
        {
            var (sample, plan) = await PlanOnceAsync(topology, prices).ConfigureAwait(false);
            sample.Plan = i == iterations - 1 ? plan : null;
            samples.Add(sample);
        }

        // What the process holds while the last plan is still referenced: the plan's own objects plus the runtime's.
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(samples[^1].Plan);

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return new BenchResult(
            topology.Name,
            topology.Description,
            first.Resources,
            first.Flows,
            first.Total.TotalMilliseconds,
            Median(samples.Select(s => s.Run.TotalMilliseconds)),
            Median(samples.Select(s => s.Analysis.TotalMilliseconds)),
            Median(samples.Select(s => s.Render.TotalMilliseconds)),
            Median(samples.Select(s => s.Total.TotalMilliseconds)),
            Median(samples.Select(s => s.AllocatedBytes / 1048576.0)),
            heap / 1048576.0,
            self.PeakWorkingSet64 / 1048576.0);
    }

    private sealed record Sample(int Resources, int Flows, TimeSpan Run, TimeSpan Analysis, TimeSpan Render, TimeSpan Total, long AllocatedBytes)
    {
        /// <summary>The plan itself, kept only for the last sample of a topology.</summary>
        public PlanResult? Plan { get; set; }
    }

    private static async Task<(Sample Sample, PlanResult Plan)> PlanOnceAsync(Topology topology, PriceTable prices)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        PlanResult plan;
        if (topology.Program is null)
        {
            var stack = new StackConfig("private-connectivity", ".", topology.Name, "(bench)", Topologies.Config(topology, "private-connectivity", Region));
            plan = await PlanRunner.RunAsync(stack, prices, TrafficVolumes.None, RegionZones.Maximum).ConfigureAwait(false);
        }
        else
        {
            plan = await PlanComposedAsync(topology, prices).ConfigureAwait(false);
        }

        var rendering = Stopwatch.StartNew();
        TextRenderer.Render(plan, Sections.All, TextWriter.Null, color: false, width: 200);
        _ = JsonRenderer.Render(plan, Sections.All);
        var render = rendering.Elapsed;
        var total = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (new Sample(plan.Resources.Count, plan.Analysis.Flows.Count, plan.Timings.Run, plan.Timings.Analysis, render, total, allocated), plan);
    }

    /// <summary>Runs a composed program under the same mocks and analyses it like a stack.</summary>
    private static async Task<PlanResult> PlanComposedAsync(Topology topology, PriceTable prices)
    {
        var mocks = new AwsMocks(Region, topology.AvailabilityZones);
        var clock = Stopwatch.StartNew();
        var simulated = await StackRun.RunProgramAsync(topology.Program!, mocks, "bench", topology.Name).ConfigureAwait(false);
        var records = simulated.Records;
        var run = clock.Elapsed;
        clock.Restart();
        var routing = RoutingModel.Build(records, mocks.PrefixListIds);
        var analysis = NetworkAnalysis.Run(routing, records, prices, Region);
        var tree = ResourceTree.Build($"bench-{topology.Name}", simulated.Nesting);
        var stack = new StackConfig("bench", ".", topology.Name, "(composed)", new Dictionary<string, string> { ["aws:region"] = Region });
        var policy = PolicyEvaluator.Evaluate(new PolicyContext(records, routing));
        return new PlanResult(stack, Region, analysis.Analyzer.AvailabilityZones, tree, analysis, policy, [], new PlanTimings(run, clock.Elapsed));
    }

    private sealed record ProcessResult(string Stack, int Runs, double MedianMs, double MinMs, string? Skipped);

    /// <summary>Runs the tool as a process on the project's stack and times it from start to exit.</summary>
    private static async Task<ProcessResult> MeasureProcessAsync(int runs, string stack, CancellationToken cancellation)
    {
        if (runs <= 0)
        {
            return new ProcessResult(stack, 0, 0, 0, "not asked for");
        }

        string directory;
        try
        {
            directory = StackFiles.FindProjectDirectory(Directory.GetCurrentDirectory());
        }
        catch (PlanException)
        {
            return new ProcessResult(stack, 0, 0, 0, "no Pulumi.yaml in or above the current directory");
        }

        var host = Environment.ProcessPath;
        if (host is null)
        {
            return new ProcessResult(stack, 0, 0, 0, "the process path is unknown");
        }

        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            arguments.Add(typeof(BenchCommand).Assembly.Location);
        }

        arguments.AddRange(["--stack", stack, "--cwd", directory, "--no-color"]);
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo(host, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            var clock = Stopwatch.StartNew();
            using var child = Process.Start(start) ?? throw new PlanException("Cannot start the plan as a process.");
            var stdout = child.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = child.StandardError.ReadToEndAsync(cancellation);
            await child.WaitForExitAsync(cancellation).ConfigureAwait(false);
            times.Add(clock.Elapsed.TotalMilliseconds);
            _ = await stdout.ConfigureAwait(false);
            var errors = await stderr.ConfigureAwait(false);
            if (child.ExitCode != 0)
            {
                return new ProcessResult(stack, 0, 0, 0, $"the plan of stack {stack} exited with {child.ExitCode}: {errors.Trim()}");
            }
        }

        return new ProcessResult(stack, runs, Median(times), times.Min(), null);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string F(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>How time grows with size between the smallest and the largest topology: the exponent k of time ∝ resources^k.</summary>
    private static double Exponent(BenchResult small, BenchResult large, Func<BenchResult, double> time) =>
        small.Resources == large.Resources || time(small) <= 0 ? 0 : Math.Log(time(large) / time(small)) / Math.Log((double)large.Resources / small.Resources);

    private static void Write(TextWriter output, string format, List<BenchResult> results, ProcessResult process, int iterations)
    {
        var small = results[0];
        var large = results[^1];
        var growth = $"Growth from {small.Resources} to {large.Resources} resources: run time ∝ resources^{F(Exponent(small, large, r => r.RunMs), 2)}, " +
            $"analysis ∝ resources^{F(Exponent(small, large, r => r.AnalysisMs), 2)}, whole plan ∝ resources^{F(Exponent(small, large, r => r.TotalMs), 2)}.";
        var processLine = process.Skipped is not null
            ? $"Whole process on stack {process.Stack}: skipped ({process.Skipped})."
            : $"Whole process on stack {process.Stack} (start, read files, run, analyse, print text, exit): median {F(process.MedianMs, 0)} ms, fastest {F(process.MinMs, 0)} ms over {process.Runs} runs.";
        var environment = $".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(Debugger.IsAttached ? "debugger attached" : BuildConfiguration())} build, {iterations} plans per topology after the first.";

        switch (format)
        {
            case "json":
                output.Write(JsonSerializer.Serialize(
                    new { environment, results, process, growth },
                    JsonOptions) + "\n");
                return;
            case "markdown":
                var md = new StringBuilder();
                md.AppendLine("| Topology | Resources | Flows | First plan (ms) | Run (ms) | Analysis (ms) | Render (ms) | Plan (ms) | Allocated (MB) | Live heap (MB) | Peak working set (MB) |");
                md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
                foreach (var r in results)
                {
                    md.AppendLine($"| {r.Topology} | {r.Resources} | {r.Flows} | {F(r.FirstMs)} | {F(r.RunMs)} | {F(r.AnalysisMs)} | {F(r.RenderMs)} | {F(r.TotalMs)} | {F(r.AllocatedMb)} | {F(r.HeapMb)} | {F(r.PeakWorkingSetMb)} |");
                }

                md.AppendLine().AppendLine(growth).AppendLine().AppendLine(processLine).AppendLine().AppendLine(environment);
                output.Write(md.ToString());
                return;
            default:
                var console = TextRenderer.CreateConsole(output, color: false, width: 200);
                var table = new Table().Border(TableBorder.Minimal);
                foreach (var header in new[] { "Topology", "Resources", "Flows", "First plan ms", "Run ms", "Analysis ms", "Render ms", "Plan ms", "Alloc MB", "Live heap MB", "Peak WS MB" })
                {
                    table.AddColumn(new TableColumn(header).RightAligned());
                }

                table.Columns[0].LeftAligned();
                foreach (var r in results)
                {
                    table.AddRow(r.Topology, r.Resources.ToString(CultureInfo.InvariantCulture), r.Flows.ToString(CultureInfo.InvariantCulture), F(r.FirstMs), F(r.RunMs), F(r.AnalysisMs), F(r.RenderMs), F(r.TotalMs), F(r.AllocatedMb), F(r.HeapMb), F(r.PeakWorkingSetMb));
                }

                console.Write(table);
                foreach (var r in results)
                {
                    console.WriteLine($"{r.Topology}: {r.Description}");
                }

                console.WriteLine();
                console.WriteLine(growth);
                console.WriteLine(processLine);
                console.WriteLine(environment);
                return;
        }
    }

    private static string BuildConfiguration()
    {
        var debuggable = typeof(BenchCommand).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().FirstOrDefault();
        return debuggable?.IsJITOptimizerDisabled == true ? "Debug" : "Release";
    }
}
