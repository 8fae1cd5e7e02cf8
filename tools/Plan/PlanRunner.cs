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
    int? AvailabilityZones = null, bool Priced = true);

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
        return await RunAsync(stack, prices, request.Volumes ?? TrafficVolumes.None, request.AvailabilityZones, request.Priced).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans a stack whose configuration is already read. With <paramref name="priced"/> the stack's region and every
    /// instance type must be in the price table; without, the cost is not shown, so neither is required.
    /// </summary>
    /// <exception cref="PlanException">A setting is invalid, the program fails under mocks, or a price is missing.</exception>
    public static async Task<PlanResult> RunAsync(
        StackConfig stack, PriceTable prices, TrafficVolumes volumes, int? availabilityZones = null, bool priced = true)
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

        if (priced)
        {
            RequirePrices(prices, analysis.Cost);
            warnings.AddRange(analysis.Cost.Warnings);
        }
        return new PlanResult(stack, region, analysis.Analyzer.AvailabilityZones, tree, analysis, policy, warnings, new PlanTimings(runTime, analysisTime));
    }

    /// <summary>
    /// Refuses a stack whose region or instances the price table cannot price: an estimate that leaves them out (or
    /// borrows another region's prices) would mislead more than no estimate.
    /// </summary>
    private static void RequirePrices(PriceTable prices, CostEstimate cost)
    {
        if (cost.PricedAsAnotherRegion)
        {
            var priced = string.Join(", ", prices.Regions.Keys.Order(StringComparer.Ordinal));
            var uncosted = string.Join(",", PlanApp.SectionNames.Keys.Where(k => k is not "cost" and not "policy"));
            throw PlanException.Input(
                $"The price table ({prices.AsOf}) has no prices for {cost.Region}, only for {priced}: give a price table that has them with --prices, or leave the cost out with --section {uncosted}.");
        }

        if (cost.UnpricedInstanceTypes.Count > 0)
        {
            var pricedTypes = prices.For(cost.Region).Prices.InstanceHour.Keys.Order(StringComparer.Ordinal);
            throw PlanException.Input(
                $"The price table ({prices.AsOf}) has no {cost.PriceRegion} price for instance type {cost.UnpricedInstanceTypes[0]}: choose a priced type ({string.Join(", ", pricedTypes)}) or give a price table that has it with --prices.");
        }
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
    /// The user-facing sentence of a failed run: the program's <c>Invalid config …</c> sentence or the strict mocks'
    /// <c>AWS would refuse …</c> when there is one (an SDK may wrap it in more text), else the first line.
    /// </summary>
    internal static string Sentence(string message)
    {
        var start = message.IndexOf("Invalid config ", StringComparison.Ordinal);
        start = start >= 0 ? start : message.IndexOf("AWS would refuse ", StringComparison.Ordinal);
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

    /// <summary>The region's zone count (see <see cref="Infra.Model.Aws.AwsRegions"/>), or <see cref="Maximum"/> for a region not in the list.</summary>
    public static int Count(string region) => Infra.Model.Aws.AwsRegions.Find(region)?.AvailabilityZones ?? Maximum;

    /// <summary>True when the region's zone count is known.</summary>
    public static bool IsKnown(string region) => Infra.Model.Aws.AwsRegions.Find(region) is not null;
}
