using System.Globalization;
using System.Text;
using Infra.Model.Appliances;
using Infra.Model.Configuration;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.AutoScaling;
using Pulumi.Aws.AutoScaling.Inputs;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;
using Pulumi.Aws.Iam;
using Pulumi.Aws.LB;
using Pulumi.Aws.LB.Inputs;

namespace Infra.Components;

/// <summary>What an <see cref="InspectionProvider"/> builds.</summary>
public sealed class InspectionProviderArgs : ResourceArgs
{
    /// <summary>The provider (security) VPC.</summary>
    [Input("vpcId", required: true)]
    public Input<string> VpcId { get; set; } = null!;

    /// <summary>The provider VPC's block: the only source the appliances admit GENEVE and health checks from.</summary>
    [Input("vpcCidr", required: true)]
    public Input<string> VpcCidr { get; set; } = null!;

    /// <summary>The appliance subnets, one per AZ in AZ order: they host the Gateway Load Balancer, the appliances and the management endpoints.</summary>
    [Input("applianceSubnetIds", required: true)]
    public InputList<string> ApplianceSubnetIds { get; set; } = null!;

    /// <summary>The appliance subnets' route tables: the provider VPC's S3 gateway endpoint (package repositories) attaches to them.</summary>
    [Input("applianceRouteTableIds", required: true)]
    public InputList<string> ApplianceRouteTableIds { get; set; } = null!;

    /// <summary>The availability zones of the appliance subnets, in order; they name the fixed appliances.</summary>
    [Input("availabilityZoneNames")]
    public List<string>? AvailabilityZoneNames { get; set; }

    /// <summary>Without zone names: how many AZs the appliance subnets span (the region's first zones); default 2.</summary>
    [Input("availabilityZoneCount")]
    public int? AvailabilityZoneCount { get; set; }

    /// <summary>The provider VPC's region, such as eu-west-1.</summary>
    [Input("region", required: true)]
    public string Region { get; set; } = null!;

    /// <summary>The appliance AMI; default the region's latest Amazon Linux 2023 AMI, booted as the pass-through appliance.</summary>
    [Input("applianceAmi")]
    public Input<string>? ApplianceAmi { get; set; }

    /// <summary>The AMI's root device, which the launch template's encrypted volume replaces; default read from the AMI's description.</summary>
    [Input("rootDeviceName")]
    public Input<string>? RootDeviceName { get; set; }

    /// <summary>
    /// Whether the appliances boot with the pass-through appliance's user data; default true without
    /// <see cref="ApplianceAmi"/>, false with one (a vendor AMI answers the health check on its own).
    /// </summary>
    [Input("passThrough")]
    public bool? PassThrough { get; set; }

    /// <summary>The appliance instance type; default t3.small.</summary>
    [Input("applianceInstanceType")]
    public string? ApplianceInstanceType { get; set; }

    /// <summary>autoScaling (default: a group attached to the target group) or instances (fixed appliances per AZ).</summary>
    [Input("applianceFleet")]
    public string? ApplianceFleet { get; set; }

    /// <summary>Fixed appliances in each AZ (fleet instances), 1 to 4; default 1.</summary>
    [Input("appliancesPerAz")]
    public int? AppliancesPerAz { get; set; }

    /// <summary>The Auto Scaling group's minimum size; default the desired capacity.</summary>
    [Input("fleetMinSize")]
    public int? FleetMinSize { get; set; }

    /// <summary>The Auto Scaling group's maximum size; default the desired capacity.</summary>
    [Input("fleetMaxSize")]
    public int? FleetMaxSize { get; set; }

    /// <summary>The Auto Scaling group's desired capacity; default one appliance per AZ.</summary>
    [Input("fleetDesiredCapacity")]
    public int? FleetDesiredCapacity { get; set; }

    /// <summary>Cross-zone load balancing on the Gateway Load Balancer; default off (AWS's default).</summary>
    [Input("crossZoneLoadBalancing")]
    public bool? CrossZoneLoadBalancing { get; set; }

    /// <summary>The target group health check port; default 80.</summary>
    [Input("healthCheckPort")]
    public int? HealthCheckPort { get; set; }

    /// <summary>TCP (default), HTTP or HTTPS.</summary>
    [Input("healthCheckProtocol")]
    public string? HealthCheckProtocol { get; set; }

    /// <summary>For HTTP and HTTPS health checks only; default /.</summary>
    [Input("healthCheckPath")]
    public string? HealthCheckPath { get; set; }

    /// <summary>IAM principals allowed to create GWLB endpoints to the service; default this account's root.</summary>
    [Input("allowedPrincipals")]
    public InputList<string>? AllowedPrincipals { get; set; }

    /// <summary>Tags added to every resource.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; set; }
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
    public const int GenevePort = PassThroughAppliance.GenevePort;

    /// <summary>Seconds an appliance has to boot and start answering before Auto Scaling acts on the ELB health check.</summary>
    public const int HealthCheckGracePeriodSeconds = 300;

    /// <summary>The interface endpoints Session Manager needs to reach instances with no internet path.</summary>
    public static readonly IReadOnlyList<string> SessionManagerServices = ["ssm", "ssmmessages", "ec2messages"];

    public InspectionProvider(string name, InspectionProviderArgs args, ComponentResourceOptions? options = null)
        : base(PackageInfo.TypeToken(nameof(InspectionProvider)), name, PackageInfo.WithFormerType(options, "infra:inspection:InspectionProvider"))
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new InputErrors(nameof(InspectionProvider), name);
        var settings = ReadSettings(args, errors, this);
        var childOptions = new CustomResourceOptions { Parent = this };

        var loadBalancer = new LoadBalancer($"{name}-gwlb", new LoadBalancerArgs
        {
            LoadBalancerType = "gateway",
            Subnets = args.ApplianceSubnetIds,
            EnableCrossZoneLoadBalancing = settings.CrossZoneLoadBalancing,
            Tags = ResourceTags.For(settings.Tags, $"{name}-gwlb"),
        }, childOptions);

        var targetGroup = new TargetGroup($"{name}-appliances", new TargetGroupArgs
        {
            VpcId = args.VpcId,
            Protocol = "GENEVE",
            Port = GenevePort,
            TargetType = "instance",
            HealthCheck = new TargetGroupHealthCheckArgs
            {
                Enabled = true,
                Protocol = settings.HealthCheckProtocol,
                Port = settings.HealthCheckPort.ToString(CultureInfo.InvariantCulture),
                Path = settings.HealthCheckProtocol == "TCP" ? null! : settings.HealthCheckPath ?? "/",
                Interval = 10,
                HealthyThreshold = 3,
                UnhealthyThreshold = 3,
            },
            Tags = ResourceTags.For(settings.Tags, $"{name}-appliances"),
        }, childOptions);

        _ = new Listener($"{name}-listener", new ListenerArgs
        {
            LoadBalancerArn = loadBalancer.Arn,
            DefaultActions = new ListenerDefaultActionArgs { Type = "forward", TargetGroupArn = targetGroup.Arn },
            Tags = ResourceTags.For(settings.Tags, $"{name}-listener"),
        }, childOptions);

        var partition = AwsPartition.ForRegion(settings.Region);
        _ = new InterfaceEndpoints($"{name}-management-endpoints", new InterfaceEndpointsArgs
        {
            VpcId = args.VpcId,
            VpcCidr = args.VpcCidr,
            Region = settings.Region,
            SubnetIds = args.ApplianceSubnetIds,
            Services = [.. SessionManagerServices],
            Tags = settings.Tags,
        }, new ComponentResourceOptions { Parent = this });
        var packageEndpoint = new GatewayEndpoint($"{name}-s3-endpoint", new GatewayEndpointArgs
        {
            VpcId = args.VpcId,
            Region = settings.Region,
            Service = "s3",
            RouteTableIds = args.ApplianceRouteTableIds,
            AllowedBucketNames = new InputList<string>(),
            Tags = settings.Tags,
        }, new ComponentResourceOptions { Parent = this });

        var securityGroup = CreateApplianceSecurityGroup(name, args.VpcId, args.VpcCidr, settings, packageEndpoint.PrefixListId, childOptions);
        var profile = CreateInstanceProfile(name, settings, partition, childOptions);
        var userData = settings.PassThrough
            ? PassThroughAppliance.RenderCloudInit(settings.HealthCheckPort, settings.HealthCheckProtocol, settings.HealthCheckPath)
            : null;
        var tags = new[] { ("Role", "inspection-appliance"), (ApplianceTags.Key, settings.PassThrough ? ApplianceTags.PassThrough : ApplianceTags.Custom) };
        var appliance = new ApplianceLaunch(securityGroup, profile, userData, tags);
        Group? autoScalingGroup = null;
        List<Instance> appliances = [];
        if (settings.Fleet == Model.Configuration.ApplianceFleet.AutoScaling)
        {
            var launchTemplate = CreateLaunchTemplate(name, settings, appliance, childOptions);
            autoScalingGroup = CreateAutoScalingGroup(name, settings, args.ApplianceSubnetIds, launchTemplate, targetGroup, tags, childOptions);
        }
        else
        {
            appliances = CreateAppliances(name, settings, args.ApplianceSubnetIds, errors, appliance, targetGroup, childOptions);
        }

        var endpointService = new VpcEndpointService($"{name}-service", new VpcEndpointServiceArgs
        {
            AcceptanceRequired = false,
            GatewayLoadBalancerArns = { loadBalancer.Arn },
            AllowedPrincipals = settings.AllowedPrincipals,
            Tags = ResourceTags.For(settings.Tags, $"{name}-service"),
        }, childOptions);

        LoadBalancerArn = loadBalancer.Arn;
        TargetGroupArn = targetGroup.Arn;
        EndpointServiceId = endpointService.Id;
        EndpointServiceName = endpointService.ServiceName;
        ApplianceIds = Output.All(appliances.Select(a => a.Id)).Apply(ids => ids.ToArray());
        AutoScalingGroupName = autoScalingGroup is null ? Output.Create((string?)null) : autoScalingGroup.Name.Apply(n => (string?)n);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["loadBalancerArn"] = LoadBalancerArn,
            ["targetGroupArn"] = TargetGroupArn,
            ["endpointServiceId"] = EndpointServiceId,
            ["endpointServiceName"] = EndpointServiceName,
            ["applianceIds"] = ApplianceIds,
            ["autoScalingGroupName"] = AutoScalingGroupName,
        });
    }

    /// <summary>The Gateway Load Balancer's ARN.</summary>
    [Output("loadBalancerArn")]
    public Output<string> LoadBalancerArn { get; private set; }

    /// <summary>The appliances' GENEVE target group's ARN.</summary>
    [Output("targetGroupArn")]
    public Output<string> TargetGroupArn { get; private set; }

    /// <summary>The VPC endpoint service's id.</summary>
    [Output("endpointServiceId")]
    public Output<string> EndpointServiceId { get; private set; }

    /// <summary>The endpoint service's name (com.amazonaws.vpce.REGION.vpce-svc-…), which consumers' GWLB endpoints name.</summary>
    [Output("endpointServiceName")]
    public Output<string> EndpointServiceName { get; private set; }

    /// <summary>The fixed appliances' instance ids (fleet instances; empty with an Auto Scaling group).</summary>
    [Output("applianceIds")]
    public Output<string[]> ApplianceIds { get; private set; }

    /// <summary>The appliance fleet's Auto Scaling group (fleet autoScaling).</summary>
    [Output("autoScalingGroupName")]
    public Output<string?> AutoScalingGroupName { get; private set; }

    /// <summary>The inputs, checked and defaulted.</summary>
    private sealed record Settings(
        string Region,
        ZonePlacement Zones,
        Input<string> Ami,
        Input<string> RootDeviceName,
        bool PassThrough,
        string InstanceType,
        Model.Configuration.ApplianceFleet Fleet,
        int PerAz,
        (int Min, int Max, int Desired) FleetSize,
        bool CrossZoneLoadBalancing,
        int HealthCheckPort,
        string HealthCheckProtocol,
        string? HealthCheckPath,
        InputList<string> AllowedPrincipals,
        Dictionary<string, string>? Tags);

    /// <summary>What every appliance launches with.</summary>
    private sealed record ApplianceLaunch(SecurityGroup SecurityGroup, InstanceProfile Profile, string? UserData, (string Key, string Value)[] Tags);

    private static Settings ReadSettings(InspectionProviderArgs args, InputErrors errors, Resource parent)
    {
        var region = errors.Required("region", args.Region);
        _ = errors.Required("vpcId", args.VpcId);
        _ = errors.Required("vpcCidr", args.VpcCidr);
        _ = errors.Required("applianceSubnetIds", args.ApplianceSubnetIds);
        _ = errors.Required("applianceRouteTableIds", args.ApplianceRouteTableIds);
        var zones = ZonePlacement.Resolve(
            args.AvailabilityZoneNames, args.AvailabilityZoneCount, errors, "availabilityZoneNames", "availabilityZoneCount", parent);

        var perAz = SettingRules.AppliancesPerAz(args.AppliancesPerAz ?? 1, errors.For("appliancesPerAz"));
        var port = SettingRules.Port(args.HealthCheckPort ?? 80, errors.For("healthCheckPort"));
        var protocol = SettingRules.HealthCheckProtocol(args.HealthCheckProtocol, errors.For("healthCheckProtocol"));
        var path = SettingRules.HealthCheckPath(args.HealthCheckPath, protocol, "healthCheckProtocol", errors.For("healthCheckPath"));

        var fleet = SettingRules.ApplianceFleet(args.ApplianceFleet, errors.For("applianceFleet"));
        var crossZone = args.CrossZoneLoadBalancing ?? false;
        var fleetSize = ReadFleetSize(args, errors, perAz, zones.Count, crossZone, fleet);

        var image = args.ApplianceAmi is null
            ? Output.Create(AwsLookups.LatestAmazonLinuxAsync(new InvokeOptions { Parent = parent }))
            : null;
        var ami = args.ApplianceAmi ?? image!.Apply(i => i.Id);
        var rootDevice = args.RootDeviceName
            ?? (image ?? args.ApplianceAmi!.ToOutput().Apply(id => AwsLookups.ImageAsync(id, new InvokeOptions { Parent = parent })))
                .Apply(i => i.RootDeviceName);
        var principals = args.AllowedPrincipals ?? GetCallerIdentity.Invoke(null, new InvokeOptions { Parent = parent })
            .Apply(caller => new[] { $"arn:{caller.Arn.Split(':')[1]}:iam::{caller.AccountId}:root" });

        return new Settings(
            region,
            zones,
            ami,
            rootDevice,
            args.PassThrough ?? args.ApplianceAmi is null,
            SettingRules.InstanceType(
                args.ApplianceInstanceType ?? "t3.small",
                "t3.small",
                args.ApplianceAmi is null ? "the default appliance AMI (Amazon Linux 2023)" : null,
                errors.For("applianceInstanceType")),
            fleet,
            perAz,
            fleetSize,
            crossZone,
            port,
            protocol,
            path,
            principals,
            args.Tags);
    }

    /// <summary>The Auto Scaling group's sizes, with the stack settings' rules (<see cref="SettingRules.FleetSize"/>).</summary>
    private static (int Min, int Max, int Desired) ReadFleetSize(
        InspectionProviderArgs args, InputErrors errors, int perAz, int azCount, bool crossZone, Model.Configuration.ApplianceFleet fleet)
    {
        foreach (var (input, value) in new[] { ("fleetMinSize", args.FleetMinSize), ("fleetMaxSize", args.FleetMaxSize), ("fleetDesiredCapacity", args.FleetDesiredCapacity) })
        {
            if (value is { } set && fleet == Model.Configuration.ApplianceFleet.Instances)
            {
                throw errors.Error(input, Show(set), "no value when applianceFleet is instances, which runs appliancesPerAz fixed appliances in each AZ");
            }
        }

        return SettingRules.FleetSize(
            args.FleetMinSize,
            args.FleetMaxSize,
            args.FleetDesiredCapacity,
            perAz * azCount,
            azCount,
            crossZone || fleet != Model.Configuration.ApplianceFleet.AutoScaling,
            new FleetSizeNames("fleetMinSize", "fleetMaxSize", "the number of availability zones", "crossZoneLoadBalancing"),
            (input, value, allowed) => errors.Error(input, value, allowed));
    }

    private static string Show(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static SecurityGroup CreateApplianceSecurityGroup(
        string name, Input<string> vpcId, Input<string> vpcCidr, Settings settings, Output<string> s3PrefixListId, CustomResourceOptions options)
    {
        var group = new SecurityGroup($"{name}-appliance-sg", new SecurityGroupArgs
        {
            VpcId = vpcId,
            Description = "Inspection appliances: GENEVE and health checks from the provider VPC, HTTPS to its endpoints and S3",
            Tags = ResourceTags.For(settings.Tags, $"{name}-appliance-sg"),
        }, options);

        SecureDefaults.AllowIn(
            $"{name}-geneve-from-vpc", group.Id, "udp", GenevePort, vpcCidr, "GENEVE from the Gateway Load Balancer", options);
        SecureDefaults.AllowIn(
            $"{name}-health-check-from-vpc", group.Id, "tcp", settings.HealthCheckPort, vpcCidr, "Target group health checks", options);
        SecureDefaults.AllowHttpsOut(
            $"{name}-https-to-endpoints", group.Id, vpcCidr, null, "HTTPS to the Session Manager interface endpoints", options);
        SecureDefaults.AllowHttpsOut(
            $"{name}-https-to-s3", group.Id, null, s3PrefixListId, "HTTPS to S3 (package repositories) through the gateway endpoint", options);

        return group;
    }

    /// <summary>Least privilege: the role carries only the Session Manager managed policy.</summary>
    private static InstanceProfile CreateInstanceProfile(string name, Settings settings, string partition, CustomResourceOptions options)
    {
        var role = SecureDefaults.SessionManagerRole(
            $"{name}-appliance-role", $"{name}-appliance-ssm-core", "Inspection appliances: Session Manager only", settings.Tags, partition, options);
        return new InstanceProfile($"{name}-appliance-profile", new InstanceProfileArgs
        {
            Role = role.Name,
            Tags = ResourceTags.For(settings.Tags, $"{name}-appliance-profile"),
        }, options);
    }

    private static LaunchTemplate CreateLaunchTemplate(string name, Settings settings, ApplianceLaunch appliance, CustomResourceOptions options)
    {
        var templateName = $"{name}-appliance-template";
        var userData = appliance.UserData;
        return new LaunchTemplate(templateName, new LaunchTemplateArgs
        {
            ImageId = settings.Ami,
            InstanceType = settings.InstanceType,
            VpcSecurityGroupIds = { appliance.SecurityGroup.Id },
            IamInstanceProfile = new LaunchTemplateIamInstanceProfileArgs { Arn = appliance.Profile.Arn },
            MetadataOptions = SecureDefaults.LaunchTemplateImdsv2Only(),
            BlockDeviceMappings = { SecureDefaults.EncryptedLaunchTemplateVolume(settings.RootDeviceName) },
            Monitoring = new LaunchTemplateMonitoringArgs { Enabled = true },

            // The provider documents launch template user data as base64-encoded (unlike an instance's user_data).
            UserData = userData is null ? null! : Convert.ToBase64String(Encoding.UTF8.GetBytes(userData)),
            TagSpecifications =
            {
                new LaunchTemplateTagSpecificationArgs { ResourceType = "instance", Tags = ResourceTags.For(settings.Tags, $"{name}-appliance", appliance.Tags) },
                new LaunchTemplateTagSpecificationArgs { ResourceType = "volume", Tags = ResourceTags.For(settings.Tags, $"{name}-appliance", appliance.Tags) },
            },
            UpdateDefaultVersion = true,
            Tags = ResourceTags.For(settings.Tags, templateName, appliance.Tags),
        }, options);
    }

    /// <summary>
    /// The fleet: spread over the appliance subnets, attached to the GENEVE target group, replacing an appliance the
    /// target group finds unhealthy (ELB health checks) once it has had its grace period to boot; a new launch template
    /// version rolls out by launching replacements before terminating (min healthy 100 %).
    /// </summary>
    private static Group CreateAutoScalingGroup(
        string name, Settings settings, InputList<string> subnetIds, LaunchTemplate template, TargetGroup targetGroup,
        (string Key, string Value)[] tags, CustomResourceOptions options)
    {
        var groupTags = new InputList<GroupTagArgs>();
        foreach (var (key, value) in ResourceTags.Entries(settings.Tags, $"{name}-appliance", tags))
        {
            groupTags.Add(new GroupTagArgs { Key = key, Value = value, PropagateAtLaunch = true });
        }

        return new Group($"{name}-appliance-fleet", new GroupArgs
        {
            VpcZoneIdentifiers = subnetIds,
            MinSize = settings.FleetSize.Min,
            MaxSize = settings.FleetSize.Max,
            DesiredCapacity = settings.FleetSize.Desired,
            LaunchTemplate = new GroupLaunchTemplateArgs
            {
                Id = template.Id,
                Version = template.LatestVersion.Apply(v => v.ToString(CultureInfo.InvariantCulture)),
            },
            TargetGroupArns = { targetGroup.Arn },
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

    private static List<Instance> CreateAppliances(
        string name, Settings settings, InputList<string> subnetIds, InputErrors errors, ApplianceLaunch appliance, TargetGroup targetGroup,
        CustomResourceOptions options)
    {
        var userData = appliance.UserData;
        var appliances = new List<Instance>();
        for (var azIndex = 0; azIndex < settings.Zones.Count; azIndex++)
        {
            var az = settings.Zones.Labels[azIndex];
            var subnetId = PerAz.Item(subnetIds, azIndex, settings.Zones.Count, errors, "applianceSubnetIds");
            for (var ordinal = 1; ordinal <= settings.PerAz; ordinal++)
            {
                var applianceName = $"{name}-appliance-{az}-{ordinal}";
                var instance = new Instance(applianceName, new InstanceArgs
                {
                    Ami = settings.Ami,
                    InstanceType = settings.InstanceType,
                    SubnetId = subnetId,
                    VpcSecurityGroupIds = { appliance.SecurityGroup.Id },
                    IamInstanceProfile = appliance.Profile.Name,
                    AssociatePublicIpAddress = false,
                    MetadataOptions = SecureDefaults.Imdsv2Only(),
                    RootBlockDevice = SecureDefaults.EncryptedRootVolume(),
                    Monitoring = true,

                    // Plain text: the provider encodes an instance's user_data itself.
                    UserData = userData!,
                    UserDataReplaceOnChange = userData is not null,
                    Tags = ResourceTags.For(settings.Tags, applianceName, appliance.Tags),
                }, options);

                _ = new TargetGroupAttachment($"{applianceName}-registration", new TargetGroupAttachmentArgs
                {
                    TargetGroupArn = targetGroup.Arn,
                    TargetId = instance.Id,
                    Port = GenevePort,
                }, options);
                appliances.Add(instance);
            }
        }

        return appliances;
    }
}
