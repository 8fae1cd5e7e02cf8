namespace Infra.Model.Analysis;

/// <summary>Whether a flow gets through.</summary>
public enum Verdict
{
    /// <summary>Every hop exists and admits the flow.</summary>
    Reachable,

    /// <summary>A route, gateway, rule or zone is missing.</summary>
    Unreachable,

    /// <summary>The path leaves what the analysis models (peering, another stack's appliances…), or is asymmetric.</summary>
    Unknown,
}

/// <summary>What kind of destination a flow goes to.</summary>
public enum FlowKind
{
    /// <summary>Any public address on the internet.</summary>
    Internet,

    /// <summary>An AWS service with gateway endpoints (S3, DynamoDB).</summary>
    GatewayService,

    /// <summary>The AWS service of an interface endpoint (ssm, logs, …).</summary>
    InterfaceService,

    /// <summary>The subnets of another tier.</summary>
    Tier,

    /// <summary>Connections opened from the internet to the subnet (inbound).</summary>
    FromInternet,
}

/// <summary>What a hop of a path is.</summary>
public enum HopKind
{
    /// <summary>Delivered inside the VPC by the local route.</summary>
    Local,

    /// <summary>An internet gateway.</summary>
    InternetGateway,

    /// <summary>A NAT gateway.</summary>
    NatGateway,

    /// <summary>A gateway VPC endpoint.</summary>
    GatewayEndpoint,

    /// <summary>An interface VPC endpoint's network interfaces.</summary>
    InterfaceEndpoint,

    /// <summary>A Gateway Load Balancer endpoint.</summary>
    GatewayLoadBalancerEndpoint,

    /// <summary>The Gateway Load Balancer behind an endpoint service.</summary>
    GatewayLoadBalancer,

    /// <summary>The appliances registered behind a Gateway Load Balancer.</summary>
    Appliances,

    /// <summary>Something outside the stack (another stack's endpoint service).</summary>
    External,

    /// <summary>The destination subnet, for inbound flows.</summary>
    Subnet,

    /// <summary>A transit gateway attachment's network interface in one AZ (entering or leaving the gateway).</summary>
    TransitGatewayAttachment,

    /// <summary>The transit gateway route table that decides where the traffic leaves the gateway.</summary>
    TransitGatewayRouteTable,
}

/// <summary>A subnet as a source or destination of flows.</summary>
/// <param name="Id">The subnet id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="Label">A short label, tier and AZ letter: <c>private-a</c>.</param>
/// <param name="Tier">The tier, when tagged.</param>
/// <param name="AvailabilityZone">The AZ.</param>
/// <param name="CidrBlock">The IPv4 block.</param>
/// <param name="VpcId">The VPC id.</param>
/// <param name="VpcName">The VPC's logical name.</param>
public sealed record SubnetRef(
    string Id, string Name, string Label, string? Tier, string? AvailabilityZone, string? CidrBlock, string? VpcId, string? VpcName);

/// <summary>Where a flow goes.</summary>
/// <param name="Kind">The kind of destination.</param>
/// <param name="Name">
/// Its name: <c>internet</c>, <c>S3</c>, <c>DynamoDB</c>, the interface service's short name (<c>ssm</c>), or the tier.
/// </param>
/// <param name="ServiceName">For AWS services, the full service name (<c>com.amazonaws.eu-west-1.ssm</c>).</param>
public sealed record FlowDestination(FlowKind Kind, string Name, string? ServiceName = null)
{
    /// <summary>Any public address.</summary>
    public static FlowDestination Internet { get; } = new(FlowKind.Internet, "internet");

    /// <summary>Inbound connections from the internet.</summary>
    public static FlowDestination FromInternet { get; } = new(FlowKind.FromInternet, "internet (inbound)");

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>One hop of a path.</summary>
/// <param name="Kind">What the hop is.</param>
/// <param name="Label">How the path shows it: <c>nat-a</c>, <c>gwlbe-b</c>, <c>GWLB</c>, <c>igw</c>, <c>vpce (gateway)</c>.</param>
/// <param name="ResourceName">The logical name of the resource, when there is one.</param>
/// <param name="ResourceId">The resource id, when there is one.</param>
/// <param name="AvailabilityZones">
/// The AZs the hop lives in; the hop survives while any of them does. Empty for regional services (internet gateway,
/// gateway endpoints), which no single AZ takes down.
/// </param>
public sealed record PathHop(HopKind Kind, string Label, string? ResourceName, string? ResourceId, IReadOnlyList<string> AvailabilityZones)
{
    /// <summary>The hop in words, for findings: <c>NAT gateway workload-nat-eu-west-1a (eu-west-1a)</c>.</summary>
    public string Description
    {
        get
        {
            var what = Kind switch
            {
                HopKind.InternetGateway => "internet gateway",
                HopKind.NatGateway => "NAT gateway",
                HopKind.GatewayEndpoint => "gateway endpoint",
                HopKind.InterfaceEndpoint => "interface endpoint",
                HopKind.GatewayLoadBalancerEndpoint => "GWLB endpoint",
                HopKind.GatewayLoadBalancer => "Gateway Load Balancer",
                HopKind.Appliances => "appliances",
                HopKind.External => "external service",
                HopKind.Subnet => "subnet",
                HopKind.TransitGatewayAttachment => "transit gateway attachment",
                HopKind.TransitGatewayRouteTable => "transit gateway route table",
                _ => "local route",
            };
            var name = ResourceName is null ? "" : " " + ResourceName;
            var zones = AvailabilityZones.Count == 0 ? "" : $" ({string.Join(", ", AvailabilityZones)})";
            return what + name + zones;
        }
    }

    /// <summary>True when every zone the hop lives in is lost (never for a regional hop).</summary>
    public bool IsLostWith(IReadOnlySet<string> lostZones) =>
        AvailabilityZones.Count > 0 && AvailabilityZones.All(lostZones.Contains);
}

/// <summary>The verdict for one source subnet and destination.</summary>
/// <param name="Source">The source subnet (for inbound flows, the destination subnet).</param>
/// <param name="Destination">Where the flow goes.</param>
/// <param name="Verdict">Whether it gets through.</param>
/// <param name="Path">The hops, in order (for an unreachable flow, those up to where it stops).</param>
/// <param name="Reason">Why it does not get through; empty when reachable.</param>
/// <param name="Notes">Caveats: public addresses needed, traffic leaving through the internet rather than an endpoint…</param>
/// <param name="LostHop">When an AZ loss broke the flow, the hop it took down.</param>
public sealed record Flow(
    SubnetRef Source, FlowDestination Destination, Verdict Verdict, IReadOnlyList<PathHop> Path, string Reason, IReadOnlyList<string> Notes,
    PathHop? LostHop = null)
{
    /// <summary>The path as hop labels (<c>nat-a → igw</c>), or the reason when the flow does not get through.</summary>
    public string Summary => Verdict == Verdict.Reachable
        ? string.Join(" → ", Path.Select(h => h.Label))
        : Reason;

    /// <summary>One line: <c>private-a → internet: nat-a → igw</c>, or <c>internet → application-a: igw → …</c> inbound.</summary>
    public override string ToString() => Destination.Kind == FlowKind.FromInternet
        ? $"internet → {Source.Label}: {Summary}"
        : $"{Source.Label} → {Destination.Name}: {Summary}";
}
