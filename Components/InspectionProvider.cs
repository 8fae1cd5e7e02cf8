using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.LB;
using Pulumi.Aws.LB.Inputs;

namespace Infra.Components;

/// <summary>What an <see cref="InspectionProvider"/> builds.</summary>
public sealed class InspectionProviderArgs
{
    /// <summary>The provider (security) VPC: its appliance tier hosts the GWLB and the appliances.</summary>
    public required VpcNetwork Network { get; init; }

    public required Input<string> ApplianceAmi { get; init; }

    public string ApplianceInstanceType { get; init; } = "t3.small";

    public int AppliancesPerAz { get; init; } = 1;

    public int HealthCheckPort { get; init; } = 80;

    /// <summary>TCP, HTTP or HTTPS.</summary>
    public string HealthCheckProtocol { get; init; } = "TCP";

    /// <summary>For HTTP and HTTPS health checks only.</summary>
    public string? HealthCheckPath { get; init; }

    /// <summary>IAM principals allowed to create GWLB endpoints to the service.</summary>
    public required InputList<string> AllowedPrincipals { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>
/// The provider side of bump-in-the-wire inspection: a Gateway Load Balancer in the provider VPC's appliance subnets,
/// a GENEVE (UDP 6081) target group with a health check, a listener forwarding to it, the appliances registered in
/// it, and a VPC endpoint service that publishes the GWLB to consumer VPCs.
/// </summary>
public sealed class InspectionProvider : ComponentResource
{
    public const int GenevePort = 6081;

    public InspectionProvider(string name, InspectionProviderArgs args, ComponentResourceOptions? options = null)
        : base("infra:inspection:InspectionProvider", name, options)
    {
        var childOptions = new CustomResourceOptions { Parent = this };
        var network = args.Network;
        var applianceSubnets = network.SubnetsOf(Model.Addressing.Tiers.Appliance);

        LoadBalancer = new LoadBalancer($"{name}-gwlb", new LoadBalancerArgs
        {
            LoadBalancerType = "gateway",
            Subnets = applianceSubnets.Select(s => s.Id).ToArray(),
            Tags = ResourceTags.For(args.Tags, $"{name}-gwlb"),
        }, childOptions);

        TargetGroup = new TargetGroup($"{name}-appliances", new TargetGroupArgs
        {
            VpcId = network.VpcId,
            Protocol = "GENEVE",
            Port = GenevePort,
            TargetType = "instance",
            HealthCheck = new TargetGroupHealthCheckArgs
            {
                Enabled = true,
                Protocol = args.HealthCheckProtocol,
                Port = args.HealthCheckPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Path = args.HealthCheckProtocol == "TCP" ? null! : args.HealthCheckPath ?? "/",
                Interval = 10,
                HealthyThreshold = 3,
                UnhealthyThreshold = 3,
            },
            Tags = ResourceTags.For(args.Tags, $"{name}-appliances"),
        }, childOptions);

        Listener = new Listener($"{name}-listener", new ListenerArgs
        {
            LoadBalancerArn = LoadBalancer.Arn,
            DefaultActions = new ListenerDefaultActionArgs { Type = "forward", TargetGroupArn = TargetGroup.Arn },
            Tags = ResourceTags.For(args.Tags, $"{name}-listener"),
        }, childOptions);

        ApplianceSecurityGroup = CreateApplianceSecurityGroup(name, args, childOptions);
        Appliances = CreateAppliances(name, args, applianceSubnets, childOptions);

        EndpointService = new VpcEndpointService($"{name}-service", new VpcEndpointServiceArgs
        {
            AcceptanceRequired = false,
            GatewayLoadBalancerArns = { LoadBalancer.Arn },
            AllowedPrincipals = args.AllowedPrincipals,
            Tags = ResourceTags.For(args.Tags, $"{name}-service"),
        }, childOptions);

        EndpointServiceName = EndpointService.ServiceName;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["loadBalancerArn"] = LoadBalancer.Arn,
            ["targetGroupArn"] = TargetGroup.Arn,
            ["endpointServiceName"] = EndpointServiceName,
            ["applianceIds"] = Output.All(Appliances.Select(a => a.Id)),
        });
    }

    public LoadBalancer LoadBalancer { get; }

    public TargetGroup TargetGroup { get; }

    public Listener Listener { get; }

    public SecurityGroup ApplianceSecurityGroup { get; }

    public IReadOnlyList<Instance> Appliances { get; }

    public VpcEndpointService EndpointService { get; }

    public Output<string> EndpointServiceName { get; }

    private static SecurityGroup CreateApplianceSecurityGroup(string name, InspectionProviderArgs args, CustomResourceOptions options)
    {
        var group = new SecurityGroup($"{name}-appliance-sg", new SecurityGroupArgs
        {
            VpcId = args.Network.VpcId,
            Description = "Inspection appliances: GENEVE and health checks from the provider VPC only",
            Tags = ResourceTags.For(args.Tags, $"{name}-appliance-sg"),
        }, options);

        SecureDefaults.AllowIn(
            $"{name}-geneve-from-vpc", group.Id, "udp", GenevePort, args.Network.CidrBlock, "GENEVE from the Gateway Load Balancer", options);
        SecureDefaults.AllowIn(
            $"{name}-health-check-from-vpc", group.Id, "tcp", args.HealthCheckPort, args.Network.CidrBlock, "Target group health checks", options);

        return group;
    }

    private List<Instance> CreateAppliances(
        string name, InspectionProviderArgs args, IReadOnlyList<Subnet> subnets, CustomResourceOptions options)
    {
        var appliances = new List<Instance>();
        for (var azIndex = 0; azIndex < subnets.Count; azIndex++)
        {
            var az = args.Network.AvailabilityZones[azIndex];
            for (var ordinal = 1; ordinal <= args.AppliancesPerAz; ordinal++)
            {
                var applianceName = $"{name}-appliance-{az}-{ordinal}";
                var appliance = new Instance(applianceName, new InstanceArgs
                {
                    Ami = args.ApplianceAmi,
                    InstanceType = args.ApplianceInstanceType,
                    SubnetId = subnets[azIndex].Id,
                    VpcSecurityGroupIds = { ApplianceSecurityGroup.Id },
                    AssociatePublicIpAddress = false,
                    MetadataOptions = SecureDefaults.Imdsv2Only(),
                    RootBlockDevice = SecureDefaults.EncryptedRootVolume(),
                    Monitoring = true,
                    Tags = ResourceTags.For(args.Tags, applianceName, ("Role", "inspection-appliance")),
                }, options);

                _ = new TargetGroupAttachment($"{applianceName}-registration", new TargetGroupAttachmentArgs
                {
                    TargetGroupArn = TargetGroup.Arn,
                    TargetId = appliance.Id,
                    Port = GenevePort,
                }, options);
                appliances.Add(appliance);
            }
        }

        return appliances;
    }
}
