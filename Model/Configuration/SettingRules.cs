using System.Text.RegularExpressions;
using Infra.Model.Addressing;
using Infra.Model.Aws;

namespace Infra.Model.Configuration;

/// <summary>
/// The rules a single value must follow, shared by the stack settings (<see cref="StackSettings.Parse"/>) and by the
/// components' inputs, so that both give the same one-sentence error. Each rule gets <c>invalid</c>, which turns the
/// offending value and what is allowed into the caller's exception (naming the setting or the input).
/// </summary>
public static partial class SettingRules
{
    /// <summary>What a VPC block may be.</summary>
    public const string VpcCidrAllowed = "an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16";

    /// <summary>The NAT strategies, as written in settings and inputs.</summary>
    public const string NatStrategyAllowed = "one of none, single, perAz";

    public const string ApplianceFleetAllowed = "one of autoScaling, instances";

    private static readonly (string Name, NatStrategy Value)[] NatStrategies =
        [("none", Configuration.NatStrategy.None), ("single", Configuration.NatStrategy.Single), ("perAz", Configuration.NatStrategy.PerAz)];

    /// <summary>The Transit Gateway roles, as written in settings.</summary>
    public const string TransitRoleAllowed = "one of off, hub, spoke, hubAndSpokes";

    private static readonly (string Name, TransitRole Value)[] TransitRoles =
    [
        ("off", Configuration.TransitRole.Off), ("hub", Configuration.TransitRole.Hub), ("spoke", Configuration.TransitRole.Spoke),
        ("hubAndSpokes", Configuration.TransitRole.HubAndSpokes),
    ];

    private static readonly (string Name, ApplianceFleet Value)[] ApplianceFleets =
        [("autoScaling", Configuration.ApplianceFleet.AutoScaling), ("instances", Configuration.ApplianceFleet.Instances)];

    /// <summary>Interface endpoints one VPC of this project may have.</summary>
    public const int MaxInterfaceEndpoints = 40;

    /// <summary>Availability zones a VPC of this project may span.</summary>
    public const int MaxAzCount = 6;

    // The VPC block size AWS accepts: "The allowed block size is between a /16 netmask (65,536 IP addresses) and
    // /28 netmask (16 IP addresses)" (Amazon VPC User Guide, VPC CIDR blocks); this project keeps /16 to /24 so that
    // its tiers fit.
    private const int MinVpcPrefix = 16;
    private const int MaxVpcPrefix = 24;

    /// <summary>The retention periods CloudWatch Logs accepts, in days (PutRetentionPolicy, retentionInDays).</summary>
    public static IReadOnlyList<int> AllowedRetentionDays { get; } =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    /// <summary>A VPC block in canonical form.</summary>
    public static string VpcCidr(string text, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(invalid);
        if (!Cidr.TryParse(text, out var network, out var hostBitsSet) || network.PrefixLength is < MinVpcPrefix or > MaxVpcPrefix)
        {
            throw invalid(text, VpcCidrAllowed);
        }

        if (hostBitsSet)
        {
            throw invalid(text, $"the network address of the block, with the host bits zero, such as {network}");
        }

        return network.ToString();
    }

    /// <summary>A NAT strategy by its written name; null means none.</summary>
    public static NatStrategy NatStrategy(string? text, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return text is null ? Configuration.NatStrategy.None : ByName(NatStrategies, text) ?? throw invalid(text, NatStrategyAllowed);
    }

    /// <summary>The written name of a NAT strategy, as <see cref="NatStrategy(string?, Func{string, string, Exception})"/> reads it.</summary>
    public static string Name(NatStrategy strategy) => NatStrategies.First(n => n.Value == strategy).Name;

    /// <summary>An appliance fleet mode by its written name; null means autoScaling.</summary>
    public static ApplianceFleet ApplianceFleet(string? text, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return text is null ? Configuration.ApplianceFleet.AutoScaling : ByName(ApplianceFleets, text) ?? throw invalid(text, ApplianceFleetAllowed);
    }

    /// <summary>The written name of an appliance fleet mode, as <see cref="ApplianceFleet(string?, Func{string, string, Exception})"/> reads it.</summary>
    public static string Name(ApplianceFleet fleet) => ApplianceFleets.First(f => f.Value == fleet).Name;

    /// <summary>A Transit Gateway role by its written name; null means off. A near miss is named in the message.</summary>
    public static TransitRole TransitRole(string? text, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        if (text is null)
        {
            return Configuration.TransitRole.Off;
        }

        if (ByName(TransitRoles, text) is { } role)
        {
            return role;
        }

        var close = Suggestions.Closest(text, TransitRoles.Select(r => r.Name), 1);
        throw invalid(text, TransitRoleAllowed + (close.Count == 0 ? "" : $" (did you mean {close[0]}?)"));
    }

    /// <summary>The written name of a Transit Gateway role, as <see cref="TransitRole(string?, Func{string, string, Exception})"/> reads it.</summary>
    public static string Name(TransitRole role) => TransitRoles.First(r => r.Value == role).Name;

    /// <summary>
    /// The Transit Gateway's Amazon side ASN as a setting: AWS's ranges (<see cref="TransitGatewayRules.AmazonSideAsnRanges"/>)
    /// that fit the provider's input. Pulumi.Aws declares TransitGatewayArgs.AmazonSideAsn as Input&lt;int&gt;, whose
    /// largest value is 2147483647, so AWS's 32-bit range cannot be passed on (and the Terraform provider it wraps reads
    /// such ASNs back as other numbers: hashicorp/terraform-provider-aws issue 36414).
    /// </summary>
    public static int AmazonSideAsn(long asn, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        var usable = TransitGatewayRules.AmazonSideAsnRanges.Where(r => r.Last <= int.MaxValue).ToList();
        var allowed = string.Join(" or ", usable.Select(r => $"from {r.First} to {r.Last}"));
        if (usable.Any(r => asn >= r.First && asn <= r.Last))
        {
            return (int)asn;
        }

        var shown = asn.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var unusable = TransitGatewayRules.AmazonSideAsnRanges.FirstOrDefault(r => r.Last > int.MaxValue && asn >= r.First && asn <= r.Last);
        throw unusable != default
            ? invalid(shown, $"a private ASN {allowed}; AWS also accepts 32-bit ASNs from {unusable.First} to {unusable.Last}, but Pulumi's AWS provider takes the Transit Gateway's ASN as a 32-bit signed number, which cannot hold them")
            : invalid(shown, $"a private ASN {allowed}");
    }

    /// <summary>
    /// The most routes a VPC route table can hold: "Routes per route table (non-propagated routes)" is adjustable "up
    /// to a maximum of 1,000" (Amazon VPC User Guide, Amazon VPC quotas, Route tables). The default quota is lower
    /// (50 in that table), so an account may need to request an increase well before this.
    /// </summary>
    public const int MaxRoutesPerVpcRouteTable = 1_000;

    private static T? ByName<T>((string Name, T Value)[] table, string text)
        where T : struct => table.FirstOrDefault(e => e.Name == text) is { Name: not null } entry ? entry.Value : null;

    /// <summary>How many availability zones a VPC spans.</summary>
    public static int AzCount(int count, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return count is >= 1 and <= MaxAzCount
            ? count
            : throw invalid(count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"a whole number from 1 to {MaxAzCount}");
    }

    /// <summary>A subnet prefix length.</summary>
    public static int SubnetPrefixLength(int prefixLength, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return prefixLength is >= SubnetPlanner.MinimumSubnetPrefix and <= SubnetPlanner.MaximumSubnetPrefix
            ? prefixLength
            : throw invalid(
                prefixLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"a whole number from {SubnetPlanner.MinimumSubnetPrefix} to {SubnetPlanner.MaximumSubnetPrefix}");
    }

    /// <summary>A flow log retention period.</summary>
    public static int RetentionDays(int days, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return AllowedRetentionDays.Contains(days)
            ? days
            : throw invalid(
                days.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"one of the CloudWatch Logs retention periods in days: {string.Join(", ", AllowedRetentionDays)}");
    }

    /// <summary>
    /// An EC2 instance type such as t3.small: of the family.size shape, in the program's table of instance types
    /// (<see cref="Ec2InstanceTypes"/>), and, when it runs an AMI whose architecture the program knows
    /// (<paramref name="amiOfKnownArchitecture"/> names it), of that architecture.
    /// </summary>
    public static string InstanceType(string text, string example, string? amiOfKnownArchitecture, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(invalid);
        if (!InstanceTypePattern().IsMatch(text))
        {
            throw invalid(text, $"an EC2 instance type such as {example} (family.size, lower case)");
        }

        var architecture = Ec2InstanceTypes.ArchitectureOf(text);
        if (architecture is null)
        {
            var close = Suggestions.Closest(text, Ec2InstanceTypes.Known, 3);
            var hint = close.Count > 0 ? $"; closest: {string.Join(", ", close)}" : "";
            throw invalid(text, $"an EC2 instance type of the program's table (as of {Ec2InstanceTypes.AsOf}), such as t3.small{hint}");
        }

        if (amiOfKnownArchitecture is not null && architecture != StackSettings.DefaultAmiArchitecture)
        {
            throw invalid(
                text, $"an instance type of architecture {StackSettings.DefaultAmiArchitecture}, because {amiOfKnownArchitecture} is {StackSettings.DefaultAmiArchitecture} and {text} is {architecture}");
        }

        return text;
    }

    /// <summary>An AMI id.</summary>
    public static string Ami(string text, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return AmiPattern().IsMatch(text)
            ? text
            : throw invalid(text, "an AMI id: ami- followed by 8 or 17 hexadecimal digits (leave it unset for the latest Amazon Linux 2023 AMI)");
    }

    /// <summary>A VPC endpoint service name of another account or stack.</summary>
    public static string EndpointServiceName(string text, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return EndpointServicePattern().IsMatch(text)
            ? text
            : throw invalid(text, "an endpoint service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0");
    }

    /// <summary>
    /// Interface endpoint service short names: catalogued, each service once (aliases such as firehose and
    /// kinesis-firehose name the same service, and two endpoints would clash on private DNS), at most 40.
    /// <paramref name="invalid"/> gets the key (<paramref name="listKey"/> or an item such as <c>services[2]</c>).
    /// </summary>
    public static void InterfaceEndpointServices(IReadOnlyList<string> names, string listKey, Func<string, string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(invalid);
        if (names.Count > MaxInterfaceEndpoints)
        {
            throw invalid(listKey, $"a list of {names.Count} services", $"at most {MaxInterfaceEndpoints} interface endpoints");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var key = $"{listKey}[{i}]";
            var name = names[i];
            if (!InterfaceEndpointCatalog.IsKnown(name))
            {
                var close = Suggestions.Closest(name, InterfaceEndpointCatalog.ShortNames, 3);
                var examples = close.Count > 0
                    ? $"closest: {string.Join(", ", close)}"
                    : $"for example {string.Join(", ", InterfaceEndpointCatalog.ShortNames.Take(6))} and {InterfaceEndpointCatalog.ShortNames.Count - 6} more";
                throw invalid(key, name, $"a catalogued interface endpoint service short name; {examples}");
            }

            var service = InterfaceEndpointCatalog.ServiceName("region", name);
            if (!seen.TryAdd(service, i))
            {
                throw invalid(key, name, $"each service at most once, and it is already {listKey}[{seen[service]}] ({names[seen[service]]})");
            }
        }
    }

    /// <summary>
    /// A fully qualified Pulumi stack name, <c>organization/project/stack</c>, as a stack reference takes it. Each part
    /// follows Pulumi's naming rule for stacks: "alphanumeric characters, hyphens, underscores, or periods" (Pulumi
    /// documentation, Stacks: create a stack).
    /// </summary>
    public static string StackName(string text, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return StackNamePattern().IsMatch(text)
            ? text
            : throw invalid(text, "a fully qualified stack name organization/project/stack, such as acme/network/inspection, each part of letters, digits, hyphens, underscores and periods");
    }

    /// <summary>Fixed appliances per AZ, 1 to 4; zero is refused with why.</summary>
    public static int AppliancesPerAz(int count, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        if (count is >= 1 and <= 4)
        {
            return count;
        }

        var allowed = "a whole number from 1 to 4";
        if (count == 0)
        {
            allowed += "; zero appliances would leave the Gateway Load Balancer without targets, so no inspected traffic would pass";
        }

        throw invalid(Show(count), allowed);
    }

    /// <summary>A TCP or UDP port, 1 to 65535.</summary>
    public static int Port(int port, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return port is >= 1 and <= 65535 ? port : throw invalid(Show(port), "a whole number from 1 to 65535");
    }

    /// <summary>The health check protocol in upper case; null means TCP.</summary>
    public static string HealthCheckProtocol(string? text, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        var protocol = text?.ToUpperInvariant() ?? "TCP";
        return Appliances.PassThroughAppliance.HealthCheckProtocols.Contains(protocol) ? protocol : throw invalid(text!, "one of TCP, HTTP, HTTPS");
    }

    /// <summary>
    /// The health check path: none for TCP, otherwise a path starting with / of at most 1024 characters
    /// (<paramref name="protocolName"/> is how the message names the protocol setting or input).
    /// </summary>
    public static string? HealthCheckPath(string? path, string protocol, string protocolName, Func<string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        if (path is null)
        {
            return null;
        }

        if (protocol == "TCP")
        {
            throw invalid(path, $"no path when {protocolName} is TCP; a path is only for HTTP or HTTPS health checks");
        }

        return path.StartsWith('/') && path.Length <= 1024
            ? path
            : throw invalid(path, HealthCheckPathAllowed);
    }

    /// <summary>What a health check path may be.</summary>
    public const string HealthCheckPathAllowed = "a path starting with / of at most 1024 characters, such as /health";

    /// <summary>What each Auto Scaling group size may be.</summary>
    public const string FleetSizeAllowed = "a whole number of at least 1, because a target group without appliances passes no inspected traffic";

    /// <summary>
    /// The appliance fleet's Auto Scaling group sizes, each given or not: a size left out follows the ones given, then
    /// <paramref name="defaultSize"/>. AWS requires min ≤ desired ≤ max (CreateAutoScalingGroup, Amazon EC2 Auto
    /// Scaling API Reference: DesiredCapacity "must be greater than or equal to the minimum size of the group and less
    /// than or equal to the maximum size"). The program adds: at least one appliance (a target group without targets
    /// passes no inspected traffic), and, unless <paramref name="crossZoneOrFixed"/>, at least one per AZ (the group
    /// spreads its instances evenly over its zones, and a zone without an appliance drops its flows).
    /// <paramref name="invalid"/> gets the field (fleetMinSize, fleetMaxSize, fleetDesiredCapacity), the value and what
    /// is allowed; <paramref name="names"/> are how the messages name the other settings or inputs.
    /// </summary>
    public static (int Min, int Max, int Desired) FleetSize(
        int? min, int? max, int? desired, int defaultSize, int azCount, bool crossZoneOrFixed, FleetSizeNames names,
        Func<string, string, string, Exception> invalid)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(invalid);
        foreach (var (field, value) in new[] { ("fleetMinSize", min), ("fleetMaxSize", max), ("fleetDesiredCapacity", desired) })
        {
            if (value is < 1)
            {
                throw invalid(field, Show(value.Value), FleetSizeAllowed);
            }
        }

        var wanted = desired ?? Math.Min(Math.Max(defaultSize, min ?? 1), Math.Max(max ?? int.MaxValue, min ?? 1));
        var minimum = min ?? Math.Min(wanted, max ?? wanted);
        var maximum = max ?? Math.Max(wanted, minimum);
        if (maximum < minimum)
        {
            throw invalid("fleetMaxSize", Show(maximum), $"a size of at least {names.MinSize} ({minimum}), as Auto Scaling requires");
        }

        if (wanted < minimum || wanted > maximum)
        {
            throw invalid("fleetDesiredCapacity", Show(wanted), $"a size from {names.MinSize} ({minimum}) to {names.MaxSize} ({maximum}), as Auto Scaling requires");
        }

        if (!crossZoneOrFixed && minimum < azCount)
        {
            throw invalid(
                min is null ? "fleetDesiredCapacity" : "fleetMinSize",
                Show(minimum),
                $"at least {names.AzCount} ({azCount}) so that every AZ keeps an appliance, because cross-zone load balancing is off and a zone without one drops its inspected flows (or set {names.CrossZone} to true)");
        }

        return (minimum, maximum, wanted);
    }

    private static string Show(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex StackNamePattern();

    [GeneratedRegex("^ami-([0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex AmiPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*\.[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceTypePattern();

    [GeneratedRegex(@"^com\.amazonaws\.vpce\.[a-z]{2}(-[a-z]+)+-\d+\.vpce-svc-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex EndpointServicePattern();
}

/// <summary>How the fleet size messages name the minimum and maximum size, the AZ count and the cross-zone switch.</summary>
public sealed record FleetSizeNames(string MinSize, string MaxSize, string AzCount, string CrossZone);
