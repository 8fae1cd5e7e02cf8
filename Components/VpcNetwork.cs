using Infra.Model.Addressing;
using Infra.Model.Configuration;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Iam;

namespace Infra.Components;

/// <summary>Prefix length of each tier's subnets; unset tiers keep their defaults.</summary>
public sealed class SubnetPrefixLengthsArgs : ResourceArgs
{
    /// <summary>Public tier; default 24.</summary>
    [Input("public")]
    public int? Public { get; set; }

    /// <summary>Private tier; default 20.</summary>
    [Input("private")]
    public int? Private { get; set; }

    /// <summary>Application tier (inspected workloads); default 22.</summary>
    [Input("application")]
    public int? Application { get; set; }

    /// <summary>Endpoint tier (GWLB endpoints); default 28.</summary>
    [Input("endpoint")]
    public int? Endpoint { get; set; }

    /// <summary>Appliance tier (provider VPC); default 24.</summary>
    [Input("appliance")]
    public int? Appliance { get; set; }

    /// <summary>
    /// Transit tier (transit gateway attachment interfaces; <see cref="Spoke"/> and <see cref="CentralInspectionVpc"/>);
    /// default 28, the size AWS recommends for attachment subnets.
    /// </summary>
    [Input("transit")]
    public int? Transit { get; set; }
}

/// <summary>What a <see cref="VpcNetwork"/> builds. The component plans the subnets from these inputs.</summary>
public sealed class VpcNetworkArgs : ResourceArgs
{
    /// <summary>The VPC block, /16 to /24, such as 10.0.0.0/16.</summary>
    [Input("cidrBlock", required: true)]
    public string CidrBlock { get; set; } = null!;

    /// <summary>The availability zones, in order; they name the per-AZ resources. Leave unset to use <see cref="AvailabilityZoneCount"/>.</summary>
    [Input("availabilityZoneNames")]
    public List<string>? AvailabilityZoneNames { get; set; }

    /// <summary>Without zone names: how many of the region's zones to use, 1 to 6; default 2.</summary>
    [Input("availabilityZoneCount")]
    public int? AvailabilityZoneCount { get; set; }

    /// <summary>Subnet tiers: public, private, application, endpoint, appliance; default public and private.</summary>
    [Input("tiers")]
    public List<string>? Tiers { get; set; }

    /// <summary>Prefix length of each tier's subnets (16 to 28).</summary>
    [Input("subnetPrefixLengths")]
    public SubnetPrefixLengthsArgs? SubnetPrefixLengths { get; set; }

    /// <summary>Whether the VPC gets an internet gateway (and its public tier a default route to it); default true.</summary>
    [Input("internetGateway")]
    public bool? InternetGateway { get; set; }

    /// <summary>How the private tier reaches the internet: none (default), single, perAz.</summary>
    [Input("natStrategy")]
    public string? NatStrategy { get; set; }

    /// <summary>How long the flow log group keeps records, in days (a CloudWatch Logs retention value); default 30.</summary>
    [Input("flowLogRetentionDays")]
    public int? FlowLogRetentionDays { get; set; }

    /// <summary>Tags added to every resource.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>
/// A VPC with DNS support and hostnames on, subnets per tier and AZ, one route table per tier and AZ (the public tier
/// shares one), an internet gateway, optional NAT gateways, the default security group stripped of its rules and
/// flow logs to CloudWatch Logs. No subnet assigns public IPs on launch.
/// </summary>
public sealed class VpcNetwork : ComponentResource
{
    private readonly Dictionary<string, IReadOnlyList<Subnet>> _subnets = new();
    private readonly Dictionary<string, IReadOnlyList<RouteTable>> _routeTables = new();

    public VpcNetwork(string name, VpcNetworkArgs args, ComponentResourceOptions? options = null)
        : this(name, args, options, checkedInputs: null)
    {
    }

    /// <summary>
    /// A network whose inputs a parent component has already checked (<see cref="CheckInputs"/>, with its own name in
    /// the errors and the shape it needs: the transit tier, one public route table per AZ).
    /// </summary>
    internal VpcNetwork(string name, VpcNetworkArgs args, ComponentResourceOptions? options, CheckedInputs? checkedInputs)
        : base(PackageInfo.TypeToken(nameof(VpcNetwork)), name, PackageInfo.WithFormerType(options, "infra:network:VpcNetwork"))
    {
        ArgumentNullException.ThrowIfNull(args);
        var (cidr, zones, tiers, plan, nat, retention, publicTablePerAz) =
            checkedInputs ?? CheckInputs(args, new InputErrors(nameof(VpcNetwork), name), this, Model.Addressing.Tiers.All, publicTablePerAz: false);
        var layout = new Layout(name, plan, zones, args.Tags, publicTablePerAz);

        var childOptions = new CustomResourceOptions { Parent = this };
        var vpc = new Vpc(name, new VpcArgs
        {
            CidrBlock = cidr,
            EnableDnsSupport = true,
            EnableDnsHostnames = true,
            Tags = ResourceTags.For(args.Tags, name),
        }, childOptions);

        _ = new DefaultSecurityGroup($"{name}-default-sg", new DefaultSecurityGroupArgs
        {
            VpcId = vpc.Id,
            Ingress = new InputList<Pulumi.Aws.Ec2.Inputs.DefaultSecurityGroupIngressArgs>(),
            Egress = new InputList<Pulumi.Aws.Ec2.Inputs.DefaultSecurityGroupEgressArgs>(),
            Tags = ResourceTags.For(args.Tags, $"{name}-default-sg-no-rules"),
        }, childOptions);

        var internetGateway = args.InternetGateway ?? true
            ? new InternetGateway($"{name}-igw", new InternetGatewayArgs
            {
                VpcId = vpc.Id,
                Tags = ResourceTags.For(args.Tags, $"{name}-igw"),
            }, childOptions)
            : null;

        foreach (var tier in tiers)
        {
            _subnets[tier] = CreateSubnets(vpc, tier, layout, childOptions);
            _routeTables[tier] = CreateRouteTables(vpc, tier, layout, childOptions);
        }

        var natGateways = CreateNatGateways(nat, internetGateway, layout);
        AddDefaultRoutes(internetGateway, natGateways, layout, childOptions);
        var flowLog = CreateFlowLog(vpc, retention, layout, childOptions);

        VpcId = vpc.Id;
        CidrBlock = Output.Create(cidr);
        AvailabilityZones = Output.All(zones.Names).Apply(z => z.ToArray());
        SubnetIds = ByTier(_subnets.ToDictionary(t => t.Key, t => t.Value.Select(s => s.Id)));
        SubnetCidrs = Output.Create(tiers.ToDictionary(t => t, t => plan.ForTier(t).Select(s => s.Cidr).ToArray()));
        RouteTableIds = ByTier(_routeTables.ToDictionary(t => t.Key, t => t.Value.Select(r => r.Id)));
        InternetGatewayId = internetGateway is null ? Output.Create((string?)null) : internetGateway.Id.Apply(id => (string?)id);
        NatGatewayIds = Output.All(natGateways.Select(n => n.Id)).Apply(ids => ids.ToArray());
        FlowLogId = flowLog.Id;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = VpcId,
            ["cidrBlock"] = CidrBlock,
            ["availabilityZones"] = AvailabilityZones,
            ["subnetIds"] = SubnetIds,
            ["subnetCidrs"] = SubnetCidrs,
            ["routeTableIds"] = RouteTableIds,
            ["internetGatewayId"] = InternetGatewayId,
            ["natGatewayIds"] = NatGatewayIds,
            ["flowLogId"] = FlowLogId,
        });
    }

    /// <summary>The VPC's id.</summary>
    [Output("vpcId")]
    public Output<string> VpcId { get; private set; }

    /// <summary>The VPC block.</summary>
    [Output("cidrBlock")]
    public Output<string> CidrBlock { get; private set; }

    /// <summary>The availability zones, in AZ order.</summary>
    [Output("availabilityZones")]
    public Output<string[]> AvailabilityZones { get; private set; }

    /// <summary>Each tier's subnet ids, one per AZ in AZ order.</summary>
    [Output("subnetIds")]
    public Output<Dictionary<string, string[]>> SubnetIds { get; private set; }

    /// <summary>Each tier's subnet blocks, one per AZ in AZ order.</summary>
    [Output("subnetCidrs")]
    public Output<Dictionary<string, string[]>> SubnetCidrs { get; private set; }

    /// <summary>Each tier's route table ids, one per AZ in AZ order (the public tier's entries are one shared table).</summary>
    [Output("routeTableIds")]
    public Output<Dictionary<string, string[]>> RouteTableIds { get; private set; }

    /// <summary>The internet gateway's id, when the VPC has one.</summary>
    [Output("internetGatewayId")]
    public Output<string?> InternetGatewayId { get; private set; }

    /// <summary>The NAT gateways' ids: none, one, or one per AZ.</summary>
    [Output("natGatewayIds")]
    public Output<string[]> NatGatewayIds { get; private set; }

    /// <summary>The VPC flow log's id.</summary>
    [Output("flowLogId")]
    public Output<string> FlowLogId { get; private set; }

    /// <summary>The tier's subnet ids, one per AZ in AZ order.</summary>
    public Output<string[]> SubnetIdsOf(string tier) => SubnetIds.Apply(t => t[tier]);

    /// <summary>The tier's route table ids, one per AZ in AZ order (the public tier's entries are one shared table).</summary>
    public Output<string[]> RouteTableIdsOf(string tier) => RouteTableIds.Apply(t => t[tier]);

    /// <summary>The tier's subnet blocks, one per AZ in AZ order.</summary>
    public Output<string[]> SubnetCidrsOf(string tier) => SubnetCidrs.Apply(t => t[tier]);

    /// <summary>The tier's distinct route table ids (the private tier: one per AZ; the public tier: one).</summary>
    public Output<string[]> DistinctRouteTableIdsOf(string tier) => RouteTableIds.Apply(t => t[tier].Distinct().ToArray());

    /// <summary>A network's inputs once checked: what the constructor builds from.</summary>
    internal sealed record CheckedInputs(
        string Cidr, ZonePlacement Zones, IReadOnlyList<string> Tiers, VpcPlan Plan, NatStrategy Nat, int RetentionDays, bool PublicTablePerAz);

    /// <summary>
    /// Checks a network's inputs before any resource, naming the inputs in <paramref name="errors"/>'s component.
    /// <paramref name="acceptedTiers"/>: the tiers <c>tiers</c> may name; <paramref name="publicTablePerAz"/>: one public
    /// route table per AZ instead of one shared table (for per-AZ routes in the public tier).
    /// </summary>
    internal static CheckedInputs CheckInputs(
        VpcNetworkArgs args, InputErrors errors, Resource zoneLookupParent, IReadOnlyList<string> acceptedTiers, bool publicTablePerAz)
    {
        var cidr = SettingRules.VpcCidr(errors.Required("cidrBlock", args.CidrBlock), errors.For("cidrBlock"));
        var zones = ZonePlacement.Resolve(
            args.AvailabilityZoneNames, args.AvailabilityZoneCount, errors, "availabilityZoneNames", "availabilityZoneCount", zoneLookupParent);
        var tiers = ReadTiers(args.Tiers, acceptedTiers, errors);
        var prefixes = ReadPrefixLengths(args.SubnetPrefixLengths, errors);
        var nat = SettingRules.NatStrategy(args.NatStrategy, errors.For("natStrategy"));
        var retention = SettingRules.RetentionDays(args.FlowLogRetentionDays ?? 30, errors.For("flowLogRetentionDays"));
        var plan = errors.Check("subnetPrefixLengths", () => SubnetPlanner.Plan(cidr, prefixes.Specs(tiers), zones.Count));
        return new CheckedInputs(cidr, zones, tiers, plan, nat, retention, publicTablePerAz);
    }

    private static List<string> ReadTiers(List<string>? tiers, IReadOnlyList<string> accepted, InputErrors errors)
    {
        if (tiers is null || tiers.Count == 0)
        {
            return [Model.Addressing.Tiers.Public, Model.Addressing.Tiers.Private];
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            if (!accepted.Contains(tiers[i]) || tiers.IndexOf(tiers[i]) != i)
            {
                throw errors.Error($"tiers[{i}]", tiers[i], $"one of {string.Join(", ", accepted)}, each at most once");
            }
        }

        return tiers;
    }

    private static SubnetPrefixLengths ReadPrefixLengths(SubnetPrefixLengthsArgs? args, InputErrors errors)
    {
        var defaults = SubnetPrefixLengths.Default;
        if (args is null)
        {
            return defaults;
        }

        int Read(string tier, int? value, int fallback)
            => value is { } set ? SettingRules.SubnetPrefixLength(set, errors.For($"subnetPrefixLengths.{tier}")) : fallback;

        return new SubnetPrefixLengths(
            Read(Model.Addressing.Tiers.Public, args.Public, defaults.Public),
            Read(Model.Addressing.Tiers.Private, args.Private, defaults.Private),
            Read(Model.Addressing.Tiers.Application, args.Application, defaults.Application),
            Read(Model.Addressing.Tiers.Endpoint, args.Endpoint, defaults.Endpoint),
            Read(Model.Addressing.Tiers.Appliance, args.Appliance, defaults.Appliance),
            Read(Model.Addressing.Tiers.Transit, args.Transit, defaults.Transit));
    }

    private static Output<Dictionary<string, string[]>> ByTier(Dictionary<string, IEnumerable<Output<string>>> ids)
    {
        var tiers = ids.Keys.ToList();
        return Output.All(tiers.Select(t => Output.All(ids[t]).Apply(a => a.ToArray())))
            .Apply(lists => tiers.Select((tier, i) => (tier, ids: lists[i])).ToDictionary(x => x.tier, x => x.ids));
    }

    /// <summary>What every per-AZ resource needs: the component's name, the plan, the zones and the tags.</summary>
    private sealed record Layout(string Name, VpcPlan Plan, ZonePlacement Zones, Dictionary<string, string>? Tags, bool PublicTablePerAz);

    private List<Subnet> CreateSubnets(Vpc vpc, string tier, Layout layout, CustomResourceOptions options)
        => layout.Plan.ForTier(tier)
            .Select(allocation =>
            {
                var subnetName = $"{layout.Name}-{tier}-{layout.Zones.Labels[allocation.AzIndex]}";
                return new Subnet(subnetName, new SubnetArgs
                {
                    VpcId = vpc.Id,
                    CidrBlock = allocation.Cidr,
                    AvailabilityZone = layout.Zones.Names[allocation.AzIndex],
                    MapPublicIpOnLaunch = false,
                    Tags = ResourceTags.For(layout.Tags, subnetName, ("Tier", tier)),
                }, options);
            })
            .ToList();

    private List<RouteTable> CreateRouteTables(Vpc vpc, string tier, Layout layout, CustomResourceOptions options)
    {
        var name = layout.Name;
        var subnets = _subnets[tier];
        var shared = tier == Model.Addressing.Tiers.Public && !layout.PublicTablePerAz
            ? new RouteTable($"{name}-{tier}-rt", new RouteTableArgs
            {
                VpcId = vpc.Id,
                Tags = ResourceTags.For(layout.Tags, $"{name}-{tier}-rt", ("Tier", tier)),
            }, options)
            : null;

        var tables = new List<RouteTable>();
        for (var azIndex = 0; azIndex < subnets.Count; azIndex++)
        {
            var az = layout.Zones.Labels[azIndex];
            var table = shared ?? new RouteTable($"{name}-{tier}-rt-{az}", new RouteTableArgs
            {
                VpcId = vpc.Id,
                Tags = ResourceTags.For(layout.Tags, $"{name}-{tier}-rt-{az}", ("Tier", tier)),
            }, options);
            _ = new RouteTableAssociation($"{name}-{tier}-rta-{az}", new RouteTableAssociationArgs
            {
                SubnetId = subnets[azIndex].Id,
                RouteTableId = table.Id,
            }, options);
            tables.Add(table);
        }

        return tables;
    }

    private List<NatGateway> CreateNatGateways(NatStrategy strategy, InternetGateway? internetGateway, Layout layout)
    {
        if (strategy == NatStrategy.None || !_subnets.TryGetValue(Model.Addressing.Tiers.Public, out var publicSubnets) || internetGateway is null)
        {
            return [];
        }

        var count = strategy == NatStrategy.Single ? 1 : layout.Zones.Count;
        return Enumerable.Range(0, count)
            .Select(azIndex =>
            {
                var az = layout.Zones.Labels[azIndex];
                var eip = new Eip($"{layout.Name}-nat-eip-{az}", new EipArgs
                {
                    Domain = "vpc",
                    Tags = ResourceTags.For(layout.Tags, $"{layout.Name}-nat-eip-{az}"),
                }, new CustomResourceOptions { Parent = this });
                return new NatGateway($"{layout.Name}-nat-{az}", new NatGatewayArgs
                {
                    AllocationId = eip.Id,
                    SubnetId = publicSubnets[azIndex].Id,
                    ConnectivityType = "public",
                    Tags = ResourceTags.For(layout.Tags, $"{layout.Name}-nat-{az}"),
                }, new CustomResourceOptions { Parent = this, DependsOn = { internetGateway } });
            })
            .ToList();
    }

    private void AddDefaultRoutes(InternetGateway? internetGateway, List<NatGateway> natGateways, Layout layout, CustomResourceOptions options)
    {
        if (internetGateway is not null && _routeTables.TryGetValue(Model.Addressing.Tiers.Public, out var publicTables))
        {
            var tables = layout.PublicTablePerAz ? publicTables : publicTables.Take(1).ToList();
            for (var azIndex = 0; azIndex < tables.Count; azIndex++)
            {
                var routeName = layout.PublicTablePerAz ? $"{layout.Name}-public-default-{layout.Zones.Labels[azIndex]}" : $"{layout.Name}-public-default";
                _ = new Route(routeName, new RouteArgs
                {
                    RouteTableId = tables[azIndex].Id,
                    DestinationCidrBlock = "0.0.0.0/0",
                    GatewayId = internetGateway.Id,
                }, options);
            }
        }

        if (natGateways.Count == 0 || !_routeTables.TryGetValue(Model.Addressing.Tiers.Private, out var privateTables))
        {
            return;
        }

        for (var azIndex = 0; azIndex < privateTables.Count; azIndex++)
        {
            var nat = natGateways[Math.Min(azIndex, natGateways.Count - 1)];
            _ = new Route($"{layout.Name}-private-default-{layout.Zones.Labels[azIndex]}", new RouteArgs
            {
                RouteTableId = privateTables[azIndex].Id,
                DestinationCidrBlock = "0.0.0.0/0",
                NatGatewayId = nat.Id,
            }, options);
        }
    }

    private static FlowLog CreateFlowLog(Vpc vpc, int retentionDays, Layout layout, CustomResourceOptions options)
    {
        var name = layout.Name;
        var logGroup = new LogGroup($"{name}-flow-logs", new LogGroupArgs
        {
            NamePrefix = $"/vpc/flow-logs/{name}-",
            RetentionInDays = retentionDays,
            Tags = ResourceTags.For(layout.Tags, $"{name}-flow-logs"),
        }, options);

        var role = new Role($"{name}-flow-logs-role", new RoleArgs
        {
            Description = $"Lets VPC Flow Logs write {name}'s flow records to its log group.",
            AssumeRolePolicy = GetCallerIdentity.Invoke()
                .Apply(caller => PolicyJson.ServiceTrust("vpc-flow-logs.amazonaws.com", caller.AccountId)),
            Tags = ResourceTags.For(layout.Tags, $"{name}-flow-logs-role"),
        }, options);

        _ = new RolePolicy($"{name}-flow-logs-write", new RolePolicyArgs
        {
            Role = role.Id,
            Policy = logGroup.Arn.Apply(arn => PolicyJson.Document(new PolicyStatement(
                "Allow",
                new[] { "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams" },
                [arn, $"{arn}:*"]))),
        }, options);

        return new FlowLog($"{name}-flow-log", new FlowLogArgs
        {
            VpcId = vpc.Id,
            TrafficType = "ALL",
            LogDestinationType = "cloud-watch-logs",
            LogDestination = logGroup.Arn,
            IamRoleArn = role.Arn,
            MaxAggregationInterval = 60,
            Tags = ResourceTags.For(layout.Tags, $"{name}-flow-log"),
        }, options);
    }
}
