using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Components;
using Infra.Model.Addressing;
using Infra.Model.Aws;
using Infra.Model.Configuration;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.Ec2;

return await Deployment.RunAsync(PrivateConnectivity.BuildAsync);

/// <summary>
/// The program: reads and validates the stack settings, then composes the components. Every check that can fail on
/// user input runs before the first resource is registered.
/// </summary>
public static partial class PrivateConnectivity
{
    public static async Task<IDictionary<string, object?>> BuildAsync()
    {
        var settings = ReadSettings();
        var region = Validate(() => settings.ValidateRegion(new Config("aws").Get("region"))).Code;
        // Only the region's own zones: Local Zones and Wavelength Zones an account has opted into have no GWLB or NAT.
        var regionZones = await GetAvailabilityZones.InvokeAsync(AwsLookups.RegionalZonesArgs());
        var zones = Validate(() => settings.ValidateAgainstRegion(region, regionZones.Names));
        Output<string>? providerServiceName = null;
        if (settings.Inspection.Mode == InspectionMode.Consumer)
        {
            // DescribeVpcEndpointServices answers in the caller's own zone names (and lists only the zones the
            // provider's load balancer and this account have in common), so the names compare with this account's
            // zones directly; the message adds the zone IDs, which are the same in every account.
            var serviceName = await ConsumedServiceNameAsync(settings);
            var service = await LookUpEndpointServiceAsync(settings, serviceName, region);
            Validate(() =>
            {
                settings.ValidateEndpointServiceZones(serviceName, zones, regionZones.Names, regionZones.ZoneIds, service.AvailabilityZones);
                return true;
            });
            providerServiceName = Output.Create(serviceName);
        }

        var hub = settings.Transit.Role == TransitRole.Spoke ? await ReadHubStackAsync(settings) : null;

        var outputs = new Dictionary<string, object?> { ["region"] = region, ["availabilityZones"] = zones };
        if (settings.ProviderSideEnabled)
        {
            providerServiceName = BuildProvider(settings, zones, region, outputs);
        }

        if (settings.Transit.BuildsHub)
        {
            BuildTransitHub(settings, zones, providerServiceName!, outputs);
        }

        if (hub is not null)
        {
            BuildSpoke(settings, zones, region, hub, outputs);
        }
        else if (settings.WorkloadVpcEnabled)
        {
            BuildWorkload(settings, zones, region, providerServiceName, outputs);
        }

        return outputs;
    }

    private static StackSettings ReadSettings()
    {
        var project = Deployment.Instance.ProjectName;
        Validate(() =>
        {
            StackSettings.RejectUnknownKeys(project, ProjectKeysSet(project));
            return true;
        });

        var config = new Config();
        var raw = new Dictionary<string, string>();
        foreach (var key in StackSettings.KnownKeys)
        {
            if (config.Get(key) is { } value)
            {
                raw[key] = value;
            }
        }

        return Validate(() => StackSettings.Parse(project, raw));
    }

    /// <summary>
    /// Every setting the stack sets under the project's namespace, so that a misspelt key is reported rather than
    /// silently ignored. The Config API cannot list keys; the engine passes the stack's configuration to the program
    /// in the PULUMI_CONFIG environment variable (a JSON object), which is what Config itself reads.
    /// </summary>
    private static Dictionary<string, string> ProjectKeysSet(string project)
    {
        var keys = new Dictionary<string, string>();
        var json = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        if (string.IsNullOrEmpty(json))
        {
            return keys;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var key = property.Name;
            if (!key.StartsWith(project + ":", StringComparison.Ordinal))
            {
                continue;
            }

            key = key[(project.Length + 1)..];
            key = key.StartsWith("config:", StringComparison.Ordinal) ? key["config:".Length..] : key;
            keys[key] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return keys;
    }

    /// <summary>Turns a bad setting into a message for the user, without a stack trace.</summary>
    private static T Validate<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (ConfigException e)
        {
            throw new RunException(e.Message);
        }
    }

    private static Output<string> BuildProvider(StackSettings settings, IReadOnlyList<string> zones, string region, Dictionary<string, object?> outputs)
    {
        var inspection = settings.Inspection;
        var tags = new Dictionary<string, string>(settings.Tags);
        var network = new VpcNetwork("inspection", NetworkArgs(settings, inspection.ProviderVpcCidr, settings.ProviderTiers, zones, internetGateway: false));
        var principals = new InputList<string>();
        foreach (var principal in inspection.AllowedPrincipals)
        {
            principals.Add(principal);
        }

        var provider = new InspectionProvider("inspection", new InspectionProviderArgs
        {
            VpcId = network.VpcId,
            VpcCidr = network.CidrBlock,
            ApplianceSubnetIds = network.SubnetIdsOf(Tiers.Appliance),
            ApplianceRouteTableIds = network.DistinctRouteTableIdsOf(Tiers.Appliance),
            AvailabilityZoneNames = [.. zones],
            Region = region,
            ApplianceAmi = inspection.ApplianceAmi is { } ami ? (Input<string>)ami : null,
            PassThrough = inspection.UsesPassThroughAppliance,
            ApplianceInstanceType = inspection.ApplianceInstanceType,
            ApplianceFleet = SettingRules.Name(inspection.ApplianceFleet),
            AppliancesPerAz = inspection.AppliancesPerAz,
            FleetMinSize = inspection.ApplianceFleet == ApplianceFleet.AutoScaling ? inspection.FleetMinSize : null,
            FleetMaxSize = inspection.ApplianceFleet == ApplianceFleet.AutoScaling ? inspection.FleetMaxSize : null,
            FleetDesiredCapacity = inspection.ApplianceFleet == ApplianceFleet.AutoScaling ? inspection.FleetDesiredCapacity : null,
            CrossZoneLoadBalancing = inspection.CrossZoneLoadBalancing,
            HealthCheckPort = inspection.HealthCheckPort,
            HealthCheckProtocol = inspection.HealthCheckProtocol,
            HealthCheckPath = inspection.HealthCheckPath,
            AllowedPrincipals = inspection.AllowedPrincipals.Count > 0 ? principals : null,
            Tags = tags,
        });

        // A hub's inspectionVpcId is its central inspection VPC; the appliances' VPC is then the provider VPC.
        outputs[settings.Transit.BuildsHub ? "providerVpcId" : "inspectionVpcId"] = network.VpcId;
        outputs["applianceSubnetIds"] = network.SubnetIdsOf(Tiers.Appliance);
        outputs["gatewayLoadBalancerArn"] = provider.LoadBalancerArn;
        outputs["applianceTargetGroupArn"] = provider.TargetGroupArn;
        outputs["applianceAutoScalingGroupName"] = provider.AutoScalingGroupName;
        outputs["endpointServiceName"] = provider.EndpointServiceName;
        return provider.EndpointServiceName;
    }

    /// <summary>
    /// The endpoint service a consumer stack's GWLB endpoints connect to: the configured name, or the
    /// <c>endpointServiceName</c> output of the provider stack that <c>inspection.providerStack</c> names, read through
    /// a stack reference before any resource is created (and checked like the configured name).
    /// </summary>
    private static async Task<string> ConsumedServiceNameAsync(StackSettings settings)
    {
        if (settings.Inspection.EndpointServiceName is { } configured)
        {
            return configured;
        }

        var providerStack = settings.Inspection.ProviderStack!;
        var reference = new StackReference("inspection-provider", new StackReferenceArgs { Name = providerStack });
        var key = $"{settings.Namespace}:inspection.providerStack";
        var value = await reference.RequireValueAsync("endpointServiceName");
        return SettingRules.EndpointServiceName(
            value as string ?? "(not a string)",
            (shown, allowed) => InvalidStackOutput("endpointServiceName", providerStack, key, shown, allowed, "provider"));
    }

    /// <summary>
    /// The provider's endpoint service as this account sees it. AWS lists a service only to its allowed principals,
    /// so a failed lookup most often means this account is not one of them: that is said in one sentence.
    /// </summary>
    private static async Task<GetVpcEndpointServiceResult> LookUpEndpointServiceAsync(StackSettings settings, string name, string region)
    {
        try
        {
            return await GetVpcEndpointService.InvokeAsync(new GetVpcEndpointServiceArgs { ServiceName = name });
        }
#pragma warning disable CA1031 // Any failure of the lookup is reported to the user as one sentence, not a stack trace.
        catch (Exception e) when (e is not RunException)
#pragma warning restore CA1031
        {
            var cause = e.Message.Split('\n')[0].TrimEnd('.', ' ');
            var key = settings.Inspection.ProviderStack is null ? "inspection.endpointServiceName" : "inspection.providerStack";
            var shown = settings.Inspection.ProviderStack is { } stack ? $"{stack} (endpoint service {name})" : name;
            throw new RunException(ConfigException.Format(
                settings.Namespace,
                key,
                shown,
                $"an endpoint service in {region} that lists this account among its allowed principals, but looking it up failed ({cause})"));
        }
    }

    /// <summary>A <see cref="VpcNetwork"/> of the stack's settings: the subnets the settings planned, in the stack's zones.</summary>
    private static VpcNetworkArgs NetworkArgs(
        StackSettings settings, string cidr, IReadOnlyList<TierSpec> tiers, IReadOnlyList<string> zones, bool internetGateway)
    {
        return new VpcNetworkArgs
        {
            CidrBlock = cidr,
            AvailabilityZoneNames = [.. zones],
            Tiers = [.. tiers.Select(t => t.Tier)],
            SubnetPrefixLengths = PrefixLengthsArgs(settings),
            InternetGateway = internetGateway,
            NatStrategy = SettingRules.Name(settings.NatStrategy),
            FlowLogRetentionDays = settings.FlowLogRetentionDays,
            Tags = new Dictionary<string, string>(settings.Tags),
        };
    }

    /// <summary>The stack's subnet prefix lengths as a component input.</summary>
    private static SubnetPrefixLengthsArgs PrefixLengthsArgs(StackSettings settings)
    {
        var prefixes = settings.SubnetPrefixLengths;
        return new SubnetPrefixLengthsArgs
        {
            Public = prefixes.Public,
            Private = prefixes.Private,
            Application = prefixes.Application,
            Endpoint = prefixes.Endpoint,
            Appliance = prefixes.Appliance,
            Transit = prefixes.Transit,
        };
    }

    /// <summary>An output read through a stack reference (from the setting <paramref name="key"/>) that is not what this program's <paramref name="publisher"/> stack publishes.</summary>
    private static RunException InvalidStackOutput(string output, string stack, string key, string shown, string allowed, string publisher) =>
        new($"Invalid output {output} of stack {stack} (from {key}) = {shown}: {allowed}, the output a {publisher} stack of this program publishes.");

    /// <summary>What a spoke stack reads from its hub stack.</summary>
    private sealed record HubOutputs(string TransitGatewayId, string SpokeRouteTableId, string InspectionRouteTableId);

    /// <summary>
    /// The hub's Transit Gateway and route tables, read from the stack <c>transit.hubStack</c> names through a stack
    /// reference before any resource is created, each checked to be the kind of id EC2 gives it (tgw-…, tgw-rtb-…).
    /// </summary>
    private static async Task<HubOutputs> ReadHubStackAsync(StackSettings settings)
    {
        var hubStack = settings.Transit.HubStack!;
        var reference = new StackReference("transit-hub", new StackReferenceArgs { Name = hubStack });
        var key = $"{settings.Namespace}:transit.hubStack";

        async Task<string> ReadAsync(string output, string kind, Regex shape)
        {
            var value = await reference.RequireValueAsync(output);
            var shown = value is string text ? (text.Trim().Length == 0 ? $"\"{text}\"" : text) : "(not a string)";
            return value is string id && shape.IsMatch(id)
                ? id
                : throw InvalidStackOutput(output, hubStack, key, shown, kind, "hub");
        }

        return new HubOutputs(
            await ReadAsync("transitGatewayId", "a transit gateway id such as tgw-0123456789abcdef0", TransitGatewayId()),
            await ReadAsync("spokeRouteTableId", "a transit gateway route table id such as tgw-rtb-0123456789abcdef0", TransitGatewayRouteTableId()),
            await ReadAsync("inspectionRouteTableId", "a transit gateway route table id such as tgw-rtb-0123456789abcdef0", TransitGatewayRouteTableId()));
    }

    /// <summary>
    /// The hub of centralized inspection: the Transit Gateway with its spoke and inspection route tables, and the
    /// inspection VPC whose GWLB endpoints connect to the endpoint service (this stack's provider in combined mode, the
    /// configured or referenced one in consumer mode); in hubAndSpokes, also the spokes of <c>transit.spokes</c>.
    /// </summary>
    private static void BuildTransitHub(StackSettings settings, IReadOnlyList<string> zones, Output<string> endpointServiceName, Dictionary<string, object?> outputs)
    {
        var transit = settings.Transit;
        var hub = new TransitHub("transit-hub", new TransitHubArgs
        {
            AmazonSideAsn = transit.AmazonSideAsn,
            Tags = new Dictionary<string, string>(settings.Tags),
        });
        var inspection = new CentralInspectionVpc("central-inspection", new CentralInspectionVpcArgs
        {
            CidrBlock = transit.InspectionVpcCidr,
            AvailabilityZoneNames = [.. zones],
            SubnetPrefixLengths = PrefixLengthsArgs(settings),
            TransitGatewayId = hub.TransitGatewayId,
            InspectionRouteTableId = hub.InspectionRouteTableId,
            SpokeRouteTableId = hub.SpokeRouteTableId,
            EndpointServiceName = endpointServiceName,
            SpokeDestinationCidrs = [.. transit.SpokeDestinations],
            FlowLogRetentionDays = settings.FlowLogRetentionDays,
            Tags = new Dictionary<string, string>(settings.Tags),
        });

        outputs["transitGatewayId"] = hub.TransitGatewayId;
        outputs["transitGatewayArn"] = hub.TransitGatewayArn;
        outputs["spokeRouteTableId"] = hub.SpokeRouteTableId;
        outputs["inspectionRouteTableId"] = hub.InspectionRouteTableId;
        outputs["inspectionVpcId"] = inspection.VpcId;
        outputs["inspectionVpcCidr"] = inspection.CidrBlock;
        outputs["inspectionAttachmentId"] = inspection.AttachmentId;
        outputs["gwlbEndpointIds"] = inspection.GwlbEndpointIds;
        outputs["natGatewayIds"] = inspection.NatGatewayIds;
        outputs["internetGatewayId"] = inspection.InternetGatewayId;

        if (transit.Role != TransitRole.HubAndSpokes)
        {
            return;
        }

        var spokes = transit.Spokes
            .Select((cidr, index) => new Spoke($"spoke-{index + 1}", SpokeArgs(settings, cidr, zones, hub.TransitGatewayId, hub.SpokeRouteTableId, hub.InspectionRouteTableId)))
            .ToList();
        outputs["spokeVpcIds"] = Output.All(spokes.Select(s => s.VpcId));
        outputs["spokeVpcCidrs"] = transit.Spokes;
        outputs["spokeAttachmentIds"] = Output.All(spokes.Select(s => s.AttachmentId));
    }

    private static SpokeArgs SpokeArgs(
        StackSettings settings, string cidr, IReadOnlyList<string> zones, Input<string> transitGatewayId, Input<string> spokeRouteTableId, Input<string> inspectionRouteTableId) =>
        new()
        {
            CidrBlock = cidr,
            AvailabilityZoneNames = [.. zones],
            SubnetPrefixLengths = PrefixLengthsArgs(settings),
            TransitGatewayId = transitGatewayId,
            SpokeRouteTableId = spokeRouteTableId,
            InspectionRouteTableId = inspectionRouteTableId,
            FlowLogRetentionDays = settings.FlowLogRetentionDays,
            Tags = new Dictionary<string, string>(settings.Tags),
        };

    /// <summary>
    /// A spoke stack: the spoke VPC (vpcCidr) attached to the hub's Transit Gateway, with the workload VPC's private
    /// services on its private subnets (gateway endpoints, interface endpoints, the demo bucket and instance).
    /// </summary>
    private static void BuildSpoke(StackSettings settings, IReadOnlyList<string> zones, string region, HubOutputs hub, Dictionary<string, object?> outputs)
    {
        var spoke = new Spoke("spoke", SpokeArgs(settings, settings.VpcCidr, zones, hub.TransitGatewayId, hub.SpokeRouteTableId, hub.InspectionRouteTableId));
        BuildPrivateServices(settings, region, spoke.VpcId, spoke.CidrBlock, spoke.PrivateSubnetIds, spoke.PrivateRouteTableIds, outputs);

        outputs["vpcId"] = spoke.VpcId;
        outputs["vpcCidr"] = spoke.CidrBlock;
        outputs["transitGatewayId"] = hub.TransitGatewayId;
        outputs["attachmentId"] = spoke.AttachmentId;
        outputs["privateSubnetIds"] = spoke.PrivateSubnetIds;
        outputs["privateRouteTableIds"] = spoke.PrivateRouteTableIds;
        outputs["transitSubnetIds"] = spoke.TransitSubnetIds;
    }

    private static void BuildWorkload(
        StackSettings settings, IReadOnlyList<string> zones, string region, Output<string>? providerServiceName,
        Dictionary<string, object?> outputs)
    {
        var tags = new Dictionary<string, string>(settings.Tags);
        var network = new VpcNetwork("workload", NetworkArgs(settings, settings.VpcCidr, settings.WorkloadTiers, zones, internetGateway: true));
        BuildPrivateServices(
            settings, region, network.VpcId, network.CidrBlock, network.SubnetIdsOf(Tiers.Private), network.DistinctRouteTableIdsOf(Tiers.Private), outputs);

        if (settings.ConsumerSideEnabled)
        {
            var consumerArgs = InspectionConsumerArgs.For(network, zones, providerServiceName!);
            consumerArgs.Tags = tags;
            var consumer = new InspectionConsumer("inspection", consumerArgs);
            outputs["gwlbEndpointIds"] = consumer.GwlbEndpointIds;
            outputs["edgeRouteTableId"] = consumer.EdgeRouteTableId;
        }

        outputs["vpcId"] = network.VpcId;
        outputs["vpcCidr"] = network.CidrBlock;
        foreach (var tier in settings.WorkloadTiers.Select(t => t.Tier))
        {
            outputs[$"{tier}SubnetIds"] = network.SubnetIdsOf(tier);
            outputs[$"{tier}RouteTableIds"] = network.DistinctRouteTableIdsOf(tier);
        }

        outputs["natGatewayIds"] = network.NatGatewayIds;
        outputs["internetGatewayId"] = network.InternetGatewayId;
    }

    /// <summary>
    /// What a VPC's private subnets reach privately: the S3 (and DynamoDB) gateway endpoints on their route tables, the
    /// interface endpoints, and the demo bucket and instance.
    /// </summary>
    private static void BuildPrivateServices(
        StackSettings settings, string region, Output<string> vpcId, Output<string> vpcCidr, Output<string[]> privateSubnetIds, Output<string[]> privateTableIds,
        Dictionary<string, object?> outputs)
    {
        var tags = new Dictionary<string, string>(settings.Tags);

        // The endpoint policy names the demo bucket and the bucket policy names the endpoint: the bucket's name
        // reaches the endpoint through a deferred output.
        var demoBucketName = settings.Demo.Bucket ? new DeferredOutput<string>() : null;
        var bucketNames = new InputList<string>();
        foreach (var bucket in settings.EndpointBucketNames)
        {
            bucketNames.Add(bucket);
        }

        if (demoBucketName is not null)
        {
            bucketNames.Add(demoBucketName.Output);
        }

        var s3 = new GatewayEndpoint("s3-endpoint", new GatewayEndpointArgs
        {
            VpcId = vpcId,
            Region = region,
            Service = "s3",
            RouteTableIds = privateTableIds,
            AllowedBucketNames = settings.Demo.Bucket || settings.EndpointBucketNames.Count > 0 ? bucketNames : null,
            Tags = tags,
        });
        outputs["s3GatewayEndpointId"] = s3.EndpointId;
        outputs["s3PrefixListId"] = s3.PrefixListId;

        if (settings.EnableDynamoDbEndpoint)
        {
            var dynamoDb = new GatewayEndpoint("dynamodb-endpoint", new GatewayEndpointArgs
            {
                VpcId = vpcId,
                Region = region,
                Service = "dynamodb",
                RouteTableIds = privateTableIds,
                Tags = tags,
            });
            outputs["dynamoDbGatewayEndpointId"] = dynamoDb.EndpointId;
        }

        if (settings.InterfaceEndpoints.Count > 0)
        {
            var interfaceEndpoints = new InterfaceEndpoints("interface-endpoints", new InterfaceEndpointsArgs
            {
                VpcId = vpcId,
                VpcCidr = vpcCidr,
                Region = region,
                SubnetIds = privateSubnetIds,
                Services = [.. settings.InterfaceEndpoints],
                Tags = tags,
            });
            outputs["interfaceEndpointIds"] = interfaceEndpoints.EndpointIds;
            outputs["interfaceEndpointDnsNames"] = interfaceEndpoints.DnsNames;
        }

        if (settings.Demo.Bucket)
        {
            var demo = new PrivateBucket("demo-bucket", new PrivateBucketArgs
            {
                NamePrefix = S3BucketNames.PrefixFor(Deployment.Instance.ProjectName, Deployment.Instance.StackName, PrivateBucket.SuffixLength),
                GatewayEndpointId = s3.EndpointId,
                Region = region,
                Tags = tags,
            });
            demoBucketName!.Resolve(demo.BucketName);
            outputs["bucketName"] = demo.BucketName;

            if (settings.Demo.Instance)
            {
                var instance = new PrivateInstance("private-instance", new PrivateInstanceArgs
                {
                    VpcId = vpcId,
                    VpcCidr = vpcCidr,
                    SubnetId = privateSubnetIds.Apply(ids => ids[0]),
                    InstanceType = settings.Demo.InstanceType,
                    Region = region,
                    BucketArn = demo.BucketArn,
                    S3PrefixListId = s3.PrefixListId,
                    Tags = tags,
                });
                outputs["privateInstanceId"] = instance.InstanceId;
            }
        }
    }

    [GeneratedRegex("^tgw-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex TransitGatewayId();

    [GeneratedRegex("^tgw-rtb-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex TransitGatewayRouteTableId();
}
