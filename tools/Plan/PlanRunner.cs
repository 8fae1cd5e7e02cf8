using System.Diagnostics;
using Infra.Model.Analysis;
using Infra.Model.Configuration;
using Infra.Model.Policy;
using Infra.Simulation;
using Pulumi;

namespace Infra.Plan;

/// <summary>What to plan.</summary>
/// <param name="WorkingDirectory">Where to look for <c>Pulumi.yaml</c> (it or a parent).</param>
/// <param name="Stack">The stack name; null to take the only stack file.</param>
/// <param name="StackFile">An explicit stack file.</param>
/// <param name="PricesFile">A price table other than the one shipped with the tool.</param>
/// <param name="Volumes">Traffic volumes for the per-GB charges.</param>
/// <param name="AvailabilityZones">How many AZs the mocked region offers; null for the region's known count.</param>
public sealed record PlanRequest(
    string WorkingDirectory, string? Stack = null, string? StackFile = null, string? PricesFile = null, TrafficVolumes? Volumes = null,
    int? AvailabilityZones = null);

/// <summary>How long each phase of a plan took.</summary>
/// <param name="Run">The mocked run of the program.</param>
/// <param name="Analysis">Routing model, reachability, AZ loss, cost and the resource tree.</param>
public sealed record PlanTimings(TimeSpan Run, TimeSpan Analysis);

/// <summary>A planned stack: its configuration, resources and analysis.</summary>
/// <param name="Stack">The stack's configuration.</param>
/// <param name="Region">The AWS region.</param>
/// <param name="AvailabilityZones">The AZs the stack uses.</param>
/// <param name="Resources">The resource tree.</param>
/// <param name="Analysis">Routes, reachability, AZ loss and cost.</param>
/// <param name="PolicyCheck">The guard rails, evaluated the first time <see cref="Policy"/> is read (only the policy section needs them).</param>
/// <param name="Warnings">Things the user should know: unknown settings, prices from another region…</param>
/// <param name="Timings">How long the phases took.</param>
public sealed record PlanResult(
    StackConfig Stack,
    string Region,
    IReadOnlyList<string> AvailabilityZones,
    ResourceTree Resources,
    NetworkAnalysis Analysis,
    Lazy<PolicyReport> PolicyCheck,
    IReadOnlyList<string> Warnings,
    PlanTimings Timings)
{
    /// <summary>The guard rails' outcome.</summary>
    public PolicyReport Policy => PolicyCheck.Value;
}

/// <summary>Reads a stack, runs the program under mocks and analyses what it registers.</summary>
public static class PlanRunner
{
    /// <summary>The price table shipped with the tool.</summary>
    public static string DefaultPricesFile => Path.Combine(AppContext.BaseDirectory, "prices", "aws-network-prices.json");

    /// <summary>Plans the stack the request names.</summary>
    /// <exception cref="PlanException">The stack cannot be planned; the message says why.</exception>
    public static async Task<PlanResult> RunAsync(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var projectDirectory = StackFiles.FindProjectDirectory(request.WorkingDirectory);
        var stack = StackFiles.Read(projectDirectory, request.Stack, request.StackFile);
        var prices = LoadPrices(request.PricesFile ?? DefaultPricesFile);
        return await RunAsync(stack, prices, request.Volumes ?? TrafficVolumes.None, request.AvailabilityZones).ConfigureAwait(false);
    }

    /// <summary>Plans a stack whose configuration is already read.</summary>
    /// <exception cref="PlanException">A setting is invalid or the program fails under mocks.</exception>
    public static async Task<PlanResult> RunAsync(StackConfig stack, PriceTable prices, TrafficVolumes volumes, int? availabilityZones = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(prices);
        var warnings = new List<string>();
        var settings = stack.ProjectSettings;
        StackSettings parsed;
        try
        {
            // The program checks the same way, in the same order; doing it first gives the same sentence whatever the
            // SDK build wraps a failed run in.
            StackSettings.RejectUnknownKeys(stack.ProjectName, settings);
            parsed = StackSettings.Parse(stack.ProjectName, settings);
        }
        catch (ConfigException e)
        {
            throw PlanException.Input(e.Message);
        }

        var region = stack.Region ?? "";
        var zones = availabilityZones ?? RegionZones.Count(region);
        if (availabilityZones is null && region.Length > 0 && !RegionZones.IsKnown(region))
        {
            warnings.Add(
                $"The plan does not know how many AZs {region} has and assumed {RegionZones.Maximum}: an azCount the region cannot give would pass here and fail in AWS. Give the count with --availability-zones.");
        }

        var mocks = new AwsMocks(region.Length == 0 ? RegionZones.PlaceholderRegion : region, zones);
        var clock = Stopwatch.StartNew();
        StackRun run;
        try
        {
            run = await StackRun.RunWithConfigAsync(stack.Config, mocks, stack.ProjectName, stack.StackName).ConfigureAwait(false);
        }
        catch (RunException e)
        {
            throw PlanException.Input(Sentence(e.Message));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is RunException))
        {
            throw PlanException.Input(string.Join(" ", e.InnerExceptions.Select(inner => Sentence(inner.Message)).Distinct(StringComparer.Ordinal)));
        }

        var runTime = clock.Elapsed;
        clock.Restart();
        var analysis = NetworkAnalysis.Run(run.Routing, run.Records, prices, region, volumes);
        var tree = ResourceTree.Build($"{stack.ProjectName}-{stack.StackName}", run.Nesting);
        var policy = new Lazy<PolicyReport>(() => PolicyEvaluator.Evaluate(new PolicyContext(run.Records, run.Routing, parsed), PolicyCatalog.Default, parsed.PolicyWaivers));
        var analysisTime = clock.Elapsed;

        warnings.AddRange(analysis.Cost.Warnings);
        return new PlanResult(stack, region, analysis.Analyzer.AvailabilityZones, tree, analysis, policy, warnings, new PlanTimings(runTime, analysisTime));
    }

    /// <summary>Reads a price table file.</summary>
    /// <exception cref="PlanException">The file is missing or not a valid price table.</exception>
    public static PriceTable LoadPrices(string path)
    {
        if (!File.Exists(path))
        {
            throw PlanException.Input($"Price table not found: {path}.");
        }

        try
        {
            return PriceTable.Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw PlanException.Input($"{path}: {e.Message}");
        }
    }

    /// <summary>
    /// The user-facing sentence of a failed run: the program's <c>Invalid config …</c> sentence when there is one
    /// (an SDK may wrap it in more text), else the first line.
    /// </summary>
    internal static string Sentence(string message)
    {
        var start = message.IndexOf("Invalid config ", StringComparison.Ordinal);
        var text = start >= 0 ? message[start..] : message;
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end >= 0 ? text[..end] : text).Trim();
    }
}

/// <summary>How many availability zones the mocked region offers.</summary>
public static class RegionZones
{
    /// <summary>The region the mocks answer for when the stack sets none (the program then stops on the missing setting).</summary>
    public const string PlaceholderRegion = "us-east-1";

    /// <summary>The most zones the program can use (<c>azCount</c> is 1 to 6).</summary>
    public const int Maximum = 6;

    // Zones open to new accounts in the commercial regions most used; others are assumed to have the maximum.
    private static readonly Dictionary<string, int> Known = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = 6,
        ["us-east-2"] = 3,
        ["us-west-1"] = 2,
        ["us-west-2"] = 4,
        ["ca-central-1"] = 3,
        ["eu-west-1"] = 3,
        ["eu-west-2"] = 3,
        ["eu-west-3"] = 3,
        ["eu-central-1"] = 3,
        ["eu-north-1"] = 3,
        ["eu-south-1"] = 3,
        ["ap-south-1"] = 3,
        ["ap-southeast-1"] = 3,
        ["ap-southeast-2"] = 3,
        ["ap-northeast-1"] = 3,
        ["ap-northeast-2"] = 4,
        ["sa-east-1"] = 3,
    };

    /// <summary>The region's zone count, or <see cref="Maximum"/> for a region not in the list.</summary>
    public static int Count(string region) => Known.GetValueOrDefault(region, Maximum);

    /// <summary>True when the region's zone count is known.</summary>
    public static bool IsKnown(string region) => Known.ContainsKey(region);
}
