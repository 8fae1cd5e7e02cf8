namespace Infra.Model.Addressing;

/// <summary>
/// Subnet tiers. The value is also the subnet's <c>Tier</c> tag, which the routing model reads back.
/// </summary>
public static class Tiers
{
    /// <summary>Workload VPC: subnets with a route to the internet gateway (NAT gateways live here).</summary>
    public const string Public = "public";

    /// <summary>Workload VPC: subnets without public addresses; interface endpoints live here.</summary>
    public const string Private = "private";

    /// <summary>Workload VPC, consumer side of inspection: workloads whose traffic is inspected.</summary>
    public const string Application = "application";

    /// <summary>Workload VPC, consumer side of inspection: the Gateway Load Balancer endpoints.</summary>
    public const string Endpoint = "endpoint";

    /// <summary>Provider VPC: the Gateway Load Balancer and its appliances.</summary>
    public const string Appliance = "appliance";

    /// <summary>
    /// Centralized inspection (Transit Gateway): the small subnets that hold a VPC's transit gateway attachment
    /// interfaces, one per AZ. Only the transit components plan it, so it is not one of <see cref="All"/>.
    /// </summary>
    public const string Transit = "transit";

    /// <summary>The tiers of a workload or provider VPC (the stack settings and VpcNetwork's tiers), in their canonical order.</summary>
    public static IReadOnlyList<string> All { get; } = [Public, Private, Application, Endpoint, Appliance];
}

/// <summary>A tier to allocate and the prefix length of each of its subnets (one per AZ).</summary>
/// <param name="Tier">The tier's name (one of <see cref="Tiers"/>).</param>
/// <param name="PrefixLength">The prefix length of each of its subnets.</param>
/// <param name="Group">
/// Tiers of a later group are placed after every block of earlier groups, so a tier that a stack may switch on later
/// belongs in a later group: adding it then leaves the existing subnets where they are.
/// </param>
public sealed record TierSpec(string Tier, int PrefixLength, int Group = 0);

/// <summary>One subnet of a plan: its tier, the index of its availability zone (0-based) and its CIDR block.</summary>
public sealed record SubnetAllocation(string Tier, int AzIndex, string Cidr);
