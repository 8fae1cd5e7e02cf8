using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Infra.Model.Analysis;
using Infra.Model.Policy;
using Infra.Model.Routing;
using Infra.Plan.Rendering;
using Infra.Plan.Report;
using Infra.Simulation;
using Spectre.Console;

namespace Infra.Plan.Bench;

/// <summary>Wall times of fresh processes, from start to exit.</summary>
/// <param name="Runs">How many processes were timed (0 when skipped).</param>
/// <param name="MedianMs">Their median.</param>
/// <param name="MinMs">The fastest.</param>
/// <param name="Skipped">Why they were not timed, when they were not.</param>
/// <param name="CpuMedianMs">The median processor time (user and system) they used, where the system tells it: unlike the wall time, other work on the machine barely changes it.</param>
public sealed record ProcessTimes(int Runs, double MedianMs, double MinMs, string? Skipped = null, double? CpuMedianMs = null)
{
    /// <summary>Not timed, for the reason given.</summary>
    public static ProcessTimes Skip(string reason) => new(0, 0, 0, reason);
}

/// <summary>The measurements of one topology.</summary>
/// <param name="Topology">Its name.</param>
/// <param name="Description">What it is.</param>
/// <param name="Resources">Resources registered (components included).</param>
/// <param name="Flows">Flows analysed with every AZ up.</param>
/// <param name="Cold">A fresh process that plans the topology once and prints the text plan, start to exit.</param>
/// <param name="FirstMs">The first plan of the topology in the benchmark's own process, whole (run, analysis, text and JSON); only the first topology's is a cold JIT.</param>
/// <param name="RunMs">Median of the mocked run, warm.</param>
/// <param name="AnalysisMs">Median of the analysis (routing model, reachability, AZ loss, cost, resource tree), warm.</param>
/// <param name="RenderMs">Median of rendering text and JSON, warm.</param>
/// <param name="TotalMs">Median of the whole plan, warm.</param>
/// <param name="AllocatedMb">Median of the memory allocated by one plan.</param>
/// <param name="HeapMb">Live managed heap after a full collection, with the last plan still referenced.</param>
/// <param name="PeakWorkingSetMb">Peak working set of the benchmark's process so far.</param>
public sealed record BenchResult(
    string Topology, string Description, int Resources, int Flows, ProcessTimes Cold, double FirstMs, double RunMs, double AnalysisMs, double RenderMs,
    double TotalMs, double AllocatedMb, double HeapMb, double PeakWorkingSetMb);

/// <summary>The README's command and its times.</summary>
public sealed record ReadmeCommandTimes(string Command, ProcessTimes Times);

/// <summary>The benchmark as <c>--format json</c> writes it.</summary>
public sealed record BenchReport(string Environment, ProcessTimes Floor, IReadOnlyList<BenchResult> Results, ReadmeCommandTimes Readme, string Growth);

/// <summary>The benchmark's JSON, generated at compile time: camelCase names, indented.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchReportJson : JsonSerializerContext;

/// <summary>
/// <c>plan bench</c>: for topologies from one AZ without endpoints to about 500 resources, the whole plan as a fresh
/// process (cold) beside a .NET hello world measured in the same run, and wall time and memory of the mocked run, the
/// analysis and rendering in one process (warm), and how they grow; then the README's command as a process.
/// </summary>
public static class BenchCommand
{
    private const string Region = "eu-west-1";

    private const int MaximumRuns = 1000;

    private static readonly string[] BenchFormats = ["text", "markdown", "json"];

    /// <summary>The <c>bench</c> subcommand.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var iterations = new Option<string?>("--iterations", "-n")
        {
            Description = $"Plans per topology in one process after its first (the warm medians are over these), 1 to {MaximumRuns}. Default: 5.",
            HelpName = "count",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text, markdown (the table of docs/plan.md) or json.",
            DefaultValueFactory = _ => "text",
            HelpName = string.Join("|", BenchFormats),
        };
        var coldRuns = new Option<string?>("--cold-runs")
        {
            Description = $"Fresh processes per topology, and of the .NET hello world, for the cold figures, 0 (skip) to {MaximumRuns}. Default: 3.",
            HelpName = "count",
        };
        var processRuns = new Option<string?>("--process-runs")
        {
            Description = $"Times the README's command (tools/Plan/plan --stack NAME) is run as a process, 0 (skip) to {MaximumRuns}. Default: 3.",
            HelpName = "count",
        };
        var stack = new Option<string>("--stack", "-s")
        {
            Description = "The stack the README's command plans.",
            DefaultValueFactory = _ => "dev",
        };
        var once = new Option<string?>("--once")
        {
            Description = "Plans one topology once and prints it as text: the process the cold figures time.",
            Hidden = true,
        };

        var command = new Command("bench", "Measures the plan cold (a fresh process per topology, beside a .NET hello world) and warm (in one process), and the README's command as a process; no timed tests: run it by hand.")
        {
            iterations, format, coldRuns, processRuns, stack, once,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var chosenFormat = CommandLineErrors.OneOf("--format", parse.GetValue(format)!, BenchFormats);
            var count = CommandLineErrors.WholeNumber("--iterations", parse.GetValue(iterations), 1, MaximumRuns, "a number of plans") ?? 5;
            var cold = CommandLineErrors.WholeNumber("--cold-runs", parse.GetValue(coldRuns), 0, MaximumRuns, "a number of processes") ?? 3;
            var process = CommandLineErrors.WholeNumber("--process-runs", parse.GetValue(processRuns), 0, MaximumRuns, "a number of processes") ?? 3;
            if (parse.GetValue(once) is { } name)
            {
                var topology = Topologies.All.FirstOrDefault(t => t.Name == name)
                    ?? throw PlanException.Usage($"--once: '{name}' is not one of {string.Join(", ", Topologies.All.Select(t => t.Name))}.");
                var (_, plan) = await PlanOnceAsync(topology, PlanRunner.LoadPrices(PlanRunner.DefaultPricesFile), render: false).ConfigureAwait(false);
                TextRenderer.Render(plan, Sections.All, output, color: false, width: PlanApp.DefaultWidth);
                return ExitCodes.Success;
            }

            var floor = await MeasureFloorAsync(cold, cancellation).ConfigureAwait(false);
            var results = new List<BenchResult>();
            foreach (var topology in Topologies.All)
            {
                cancellation.ThrowIfCancellationRequested();
                var coldTimes = await MeasureColdAsync(topology, cold, cancellation).ConfigureAwait(false);
                results.Add(await MeasureAsync(topology, count, coldTimes).ConfigureAwait(false));
            }

            var readme = await MeasureProcessAsync(process, parse.GetValue(stack)!, cancellation).ConfigureAwait(false);
            Write(output, chosenFormat, results, floor, readme, count);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Plans a topology once (the first plan, with whatever JIT it triggers), then <paramref name="iterations"/> times for the medians.</summary>
    /// <param name="topology">The topology.</param>
    /// <param name="iterations">Plans after the first.</param>
    /// <param name="cold">The topology's cold processes, measured before; null when not measured.</param>
    public static async Task<BenchResult> MeasureAsync(Topology topology, int iterations, ProcessTimes? cold = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var prices = PlanRunner.LoadPrices(PlanRunner.DefaultPricesFile);
        var (first, _) = await PlanOnceAsync(topology, prices, render: true).ConfigureAwait(false);
        var samples = new List<Sample>();
        for (var i = 0; i < iterations; i++)
        {
            var (sample, plan) = await PlanOnceAsync(topology, prices, render: true).ConfigureAwait(false);
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
            cold ?? ProcessTimes.Skip("not asked for"),
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

    private static async Task<(Sample Sample, PlanResult Plan)> PlanOnceAsync(Topology topology, PriceTable prices, bool render)
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
        if (render)
        {
            TextRenderer.Render(plan, Sections.All, TextWriter.Null, color: false, width: 200);
            _ = JsonRenderer.Render(plan, Sections.All);
        }

        var renderTime = rendering.Elapsed;
        var total = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (new Sample(plan.Resources.Count, plan.Analysis.Flows.Count, plan.Timings.Run, plan.Timings.Analysis, renderTime, total, allocated), plan);
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
        var policy = new Lazy<PolicyReport>(() => PolicyEvaluator.Evaluate(new PolicyContext(records, routing)));
        return new PlanResult(stack, Region, analysis.Analyzer.AvailabilityZones, tree, analysis, policy, [], new PlanTimings(run, clock.Elapsed));
    }

    /// <summary>The command that starts this tool again: its own executable, or <c>dotnet</c> with its assembly.</summary>
    private static (string Host, List<string> Arguments)? Self()
    {
        var host = Environment.ProcessPath;
        if (host is null)
        {
            return null;
        }

        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            arguments.Add(typeof(BenchCommand).Assembly.Location);
        }

        return (host, arguments);
    }

    /// <summary>The hello world published beside the tool (tools/Plan/publish), started <paramref name="runs"/> times.</summary>
    private static async Task<ProcessTimes> MeasureFloorAsync(int runs, CancellationToken cancellation)
    {
        if (runs == 0)
        {
            return ProcessTimes.Skip("not asked for");
        }

        var floor = Path.Combine(AppContext.BaseDirectory, "floor", OperatingSystem.IsWindows() ? "Infra.Plan.Floor.exe" : "Infra.Plan.Floor");
        return File.Exists(floor)
            ? await TimeProcessAsync(floor, [], runs, cancellation).ConfigureAwait(false)
            : ProcessTimes.Skip("no hello world beside the tool: run the published tool (tools/Plan/publish, then tools/Plan/plan bench)");
    }

    /// <summary>Fresh processes of this tool that plan the topology once and print it as text.</summary>
    private static async Task<ProcessTimes> MeasureColdAsync(Topology topology, int runs, CancellationToken cancellation)
    {
        if (runs == 0)
        {
            return ProcessTimes.Skip("not asked for");
        }

        if (Self() is not var (host, arguments))
        {
            return ProcessTimes.Skip("the process path is unknown");
        }

        arguments.AddRange(["bench", "--once", topology.Name]);
        return await TimeProcessAsync(host, arguments, runs, cancellation).ConfigureAwait(false);
    }

    /// <summary>The README's command, <c>tools/Plan/plan --stack NAME</c>, as a process in the project's directory.</summary>
    private static async Task<(string Command, ProcessTimes Times)> MeasureProcessAsync(int runs, string stack, CancellationToken cancellation)
    {
        var command = $"tools/Plan/plan --stack {stack}";
        if (runs == 0)
        {
            return (command, ProcessTimes.Skip("not asked for"));
        }

        string directory;
        try
        {
            directory = StackFiles.FindProjectDirectory(Directory.GetCurrentDirectory());
        }
        catch (PlanException)
        {
            return (command, ProcessTimes.Skip("no Pulumi.yaml in or above the current directory"));
        }

        var wrapper = Path.Combine(directory, "tools", "Plan", "plan");
        if (!File.Exists(wrapper) || !File.Exists(Path.Combine(directory, "tools", "Plan", "bin", "publish", OperatingSystem.IsWindows() ? "Infra.Plan.exe" : "Infra.Plan")))
        {
            return (command, ProcessTimes.Skip("tools/Plan/plan or its build (tools/Plan/publish) is missing"));
        }

        return (command, await TimeProcessAsync(wrapper, ["--stack", stack, "--cwd", directory, "--no-color"], runs, cancellation).ConfigureAwait(false));
    }

    /// <summary>Starts a process <paramref name="runs"/> times and times each from start to exit.</summary>
    private static async Task<ProcessTimes> TimeProcessAsync(string file, List<string> arguments, int runs, CancellationToken cancellation)
    {
        var times = new List<double>();
        var processor = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            var processorBefore = ChildProcessorMs();
            var clock = Stopwatch.StartNew();
            using var child = Process.Start(start) ?? throw new PlanException($"Cannot start {file} as a process.");
            var stdout = child.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = child.StandardError.ReadToEndAsync(cancellation);
            await child.WaitForExitAsync(cancellation).ConfigureAwait(false);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (processorBefore is not null && ChildProcessorMs() is { } processorAfter)
            {
                processor.Add(processorAfter - processorBefore.Value);
            }

            _ = await stdout.ConfigureAwait(false);
            var errors = await stderr.ConfigureAwait(false);
            if (child.ExitCode != 0)
            {
                return ProcessTimes.Skip($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {child.ExitCode}: {errors.Trim()}");
            }
        }

        return new ProcessTimes(runs, Median(times), times.Min(), CpuMedianMs: processor.Count == runs ? Median(processor) : null);
    }

    /// <summary>Processor time (user and system) of all the child processes that have ended, on Linux; null elsewhere.</summary>
    private static double? ChildProcessorMs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct rusage on 64-bit Linux: ru_utime and ru_stime (seconds, microseconds each), then 14 longs.
        var usage = new long[18];
        return NativeMethods.GetResourceUsage(NativeMethods.ResourceUsageOfChildren, usage) == 0
            ? ((usage[0] + usage[2]) * 1000.0) + ((usage[1] + usage[3]) / 1000.0)
            : null;
    }

    private static class NativeMethods
    {
        public const int ResourceUsageOfChildren = -1;

        [DllImport("libc", EntryPoint = "getrusage")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int GetResourceUsage(int who, [Out] long[] usage);
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

    private static string Growth(string what, BenchResult small, BenchResult large) =>
        $"{what}, warm: run time ∝ resources^{F(Exponent(small, large, r => r.RunMs), 2)}, " +
        $"analysis ∝ resources^{F(Exponent(small, large, r => r.AnalysisMs), 2)}, whole plan ∝ resources^{F(Exponent(small, large, r => r.TotalMs), 2)}.";

    private static string Cold(ProcessTimes times) => times.Skipped is null ? F(times.MedianMs, 0) : "—";

    private static string Cpu(ProcessTimes times) => times.CpuMedianMs is { } cpu ? $" (processor time {F(cpu, 0)} ms)" : "";

    private static string ColdCpu(ProcessTimes times) => times is { Skipped: null, CpuMedianMs: { } cpu } ? F(cpu, 0) : "—";

    private static string Ratio(ProcessTimes times, ProcessTimes floor) =>
        times.Skipped is null && floor.Skipped is null && floor.MedianMs > 0 ? F(times.MedianMs / floor.MedianMs) + "×" : "—";

    private static void Write(TextWriter output, string format, List<BenchResult> results, ProcessTimes floor, (string Command, ProcessTimes Times) readme, int iterations)
    {
        var small = results[0];
        var large = results[^1];
        var growth = Growth($"Growth from {small.Resources} to {large.Resources} resources", small, large);
        if (results.FirstOrDefault(r => r.Topology == Topologies.TransitPair.Small) is { } fewer &&
            results.FirstOrDefault(r => r.Topology == Topologies.TransitPair.Large) is { } more)
        {
            growth += " " + Growth($"The Transit Gateway stack from {fewer.Topology} ({fewer.Resources} resources) to {more.Topology} ({more.Resources})", fewer, more);
        }

        var floorLine = floor.Skipped is not null
            ? $"Floor (a .NET hello world process): skipped ({floor.Skipped})."
            : $"Floor (a .NET hello world process, start to exit): median {F(floor.MedianMs, 0)} ms, fastest {F(floor.MinMs, 0)} ms over {floor.Runs} runs{Cpu(floor)}.";
        var coldLine = small.Cold.Skipped is not null
            ? $"Cold (a fresh process per topology): skipped ({small.Cold.Skipped})."
            : $"Cold: a fresh process per topology that plans it once and prints the text plan, start to exit, median of {small.Cold.Runs} runs; × floor is that over the floor's median; Cold CPU is the processor time the process used (user and system), which other work on the machine barely changes.";
        var readmeLine = readme.Times.Skipped is not null
            ? $"README command `{readme.Command}`: skipped ({readme.Times.Skipped})."
            : $"README command `{readme.Command}` (start, read the files, run, analyse, print text, exit): median {F(readme.Times.MedianMs, 0)} ms, fastest {F(readme.Times.MinMs, 0)} ms over {readme.Times.Runs} runs{Cpu(readme.Times)}{(floor.Skipped is null ? $", {Ratio(readme.Times, floor)} the floor" : "")}.";
        var warmLine = $"Warm: in one process, the first plan of each topology ({(IsNativeAot() ? "compiled ahead of time, so no JIT" : "JIT included only for the first topology")}) and the median of {iterations} plans after it.";
        var environment = $"{DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, .NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {(Debugger.IsAttached ? "debugger attached" : BuildConfiguration())} build{(IsNativeAot() ? " (Native AOT)" : "")}, load average {LoadAverage()}.";

        switch (format)
        {
            case "json":
                output.Write(JsonSerializer.Serialize(
                    new BenchReport(environment, floor, results, new ReadmeCommandTimes(readme.Command, readme.Times), growth),
                    BenchReportJson.Default.BenchReport) + "\n");
                return;
            case "markdown":
                var md = new StringBuilder();
                md.AppendLine("| Topology | Resources | Flows | Cold (ms) | × floor | Cold CPU (ms) | First in process (ms) | Run (ms) | Analysis (ms) | Render (ms) | Plan, warm (ms) | Allocated (MB) | Live heap (MB) | Peak working set (MB) |");
                md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
                foreach (var r in results)
                {
                    md.AppendLine($"| {r.Topology} | {r.Resources} | {r.Flows} | {Cold(r.Cold)} | {Ratio(r.Cold, floor)} | {ColdCpu(r.Cold)} | {F(r.FirstMs)} | {F(r.RunMs)} | {F(r.AnalysisMs)} | {F(r.RenderMs)} | {F(r.TotalMs)} | {F(r.AllocatedMb)} | {F(r.HeapMb)} | {F(r.PeakWorkingSetMb)} |");
                }

                md.AppendLine().AppendLine(floorLine).AppendLine().AppendLine(coldLine).AppendLine().AppendLine(warmLine).AppendLine().AppendLine(growth)
                    .AppendLine().AppendLine(readmeLine).AppendLine().AppendLine(environment);
                output.Write(md.ToString());
                return;
            default:
                var console = TextRenderer.CreateConsole(output, color: false, width: 200);
                var table = new Table().Border(TableBorder.Minimal);
                foreach (var header in new[] { "Topology", "Resources", "Flows", "Cold ms", "× floor", "Cold CPU ms", "First ms", "Run ms", "Analysis ms", "Render ms", "Plan ms", "Alloc MB", "Live heap MB", "Peak WS MB" })
                {
                    table.AddColumn(new TableColumn(header).RightAligned());
                }

                table.Columns[0].LeftAligned();
                foreach (var r in results)
                {
                    table.AddRow(r.Topology, r.Resources.ToString(CultureInfo.InvariantCulture), r.Flows.ToString(CultureInfo.InvariantCulture), Cold(r.Cold), Ratio(r.Cold, floor), ColdCpu(r.Cold), F(r.FirstMs), F(r.RunMs), F(r.AnalysisMs), F(r.RenderMs), F(r.TotalMs), F(r.AllocatedMb), F(r.HeapMb), F(r.PeakWorkingSetMb));
                }

                console.Write(table);
                foreach (var r in results)
                {
                    console.WriteLine($"{r.Topology}: {r.Description}");
                }

                console.WriteLine();
                foreach (var line in new[] { floorLine, coldLine, warmLine, growth, readmeLine, environment })
                {
                    console.WriteLine(line);
                }

                return;
        }
    }

    /// <summary>The machine's one-minute load average (other work running slows every figure), where the system tells it.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>Whether this is the Native AOT executable, which has no assembly files and so no assembly location.</summary>
    private static bool IsNativeAot() => typeof(BenchCommand).Assembly.Location.Length == 0;

    private static string BuildConfiguration()
    {
        var debuggable = typeof(BenchCommand).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().FirstOrDefault();
        return debuggable?.IsJITOptimizerDisabled == true ? "Debug" : "Release";
    }
}
