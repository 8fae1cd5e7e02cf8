using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Infra.Model.Appliances;
using Infra.Model.Configuration;
using Pulumi;
using Pulumi.Aws.AutoScaling;
using Pulumi.Aws.AutoScaling.Inputs;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;
using Pulumi.Aws.Iam;
using Pulumi.Aws.LB;
using Pulumi.Aws.LB.Inputs;
using Pulumi.Aws.Vpc;

namespace Infra.Components;

/// <summary>What an <see cref="InspectionProvider"/> builds.</summary>
public sealed class InspectionProviderArgs
{
    /// <summary>The provider (security) VPC: its appliance tier hosts the GWLB and the appliances.</summary>
    public required VpcNetwork Network { get; init; }

    public required string Region { get; init; }

    public required Input<string> ApplianceAmi { get; init; }

    /// <summary>The AMI's root device (from its description), so that the launch template's encrypted volume replaces the root volume.</summary>
    public string RootDeviceName { get; init; } = "/dev/xvda";

    /// <summary>
    /// True for the pass-through default: the appliances boot with <see cref="PassThroughAppliance"/>'s user data.
    /// False for a custom AMI, which gets no user data and answers the health check on its own.
    /// </summary>
    public bool PassThrough { get; init; } = true;

    public string ApplianceInstanceType { get; init; } = "t3.small";

    /// <summary>An Auto Scaling group (default) or fixed instances.</summary>
    public ApplianceFleet Fleet { get; init; } = ApplianceFleet.AutoScaling;

    /// <summary>Fixed instances per AZ (<see cref="ApplianceFleet.Instances"/>).</summary>
    public int AppliancesPerAz { get; init; } = 1;

    /// <summary>The Auto Scaling group's minimum, maximum and desired sizes (<see cref="ApplianceFleet.AutoScaling"/>).</summary>
    public (int Min, int Max, int Desired) FleetSize { get; init; } = (2, 2, 2);

    /// <summary>Cross-zone load balancing on the Gateway Load Balancer (AWS's default: off).</summary>
    public bool CrossZoneLoadBalancing { get; init; }

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
/// a GENEVE (UDP 6081) target group with a health check, a listener forwarding to it, the appliances (an Auto Scaling
/// group attached to the target group, or fixed instances registered in it), and a VPC endpoint service that
/// publishes the GWLB to consumer VPCs. The appliances are managed through Session Manager with no internet path:
/// interface endpoints for ssm, ssmmessages and ec2messages, an S3 gateway endpoint for the Amazon Linux package
/// repositories, and a role with only the Session Manager managed policy.
/// </summary>
public sealed class InspectionProvider : ComponentResource
{
    public const int GenevePort = 6081;

    /// <summary>Seconds an appliance has to boot and start answering before Auto Scaling acts on the ELB health check.</summary>
    public const int HealthCheckGracePeriodSeconds = 300;

    /// <summary>The interface endpoints Session Manager needs to reach instances with no internet path.</summary>
    public static readonly IReadOnlyList<string> SessionManagerServices = ["ssm", "ssmmessages", "ec2messages"];

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
            EnableCrossZoneLoadBalancing = args.CrossZoneLoadBalancing,
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

        var partition = AwsPartition.ForRegion(args.Region);
        ManagementEndpoints = new InterfaceEndpoints($"{name}-management-endpoints", new InterfaceEndpointsArgs
        {
            VpcId = network.VpcId,
            VpcCidr = network.CidrBlock,
            Region = args.Region,
            SubnetIds = applianceSubnets.Select(s => (Input<string>)s.Id).ToList(),
            Services = SessionManagerServices,
            Tags = args.Tags,
        }, new ComponentResourceOptions { Parent = this });
        PackageEndpoint = new GatewayEndpoint($"{name}-s3-endpoint", new GatewayEndpointArgs
        {
            VpcId = network.VpcId,
            Region = args.Region,
            Service = "s3",
            RouteTableIds = network.DistinctRouteTablesOf(Model.Addressing.Tiers.Appliance).Select(t => t.Id).ToArray(),
            AllowedBucketNames = new InputList<string>(),
            Tags = args.Tags,
        }, new ComponentResourceOptions { Parent = this });

        ApplianceSecurityGroup = CreateApplianceSecurityGroup(name, args, PackageEndpoint.PrefixListId, childOptions);
        var profile = CreateInstanceProfile(name, args, partition, childOptions);
        var userData = args.PassThrough
            ? PassThroughAppliance.RenderCloudInit(args.HealthCheckPort, args.HealthCheckProtocol, args.HealthCheckPath)
            : null;
        var tags = new[] { ("Role", "inspection-appliance"), (ApplianceTags.Key, args.PassThrough ? ApplianceTags.PassThrough : ApplianceTags.Custom) };
        if (args.Fleet == ApplianceFleet.AutoScaling)
        {
            LaunchTemplate = CreateLaunchTemplate(name, args, profile, userData, tags, childOptions);
            AutoScalingGroup = CreateAutoScalingGroup(name, args, applianceSubnets, LaunchTemplate, tags, childOptions);
            Appliances = [];
        }
        else
        {
            Appliances = CreateAppliances(name, args, applianceSubnets, profile, userData, tags, childOptions);
        }

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
            ["autoScalingGroupName"] = AutoScalingGroup?.Name,
        });
    }

    public LoadBalancer LoadBalancer { get; }

    public TargetGroup TargetGroup { get; }

    public Listener Listener { get; }

    public SecurityGroup ApplianceSecurityGroup { get; }

    /// <summary>The fixed appliances (fleet mode instances; empty with an Auto Scaling group).</summary>
    public IReadOnlyList<Instance> Appliances { get; }

    /// <summary>The appliances' launch template (fleet mode autoScaling).</summary>
    public LaunchTemplate? LaunchTemplate { get; }

    /// <summary>The appliance fleet (fleet mode autoScaling).</summary>
    public Group? AutoScalingGroup { get; }

    /// <summary>Session Manager's interface endpoints in the provider VPC.</summary>
    public InterfaceEndpoints ManagementEndpoints { get; }

    /// <summary>The provider VPC's S3 gateway endpoint, for the package repositories.</summary>
    public GatewayEndpoint PackageEndpoint { get; }

    public VpcEndpointService EndpointService { get; }

    public Output<string> EndpointServiceName { get; }

    private static SecurityGroup CreateApplianceSecurityGroup(
        string name, InspectionProviderArgs args, Output<string> s3PrefixListId, CustomResourceOptions options)
    {
        var group = new SecurityGroup($"{name}-appliance-sg", new SecurityGroupArgs
        {
            VpcId = args.Network.VpcId,
            Description = "Inspection appliances: GENEVE and health checks from the provider VPC, HTTPS to its endpoints and S3",
            Tags = ResourceTags.For(args.Tags, $"{name}-appliance-sg"),
        }, options);

        SecureDefaults.AllowIn(
            $"{name}-geneve-from-vpc", group.Id, "udp", GenevePort, args.Network.CidrBlock, "GENEVE from the Gateway Load Balancer", options);
        SecureDefaults.AllowIn(
            $"{name}-health-check-from-vpc", group.Id, "tcp", args.HealthCheckPort, args.Network.CidrBlock, "Target group health checks", options);
        _ = new SecurityGroupEgressRule($"{name}-https-to-endpoints", new SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = group.Id,
            IpProtocol = "tcp",
            FromPort = 443,
            ToPort = 443,
            CidrIpv4 = args.Network.CidrBlock,
            Description = "HTTPS to the Session Manager interface endpoints",
        }, options);
        _ = new SecurityGroupEgressRule($"{name}-https-to-s3", new SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = group.Id,
            IpProtocol = "tcp",
            FromPort = 443,
            ToPort = 443,
            PrefixListId = s3PrefixListId,
            Description = "HTTPS to S3 (package repositories) through the gateway endpoint",
        }, options);

        return group;
    }

    /// <summary>Least privilege: the role carries only the Session Manager managed policy.</summary>
    private static InstanceProfile CreateInstanceProfile(string name, InspectionProviderArgs args, string partition, CustomResourceOptions options)
    {
        var role = new Role($"{name}-appliance-role", new RoleArgs
        {
            Description = "Inspection appliances: Session Manager only",
            AssumeRolePolicy = PolicyJson.ServiceTrust("ec2.amazonaws.com"),
            Tags = ResourceTags.For(args.Tags, $"{name}-appliance-role"),
        }, options);
        _ = new RolePolicyAttachment($"{name}-appliance-ssm-core", new RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = $"arn:{partition}:iam::aws:policy/AmazonSSMManagedInstanceCore",
        }, options);
        return new InstanceProfile($"{name}-appliance-profile", new InstanceProfileArgs
        {
            Role = role.Name,
            Tags = ResourceTags.For(args.Tags, $"{name}-appliance-profile"),
        }, options);
    }

    private LaunchTemplate CreateLaunchTemplate(
        string name, InspectionProviderArgs args, InstanceProfile profile, string? userData, (string, string)[] tags, CustomResourceOptions options)
    {
        var templateName = $"{name}-appliance-template";
        return new LaunchTemplate(templateName, new LaunchTemplateArgs
        {
            ImageId = args.ApplianceAmi,
            InstanceType = args.ApplianceInstanceType,
            VpcSecurityGroupIds = { ApplianceSecurityGroup.Id },
            IamInstanceProfile = new LaunchTemplateIamInstanceProfileArgs { Arn = profile.Arn },
            MetadataOptions = new LaunchTemplateMetadataOptionsArgs
            {
                HttpEndpoint = "enabled",
                HttpTokens = "required",
                HttpPutResponseHopLimit = 1,
            },
            BlockDeviceMappings =
            {
                new LaunchTemplateBlockDeviceMappingArgs
                {
                    DeviceName = args.RootDeviceName,
                    Ebs = new LaunchTemplateBlockDeviceMappingEbsArgs { Encrypted = "true", VolumeType = "gp3", DeleteOnTermination = "true" },
                },
            },
            Monitoring = new LaunchTemplateMonitoringArgs { Enabled = true },

            // The provider documents launch template user data as base64-encoded (unlike an instance's user_data).
            UserData = userData is null ? null! : Convert.ToBase64String(Encoding.UTF8.GetBytes(userData)),
            TagSpecifications =
            {
                new LaunchTemplateTagSpecificationArgs { ResourceType = "instance", Tags = ResourceTags.For(args.Tags, $"{name}-appliance", tags) },
                new LaunchTemplateTagSpecificationArgs { ResourceType = "volume", Tags = ResourceTags.For(args.Tags, $"{name}-appliance", tags) },
            },
            UpdateDefaultVersion = true,
            Tags = ResourceTags.For(args.Tags, templateName, tags),
        }, options);
    }

    /// <summary>
    /// The fleet: spread over the appliance subnets, attached to the GENEVE target group, replacing an appliance the
    /// target group finds unhealthy (ELB health checks) once it has had its grace period to boot; a new launch template
    /// version rolls out by launching replacements before terminating (min healthy 100 %).
    /// </summary>
    private Group CreateAutoScalingGroup(
        string name, InspectionProviderArgs args, IReadOnlyList<Subnet> subnets, LaunchTemplate template, (string Key, string Value)[] tags,
        CustomResourceOptions options)
    {
        var groupTags = new InputList<GroupTagArgs>();
        foreach (var (key, value) in args.Tags.Append(new("Name", $"{name}-appliance")).Concat(tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value))))
        {
            groupTags.Add(new GroupTagArgs { Key = key, Value = value, PropagateAtLaunch = true });
        }

        return new Group($"{name}-appliance-fleet", new GroupArgs
        {
            VpcZoneIdentifiers = subnets.Select(s => s.Id).ToArray(),
            MinSize = args.FleetSize.Min,
            MaxSize = args.FleetSize.Max,
            DesiredCapacity = args.FleetSize.Desired,
            LaunchTemplate = new GroupLaunchTemplateArgs
            {
                Id = template.Id,
                Version = template.LatestVersion.Apply(v => v.ToString(CultureInfo.InvariantCulture)),
            },
            TargetGroupArns = { TargetGroup.Arn },
            HealthCheckType = "ELB",
            HealthCheckGracePeriod = HealthCheckGracePeriodSeconds,
            InstanceRefresh = new GroupInstanceRefreshArgs
            {
                Strategy = "Rolling",
                Preferences = new GroupInstanceRefreshPreferencesArgs { MinHealthyPercentage = 100, MaxHealthyPercentage = 200 },
            },
            Tags = groupTags,
        }, options);
    }

    private List<Instance> CreateAppliances(
        string name, InspectionProviderArgs args, IReadOnlyList<Subnet> subnets, InstanceProfile profile, string? userData,
        (string, string)[] tags, CustomResourceOptions options)
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
                    IamInstanceProfile = profile.Name,
                    AssociatePublicIpAddress = false,
                    MetadataOptions = SecureDefaults.Imdsv2Only(),
                    RootBlockDevice = SecureDefaults.EncryptedRootVolume(),
                    Monitoring = true,

                    // Plain text: the provider encodes an instance's user_data itself.
                    UserData = userData!,
                    UserDataReplaceOnChange = userData is not null,
                    Tags = ResourceTags.For(args.Tags, applianceName, tags),
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
