using System.Globalization;
using Infra.Model.Routing;

namespace Infra.Model.Analysis;

/// <summary>Monthly traffic volumes in GB that the user expects, for estimating the per-GB charges.</summary>
/// <param name="Nat">Data processed by the NAT gateways.</param>
/// <param name="Interface">Data processed by the interface endpoints, all together.</param>
/// <param name="Gwlb">Data inspected: through the GWLB endpoints and the Gateway Load Balancer.</param>
/// <param name="S3">S3 traffic of the private subnets (for the gateway endpoint's saving).</param>
/// <param name="DynamoDb">DynamoDB traffic of the private subnets (for the gateway endpoint's saving).</param>
/// <param name="Tgw">Data the transit gateway attachments send into the transit gateway, all together.</param>
public sealed record TrafficVolumes(
    decimal? Nat = null, decimal? Interface = null, decimal? Gwlb = null, decimal? S3 = null, decimal? DynamoDb = null, decimal? Tgw = null)
{
    /// <summary>The keys <see cref="Parse"/> accepts.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["nat", "interface", "gwlb", "s3", "dynamodb", "tgw"];

    /// <summary>No volumes: per-GB charges are shown as rates only.</summary>
    public static TrafficVolumes None { get; } = new();

    /// <summary>True when no volume is given.</summary>
    public bool IsEmpty => this == None;

    /// <summary>Reads <c>nat=500,interface=100,gwlb=1000</c> (GB per month; keys from <see cref="Keys"/>).</summary>
    /// <exception cref="FormatException">A pair is malformed, a key unknown or repeated, or a volume negative.</exception>
    public static TrafficVolumes Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            var key = parts[0].ToLowerInvariant();
            if (parts.Length != 2 || !Keys.Contains(key))
            {
                throw new FormatException($"'{pair}' is not a traffic volume: use KEY=GB with KEY one of {string.Join(", ", Keys)}, such as nat=500,interface=100.");
            }

            if (!decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var gb) || gb < 0)
            {
                throw new FormatException($"'{pair}' is not a traffic volume: {parts[1]} is not a number of GB (0 or more).");
            }

            if (!values.TryAdd(key, gb))
            {
                throw new FormatException($"'{key}' is given twice in '{text}'.");
            }
        }

        decimal? Get(string key) => values.TryGetValue(key, out var v) ? v : null;
        return new TrafficVolumes(Get("nat"), Get("interface"), Get("gwlb"), Get("s3"), Get("dynamodb"), Get("tgw"));
    }
}

/// <summary>A charge by the hour for resources that run all month.</summary>
/// <param name="Item">What is billed: <c>NAT gateway</c>, <c>Interface endpoints</c>…</param>
/// <param name="Detail">Which resources, e.g. <c>3 endpoints × 2 AZs</c>.</param>
/// <param name="Quantity">How many billed units run at once (endpoint-AZs, gateways, instances).</param>
/// <param name="Unit">The billed unit, singular: <c>NAT gateway</c>, <c>endpoint per AZ</c>, <c>t3.small instance</c>.</param>
/// <param name="PricePerHour">The price of one unit for one hour; null when the table has none.</param>
/// <param name="Monthly">Quantity × price × hours per month, to the cent; null when the price is unknown.</param>
public sealed record HourlyCharge(string Item, string Detail, int Quantity, string Unit, decimal? PricePerHour, decimal? Monthly);

/// <summary>A charge per GB of traffic.</summary>
/// <param name="Item">What is billed: <c>NAT gateway data processing</c>…</param>
/// <param name="Detail">How the rate applies.</param>
/// <param name="PricePerGb">The rate.</param>
/// <param name="GbPerMonth">The volume it applies to, when the user gave one.</param>
/// <param name="Monthly">Volume × rate, to the cent, when the volume is known.</param>
public sealed record UsageCharge(string Item, string Detail, decimal PricePerGb, decimal? GbPerMonth, decimal? Monthly);

/// <summary>What a gateway endpoint saves against sending the same traffic through a NAT gateway.</summary>
/// <param name="Service"><c>S3</c> or <c>DynamoDB</c>.</param>
/// <param name="Endpoint">The logical names of the service's gateway endpoints, comma-separated (one per VPC that has one).</param>
/// <param name="PerGb">The NAT gateway's data processing rate the endpoint avoids (gateway endpoints are free).</param>
/// <param name="GbPerMonth">The user's volume for the service, when given.</param>
/// <param name="Monthly">What that volume would cost through NAT, to the cent.</param>
public sealed record GatewayEndpointSaving(string Service, string Endpoint, decimal PerGb, decimal? GbPerMonth, decimal? Monthly);

/// <summary>A monthly estimate of the billable network parts of a stack.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Region">The stack's region.</param>
/// <param name="PriceRegion">The region whose prices were used.</param>
/// <param name="HoursPerMonth">Hours billed in a month.</param>
/// <param name="PricesAsOf">When the prices were taken.</param>
/// <param name="Sources">Where they come from.</param>
/// <param name="Hourly">Charges of what runs all month.</param>
/// <param name="Usage">Per-GB charges: rates, and estimates where a volume was given.</param>
/// <param name="Savings">What the gateway endpoints save against NAT.</param>
/// <param name="Warnings">Fallback region, unknown instance types, volumes that apply to nothing.</param>
public sealed record CostEstimate(
    string Currency,
    string Region,
    string PriceRegion,
    decimal HoursPerMonth,
    string PricesAsOf,
    IReadOnlyList<PriceSource> Sources,
    IReadOnlyList<HourlyCharge> Hourly,
    IReadOnlyList<UsageCharge> Usage,
    IReadOnlyList<GatewayEndpointSaving> Savings,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The hourly charges with a known price, per month.</summary>
    public decimal FixedMonthly => Hourly.Sum(h => h.Monthly ?? 0m);

    /// <summary>The per-GB charges estimated from the given volumes, per month.</summary>
    public decimal UsageMonthly => Usage.Sum(u => u.Monthly ?? 0m);

    /// <summary>Instance types the stack runs that the price table has no price for in <see cref="PriceRegion"/>.</summary>
    public IReadOnlyList<string> UnpricedInstanceTypes { get; init; } = [];

    /// <summary>True when the table lacks the stack's region and another region's prices stand in.</summary>
    public bool PricedAsAnotherRegion => PriceRegion != Region;

    /// <summary>Fixed plus estimated usage.</summary>
    public decimal TotalMonthly => FixedMonthly + UsageMonthly;
}

/// <summary>Prices the billable network parts of a stack from its resources and a price table.</summary>
public static class CostEstimator
{
    /// <summary>The estimate for the resources of <paramref name="routing"/> and <paramref name="inventory"/>.</summary>
    public static CostEstimate Estimate(RoutingModel routing, NetworkInventory inventory, PriceTable table, string region, TrafficVolumes? volumes = null)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        volumes ??= TrafficVolumes.None;
        var (priceRegion, prices, fallback) = table.For(region);
        var hours = table.HoursPerMonth;
        var warnings = new List<string>();
        if (fallback)
        {
            warnings.Add($"The price table has no prices for {region}: the {priceRegion} prices are shown instead, and {region}'s may differ.");
        }

        var zoneOfSubnet = routing.Subnets.ToDictionary(s => s.Id, s => s.AvailabilityZone, StringComparer.Ordinal);
        var zoneCount = routing.Subnets.Select(s => s.AvailabilityZone).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        var hourly = new List<HourlyCharge>();
        var usage = new List<UsageCharge>();

        HourlyCharge Hourly(string item, string detail, int quantity, string unit, decimal? price) =>
            new(item, detail, quantity, unit, price, price is null ? null : Cents(quantity * price.Value * hours));

        UsageCharge Usage(string item, string detail, decimal rate, decimal? gb) =>
            new(item, detail, rate, gb, gb is null ? null : Cents(gb.Value * rate));

        var nats = routing.NatGateways;
        if (nats.Count > 0)
        {
            var natZones = nats.Select(n => n.SubnetId is null ? null : zoneOfSubnet.GetValueOrDefault(n.SubnetId)).OfType<string>().Order(StringComparer.Ordinal);
            hourly.Add(Hourly("NAT gateways", $"{Plural(nats.Count, "gateway")} in {string.Join(", ", natZones)}", nats.Count, "NAT gateway", prices.NatGatewayHour));
            usage.Add(Usage("NAT gateway data processing", "every GB through a NAT gateway, both directions", prices.NatGatewayGb, volumes.Nat));
            if (nats.Count == 1 && zoneCount > 1)
            {
                var crossShare = volumes.Nat is null ? (decimal?)null : volumes.Nat.Value * (zoneCount - 1) / zoneCount;
                usage.Add(Usage(
                    "Cross-AZ transfer to the single NAT gateway",
                    $"{Rate(prices.CrossAzGb)}/GB each way for the {zoneCount - 1} other AZs' traffic (estimate assumes traffic spread evenly over {zoneCount} AZs)",
                    prices.CrossAzGb * 2,
                    crossShare is null ? null : Math.Round(crossShare.Value, 2, MidpointRounding.AwayFromZero)));
            }
        }
        else if (volumes.Nat is not null)
        {
            warnings.Add("A NAT volume was given, but the stack has no NAT gateway: it is not priced.");
        }

        if (inventory.ElasticIpCount > 0)
        {
            hourly.Add(Hourly(
                "Public IPv4 addresses", $"{Plural(inventory.ElasticIpCount, "Elastic IP")}, such as the NAT gateways' addresses", inventory.ElasticIpCount,
                "IPv4 address", prices.PublicIpv4Hour));
        }

        var interfaceEndpoints = routing.Endpoints.Where(e => e.Type == EndpointInfo.InterfaceType).ToList();
        if (interfaceEndpoints.Count > 0)
        {
            var endpointAzs = interfaceEndpoints.Sum(e => Math.Max(1, e.SubnetIds.Count));
            var perEndpoint = interfaceEndpoints.Select(e => Math.Max(1, e.SubnetIds.Count)).Distinct().ToList();
            var detail = perEndpoint.Count == 1
                ? $"{Plural(interfaceEndpoints.Count, "endpoint")} × {Plural(perEndpoint[0], "AZ")}"
                : $"{Plural(interfaceEndpoints.Count, "endpoint")} in {endpointAzs} endpoint-AZs";
            hourly.Add(Hourly("Interface endpoints", detail, endpointAzs, "endpoint per AZ", prices.InterfaceEndpointAzHour));
            usage.Add(Usage("Interface endpoint data processing", "every GB through the interface endpoints (first PB a month)", prices.InterfaceEndpointGb, volumes.Interface));
        }
        else if (volumes.Interface is not null)
        {
            warnings.Add("An interface endpoint volume was given, but the stack has no interface endpoint: it is not priced.");
        }

        if (inventory.LoadBalancers.Count > 0)
        {
            hourly.Add(Hourly(
                "Gateway Load Balancer", string.Join(", ", inventory.LoadBalancers.Select(l => l.Name)), inventory.LoadBalancers.Count,
                "load balancer", prices.GatewayLoadBalancerHour));
            usage.Add(Usage(
                "Gateway Load Balancer capacity units",
                $"{Rate(prices.GatewayLoadBalancerCapacityUnitHour)} per GLCU-hour, 1 GB processed an hour = 1 GLCU (bytes only; flows may dominate)",
                prices.GatewayLoadBalancerCapacityUnitHour,
                volumes.Gwlb));
        }

        var gwlbEndpoints = routing.Endpoints.Where(e => e.Type == EndpointInfo.GatewayLoadBalancerType).ToList();
        if (gwlbEndpoints.Count > 0)
        {
            var count = gwlbEndpoints.Sum(e => Math.Max(1, e.SubnetIds.Count));
            var zones = gwlbEndpoints.SelectMany(e => e.SubnetIds).Select(zoneOfSubnet.GetValueOrDefault).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            hourly.Add(Hourly("GWLB endpoints", $"{Plural(count, "endpoint")} in {string.Join(", ", zones)}", count, "endpoint", prices.GatewayLoadBalancerEndpointAzHour));
            usage.Add(Usage("GWLB endpoint data processing", "every GB inspected, through the GWLB endpoints", prices.GatewayLoadBalancerEndpointGb, volumes.Gwlb));
        }

        if (volumes.Gwlb is not null && gwlbEndpoints.Count == 0 && inventory.LoadBalancers.Count == 0)
        {
            warnings.Add("An inspection (gwlb) volume was given, but the stack has no Gateway Load Balancer or GWLB endpoint: it is not priced.");
        }

        // Transit Gateway: every VPC attachment by the hour, and every GB an attachment sends into the gateway
        // (AWS Transit Gateway pricing); the gateway itself has no charge of its own.
        var attachments = routing.Transit.Attachments;
        if (attachments.Count > 0)
        {
            var gateways = string.Join(", ", routing.Transit.TransitGateways.Select(g => g.Name));
            hourly.Add(Hourly(
                "Transit Gateway attachments", $"{Plural(attachments.Count, "VPC attachment")} to {gateways}", attachments.Count,
                "attachment", prices.TransitGatewayAttachmentHour));
            usage.Add(Usage(
                "Transit Gateway data processing",
                "every GB the attachments send into the transit gateway: a spoke's internet traffic once each way, spoke to spoke through an inspection VPC twice",
                prices.TransitGatewayGb,
                volumes.Tgw));
        }
        else if (volumes.Tgw is not null)
        {
            warnings.Add("A transit gateway (tgw) volume was given, but the stack has no transit gateway attachment: it is not priced.");
        }

        var unpricedTypes = new List<string>();
        var applianceIds = inventory.LoadBalancers.SelectMany(inventory.TargetsOf).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var group in inventory.Instances
            .GroupBy(i => (appliance: applianceIds.Contains(i.Id), type: i.InstanceType ?? "unknown"))
            .OrderByDescending(g => g.Key.appliance)
            .ThenBy(g => g.Key.type, StringComparer.Ordinal))
        {
            decimal? price = prices.InstanceHour.TryGetValue(group.Key.type, out var p) ? p : null;
            if (price is null)
            {
                unpricedTypes.Add(group.Key.type);
                warnings.Add($"The price table has no {priceRegion} price for instance type {group.Key.type}: {Plural(group.Count(), "instance")} not priced.");
            }

            var what = group.Key.appliance ? "Appliance instances" : "Other instances";
            var where = group.Select(i => i.SubnetId is null ? null : zoneOfSubnet.GetValueOrDefault(i.SubnetId)).OfType<string>()
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var detail = group.Count() <= 2
                ? string.Join(", ", group.Select(i => i.Name))
                : $"{Plural(group.Count(), "instance")} in {string.Join(", ", where)}";
            hourly.Add(Hourly(what, detail, group.Count(), $"{group.Key.type} instance", price));
        }

        // Auto Scaling itself has no charge: its instances are priced above, at the group's desired capacity.
        if (inventory.AutoScalingGroups.Count > 0)
        {
            hourly.Add(Hourly(
                "Auto Scaling groups",
                string.Join(", ", inventory.AutoScalingGroups.Select(g => $"{g.Name} ({g.MinSize}–{g.MaxSize}, desired {g.DesiredCapacity})")),
                inventory.AutoScalingGroups.Count,
                "Auto Scaling group (free)",
                0m));
        }

        var gatewayEndpoints = routing.Endpoints.Where(e => e.Type == EndpointInfo.GatewayType).ToList();
        if (gatewayEndpoints.Count > 0)
        {
            hourly.Add(Hourly(
                "Gateway endpoints", string.Join(", ", gatewayEndpoints.Select(e => ServiceLabel(e.ServiceName))), gatewayEndpoints.Count,
                "gateway endpoint (free)", 0m));
        }

        // The volumes are per service: with an endpoint of the same service in each VPC (the workload's and the
        // appliances' package repositories), the saving is the service's, named after all of them.
        var savings = new List<GatewayEndpointSaving>();
        foreach (var group in gatewayEndpoints.GroupBy(e => ServiceLabel(e.ServiceName)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var service = group.Key;
            var names = string.Join(", ", group.Select(e => e.Name).Order(StringComparer.Ordinal));
            var gb = service switch
            {
                "S3" => volumes.S3,
                "DynamoDB" => volumes.DynamoDb,
                _ => null,
            };
            savings.Add(new GatewayEndpointSaving(service, names, prices.NatGatewayGb, gb, gb is null ? null : Cents(gb.Value * prices.NatGatewayGb)));
        }

        if (volumes.S3 is not null && !savings.Any(s => s.Service == "S3"))
        {
            warnings.Add("An S3 volume was given, but the stack has no S3 gateway endpoint to compare.");
        }

        if (volumes.DynamoDb is not null && !savings.Any(s => s.Service == "DynamoDB"))
        {
            warnings.Add("A DynamoDB volume was given, but the stack has no DynamoDB gateway endpoint to compare.");
        }

        var sources = table.Sources.Where(source => source.OnlyWith is null || (source.OnlyWith == PriceSource.TransitGateway && attachments.Count > 0)).ToList();
        return new CostEstimate(table.Currency, region, priceRegion, hours, table.AsOf, sources, hourly, usage, savings, warnings)
        {
            UnpricedInstanceTypes = [.. unpricedTypes.Distinct(StringComparer.Ordinal)],
        };
    }

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Rate(decimal price) => "$" + price.ToString("0.####", CultureInfo.InvariantCulture);

    private static string ServiceLabel(string? serviceName) => serviceName is null
        ? "unknown"
        : Destination.ShortServiceName(serviceName) switch
        {
            "s3" => "S3",
            "dynamodb" => "DynamoDB",
            var other => other,
        };
}
