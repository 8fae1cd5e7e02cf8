using System.Text.Json;
using Infra.Components;
using Infra.Model.Addressing;
using Infra.Model.Configuration;
using Pulumi;

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
        var region = new Config("aws").Get("region")
            ?? throw new RunException("Invalid config aws:region = (unset): set the AWS region, for example `pulumi config set aws:region eu-west-1`.");
        var regionalZones = await AwsLookups.RegionalZonesAsync();
        var zones = Validate(() => settings.ValidateAgainstRegion(region, regionalZones));

        var outputs = new Dictionary<string, object?> { ["region"] = region, ["availabilityZones"] = zones };
        Output<string>? providerServiceName = null;
        if (settings.ProviderSideEnabled)
        {
            providerServiceName = BuildProvider(settings, zones, outputs);
        }

        if (settings.WorkloadVpcEnabled)
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

    private static Output<string> BuildProvider(StackSettings settings, IReadOnlyList<string> zones, Dictionary<string, object?> outputs)
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
            AvailabilityZoneNames = [.. zones],
            ApplianceAmi = inspection.ApplianceAmi is { } ami ? (Input<string>)ami : null,
            ApplianceInstanceType = inspection.ApplianceInstanceType,
            AppliancesPerAz = inspection.AppliancesPerAz,
            HealthCheckPort = inspection.HealthCheckPort,
            HealthCheckProtocol = inspection.HealthCheckProtocol,
            HealthCheckPath = inspection.HealthCheckPath,
            AllowedPrincipals = inspection.AllowedPrincipals.Count > 0 ? principals : null,
            Tags = tags,
        });

        outputs["inspectionVpcId"] = network.VpcId;
        outputs["applianceSubnetIds"] = network.SubnetIdsOf(Tiers.Appliance);
        outputs["gatewayLoadBalancerArn"] = provider.LoadBalancerArn;
        outputs["applianceTargetGroupArn"] = provider.TargetGroupArn;
        outputs["endpointServiceName"] = provider.EndpointServiceName;
        return provider.EndpointServiceName;
    }

    /// <summary>
    /// The endpoint service a consumer stack's GWLB endpoints connect to: the configured name, or the
    /// <c>endpointServiceName</c> output of the provider stack that <c>inspection.providerStack</c> names, read through
    /// a stack reference (and checked like the configured name once known).
    /// </summary>
    private static Output<string> ConsumedServiceName(StackSettings settings)
    {
        if (settings.Inspection.EndpointServiceName is { } configured)
        {
            return Output.Create(configured);
        }

        var providerStack = settings.Inspection.ProviderStack!;
        var reference = new StackReference("inspection-provider", new StackReferenceArgs { Name = providerStack });
        var key = $"{settings.Namespace}:inspection.providerStack";
        return reference.RequireOutput("endpointServiceName").Apply(value => SettingRules.EndpointServiceName(
            value as string ?? "(not a string)",
            (shown, allowed) => new RunException(
                $"Invalid output endpointServiceName of stack {providerStack} (from {key}) = {shown}: {allowed}, the output a provider stack of this program publishes.")));
    }

    /// <summary>A <see cref="VpcNetwork"/> of the stack's settings: the subnets the settings planned, in the stack's zones.</summary>
    private static VpcNetworkArgs NetworkArgs(
        StackSettings settings, string cidr, IReadOnlyList<TierSpec> tiers, IReadOnlyList<string> zones, bool internetGateway)
    {
        var prefixes = settings.SubnetPrefixLengths;
        return new VpcNetworkArgs
        {
            CidrBlock = cidr,
            AvailabilityZoneNames = [.. zones],
            Tiers = [.. tiers.Select(t => t.Tier)],
            SubnetPrefixLengths = new SubnetPrefixLengthsArgs
            {
                Public = prefixes.Public,
                Private = prefixes.Private,
                Application = prefixes.Application,
                Endpoint = prefixes.Endpoint,
                Appliance = prefixes.Appliance,
            },
            InternetGateway = internetGateway,
            NatStrategy = settings.NatStrategy switch
            {
                NatStrategy.Single => "single",
                NatStrategy.PerAz => "perAz",
                _ => "none",
            },
            FlowLogRetentionDays = settings.FlowLogRetentionDays,
            Tags = new Dictionary<string, string>(settings.Tags),
        };
    }

    private static void BuildWorkload(
        StackSettings settings, IReadOnlyList<string> zones, string region, Output<string>? providerServiceName,
        Dictionary<string, object?> outputs)
    {
        var tags = new Dictionary<string, string>(settings.Tags);
        var network = new VpcNetwork("workload", NetworkArgs(settings, settings.VpcCidr, settings.WorkloadTiers, zones, internetGateway: true));
        var privateTableIds = network.DistinctRouteTableIdsOf(Tiers.Private);

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
            Tags = tags,
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
                Tags = tags,
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
                SubnetIds = network.SubnetIdsOf(Tiers.Private),
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
                NamePrefix = $"{Deployment.Instance.ProjectName}-{Deployment.Instance.StackName}".ToLowerInvariant(),
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
                    VpcId = network.VpcId,
                    VpcCidr = network.CidrBlock,
                    SubnetId = network.SubnetIdsOf(Tiers.Private).Apply(ids => ids[0]),
                    InstanceType = settings.Demo.InstanceType,
                    Region = region,
                    BucketArn = demo.BucketArn,
                    S3PrefixListId = s3.PrefixListId,
                    Tags = tags,
                });
                outputs["privateInstanceId"] = instance.InstanceId;
            }
        }

        if (settings.ConsumerSideEnabled)
        {
            var consumer = new InspectionConsumer("inspection", new InspectionConsumerArgs
            {
                VpcId = network.VpcId,
                AvailabilityZoneNames = [.. zones],
                InternetGatewayId = network.InternetGatewayId.Apply(id => id!),
                EndpointSubnetIds = network.SubnetIdsOf(Tiers.Endpoint),
                EndpointRouteTableIds = network.RouteTableIds.Apply(t => t[Tiers.Endpoint]),
                ApplicationRouteTableIds = network.RouteTableIds.Apply(t => t[Tiers.Application]),
                ApplicationSubnetCidrs = network.SubnetCidrs.Apply(t => t[Tiers.Application]),
                EndpointServiceName = providerServiceName ?? ConsumedServiceName(settings),
                Tags = tags,
            });
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
}
