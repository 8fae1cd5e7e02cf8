using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infra.Model.Analysis;

/// <summary>Where a price table's figures come from.</summary>
/// <param name="Name">The page's title, e.g. <c>Amazon VPC pricing</c>.</param>
/// <param name="Url">Its address.</param>
/// <param name="Covers">Which prices of the table it gives.</param>
/// <param name="OnlyWith">When set (<c>transitGateway</c>), the source is cited only by estimates that price that part.</param>
public sealed record PriceSource(string Name, string Url, string Covers, string? OnlyWith = null)
{
    /// <summary>The <see cref="OnlyWith"/> value of a source cited only when the stack has a transit gateway attachment.</summary>
    public const string TransitGateway = "transitGateway";
}

/// <summary>The on-demand prices of one region, in the table's currency.</summary>
/// <param name="NatGatewayHour">A NAT gateway, per hour.</param>
/// <param name="NatGatewayGb">Data processed by a NAT gateway, per GB.</param>
/// <param name="PublicIpv4Hour">A public IPv4 address (an Elastic IP in use), per hour.</param>
/// <param name="InterfaceEndpointAzHour">An interface endpoint, per AZ it has a network interface in, per hour.</param>
/// <param name="InterfaceEndpointGb">Data processed by interface endpoints, per GB (first tier).</param>
/// <param name="GatewayLoadBalancerHour">A Gateway Load Balancer, per hour.</param>
/// <param name="GatewayLoadBalancerCapacityUnitHour">A Gateway Load Balancer capacity unit (GLCU), per hour.</param>
/// <param name="GatewayLoadBalancerEndpointAzHour">A Gateway Load Balancer endpoint, per hour (each is in one AZ).</param>
/// <param name="GatewayLoadBalancerEndpointGb">Data processed by Gateway Load Balancer endpoints, per GB.</param>
/// <param name="CrossAzGb">Data transfer between AZs of the region, per GB in each direction.</param>
/// <param name="TransitGatewayAttachmentHour">A transit gateway attachment (to a VPC), per hour.</param>
/// <param name="TransitGatewayGb">Data an attachment sends into a transit gateway, per GB processed.</param>
/// <param name="InstanceHour">Linux on-demand EC2 instances by type, per hour.</param>
public sealed record RegionPrices(
    decimal NatGatewayHour,
    decimal NatGatewayGb,
    decimal PublicIpv4Hour,
    decimal InterfaceEndpointAzHour,
    decimal InterfaceEndpointGb,
    decimal GatewayLoadBalancerHour,
    decimal GatewayLoadBalancerCapacityUnitHour,
    decimal GatewayLoadBalancerEndpointAzHour,
    decimal GatewayLoadBalancerEndpointGb,
    decimal CrossAzGb,
    decimal TransitGatewayAttachmentHour,
    decimal TransitGatewayGb,
    IReadOnlyDictionary<string, decimal> InstanceHour);

/// <summary>
/// The prices the cost estimate uses, kept as a data file (JSON) with its sources and the date they were taken:
/// per region, with a fallback region for regions the table lacks.
/// </summary>
/// <param name="Currency">The currency, <c>USD</c>.</param>
/// <param name="HoursPerMonth">Hours in a billing month as AWS's calculators count them (730).</param>
/// <param name="AsOf">When the figures were taken from the sources (ISO date).</param>
/// <param name="Sources">The pricing pages the figures come from.</param>
/// <param name="FallbackRegion">The region whose prices stand in for a region the table lacks.</param>
/// <param name="Regions">Prices by region code.</param>
public sealed record PriceTable(
    string Currency,
    decimal HoursPerMonth,
    string AsOf,
    IReadOnlyList<PriceSource> Sources,
    string FallbackRegion,
    IReadOnlyDictionary<string, RegionPrices> Regions)
{
    /// <summary>Reads a price table from its JSON text.</summary>
    /// <exception cref="FormatException">The text is not a complete price table; the message says what is wrong.</exception>
    public static PriceTable Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        PriceTable? table;
        try
        {
            table = JsonSerializer.Deserialize(json, PriceTableJson.Default.PriceTable);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not a valid price table: {e.Message}", e);
        }

        if (table is null)
        {
            throw new FormatException("Not a valid price table: the file holds null.");
        }

        if (table.HoursPerMonth <= 0)
        {
            throw new FormatException("Not a valid price table: hoursPerMonth must be positive.");
        }

        if (table.Sources.FirstOrDefault(s => s.OnlyWith is not null and not PriceSource.TransitGateway) is { } source)
        {
            throw new FormatException($"Not a valid price table: source {source.Name} has onlyWith {source.OnlyWith}; the only value is {PriceSource.TransitGateway}.");
        }

        if (!table.Regions.ContainsKey(table.FallbackRegion))
        {
            throw new FormatException($"Not a valid price table: the fallback region {table.FallbackRegion} has no prices.");
        }

        return table;
    }

    /// <summary>The prices for <paramref name="region"/>, or those of <see cref="FallbackRegion"/> when the table lacks it.</summary>
    public (string Region, RegionPrices Prices, bool IsFallback) For(string region) =>
        Regions.TryGetValue(region, out var prices)
            ? (region, prices, false)
            : (FallbackRegion, Regions[FallbackRegion], true);
}

/// <summary>
/// The price table's JSON reader, generated at compile time: camelCase names, every constructor parameter required,
/// nullability respected, unknown fields refused, comments and trailing commas allowed.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(PriceTable))]
internal sealed partial class PriceTableJson : JsonSerializerContext;
