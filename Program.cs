using System.Text.Json;
using Infra.Components;
using Infra.Model.Addressing;
using Infra.Model.Aws;
using Infra.Model.Configuration;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;

return await Deployment.RunAsync(PrivateConnectivity.BuildAsync);

/// <summary>
/// The program: reads and validates the stack settings, then composes the components. Every check that can fail on
/// user input runs before the first resource is registered.
/// </summary>
public static class PrivateConnectivity
{
    public static async Task<IDictionary<string, object?>> BuildAsync()
    {
        var settings = ReadSettings();
        var region = Validate(() => settings.ValidateRegion(new Config("aws").Get("region"))).Code;
        // Only the region's own zones: Local Zones and Wavelength Zones an account has opted into have no GWLB or NAT.
        var regionZones = await GetAvailabilityZones.InvokeAsync(new GetAvailabilityZonesArgs
        {
            State = "available",
            Filters = [new Pulumi.Aws.Inputs.GetAvailabilityZonesFilterArgs { Name = "opt-in-status", Values = ["opt-in-not-required"] }],
        });
        var zones = Validate(() => settings.ValidateAgainstRegion(region, regionZones.Names));
        if (settings.Inspection.Mode == InspectionMode.Consumer)
        {
            // DescribeVpcEndpointServices answers in the caller's own zone names (and lists only the zones the
            // provider's load balancer and this account have in common), so the names compare with this account's
            // zones directly; the message adds the zone IDs, which are the same in every account.
            var service = await LookUpEndpointServiceAsync(settings, region);
            Validate(() =>
            {
                settings.ValidateEndpointServiceZones(zones, regionZones.Names, regionZones.ZoneIds, service.AvailabilityZones);
                return true;
            });
        }

        var workloadPlan = settings.WorkloadVpcEnabled ? Validate(settings.PlanWorkloadVpc) : null;
        var providerPlan = settings.ProviderSideEnabled ? Validate(settings.PlanProviderVpc) : null;

        var outputs = new Dictionary<string, object?> { ["region"] = region, ["availabilityZones"] = zones };
        InspectionProvider? provider = null;
        if (providerPlan is not null)
        {
            provider = await BuildProviderAsync(settings, providerPlan, zones, region, outputs);
        }

        if (workloadPlan is not null)
        {
            BuildWorkload(settings, workloadPlan, zones, region, provider, outputs);
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

    private static async Task<InspectionProvider> BuildProviderAsync(
        StackSettings settings, VpcPlan plan, IReadOnlyList<string> zones, string region, Dictionary<string, object?> outputs)
    {
        var inspection = settings.Inspection;
        var image = inspection.ApplianceAmi is { } custom ? await ImageAsync(custom) : await LatestAmazonLinuxAsync();
        var principals = inspection.AllowedPrincipals.Count > 0
            ? inspection.AllowedPrincipals
            : [$"arn:{AwsPartition.ForRegion(region)}:iam::{(await GetCallerIdentity.InvokeAsync()).AccountId}:root"];

        var network = new VpcNetwork("inspection", new VpcNetworkArgs
        {
            Plan = plan,
            AvailabilityZones = zones,
            InternetGateway = false,
            FlowLogRetentionDays = settings.FlowLogRetentionDays,
            Tags = settings.Tags,
        });
        var provider = new InspectionProvider("inspection", new InspectionProviderArgs
        {
            Network = network,
            Region = region,
            ApplianceAmi = inspection.ApplianceAmi ?? image.Id,
            RootDeviceName = image.RootDeviceName,
            PassThrough = inspection.UsesPassThroughAppliance,
            ApplianceInstanceType = inspection.ApplianceInstanceType,
            Fleet = inspection.ApplianceFleet,
            AppliancesPerAz = inspection.AppliancesPerAz,
            FleetSize = (inspection.FleetMinSize, inspection.FleetMaxSize, inspection.FleetDesiredCapacity),
            CrossZoneLoadBalancing = inspection.CrossZoneLoadBalancing,
            HealthCheckPort = inspection.HealthCheckPort,
            HealthCheckProtocol = inspection.HealthCheckProtocol,
            HealthCheckPath = inspection.HealthCheckPath,
            AllowedPrincipals = principals.ToArray(),
            Tags = settings.Tags,
        });

        outputs["inspectionVpcId"] = network.VpcId;
        outputs["applianceSubnetIds"] = Output.All(network.SubnetsOf(Tiers.Appliance).Select(s => s.Id));
        outputs["gatewayLoadBalancerArn"] = provider.LoadBalancer.Arn;
        outputs["applianceTargetGroupArn"] = provider.TargetGroup.Arn;
        outputs["applianceAutoScalingGroupName"] = provider.AutoScalingGroup?.Name;
        outputs["endpointServiceName"] = provider.EndpointServiceName;
        return provider;
    }

    private static void BuildWorkload(
        StackSettings settings, VpcPlan plan, IReadOnlyList<string> zones, string region, InspectionProvider? provider,
        Dictionary<string, object?> outputs)
    {
        var network = new VpcNetwork("workload", new VpcNetworkArgs
        {
            Plan = plan,
            AvailabilityZones = zones,
            NatStrategy = settings.NatStrategy,
            FlowLogRetentionDays = settings.FlowLogRetentionDays,
            Tags = settings.Tags,
        });
        var privateTableIds = network.DistinctRouteTablesOf(Tiers.Private).Select(t => t.Id).ToArray();

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
            VpcId = network.VpcId,
            Region = region,
            Service = "s3",
            RouteTableIds = privateTableIds,
            AllowedBucketNames = settings.Demo.Bucket || settings.EndpointBucketNames.Count > 0 ? bucketNames : null,
            Tags = settings.Tags,
        });
        outputs["s3GatewayEndpointId"] = s3.EndpointId;
        outputs["s3PrefixListId"] = s3.PrefixListId;

        if (settings.EnableDynamoDbEndpoint)
        {
            var dynamoDb = new GatewayEndpoint("dynamodb-endpoint", new GatewayEndpointArgs
            {
                VpcId = network.VpcId,
                Region = region,
                Service = "dynamodb",
                RouteTableIds = privateTableIds,
                Tags = settings.Tags,
            });
            outputs["dynamoDbGatewayEndpointId"] = dynamoDb.EndpointId;
        }

        if (settings.InterfaceEndpoints.Count > 0)
        {
            var interfaceEndpoints = new InterfaceEndpoints("interface-endpoints", new InterfaceEndpointsArgs
            {
                VpcId = network.VpcId,
                VpcCidr = network.CidrBlock,
                Region = region,
                SubnetIds = network.SubnetsOf(Tiers.Private).Select(s => (Input<string>)s.Id).ToList(),
                Services = settings.InterfaceEndpoints,
                Tags = settings.Tags,
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
                Tags = settings.Tags,
            });
            demoBucketName!.Resolve(demo.BucketName);
            outputs["bucketName"] = demo.BucketName;

            if (settings.Demo.Instance)
            {
                var instance = new PrivateInstance("private-instance", new PrivateInstanceArgs
                {
                    VpcId = network.VpcId,
                    VpcCidr = network.CidrBlock,
                    SubnetId = network.SubnetsOf(Tiers.Private)[0].Id,
                    Ami = Output.Create(LatestAmazonLinuxAsync()).Apply(image => image.Id),
                    InstanceType = settings.Demo.InstanceType,
                    Region = region,
                    BucketArn = demo.BucketArn,
                    S3PrefixListId = s3.PrefixListId,
                    Tags = settings.Tags,
                });
                outputs["privateInstanceId"] = instance.InstanceId;
            }
        }

        if (settings.ConsumerSideEnabled)
        {
            var consumer = new InspectionConsumer("inspection", new InspectionConsumerArgs
            {
                Network = network,
                EndpointServiceName = provider?.EndpointServiceName
                    ?? Output.Create(settings.Inspection.EndpointServiceName!),
                Tags = settings.Tags,
            });
            outputs["gwlbEndpointIds"] = Output.All(consumer.Endpoints.Select(e => e.Id));
            outputs["edgeRouteTableId"] = consumer.EdgeRouteTable.Id;
        }

        outputs["vpcId"] = network.VpcId;
        outputs["vpcCidr"] = network.CidrBlock;
        foreach (var tier in network.TierNames)
        {
            outputs[$"{tier}SubnetIds"] = Output.All(network.SubnetsOf(tier).Select(s => s.Id));
            outputs[$"{tier}RouteTableIds"] = Output.All(network.DistinctRouteTablesOf(tier).Select(t => t.Id));
        }

        outputs["natGatewayIds"] = Output.All(network.NatGateways.Select(n => n.Id));
        outputs["internetGatewayId"] = network.InternetGateway?.Id;
    }

    /// <summary>
    /// The provider's endpoint service as this account sees it. AWS lists a service only to its allowed principals,
    /// so a failed lookup most often means this account is not one of them: that is said in one sentence.
    /// </summary>
    private static async Task<GetVpcEndpointServiceResult> LookUpEndpointServiceAsync(StackSettings settings, string region)
    {
        var name = settings.Inspection.EndpointServiceName!;
        try
        {
            return await GetVpcEndpointService.InvokeAsync(new GetVpcEndpointServiceArgs { ServiceName = name });
        }
#pragma warning disable CA1031 // Any failure of the lookup is reported to the user as one sentence, not a stack trace.
        catch (Exception e) when (e is not RunException)
#pragma warning restore CA1031
        {
            var cause = e.Message.Split('\n')[0].TrimEnd('.', ' ');
            throw new RunException(ConfigException.Format(
                settings.Namespace,
                "inspection.endpointServiceName",
                name,
                $"an endpoint service in {region} that lists this account among its allowed principals, but looking it up failed ({cause})"));
        }
    }

    private static async Task<GetAmiResult> LatestAmazonLinuxAsync() =>
        await GetAmi.InvokeAsync(new GetAmiArgs
        {
            MostRecent = true,
            Owners = ["amazon"],
            Filters =
            [
                new GetAmiFilterArgs { Name = "name", Values = ["al2023-ami-2023.*-x86_64"] },
                new GetAmiFilterArgs { Name = "state", Values = ["available"] },
            ],
        });

    /// <summary>A custom appliance AMI's description, for its root device name.</summary>
    private static async Task<GetAmiResult> ImageAsync(string amiId) =>
        await GetAmi.InvokeAsync(new GetAmiArgs
        {
            Filters = [new GetAmiFilterArgs { Name = "image-id", Values = [amiId] }],
        });
}
