using System.Collections.Immutable;
using System.Text.Json;
using Infra.Model.Addressing;
using Infra.Model.Configuration;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Iam;

namespace Infra.Components;

/// <summary>What a <see cref="VpcNetwork"/> builds.</summary>
public sealed class VpcNetworkArgs
{
    /// <summary>The VPC CIDR and every subnet per tier and AZ (from <see cref="SubnetPlanner"/>).</summary>
    public required VpcPlan Plan { get; init; }

    /// <summary>The availability zone of each AZ index of the plan.</summary>
    public required IReadOnlyList<string> AvailabilityZones { get; init; }

    /// <summary>Whether the VPC gets an internet gateway (and its public tier a default route to it).</summary>
    public bool InternetGateway { get; init; } = true;

    /// <summary>How the private tier reaches the internet.</summary>
    public NatStrategy NatStrategy { get; init; } = NatStrategy.None;

    /// <summary>How long the flow log group keeps records.</summary>
    public int FlowLogRetentionDays { get; init; } = 30;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary<string, string>.Empty;
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
        : base("infra:network:VpcNetwork", name, options)
    {
        var childOptions = new CustomResourceOptions { Parent = this };
        Plan = args.Plan;
        AvailabilityZones = args.AvailabilityZones;

        Vpc = new Vpc(name, new VpcArgs
        {
            CidrBlock = args.Plan.VpcCidr,
            EnableDnsSupport = true,
            EnableDnsHostnames = true,
            Tags = ResourceTags.For(args.Tags, name),
        }, childOptions);

        _ = new DefaultSecurityGroup($"{name}-default-sg", new DefaultSecurityGroupArgs
        {
            VpcId = Vpc.Id,
            Ingress = new InputList<Pulumi.Aws.Ec2.Inputs.DefaultSecurityGroupIngressArgs>(),
            Egress = new InputList<Pulumi.Aws.Ec2.Inputs.DefaultSecurityGroupEgressArgs>(),
            Tags = ResourceTags.For(args.Tags, $"{name}-default-sg-no-rules"),
        }, childOptions);

        if (args.InternetGateway)
        {
            InternetGateway = new InternetGateway($"{name}-igw", new InternetGatewayArgs
            {
                VpcId = Vpc.Id,
                Tags = ResourceTags.For(args.Tags, $"{name}-igw"),
            }, childOptions);
        }

        foreach (var tier in args.Plan.Tiers.Select(t => t.Tier))
        {
            _subnets[tier] = CreateSubnets(name, tier, args, childOptions);
            _routeTables[tier] = CreateRouteTables(name, tier, args, childOptions);
        }

        NatGateways = CreateNatGateways(name, args, childOptions);
        AddDefaultRoutes(name, args, childOptions);
        FlowLog = CreateFlowLog(name, args, childOptions);

        VpcId = Vpc.Id;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = Vpc.Id,
            ["cidrBlock"] = args.Plan.VpcCidr,
            ["subnetIds"] = _subnets.ToDictionary(t => t.Key, t => (object?)Output.All(t.Value.Select(s => s.Id))),
            ["routeTableIds"] = _routeTables.ToDictionary(t => t.Key, t => (object?)Output.All(t.Value.Select(r => r.Id))),
            ["internetGatewayId"] = InternetGateway?.Id,
        });
    }

    public VpcPlan Plan { get; }

    public IReadOnlyList<string> AvailabilityZones { get; }

    public Vpc Vpc { get; }

    public Output<string> VpcId { get; }

    public string CidrBlock => Plan.VpcCidr;

    public InternetGateway? InternetGateway { get; }

    public IReadOnlyList<NatGateway> NatGateways { get; }

    public FlowLog FlowLog { get; }

    public IReadOnlyCollection<string> TierNames => _subnets.Keys;

    /// <summary>The tier's subnets, one per AZ in AZ order.</summary>
    public IReadOnlyList<Subnet> SubnetsOf(string tier) => _subnets.TryGetValue(tier, out var subnets)
        ? subnets
        : throw new ArgumentException($"VPC has no {tier} tier.", nameof(tier));

    /// <summary>The route table of the tier's subnet in each AZ, in AZ order (the public tier's entries are one table).</summary>
    public IReadOnlyList<RouteTable> RouteTablesOf(string tier) => _routeTables.TryGetValue(tier, out var tables)
        ? tables
        : throw new ArgumentException($"VPC has no {tier} tier.", nameof(tier));

    /// <summary>The tier's distinct route tables.</summary>
    public IReadOnlyList<RouteTable> DistinctRouteTablesOf(string tier) => RouteTablesOf(tier).Distinct().ToList();

    private List<Subnet> CreateSubnets(string name, string tier, VpcNetworkArgs args, CustomResourceOptions options)
        => args.Plan.ForTier(tier)
            .Select(allocation =>
            {
                var az = args.AvailabilityZones[allocation.AzIndex];
                var subnetName = $"{name}-{tier}-{az}";
                return new Subnet(subnetName, new SubnetArgs
                {
                    VpcId = Vpc.Id,
                    CidrBlock = allocation.Cidr,
                    AvailabilityZone = az,
                    MapPublicIpOnLaunch = false,
                    Tags = ResourceTags.For(args.Tags, subnetName, ("Tier", tier)),
                }, options);
            })
            .ToList();

    private List<RouteTable> CreateRouteTables(string name, string tier, VpcNetworkArgs args, CustomResourceOptions options)
    {
        var subnets = _subnets[tier];
        var shared = tier == Tiers.Public
            ? new RouteTable($"{name}-{tier}-rt", new RouteTableArgs
            {
                VpcId = Vpc.Id,
                Tags = ResourceTags.For(args.Tags, $"{name}-{tier}-rt", ("Tier", tier)),
            }, options)
            : null;

        var tables = new List<RouteTable>();
        for (var azIndex = 0; azIndex < subnets.Count; azIndex++)
        {
            var az = args.AvailabilityZones[azIndex];
            var table = shared ?? new RouteTable($"{name}-{tier}-rt-{az}", new RouteTableArgs
            {
                VpcId = Vpc.Id,
                Tags = ResourceTags.For(args.Tags, $"{name}-{tier}-rt-{az}", ("Tier", tier)),
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

    private List<NatGateway> CreateNatGateways(string name, VpcNetworkArgs args, CustomResourceOptions options)
    {
        if (args.NatStrategy == NatStrategy.None || !_subnets.TryGetValue(Tiers.Public, out var publicSubnets) || InternetGateway is null)
        {
            return [];
        }

        var count = args.NatStrategy == NatStrategy.Single ? 1 : args.AvailabilityZones.Count;
        return Enumerable.Range(0, count)
            .Select(azIndex =>
            {
                var az = args.AvailabilityZones[azIndex];
                var eip = new Eip($"{name}-nat-eip-{az}", new EipArgs
                {
                    Domain = "vpc",
                    Tags = ResourceTags.For(args.Tags, $"{name}-nat-eip-{az}"),
                }, options);
                return new NatGateway($"{name}-nat-{az}", new NatGatewayArgs
                {
                    AllocationId = eip.Id,
                    SubnetId = publicSubnets[azIndex].Id,
                    ConnectivityType = "public",
                    Tags = ResourceTags.For(args.Tags, $"{name}-nat-{az}"),
                }, new CustomResourceOptions { Parent = this, DependsOn = { InternetGateway } });
            })
            .ToList();
    }

    private void AddDefaultRoutes(string name, VpcNetworkArgs args, CustomResourceOptions options)
    {
        if (InternetGateway is not null && _routeTables.TryGetValue(Tiers.Public, out var publicTables))
        {
            _ = new Route($"{name}-public-default", new RouteArgs
            {
                RouteTableId = publicTables[0].Id,
                DestinationCidrBlock = "0.0.0.0/0",
                GatewayId = InternetGateway.Id,
            }, options);
        }

        if (NatGateways.Count == 0 || !_routeTables.TryGetValue(Tiers.Private, out var privateTables))
        {
            return;
        }

        for (var azIndex = 0; azIndex < privateTables.Count; azIndex++)
        {
            var nat = NatGateways[Math.Min(azIndex, NatGateways.Count - 1)];
            _ = new Route($"{name}-private-default-{args.AvailabilityZones[azIndex]}", new RouteArgs
            {
                RouteTableId = privateTables[azIndex].Id,
                DestinationCidrBlock = "0.0.0.0/0",
                NatGatewayId = nat.Id,
            }, options);
        }
    }

    private FlowLog CreateFlowLog(string name, VpcNetworkArgs args, CustomResourceOptions options)
    {
        var logGroup = new LogGroup($"{name}-flow-logs", new LogGroupArgs
        {
            NamePrefix = $"/vpc/flow-logs/{name}-",
            RetentionInDays = args.FlowLogRetentionDays,
            Tags = ResourceTags.For(args.Tags, $"{name}-flow-logs"),
        }, options);

        var role = new Role($"{name}-flow-logs-role", new RoleArgs
        {
            Description = $"Lets VPC Flow Logs write {name}'s flow records to its log group.",
            AssumeRolePolicy = GetCallerIdentity.Invoke()
                .Apply(caller => PolicyJson.ServiceTrust("vpc-flow-logs.amazonaws.com", caller.AccountId)),
            Tags = ResourceTags.For(args.Tags, $"{name}-flow-logs-role"),
        }, options);

        _ = new RolePolicy($"{name}-flow-logs-write", new RolePolicyArgs
        {
            Role = role.Id,
            Policy = logGroup.Arn.Apply(arn => JsonSerializer.Serialize(new
            {
                Version = "2012-10-17",
                Statement = new[]
                {
                    new
                    {
                        Effect = "Allow",
                        Action = new[] { "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams" },
                        Resource = new[] { arn, $"{arn}:*" },
                    },
                },
            })),
        }, options);

        return new FlowLog($"{name}-flow-log", new FlowLogArgs
        {
            VpcId = Vpc.Id,
            TrafficType = "ALL",
            LogDestinationType = "cloud-watch-logs",
            LogDestination = logGroup.Arn,
            IamRoleArn = role.Arn,
            MaxAggregationInterval = 60,
            Tags = ResourceTags.For(args.Tags, $"{name}-flow-log"),
        }, options);
    }
}
