using System.Globalization;
using Infra.Model.Configuration;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.Ec2;
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

    /// <summary>The appliance subnets, one per AZ in AZ order: they host the Gateway Load Balancer and the appliances.</summary>
    [Input("applianceSubnetIds", required: true)]
    public InputList<string> ApplianceSubnetIds { get; set; } = null!;

    /// <summary>The availability zones of the appliance subnets, in order; they name the appliances.</summary>
    [Input("availabilityZoneNames")]
    public List<string>? AvailabilityZoneNames { get; set; }

    /// <summary>Without zone names: how many AZs the appliance subnets span (the region's first zones); default 2.</summary>
    [Input("availabilityZoneCount")]
    public int? AvailabilityZoneCount { get; set; }

    /// <summary>The appliance AMI; default the region's latest Amazon Linux 2023 AMI (a stand-in that does not decode GENEVE).</summary>
    [Input("applianceAmi")]
    public Input<string>? ApplianceAmi { get; set; }

    /// <summary>The appliance instance type; default t3.small.</summary>
    [Input("applianceInstanceType")]
    public string? ApplianceInstanceType { get; set; }

    /// <summary>Appliances in each AZ, 1 to 4; default 1.</summary>
    [Input("appliancesPerAz")]
    public int? AppliancesPerAz { get; set; }

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
/// a GENEVE (UDP 6081) target group with a health check, a listener forwarding to it, the appliances registered in
/// it, and a VPC endpoint service that publishes the GWLB to consumer VPCs.
/// </summary>
public sealed class InspectionProvider : ComponentResource
{
    public const int GenevePort = 6081;

    public InspectionProvider(string name, InspectionProviderArgs args, ComponentResourceOptions? options = null)
        : base(PackageInfo.TypeToken(nameof(InspectionProvider)), name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new InputErrors(nameof(InspectionProvider), name);
        _ = errors.Required("vpcId", args.VpcId);
        _ = errors.Required("vpcCidr", args.VpcCidr);
        _ = errors.Required("applianceSubnetIds", args.ApplianceSubnetIds);
        var zones = ZonePlacement.Resolve(
            args.AvailabilityZoneNames, args.AvailabilityZoneCount, errors, "availabilityZoneNames", "availabilityZoneCount", this);
        var settings = ReadSettings(args, errors, this);
        var principals = args.AllowedPrincipals ?? GetCallerIdentity.Invoke(null, new InvokeOptions { Parent = this })
            .Apply(caller => new[] { $"arn:{caller.Arn.Split(':')[1]}:iam::{caller.AccountId}:root" });
        var childOptions = new CustomResourceOptions { Parent = this };

        var loadBalancer = new LoadBalancer($"{name}-gwlb", new LoadBalancerArgs
        {
            LoadBalancerType = "gateway",
            Subnets = args.ApplianceSubnetIds,
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

        var applianceSecurityGroup = CreateApplianceSecurityGroup(name, args.VpcId, args.VpcCidr, settings, childOptions);
        var appliances = CreateAppliances(name, args.ApplianceSubnetIds, zones, errors, applianceSecurityGroup, targetGroup, settings, childOptions);

        var endpointService = new VpcEndpointService($"{name}-service", new VpcEndpointServiceArgs
        {
            AcceptanceRequired = false,
            GatewayLoadBalancerArns = { loadBalancer.Arn },
            AllowedPrincipals = principals,
            Tags = ResourceTags.For(settings.Tags, $"{name}-service"),
        }, childOptions);

        LoadBalancerArn = loadBalancer.Arn;
        TargetGroupArn = targetGroup.Arn;
        EndpointServiceId = endpointService.Id;
        EndpointServiceName = endpointService.ServiceName;
        ApplianceIds = Output.All(appliances.Select(a => a.Id)).Apply(ids => ids.ToArray());
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["loadBalancerArn"] = LoadBalancerArn,
            ["targetGroupArn"] = TargetGroupArn,
            ["endpointServiceId"] = EndpointServiceId,
            ["endpointServiceName"] = EndpointServiceName,
            ["applianceIds"] = ApplianceIds,
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

    /// <summary>The appliance instances' ids.</summary>
    [Output("applianceIds")]
    public Output<string[]> ApplianceIds { get; private set; }

    private static ApplianceSettings ReadSettings(InspectionProviderArgs args, InputErrors errors, Resource parent)
    {
        var perAz = args.AppliancesPerAz ?? 1;
        if (perAz is < 1 or > 4)
        {
            throw errors.Error("appliancesPerAz", perAz.ToString(CultureInfo.InvariantCulture), "a whole number from 1 to 4");
        }

        var port = args.HealthCheckPort ?? 80;
        if (port is < 1 or > 65535)
        {
            throw errors.Error("healthCheckPort", port.ToString(CultureInfo.InvariantCulture), "a whole number from 1 to 65535");
        }

        var protocol = args.HealthCheckProtocol?.ToUpperInvariant() ?? "TCP";
        if (protocol is not ("TCP" or "HTTP" or "HTTPS"))
        {
            throw errors.Error("healthCheckProtocol", args.HealthCheckProtocol!, "one of TCP, HTTP, HTTPS");
        }

        if (protocol == "TCP" && args.HealthCheckPath is { } path)
        {
            throw errors.Error("healthCheckPath", path, "no path when healthCheckProtocol is TCP; a path is only for HTTP or HTTPS health checks");
        }

        return new ApplianceSettings(
            args.ApplianceAmi ?? Output.Create(AwsLookups.LatestAmazonLinuxAmiAsync(new InvokeOptions { Parent = parent })),
            SettingRules.InstanceType(args.ApplianceInstanceType ?? "t3.small", "t3.small", errors.For("applianceInstanceType")),
            perAz,
            port,
            protocol,
            args.HealthCheckPath,
            args.Tags);
    }

    /// <summary>The appliance and health check settings, validated.</summary>
    private sealed record ApplianceSettings(
        Input<string> Ami, string InstanceType, int PerAz, int HealthCheckPort, string HealthCheckProtocol, string? HealthCheckPath,
        Dictionary<string, string>? Tags);

    private static SecurityGroup CreateApplianceSecurityGroup(
        string name, Input<string> vpcId, Input<string> vpcCidr, ApplianceSettings settings, CustomResourceOptions options)
    {
        var group = new SecurityGroup($"{name}-appliance-sg", new SecurityGroupArgs
        {
            VpcId = vpcId,
            Description = "Inspection appliances: GENEVE and health checks from the provider VPC only",
            Tags = ResourceTags.For(settings.Tags, $"{name}-appliance-sg"),
        }, options);

        SecureDefaults.AllowIn(
            $"{name}-geneve-from-vpc", group.Id, "udp", GenevePort, vpcCidr, "GENEVE from the Gateway Load Balancer", options);
        SecureDefaults.AllowIn(
            $"{name}-health-check-from-vpc", group.Id, "tcp", settings.HealthCheckPort, vpcCidr, "Target group health checks", options);

        return group;
    }

    private static List<Instance> CreateAppliances(
        string name, InputList<string> subnetIds, ZonePlacement zones, InputErrors errors, SecurityGroup securityGroup,
        TargetGroup targetGroup, ApplianceSettings settings, CustomResourceOptions options)
    {
        var appliances = new List<Instance>();
        for (var azIndex = 0; azIndex < zones.Count; azIndex++)
        {
            var az = zones.Labels[azIndex];
            var subnetId = PerAz.Item(subnetIds, azIndex, zones.Count, errors, "applianceSubnetIds");
            for (var ordinal = 1; ordinal <= settings.PerAz; ordinal++)
            {
                var applianceName = $"{name}-appliance-{az}-{ordinal}";
                var appliance = new Instance(applianceName, new InstanceArgs
                {
                    Ami = settings.Ami,
                    InstanceType = settings.InstanceType,
                    SubnetId = subnetId,
                    VpcSecurityGroupIds = { securityGroup.Id },
                    AssociatePublicIpAddress = false,
                    MetadataOptions = SecureDefaults.Imdsv2Only(),
                    RootBlockDevice = SecureDefaults.EncryptedRootVolume(),
                    Monitoring = true,
                    Tags = ResourceTags.For(settings.Tags, applianceName, ("Role", "inspection-appliance")),
                }, options);

                _ = new TargetGroupAttachment($"{applianceName}-registration", new TargetGroupAttachmentArgs
                {
                    TargetGroupArn = targetGroup.Arn,
                    TargetId = appliance.Id,
                    Port = GenevePort,
                }, options);
                appliances.Add(appliance);
            }
        }

        return appliances;
    }
}
