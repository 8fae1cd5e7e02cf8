using System.Collections.Immutable;
using Infra.Model.Addressing;
using Infra.Model.Policy;

namespace Infra.Model.Configuration;

/// <summary>How private subnets reach the internet.</summary>
public enum NatStrategy
{
    /// <summary>No NAT gateway: private subnets have no internet path.</summary>
    None,

    /// <summary>One NAT gateway in the first public subnet, shared by every AZ.</summary>
    Single,

    /// <summary>One NAT gateway per AZ, each used by the private subnets of its AZ.</summary>
    PerAz,
}

/// <summary>Which side of the Gateway Load Balancer inspection pattern this stack builds.</summary>
public enum InspectionMode
{
    /// <summary>No inspection.</summary>
    Off,

    /// <summary>Provider VPC (GWLB, appliances, endpoint service) and the consumer side in the workload VPC.</summary>
    Combined,

    /// <summary>Only the provider VPC; no workload VPC.</summary>
    Provider,

    /// <summary>
    /// Only the workload VPC with its GWLB endpoints, using <c>inspection.endpointServiceName</c> or the
    /// <c>endpointServiceName</c> output of <c>inspection.providerStack</c>.
    /// </summary>
    Consumer,
}

/// <summary>How the inspection appliances are run.</summary>
public enum ApplianceFleet
{
    /// <summary>An Auto Scaling group across the appliance subnets, attached to the target group: failed appliances are replaced.</summary>
    AutoScaling,

    /// <summary>Fixed instances, <c>appliancesPerAz</c> in each AZ, registered in the target group one by one.</summary>
    Instances,
}

/// <summary>Prefix length of each tier's subnets.</summary>
public sealed record SubnetPrefixLengths(
    int Public = 24, int Private = 20, int Application = 22, int Endpoint = 28, int Appliance = 24, int Transit = 28)
{
    /// <summary>The defaults: public 24, private 20, application 22, endpoint 28, appliance 24, transit 28.</summary>
    public static SubnetPrefixLengths Default { get; } = new();

    /// <summary>The prefix length of <paramref name="tier"/> (one of <see cref="Tiers"/>).</summary>
    public int For(string tier) => tier switch
    {
        Tiers.Public => Public,
        Tiers.Private => Private,
        Tiers.Application => Application,
        Tiers.Endpoint => Endpoint,
        Tiers.Appliance => Appliance,
        Tiers.Transit => Transit,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>
    /// The tiers to plan, with their prefix lengths. The inspection tiers (application, endpoint) form a later group,
    /// so that switching inspection on adds subnets without moving the existing ones.
    /// </summary>
    public IReadOnlyList<TierSpec> Specs(IEnumerable<string> tiers) =>
        [.. tiers.Select(t => new TierSpec(t, For(t), t is Tiers.Application or Tiers.Endpoint ? 1 : 0))];
}

/// <summary>The <c>inspection</c> setting.</summary>
public sealed record InspectionSettings
{
    /// <summary>Which side(s) this stack builds; default off.</summary>
    public InspectionMode Mode { get; init; } = InspectionMode.Off;

    /// <summary>The provider VPC block; default 10.100.0.0/16.</summary>
    public string ProviderVpcCidr { get; init; } = "10.100.0.0/16";

    /// <summary>The appliance AMI, or null to use the latest Amazon Linux 2023 AMI.</summary>
    public string? ApplianceAmi { get; init; }

    /// <summary>The appliance instance type; default t3.small.</summary>
    public string ApplianceInstanceType { get; init; } = "t3.small";

    /// <summary>Appliances in each AZ of the provider VPC, 1 to 4; default 1.</summary>
    public int AppliancesPerAz { get; init; } = 1;

    /// <summary>The target group health check port; default 80.</summary>
    public int HealthCheckPort { get; init; } = 80;

    /// <summary>TCP, HTTP or HTTPS (upper case); default TCP.</summary>
    public string HealthCheckProtocol { get; init; } = "TCP";

    /// <summary>The health check path: "/" unless set, for HTTP and HTTPS; null for TCP, which takes no path.</summary>
    public string? HealthCheckPath { get; init; }

    /// <summary>How the appliances run: an Auto Scaling group (default) or fixed instances.</summary>
    public ApplianceFleet ApplianceFleet { get; init; } = ApplianceFleet.AutoScaling;

    /// <summary>The Auto Scaling group's minimum size; default the desired capacity.</summary>
    public int FleetMinSize { get; init; } = 2;

    /// <summary>The Auto Scaling group's maximum size; default the desired capacity.</summary>
    public int FleetMaxSize { get; init; } = 2;

    /// <summary>The Auto Scaling group's desired capacity; default appliancesPerAz × azCount.</summary>
    public int FleetDesiredCapacity { get; init; } = 2;

    /// <summary>Cross-zone load balancing on the Gateway Load Balancer; default false, as in AWS.</summary>
    public bool CrossZoneLoadBalancing { get; init; }

    /// <summary>True when the appliances are the pass-through default (no <see cref="ApplianceAmi"/>).</summary>
    public bool UsesPassThroughAppliance => ApplianceAmi is null;

    /// <summary>Principals allowed to connect to the endpoint service; empty means this account's root ARN.</summary>
    public IReadOnlyList<string> AllowedPrincipals { get; init; } = [];

    /// <summary>The provider's endpoint service name; in consumer mode, this or <see cref="ProviderStack"/>.</summary>
    public string? EndpointServiceName { get; init; }

    /// <summary>
    /// The provider stack (organization/project/stack) whose <c>endpointServiceName</c> output the consumer reads
    /// through a stack reference; in consumer mode, this or <see cref="EndpointServiceName"/>.
    /// </summary>
    public string? ProviderStack { get; init; }
}

/// <summary>Which part of the centralized (Transit Gateway) inspection model this stack builds.</summary>
public enum TransitRole
{
    /// <summary>No Transit Gateway: the distributed model (or no inspection).</summary>
    Off,

    /// <summary>The Transit Gateway, its two route tables and the inspection VPC; no workload VPC.</summary>
    Hub,

    /// <summary>One spoke VPC attached to the Transit Gateway of the stack <c>transit.hubStack</c>.</summary>
    Spoke,

    /// <summary>The hub and the spoke VPCs of <c>transit.spokes</c>, in one stack.</summary>
    HubAndSpokes,
}

/// <summary>The <c>transit</c> setting: centralized inspection through a Transit Gateway.</summary>
public sealed record TransitSettings
{
    /// <summary>The inspection VPC's block when none is set.</summary>
    public const string DefaultInspectionVpcCidr = "10.255.0.0/16";

    /// <summary>What this stack builds; default off.</summary>
    public TransitRole Role { get; init; } = TransitRole.Off;

    /// <summary>Hub roles: the inspection VPC's block; default 10.255.0.0/16.</summary>
    public string InspectionVpcCidr { get; init; } = DefaultInspectionVpcCidr;

    /// <summary>Hub roles: the Transit Gateway's private ASN for its BGP sessions; default 64512.</summary>
    public int AmazonSideAsn { get; init; } = (int)Aws.TransitGatewayRules.DefaultAmazonSideAsn;

    /// <summary>
    /// Hub roles: the blocks the inspection VPC routes back to the Transit Gateway (every spoke lies in one of them);
    /// default 10.0.0.0/8.
    /// </summary>
    public IReadOnlyList<string> SpokeDestinations { get; init; } = ["10.0.0.0/8"];

    /// <summary>Spoke role: the hub stack (organization/project/stack) whose outputs the spoke reads.</summary>
    public string? HubStack { get; init; }

    /// <summary>HubAndSpokes: every spoke VPC's block, in order (spoke-1 first); empty in the other roles.</summary>
    public IReadOnlyList<string> Spokes { get; init; } = [];

    /// <summary>True when this stack builds the Transit Gateway and the inspection VPC (hub or hubAndSpokes).</summary>
    public bool BuildsHub => Role is TransitRole.Hub or TransitRole.HubAndSpokes;
}

/// <summary>The <c>demo</c> setting.</summary>
public sealed record DemoSettings
{
    /// <summary>A demo S3 bucket reachable only through the gateway endpoint; default true.</summary>
    public bool Bucket { get; init; } = true;

    /// <summary>A private test instance; default false.</summary>
    public bool Instance { get; init; }

    /// <summary>The test instance's type; default t3.micro.</summary>
    public string InstanceType { get; init; } = "t3.micro";
}

/// <summary>
/// Every setting of the stack, fully defaulted and validated. Build it with <see cref="Parse"/>.
/// </summary>
public sealed partial record StackSettings
{
    /// <summary>The configuration namespace the settings were read from.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>The workload VPC block; default 10.0.0.0/16.</summary>
    public string VpcCidr { get; init; } = "10.0.0.0/16";

    /// <summary>Availability zones to use, 1 to 6; default 2.</summary>
    public int AzCount { get; init; } = 2;

    /// <summary>NAT gateways for the private subnets; default none.</summary>
    public NatStrategy NatStrategy { get; init; } = NatStrategy.None;

    /// <summary>Prefix lengths of each tier.</summary>
    public SubnetPrefixLengths SubnetPrefixLengths { get; init; } = SubnetPrefixLengths.Default;

    /// <summary>Adds a DynamoDB gateway endpoint next to the S3 one; default false.</summary>
    public bool EnableDynamoDbEndpoint { get; init; }

    /// <summary>Buckets the S3 gateway endpoint policy allows; empty means any bucket.</summary>
    public IReadOnlyList<string> EndpointBucketNames { get; init; } = [];

    /// <summary>Interface endpoint short names (see <see cref="InterfaceEndpointCatalog"/>).</summary>
    public IReadOnlyList<string> InterfaceEndpoints { get; init; } = InterfaceEndpointCatalog.Defaults;

    /// <summary>The Gateway Load Balancer inspection pattern.</summary>
    public InspectionSettings Inspection { get; init; } = new();

    /// <summary>Centralized inspection through a Transit Gateway.</summary>
    public TransitSettings Transit { get; init; } = new();

    /// <summary>Demo resources.</summary>
    public DemoSettings Demo { get; init; } = new();

    /// <summary>Retention of the VPC flow log group in days; default 30.</summary>
    public int FlowLogRetentionDays { get; init; } = 30;

    /// <summary>Tags added to every resource, sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Guard rails this stack waives, each with its reason (see <see cref="PolicyCatalog"/>); empty by default.</summary>
    public IReadOnlyList<PolicyWaiver> PolicyWaivers { get; init; } = [];

    /// <summary>
    /// True unless the stack is only the inspection provider (mode provider) or a Transit Gateway hub. In the spoke
    /// role the workload VPC is the spoke.
    /// </summary>
    public bool WorkloadVpcEnabled => Inspection.Mode != InspectionMode.Provider && !Transit.BuildsHub;

    /// <summary>True when the stack builds the provider VPC, GWLB, appliances and endpoint service (combined or provider).</summary>
    public bool ProviderSideEnabled => Inspection.Mode is InspectionMode.Combined or InspectionMode.Provider;

    /// <summary>
    /// True when the workload VPC gets GWLB endpoints (combined or consumer, without a Transit Gateway hub, whose
    /// GWLB endpoints live in the inspection VPC).
    /// </summary>
    public bool ConsumerSideEnabled => (Inspection.Mode is InspectionMode.Combined or InspectionMode.Consumer) && !Transit.BuildsHub;

    /// <summary>
    /// Tiers of the workload VPC: public and private, plus application and endpoint when the consumer side is on; in a
    /// spoke stack, the spoke's (empty when there is no workload VPC).
    /// </summary>
    public IReadOnlyList<TierSpec> WorkloadTiers
    {
        get
        {
            if (!WorkloadVpcEnabled)
            {
                return [];
            }

            if (Transit.Role == TransitRole.Spoke)
            {
                return SpokeTiers;
            }

            List<string> tiers = ConsumerSideEnabled
                ? [Tiers.Public, Tiers.Private, Tiers.Application, Tiers.Endpoint]
                : [Tiers.Public, Tiers.Private];
            return SubnetPrefixLengths.Specs(tiers);
        }
    }

    /// <summary>Tiers of a spoke VPC (the workload VPC of a spoke stack, each spoke of hubAndSpokes): private and transit.</summary>
    public IReadOnlyList<TierSpec> SpokeTiers => SubnetPrefixLengths.Specs([Tiers.Private, Tiers.Transit]);

    /// <summary>Tiers of the centralized inspection VPC: public (NAT), endpoint (GWLB endpoints), transit (attachment); empty without a hub.</summary>
    public IReadOnlyList<TierSpec> InspectionVpcTiers =>
        Transit.BuildsHub ? SubnetPrefixLengths.Specs([Tiers.Public, Tiers.Endpoint, Tiers.Transit]) : [];

    /// <summary>The centralized inspection VPC's subnets.</summary>
    /// <exception cref="InvalidOperationException">The stack builds no Transit Gateway hub.</exception>
    public VpcPlan PlanInspectionVpc() =>
        Transit.BuildsHub
            ? SubnetPlanner.Plan(Transit.InspectionVpcCidr, InspectionVpcTiers, AzCount, Namespace)
            : throw new InvalidOperationException("This stack builds no Transit Gateway hub (transit.role is neither hub nor hubAndSpokes).");

    /// <summary>The subnets of the spoke VPC <paramref name="cidr"/> (the stack's vpcCidr in a spoke stack, one of transit.spokes in hubAndSpokes).</summary>
    public VpcPlan PlanSpokeVpc(string cidr) => SubnetPlanner.Plan(cidr, SpokeTiers, AzCount, Namespace);

    /// <summary>Tiers of the provider VPC: appliance (empty when the provider side is off).</summary>
    public IReadOnlyList<TierSpec> ProviderTiers =>
        ProviderSideEnabled ? SubnetPrefixLengths.Specs([Tiers.Appliance]) : [];

    /// <summary>The workload VPC's subnets.</summary>
    /// <exception cref="InvalidOperationException">The stack has no workload VPC.</exception>
    public VpcPlan PlanWorkloadVpc() =>
        WorkloadVpcEnabled
            ? SubnetPlanner.Plan(VpcCidr, WorkloadTiers, AzCount, Namespace)
            : throw new InvalidOperationException("This stack has no workload VPC (inspection.mode is provider).");

    /// <summary>The provider VPC's subnets.</summary>
    /// <exception cref="InvalidOperationException">The stack does not build the provider side.</exception>
    public VpcPlan PlanProviderVpc() =>
        ProviderSideEnabled
            ? SubnetPlanner.Plan(Inspection.ProviderVpcCidr, ProviderTiers, AzCount, Namespace)
            : throw new InvalidOperationException("This stack does not build the inspection provider VPC.");

    /// <summary>
    /// Second phase, once the region's availability zones are known: checks <see cref="AzCount"/> against them
    /// and returns the zones to use (the first <see cref="AzCount"/>, in the order given).
    /// </summary>
    /// <exception cref="ConfigException">The region has fewer zones than <c>azCount</c>.</exception>
    public IReadOnlyList<string> ValidateAgainstRegion(string region, IReadOnlyList<string> azNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(azNames);
        if (AzCount > azNames.Count)
        {
            var zones = azNames.Count == 1 ? "1 availability zone" : $"{azNames.Count} availability zones";
            var listed = azNames.Count == 0 ? "" : $" ({string.Join(", ", azNames)})";
            var allowed = azNames.Count == 0
                ? $"region {region} has no availability zones available to this account"
                : $"a whole number from 1 to {azNames.Count}, because region {region} has {zones}{listed}";
            throw new ConfigException(Namespace, "azCount", AzCount.ToString(System.Globalization.CultureInfo.InvariantCulture), allowed);
        }

        return [.. azNames.Take(AzCount)];
    }

    /// <summary>
    /// Consumer mode, once the provider's endpoint service is looked up: every workload AZ must be one the service
    /// offers, since a GWLB endpoint can only be placed in a zone of the provider's load balancer.
    /// <paramref name="offeredZones"/> are in this account's zone names, as DescribeVpcEndpointServices answers;
    /// <paramref name="serviceName"/> is the service looked up (configured, or read from the provider stack).
    /// </summary>
    /// <exception cref="ConfigException">A zone of the GWLB endpoints (workload VPC, or a hub's inspection VPC) the service does not serve.</exception>
    public void ValidateEndpointServiceZones(
        string serviceName, IReadOnlyList<string> workloadZones, IReadOnlyList<string> regionZoneNames, IReadOnlyList<string> regionZoneIds,
        IReadOnlyList<string> offeredZones)
    {
        ArgumentNullException.ThrowIfNull(workloadZones);
        ArgumentNullException.ThrowIfNull(regionZoneNames);
        ArgumentNullException.ThrowIfNull(regionZoneIds);
        ArgumentNullException.ThrowIfNull(offeredZones);
        string Show(string zone)
        {
            var index = regionZoneNames.ToList().IndexOf(zone);
            return index >= 0 && index < regionZoneIds.Count ? $"{zone} ({regionZoneIds[index]})" : zone;
        }

        var missing = workloadZones.FirstOrDefault(z => !offeredZones.Contains(z));
        if (missing is null)
        {
            return;
        }

        var offered = offeredZones.Count == 0
            ? "offers no zone to this account"
            : $"offers only {string.Join(", ", offeredZones.Order(StringComparer.Ordinal).Select(Show))}";
        var served = workloadZones.Count(offeredZones.Contains);
        // A hub's GWLB endpoints are in its central inspection VPC; every other consumer's are in its workload VPC.
        var zoneOf = Transit.Role is TransitRole.Hub or TransitRole.HubAndSpokes ? "inspection VPC AZ" : "workload AZ";
        throw new ConfigException(
            Namespace,
            "azCount",
            AzCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"zones the endpoint service {serviceName} serves, but {zoneOf} {Show(missing)} is not one of them: the service {offered}"
                + (served > 0 && workloadZones.TakeWhile(offeredZones.Contains).Count() == served ? $" (azCount {served} would fit)" : ""));
    }
}
