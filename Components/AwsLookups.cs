using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;

namespace Infra.Components;

/// <summary>The AWS look-ups the components and the program share.</summary>
public static class AwsLookups
{
    /// <summary>
    /// The look-up of the region's own availability zones, in the order AWS lists them. Local Zones and Wavelength
    /// Zones an account has opted into are left out: they have no Gateway Load Balancer or NAT gateway.
    /// </summary>
    public static GetAvailabilityZonesArgs RegionalZonesArgs() => new()
    {
        State = "available",
        Filters = [new Pulumi.Aws.Inputs.GetAvailabilityZonesFilterArgs { Name = "opt-in-status", Values = ["opt-in-not-required"] }],
    };

    /// <summary>The names of the region's own availability zones (see <see cref="RegionalZonesArgs"/>).</summary>
    public static async Task<IReadOnlyList<string>> RegionalZonesAsync(InvokeOptions? options = null)
        => (await GetAvailabilityZones.InvokeAsync(RegionalZonesArgs(), options).ConfigureAwait(false)).Names;

    /// <summary>The latest Amazon Linux 2023 AMI (x86_64) of the region.</summary>
    public static Task<GetAmiResult> LatestAmazonLinuxAsync(InvokeOptions? options = null)
        => GetAmi.InvokeAsync(new GetAmiArgs
        {
            MostRecent = true,
            Owners = ["amazon"],
            Filters =
            [
                new GetAmiFilterArgs { Name = "name", Values = ["al2023-ami-2023.*-x86_64"] },
                new GetAmiFilterArgs { Name = "state", Values = ["available"] },
            ],
        }, options);

    /// <summary>An AMI's description (for its root device name).</summary>
    public static Task<GetAmiResult> ImageAsync(string amiId, InvokeOptions? options = null)
        => GetAmi.InvokeAsync(new GetAmiArgs
        {
            Filters = [new GetAmiFilterArgs { Name = "image-id", Values = [amiId] }],
        }, options);
}

/// <summary>
/// Where a component's per-AZ resources go: the zone names when the caller gives them (and then they name the
/// resources, such as <c>workload-private-eu-west-1a</c>), or a count of the region's first zones, looked up at
/// deployment time (and then the resources are named by position, <c>workload-private-az1</c>).
/// </summary>
internal sealed record ZonePlacement(IReadOnlyList<string> Labels, IReadOnlyList<Output<string>> Names)
{
    public int Count => Labels.Count;

    public static ZonePlacement Resolve(
        List<string>? names, int? count, InputErrors errors, string namesInput, string countInput, Resource parent)
    {
        if (names is { Count: > 0 })
        {
            var distinct = names.Distinct(StringComparer.Ordinal).Count();
            if (distinct != names.Count || names.Any(string.IsNullOrWhiteSpace))
            {
                throw errors.Error(namesInput, $"[{string.Join(", ", names)}]", "distinct availability zone names such as [eu-west-1a, eu-west-1b]");
            }

            if (names.Count > Infra.Model.Configuration.SettingRules.MaxAzCount)
            {
                throw errors.Error(namesInput, $"a list of {names.Count} zones", $"a list of 1 to {Infra.Model.Configuration.SettingRules.MaxAzCount} zones");
            }

            if (count is { } given && given != names.Count)
            {
                throw errors.Error(countInput, given.ToString(System.Globalization.CultureInfo.InvariantCulture), $"no value, or {names.Count}, the number of {namesInput}");
            }

            return new ZonePlacement([.. names], [.. names.Select(Output.Create)]);
        }

        var azCount = Infra.Model.Configuration.SettingRules.AzCount(count ?? 2, errors.For(countInput));
        var zones = Output.Create(AwsLookups.RegionalZonesAsync(new InvokeOptions { Parent = parent }));
        var labels = Enumerable.Range(1, azCount).Select(i => $"az{i}").ToList();
        var resolved = Enumerable.Range(0, azCount)
            .Select(i => zones.Apply(z => i < z.Count
                ? z[i]
                : throw errors.Error(countInput, azCount.ToString(System.Globalization.CultureInfo.InvariantCulture), $"at most {z.Count}, the region's availability zones")))
            .ToList();
        return new ZonePlacement(labels, resolved);
    }
}

/// <summary>Per-AZ wiring through lists of ids: the list's entry of one AZ.</summary>
internal static class PerAz
{
    /// <summary>Entry <paramref name="azIndex"/> of <paramref name="list"/>, which must have one entry per AZ.</summary>
    public static Output<string> Item(InputList<string> list, int azIndex, int azCount, InputErrors errors, string input)
        => list.ToOutput().Apply(items => items.Length == azCount
            ? items[azIndex]
            : throw errors.Error(input, $"a list of {items.Length} entries", $"one entry per availability zone, {azCount}, in AZ order"));
}
