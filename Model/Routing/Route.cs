namespace Infra.Model.Routing;

/// <summary>What a route's destination is.</summary>
public enum DestinationKind
{
    /// <summary>An IPv4 CIDR block.</summary>
    Cidr,

    /// <summary>An IPv6 CIDR block.</summary>
    Ipv6Cidr,

    /// <summary>A prefix list (e.g. the one of a gateway endpoint's service).</summary>
    PrefixList,
}

/// <summary>
/// A route's destination. Equality and order use <see cref="Kind"/> and <see cref="Text"/> only;
/// <see cref="ServiceName"/> is informational.
/// </summary>
/// <param name="Kind">CIDR, IPv6 CIDR or prefix list.</param>
/// <param name="Text">The CIDR, the prefix list id (<c>pl-…</c>) or, when the id is not known, <c>pl:&lt;serviceName&gt;</c>.</param>
/// <param name="ServiceName">For a prefix list of an AWS service, the service name (<c>com.amazonaws.us-east-1.s3</c>).</param>
public sealed record Destination(DestinationKind Kind, string Text, string? ServiceName = null) : IComparable<Destination>
{
    /// <summary>An IPv4 CIDR destination.</summary>
    public static Destination Cidr(string cidr) => new(DestinationKind.Cidr, cidr);

    /// <summary>An IPv6 CIDR destination.</summary>
    public static Destination Ipv6Cidr(string cidr) => new(DestinationKind.Ipv6Cidr, cidr);

    /// <summary>A prefix list destination by id.</summary>
    public static Destination PrefixList(string prefixListId, string? serviceName = null) =>
        new(DestinationKind.PrefixList, prefixListId, serviceName);

    /// <summary>
    /// The prefix list of an AWS service: its <c>pl-…</c> id when <paramref name="prefixListIdsByService"/> knows the
    /// service (by full name, or by its last segment such as <c>s3</c>), otherwise <c>pl:&lt;serviceName&gt;</c>.
    /// </summary>
    public static Destination ForService(string serviceName, IReadOnlyDictionary<string, string>? prefixListIdsByService = null)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        if (prefixListIdsByService is not null)
        {
            if (prefixListIdsByService.TryGetValue(serviceName, out var id) ||
                prefixListIdsByService.TryGetValue(ShortServiceName(serviceName), out id))
            {
                return new Destination(DestinationKind.PrefixList, id, serviceName);
            }
        }

        return new Destination(DestinationKind.PrefixList, "pl:" + serviceName, serviceName);
    }

    /// <summary>The last segment of a service name: <c>com.amazonaws.us-east-1.s3</c> → <c>s3</c>.</summary>
    public static string ShortServiceName(string serviceName)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        var parts = serviceName.Split('.');
        return parts.Length > 3 && parts[0] == "com" && parts[1] == "amazonaws"
            ? string.Join('.', parts.Skip(3))
            : parts[^1];
    }

    /// <inheritdoc />
    public bool Equals(Destination? other) =>
        other is not null && Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Text));

    /// <summary>Kind (CIDR, IPv6, prefix list), then IPv4 blocks by address and prefix, else ordinal text.</summary>
    public int CompareTo(Destination? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byKind = Kind.CompareTo(other.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        if (Kind == DestinationKind.Cidr &&
            Addressing.Cidr.TryParse(Text, out var mine, out _) &&
            Addressing.Cidr.TryParse(other.Text, out var theirs, out _))
        {
            var byBlock = mine.CompareTo(theirs);
            if (byBlock != 0)
            {
                return byBlock;
            }
        }

        return string.CompareOrdinal(Text, other.Text);
    }

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator <(Destination? left, Destination? right) => Compare(left, right) < 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator <=(Destination? left, Destination? right) => Compare(left, right) <= 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator >(Destination? left, Destination? right) => Compare(left, right) > 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator >=(Destination? left, Destination? right) => Compare(left, right) >= 0;

    private static int Compare(Destination? left, Destination? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary>The destination as the console shows it.</summary>
    public override string ToString() => Text;
}

/// <summary>What a route's target is.</summary>
public enum TargetKind
{
    /// <summary>The VPC's own addresses.</summary>
    Local,

    /// <summary>An internet gateway.</summary>
    InternetGateway,

    /// <summary>A NAT gateway.</summary>
    NatGateway,

    /// <summary>A gateway VPC endpoint (S3, DynamoDB).</summary>
    GatewayEndpoint,

    /// <summary>A Gateway Load Balancer endpoint.</summary>
    GatewayLoadBalancerEndpoint,

    /// <summary>An interface VPC endpoint.</summary>
    InterfaceEndpoint,

    /// <summary>A network interface.</summary>
    NetworkInterface,

    /// <summary>A transit gateway.</summary>
    TransitGateway,

    /// <summary>A VPC peering connection.</summary>
    PeeringConnection,

    /// <summary>An egress-only internet gateway.</summary>
    EgressOnlyInternetGateway,

    /// <summary>Anything else (virtual private gateway, carrier or local gateway, core network, unknown).</summary>
    Other,
}

/// <summary>
/// A route's target. Equality and order use <see cref="Kind"/> and <see cref="Id"/> only;
/// <see cref="ResourceName"/> and <see cref="ServiceName"/> are informational.
/// </summary>
/// <param name="Kind">What the target is.</param>
/// <param name="Id">The target's id (null for local).</param>
/// <param name="ResourceName">The logical name of the target's resource, when it is among the resources.</param>
/// <param name="ServiceName">For an endpoint, its service name.</param>
public sealed record Target(TargetKind Kind, string? Id = null, string? ResourceName = null, string? ServiceName = null) : IComparable<Target>
{
    /// <summary>The local target.</summary>
    public static Target Local { get; } = new(TargetKind.Local);

    /// <summary>An internet gateway target.</summary>
    public static Target InternetGateway(string id) => new(TargetKind.InternetGateway, id);

    /// <summary>A NAT gateway target.</summary>
    public static Target NatGateway(string id) => new(TargetKind.NatGateway, id);

    /// <summary>A gateway endpoint target.</summary>
    public static Target GatewayEndpoint(string id) => new(TargetKind.GatewayEndpoint, id);

    /// <summary>A Gateway Load Balancer endpoint target.</summary>
    public static Target GatewayLoadBalancerEndpoint(string id) => new(TargetKind.GatewayLoadBalancerEndpoint, id);

    /// <summary>An interface endpoint target.</summary>
    public static Target InterfaceEndpoint(string id) => new(TargetKind.InterfaceEndpoint, id);

    /// <summary>An egress-only internet gateway target.</summary>
    public static Target EgressOnlyInternetGateway(string id) => new(TargetKind.EgressOnlyInternetGateway, id);

    /// <summary>A network interface target.</summary>
    public static Target NetworkInterface(string id) => new(TargetKind.NetworkInterface, id);

    /// <summary>A transit gateway target.</summary>
    public static Target TransitGateway(string id) => new(TargetKind.TransitGateway, id);

    /// <summary>A peering connection target.</summary>
    public static Target PeeringConnection(string id) => new(TargetKind.PeeringConnection, id);

    /// <inheritdoc />
    public bool Equals(Target? other) =>
        other is not null && Kind == other.Kind && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Id is null ? 0 : StringComparer.Ordinal.GetHashCode(Id));

    /// <summary>Kind, then id.</summary>
    public int CompareTo(Target? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(Id, other.Id);
    }

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator <(Target? left, Target? right) => Compare(left, right) < 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator <=(Target? left, Target? right) => Compare(left, right) <= 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator >(Target? left, Target? right) => Compare(left, right) > 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator >=(Target? left, Target? right) => Compare(left, right) >= 0;

    private static int Compare(Target? left, Target? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary>What the target is, in words: <c>S3 gateway endpoint</c>, <c>NAT gateway</c>…</summary>
    public string Description => Kind switch
    {
        TargetKind.Local => "local",
        TargetKind.InternetGateway => "internet gateway",
        TargetKind.NatGateway => "NAT gateway",
        TargetKind.GatewayEndpoint => ServiceName is null ? "gateway endpoint" : $"{ServiceLabel(ServiceName)} gateway endpoint",
        TargetKind.GatewayLoadBalancerEndpoint => "Gateway Load Balancer endpoint",
        TargetKind.InterfaceEndpoint => ServiceName is null ? "interface endpoint" : $"{ServiceLabel(ServiceName)} interface endpoint",
        TargetKind.NetworkInterface => "network interface",
        TargetKind.TransitGateway => "transit gateway",
        TargetKind.PeeringConnection => "peering connection",
        TargetKind.EgressOnlyInternetGateway => "egress-only internet gateway",
        _ => "other target",
    };

    /// <summary>As the console shows it: <c>local</c>, or <c>vpce-0abc (S3 gateway endpoint, name)</c>.</summary>
    public override string ToString()
    {
        if (Kind == TargetKind.Local)
        {
            return "local";
        }

        var name = ResourceName is null ? "" : $", {ResourceName}";
        return $"{Id ?? "(unknown id)"} ({Description}{name})";
    }

    private static string ServiceLabel(string serviceName)
    {
        var shortName = Destination.ShortServiceName(serviceName);
        return shortName switch
        {
            "s3" => "S3",
            "dynamodb" => "DynamoDB",
            _ => shortName,
        };
    }
}

/// <summary>One route: destination and target. Ordered local first, then by destination, then by target.</summary>
public sealed record Route(Destination Destination, Target Target) : IComparable<Route>
{
    /// <summary>True for the VPC's implicit local route(s).</summary>
    public bool IsLocal => Target.Kind == TargetKind.Local;

    /// <inheritdoc />
    public int CompareTo(Route? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (IsLocal != other.IsLocal)
        {
            return IsLocal ? -1 : 1;
        }

        var byDestination = Destination.CompareTo(other.Destination);
        return byDestination != 0 ? byDestination : Target.CompareTo(other.Target);
    }

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator <(Route? left, Route? right) => Compare(left, right) < 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator <=(Route? left, Route? right) => Compare(left, right) <= 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator >(Route? left, Route? right) => Compare(left, right) > 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator >=(Route? left, Route? right) => Compare(left, right) >= 0;

    private static int Compare(Route? left, Route? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary>As the console shows it: <c>10.0.0.0/16 → local</c>.</summary>
    public override string ToString() => $"{Destination} → {Target}";

    /// <summary>One route per line.</summary>
    public static string FormatTable(IEnumerable<Route> routes) =>
        string.Join(Environment.NewLine, routes.Select(r => r.ToString()));
}
