using System.Collections.Immutable;

namespace Infra.Model.Routing;

/// <summary>A VPC.</summary>
/// <param name="Id">The VPC id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="CidrBlock">The primary IPv4 block (null when not among the inputs).</param>
/// <param name="AdditionalCidrBlocks">Secondary IPv4 blocks from VpcIpv4CidrBlockAssociation resources.</param>
/// <param name="Ipv6CidrBlock">The IPv6 block, when known.</param>
/// <param name="Tags">Tags.</param>
public sealed record VpcInfo(
    string Id,
    string Name,
    string? CidrBlock,
    IReadOnlyList<string> AdditionalCidrBlocks,
    string? Ipv6CidrBlock,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>Every IPv4 block of the VPC: the primary one (when known) first, then the secondary ones.</summary>
    public IEnumerable<string> Ipv4Blocks => new[] { CidrBlock }.Concat(AdditionalCidrBlocks).OfType<string>();
}

/// <summary>A subnet.</summary>
/// <param name="Id">The subnet id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="VpcId">The VPC id.</param>
/// <param name="CidrBlock">The IPv4 block.</param>
/// <param name="AvailabilityZone">The AZ name, when set.</param>
/// <param name="Tier">The <c>Tier</c> tag (see <see cref="Addressing.Tiers"/>), when set.</param>
/// <param name="MapPublicIpOnLaunch">Whether instances get a public address.</param>
/// <param name="Tags">Tags.</param>
public sealed record SubnetInfo(
    string Id,
    string Name,
    string? VpcId,
    string? CidrBlock,
    string? AvailabilityZone,
    string? Tier,
    bool MapPublicIpOnLaunch,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>Where a route table comes from.</summary>
public enum RouteTableKind
{
    /// <summary>A RouteTable resource.</summary>
    Custom,

    /// <summary>A DefaultRouteTable resource (the VPC's default table, adopted).</summary>
    Default,

    /// <summary>The VPC's default table that no resource manages: only the local route plus routes added to it.</summary>
    ImplicitMain,

    /// <summary>An id that routes or associations refer to but no resource declares.</summary>
    Unknown,
}

/// <summary>A route table.</summary>
/// <param name="Id">Its id: the resource id, the real default table id for a DefaultRouteTable, or <c>main:&lt;vpcId&gt;</c>.</param>
/// <param name="Name">The logical name (null for an implicit or unknown table).</param>
/// <param name="VpcId">The VPC, when known.</param>
/// <param name="Kind">Where it comes from.</param>
/// <param name="IsMain">Whether it is its VPC's main table (used by subnets without an explicit association).</param>
/// <param name="Aliases">Every id that refers to this table (the mock id, the default table id, …).</param>
public sealed record RouteTableInfo(string Id, string? Name, string? VpcId, RouteTableKind Kind, bool IsMain, IReadOnlyList<string> Aliases)
{
    /// <summary>The name if any, else the id.</summary>
    public override string ToString() => Name ?? Id;
}

/// <summary>A VPC endpoint.</summary>
/// <param name="Id">The endpoint id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="VpcId">The VPC id.</param>
/// <param name="ServiceName">The service name.</param>
/// <param name="Type"><c>Gateway</c> (the default), <c>Interface</c> or <c>GatewayLoadBalancer</c>.</param>
/// <param name="SubnetIds">Subnets (interface and GWLB endpoints).</param>
/// <param name="RouteTableIds">The endpoint's own routeTableIds input (gateway endpoints); see also <see cref="RoutingModel.GatewayEndpointAttachments"/>.</param>
/// <param name="PrivateDnsEnabled">privateDnsEnabled (false when unset).</param>
/// <param name="SecurityGroupIds">Security groups (interface endpoints).</param>
public sealed record EndpointInfo(
    string Id,
    string Name,
    string? VpcId,
    string? ServiceName,
    string Type,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<string> RouteTableIds,
    bool PrivateDnsEnabled,
    IReadOnlyList<string> SecurityGroupIds)
{
    /// <summary>The <c>vpcEndpointType</c> of a gateway endpoint.</summary>
    public const string GatewayType = "Gateway";

    /// <summary>The <c>vpcEndpointType</c> of an interface endpoint.</summary>
    public const string InterfaceType = "Interface";

    /// <summary>The <c>vpcEndpointType</c> of a Gateway Load Balancer endpoint.</summary>
    public const string GatewayLoadBalancerType = "GatewayLoadBalancer";

    /// <summary>The kind of target a route to this endpoint has.</summary>
    public TargetKind TargetKind => Type switch
    {
        GatewayType => TargetKind.GatewayEndpoint,
        GatewayLoadBalancerType => TargetKind.GatewayLoadBalancerEndpoint,
        InterfaceType => TargetKind.InterfaceEndpoint,
        _ => TargetKind.Other,
    };
}

/// <summary>An internet gateway.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="VpcId">The VPC it is attached to (vpcId or an InternetGatewayAttachment).</param>
public sealed record InternetGatewayInfo(string Id, string Name, string? VpcId);

/// <summary>A NAT gateway.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="SubnetId">The subnet it lives in.</param>
/// <param name="ConnectivityType"><c>public</c> (the default) or <c>private</c>.</param>
public sealed record NatGatewayInfo(string Id, string Name, string? SubnetId, string ConnectivityType);

/// <summary>Reads mock input values, whatever collection types they arrive as.</summary>
internal static class InputValues
{
    public static string? String(IReadOnlyDictionary<string, object>? values, string key) =>
        values is not null && values.TryGetValue(key, out var value) && value is string text && text.Length > 0 ? text : null;

    /// <summary>A whole number (mocks pass numbers as doubles; a numeric string counts too); null when absent.</summary>
    public static int? Number(IReadOnlyDictionary<string, object>? values, string key)
    {
        if (values is null || !values.TryGetValue(key, out var value))
        {
            return null;
        }

        return value switch
        {
            int i => i,
            long l => (int)l,
            double d => (int)d,
            decimal m => (int)m,
            string s when int.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    public static bool? Boolean(IReadOnlyDictionary<string, object>? values, string key)
    {
        if (values is null || !values.TryGetValue(key, out var value))
        {
            return null;
        }

        return value switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var parsed) => parsed,
            _ => null,
        };
    }

    public static IReadOnlyList<object> List(IReadOnlyDictionary<string, object>? values, string key)
    {
        if (values is null || !values.TryGetValue(key, out var value))
        {
            return [];
        }

        return value switch
        {
            ImmutableArray<object> { IsDefault: true } => [],
            string => [],
            IEnumerable<object> items => [.. items.Where(i => i is not null)],
            System.Collections.IEnumerable items => [.. items.Cast<object?>().Where(i => i is not null).Select(i => i!)],
            _ => [],
        };
    }

    public static IReadOnlyList<string> Strings(IReadOnlyDictionary<string, object>? values, string key) =>
        [.. List(values, key).OfType<string>().Where(s => s.Length > 0)];

    public static IReadOnlyDictionary<string, object>? Map(object? value) => value switch
    {
        IReadOnlyDictionary<string, object> map => map,
        IDictionary<string, object> map => new Dictionary<string, object>(map, StringComparer.Ordinal),
        _ => null,
    };

    public static IReadOnlyDictionary<string, string> Tags(IReadOnlyDictionary<string, object>? values)
    {
        var map = values is not null && values.TryGetValue("tags", out var value) ? Map(value) : null;
        if (map is null)
        {
            return ImmutableSortedDictionary<string, string>.Empty;
        }

        return map
            .Where(pair => pair.Value is string)
            .ToImmutableSortedDictionary(pair => pair.Key, pair => (string)pair.Value, StringComparer.Ordinal);
    }
}
