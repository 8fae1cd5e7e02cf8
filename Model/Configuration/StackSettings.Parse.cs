using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Model.Addressing;
using Infra.Model.Aws;
using Infra.Model.Policy;

namespace Infra.Model.Configuration;

public sealed partial record StackSettings
{
    private const string VpcCidrAllowed = SettingRules.VpcCidrAllowed;

    /// <summary>User tags a resource can carry beside the program's own (at most three: an appliance's Name, Role and Appliance).</summary>
    private const int MaxUserTags = AwsTags.MaxPerResource - 3;

    private static readonly string[] InspectionFields =
    [
        "mode", "providerVpcCidr", "applianceAmi", "applianceInstanceType", "appliancesPerAz",
        "healthCheckPort", "healthCheckProtocol", "healthCheckPath", "allowedPrincipals", "endpointServiceName", "providerStack",
        "applianceFleet", "fleetMinSize", "fleetMaxSize", "fleetDesiredCapacity", "crossZoneLoadBalancing",
    ];

    private static readonly string[] DemoFields = ["bucket", "instance", "instanceType"];

    private static readonly string[] WaiverFields = ["rule", "reason", "resource"];

    private static readonly string[] PrefixFields = [.. Addressing.Tiers.All, Addressing.Tiers.Transit];

    /// <summary>The tag keys the program sets on its resources (see ResourceTags): a user tag of that key would be overwritten.</summary>
    public static IReadOnlyList<string> ProgramTagKeys { get; } = ["Name", "Tier", "Role", Appliances.ApplianceTags.Key];

    /// <summary>The architecture of the Amazon Linux 2023 AMI the program looks up (the al2023-ami-2023.*-x86_64 filter).</summary>
    public const string DefaultAmiArchitecture = Ec2InstanceTypes.X86;

    /// <summary>The interface endpoints Session Manager needs in a VPC without an internet path (Systems Manager User Guide, "Improve the security of EC2 instances by using VPC endpoints for Systems Manager").</summary>
    public static IReadOnlyList<string> SessionManagerEndpoints { get; } = ["ssm", "ssmmessages", "ec2messages"];

    /// <summary>The retention periods CloudWatch Logs accepts, in days.</summary>
    public static IReadOnlyList<int> AllowedRetentionDays => SettingRules.AllowedRetentionDays;

    /// <summary>The top-level settings (keys without namespace).</summary>
    public static IReadOnlyList<string> KnownKeys { get; } =
    [
        "vpcCidr", "azCount", "natStrategy", "subnetPrefixLengths", "enableDynamoDbEndpoint", "endpointBucketNames",
        "interfaceEndpoints", "inspection", "transit", "demo", "flowLogRetentionDays", "tags", "policyWaivers",
    ];

    /// <summary>
    /// Reads and validates every setting. <paramref name="raw"/> is keyed by setting without namespace; objects and
    /// lists are JSON text, scalars plain (or JSON-quoted) text. Unknown top-level keys are ignored here
    /// (see <see cref="RejectUnknownKeys"/>).
    /// </summary>
    /// <exception cref="ConfigException">The first invalid setting, in the order of <see cref="KnownKeys"/>.</exception>
    public static StackSettings Parse(string configNamespace, IReadOnlyDictionary<string, string> raw)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configNamespace);
        ArgumentNullException.ThrowIfNull(raw);
        var reader = new ConfigReader(configNamespace, raw);

        var vpcCidr = ReadVpcCidr(reader, "vpcCidr", reader.Scalar("vpcCidr")) ?? "10.0.0.0/16";
        var azCount = reader.WholeNumber("azCount", 2, 1, SettingRules.MaxAzCount);
        var nat = ReadNatStrategy(reader);
        var prefixes = ReadPrefixLengths(reader);
        var dynamoDb = reader.Boolean("enableDynamoDbEndpoint", false);
        var buckets = ReadBucketNames(reader);
        var endpoints = ReadInterfaceEndpoints(reader);
        var inspection = ReadInspection(reader, vpcCidr, azCount, workloadVpc: !BuildsTransitHub(reader));
        var transit = ReadTransit(reader, new StackSettings { Namespace = configNamespace, NatStrategy = nat, Inspection = inspection });
        var demo = ReadDemo(reader);
        var retention = ReadRetention(reader);
        var tags = ReadTags(reader);
        var waivers = ReadWaivers(reader);

        var settings = new StackSettings
        {
            Namespace = configNamespace,
            VpcCidr = vpcCidr,
            AzCount = azCount,
            NatStrategy = nat,
            SubnetPrefixLengths = prefixes,
            EnableDynamoDbEndpoint = dynamoDb,
            EndpointBucketNames = buckets,
            InterfaceEndpoints = endpoints,
            Inspection = inspection,
            Transit = transit,
            Demo = demo,
            FlowLogRetentionDays = retention,
            Tags = tags,
            PolicyWaivers = waivers,
        };

        settings.ValidateCombinations();

        // Fail early when the subnets do not fit, rather than half-way through a deployment.
        if (settings.WorkloadVpcEnabled)
        {
            settings.PlanWorkloadVpc();
        }

        if (settings.ProviderSideEnabled)
        {
            settings.PlanProviderVpc();
        }

        if (settings.Transit.BuildsHub)
        {
            settings.PlanInspectionVpc();
            foreach (var spoke in settings.Transit.Spokes)
            {
                settings.PlanSpokeVpc(spoke);
            }
        }

        return settings;
    }

    /// <summary>
    /// Optional stricter check for the caller: throws for the first key of <paramref name="raw"/> that is not one of
    /// <see cref="KnownKeys"/> (a likely typo), suggesting the closest known key.
    /// </summary>
    public static void RejectUnknownKeys(string configNamespace, IReadOnlyDictionary<string, string> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var reader = new ConfigReader(configNamespace, raw);
        foreach (var key in raw.Keys.Order(StringComparer.Ordinal))
        {
            if (!KnownKeys.Contains(key))
            {
                var close = Suggestions.Closest(key, KnownKeys, 1);
                var hint = close.Count == 0 ? "" : $" (did you mean {close[0]}?)";
                throw reader.Error(key, raw[key] ?? "", $"not a setting of this program, whose settings are {string.Join(", ", KnownKeys)}{hint}");
            }
        }
    }

    private static string? ReadVpcCidr(ConfigReader reader, string key, string? text)
        => text is null ? null : SettingRules.VpcCidr(text, (value, allowed) => reader.Error(key, value, allowed));

    private static NatStrategy ReadNatStrategy(ConfigReader reader)
        => SettingRules.NatStrategy(reader.Scalar("natStrategy"), (value, allowed) => reader.Error("natStrategy", value, allowed));

    private static SubnetPrefixLengths ReadPrefixLengths(ConfigReader reader)
    {
        var obj = reader.Object("subnetPrefixLengths", PrefixFields);
        if (obj is null)
        {
            return SubnetPrefixLengths.Default;
        }

        int Read(string field, int fallback) =>
            obj.WholeNumber(field, SubnetPlanner.MinimumSubnetPrefix, SubnetPlanner.MaximumSubnetPrefix) ?? fallback;

        var d = SubnetPrefixLengths.Default;
        return new SubnetPrefixLengths(
            Read(Addressing.Tiers.Public, d.Public),
            Read(Addressing.Tiers.Private, d.Private),
            Read(Addressing.Tiers.Application, d.Application),
            Read(Addressing.Tiers.Endpoint, d.Endpoint),
            Read(Addressing.Tiers.Appliance, d.Appliance),
            Read(Addressing.Tiers.Transit, d.Transit));
    }

    private static ImmutableArray<string> ReadBucketNames(ConfigReader reader)
    {
        const string itemAllowed = S3BucketNames.Basic;
        var names = reader.StringList("endpointBucketNames", "a JSON list of S3 bucket names, such as [\"my-bucket\"]", itemAllowed);
        if (names is null)
        {
            return [];
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var key = $"endpointBucketNames[{i}]";
            if (S3BucketNames.Check(names[i]) is { } bucketAllowed)
            {
                throw reader.Error(key, names[i], bucketAllowed);
            }

            if (!seen.TryAdd(names[i], i))
            {
                throw reader.Error(key, names[i], $"each bucket at most once, and it is already endpointBucketNames[{seen[names[i]]}]");
            }
        }

        return [.. names];
    }

    private static ImmutableArray<string> ReadInterfaceEndpoints(ConfigReader reader)
    {
        const string itemAllowed = "an interface endpoint service short name such as ssm";
        var names = reader.StringList(
            "interfaceEndpoints", "a JSON list of interface endpoint service short names, such as [\"ssm\", \"ssmmessages\", \"ec2messages\"]", itemAllowed);
        if (names is null)
        {
            return [.. InterfaceEndpointCatalog.Defaults];
        }

        SettingRules.InterfaceEndpointServices(names, "interfaceEndpoints", (key, value, allowed) => reader.Error(key, value, allowed));
        return [.. names];
    }

    /// <param name="workloadVpc">False when the stack has no workload VPC for the provider VPC to overlap (a transit hub).</param>
    private static InspectionSettings ReadInspection(ConfigReader reader, string vpcCidr, int azCount, bool workloadVpc)
    {
        var obj = reader.Object("inspection", InspectionFields);
        if (obj is null)
        {
            return new InspectionSettings();
        }

        var modeText = obj.String("mode", "one of off, combined, provider, consumer");
        var mode = modeText switch
        {
            null or "off" => InspectionMode.Off,
            "combined" => InspectionMode.Combined,
            "provider" => InspectionMode.Provider,
            "consumer" => InspectionMode.Consumer,
            _ => throw obj.Error("mode", modeText, "one of off, combined, provider, consumer"),
        };

        var providerCidr = ReadVpcCidr(reader, obj.FieldKey("providerVpcCidr"), obj.String("providerVpcCidr", VpcCidrAllowed)) ?? "10.100.0.0/16";
        if (mode == InspectionMode.Combined && workloadVpc && Cidr.Overlaps(providerCidr, vpcCidr))
        {
            throw obj.Error(
                "providerVpcCidr",
                providerCidr,
                $"a block that does not overlap vpcCidr {vpcCidr} when inspection.mode is combined, such as {NonOverlapping(providerCidr, vpcCidr)}");
        }

        const string amiAllowed = "an AMI id: ami- followed by 8 or 17 hexadecimal digits (leave it unset for the latest Amazon Linux 2023 AMI)";
        var ami = obj.String("applianceAmi", amiAllowed);
        if (ami is not null)
        {
            SettingRules.Ami(ami, (value, allowed) => obj.Error("applianceAmi", value, allowed));
        }

        const string typeAllowed = "an EC2 instance type such as t3.small (family.size, lower case)";
        var instanceType = obj.String("applianceInstanceType", typeAllowed);
        if (instanceType is not null)
        {
            SettingRules.InstanceType(
                instanceType, "t3.small", ami is null ? "the default appliance AMI (Amazon Linux 2023)" : null, (value, allowed) => obj.Error("applianceInstanceType", value, allowed));
        }

        var appliancesPerAz = obj.WholeNumber("appliancesPerAz", int.MinValue, int.MaxValue, "a whole number from 1 to 4") is { } perAz
            ? SettingRules.AppliancesPerAz(perAz, (value, allowed) => obj.Error("appliancesPerAz", obj.Get("appliancesPerAz") is { } raw ? ConfigReader.Compact(raw) : value, allowed))
            : 1;
        var port = obj.WholeNumber("healthCheckPort", 1, 65535) ?? 80;

        const string protocolAllowed = "one of TCP, HTTP, HTTPS";
        var protocol = SettingRules.HealthCheckProtocol(
            obj.String("healthCheckProtocol", protocolAllowed), (value, allowed) => obj.Error("healthCheckProtocol", value, allowed));
        var path = SettingRules.HealthCheckPath(
            obj.String("healthCheckPath", SettingRules.HealthCheckPathAllowed),
            protocol,
            "inspection.healthCheckProtocol",
            (value, allowed) => obj.Error("healthCheckPath", value, allowed));

        var principals = ReadPrincipals(obj);

        // The service name and the provider stack are a consumer's two ways to name the service it uses.
        string? ConsumerOnly(string field, string allowed)
        {
            var value = obj.String(field, allowed);
            if (value is not null && mode != InspectionMode.Consumer)
            {
                var why = mode == InspectionMode.Combined
                    ? "combined mode creates its own endpoint service"
                    : $"inspection.mode is {modeText ?? "off"}";
                throw obj.Error(field, value, $"no value unless inspection.mode is consumer ({why})");
            }

            return value;
        }

        var serviceName = ConsumerOnly(
            "endpointServiceName", "an endpoint service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0");
        var providerStack = ConsumerOnly(
            "providerStack", "a fully qualified stack name organization/project/stack, such as acme/network/inspection");

        if (mode == InspectionMode.Consumer)
        {
            if (serviceName is null && providerStack is null)
            {
                throw obj.Error(
                    "endpointServiceName",
                    "(not set)",
                    "the provider's endpoint service name, such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0, " +
                    "or instead inspection.providerStack naming the provider stack, such as acme/network/inspection, required when inspection.mode is consumer");
            }

            if (serviceName is not null && providerStack is not null)
            {
                throw obj.Error(
                    "providerStack",
                    providerStack,
                    "no value when inspection.endpointServiceName is set, because the consumer takes the service name from one of the two");
            }

            if (serviceName is not null)
            {
                SettingRules.EndpointServiceName(serviceName, (value, allowed) => obj.Error("endpointServiceName", value, allowed));
            }
            else
            {
                SettingRules.StackName(providerStack!, (value, allowed) => obj.Error("providerStack", value, allowed));
            }
        }

        var crossZone = obj.Boolean("crossZoneLoadBalancing") ?? false;
        var fleet = ReadFleet(obj, appliancesPerAz * azCount, azCount, crossZone);

        return new InspectionSettings
        {
            Mode = mode,
            ProviderVpcCidr = providerCidr,
            ApplianceAmi = ami,
            ApplianceInstanceType = instanceType ?? "t3.small",
            AppliancesPerAz = appliancesPerAz,
            HealthCheckPort = port,
            HealthCheckProtocol = protocol,
            HealthCheckPath = protocol == "TCP" ? null : path ?? "/",
            AllowedPrincipals = principals,
            EndpointServiceName = serviceName,
            ProviderStack = providerStack,
            ApplianceFleet = fleet.Kind,
            FleetMinSize = fleet.Min,
            FleetMaxSize = fleet.Max,
            FleetDesiredCapacity = fleet.Desired,
            CrossZoneLoadBalancing = crossZone,
        };
    }

    /// <summary>
    /// The fleet mode and the Auto Scaling group's sizes. AWS requires min ≤ desired ≤ max (CreateAutoScalingGroup,
    /// Amazon EC2 Auto Scaling API Reference: DesiredCapacity "must be greater than or equal to the minimum size of the
    /// group and less than or equal to the maximum size"). The program adds: at least one appliance (a target group
    /// without targets passes no inspected traffic), and, while cross-zone load balancing is off, at least one per AZ
    /// (the group spreads its instances evenly over its zones, and a zone without an appliance drops its flows).
    /// </summary>
    private static (ApplianceFleet Kind, int Min, int Max, int Desired) ReadFleet(ObjectReader obj, int defaultSize, int azCount, bool crossZone)
    {
        var kind = SettingRules.ApplianceFleet(
            obj.String("applianceFleet", SettingRules.ApplianceFleetAllowed), (value, allowed) => obj.Error("applianceFleet", value, allowed));

        string[] sizeFields = ["fleetMinSize", "fleetMaxSize", "fleetDesiredCapacity"];
        if (kind == ApplianceFleet.Instances && sizeFields.FirstOrDefault(f => obj.Get(f) is not null) is { } setField)
        {
            throw obj.Error(
                setField,
                ConfigReader.Compact(obj.Get(setField)!.Value),
                "no value when inspection.applianceFleet is instances, which runs inspection.appliancesPerAz fixed appliances in each AZ");
        }

        const string sizeAllowed = SettingRules.FleetSizeAllowed;
        var size = SettingRules.FleetSize(
            obj.WholeNumber("fleetMinSize", 1, int.MaxValue, sizeAllowed),
            obj.WholeNumber("fleetMaxSize", 1, int.MaxValue, sizeAllowed),
            obj.WholeNumber("fleetDesiredCapacity", 1, int.MaxValue, sizeAllowed),
            defaultSize,
            azCount,
            crossZone || kind != ApplianceFleet.AutoScaling,
            new FleetSizeNames("inspection.fleetMinSize", "inspection.fleetMaxSize", "azCount", "inspection.crossZoneLoadBalancing"),
            (field, value, allowed) => obj.Error(field, value, allowed));
        return (kind, size.Min, size.Max, size.Desired);
    }

    private static ImmutableArray<string> ReadPrincipals(ObjectReader obj)
    {
        const string itemAllowed =
            "an IAM principal ARN such as arn:aws:iam::123456789012:root, arn:aws:iam::123456789012:role/name or arn:aws:iam::123456789012:user/name";
        var principals = obj.StringList("allowedPrincipals", "a JSON list of IAM principal ARNs, such as [\"arn:aws:iam::123456789012:root\"]", itemAllowed);
        if (principals is null)
        {
            return [];
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < principals.Count; i++)
        {
            var principal = principals[i];
            if (principal.Trim() == "*")
            {
                throw obj.Error(
                    $"allowedPrincipals[{i}]",
                    principal,
                    "named IAM principal ARNs, because * would let every AWS account connect to the endpoint service (least privilege)");
            }

            if (!PrincipalPattern().IsMatch(principal))
            {
                throw obj.Error($"allowedPrincipals[{i}]", principal, itemAllowed);
            }

            if (!seen.TryAdd(principal, i))
            {
                throw obj.Error($"allowedPrincipals[{i}]", principal, $"each principal at most once, and it is already {obj.FieldKey("allowedPrincipals")}[{seen[principal]}]");
            }
        }

        return [.. principals];
    }

    private static DemoSettings ReadDemo(ConfigReader reader)
    {
        var obj = reader.Object("demo", DemoFields);
        if (obj is null)
        {
            return new DemoSettings();
        }

        const string typeAllowed = "an EC2 instance type such as t3.micro (family.size, lower case)";
        var instanceType = obj.String("instanceType", typeAllowed);
        if (instanceType is not null)
        {
            SettingRules.InstanceType(
                instanceType, "t3.micro", "the test instance's AMI (Amazon Linux 2023)", (value, allowed) => obj.Error("instanceType", value, allowed));
        }

        var bucket = obj.Boolean("bucket") ?? true;
        var instance = obj.Boolean("instance") ?? false;
        if (instance && !bucket)
        {
            // The test instance exists to show the bucket is reachable through the gateway endpoint only.
            throw obj.Error("instance", "true", "false unless demo.bucket is true, because the test instance reads the demo bucket");
        }

        return new DemoSettings
        {
            Bucket = bucket,
            Instance = instance,
            InstanceType = instanceType ?? "t3.micro",
        };
    }

    private static int ReadRetention(ConfigReader reader)
    {
        var allowed = $"one of the CloudWatch Logs retention periods in days: {string.Join(", ", AllowedRetentionDays)}";
        var days = reader.WholeNumber("flowLogRetentionDays", 30, int.MinValue, int.MaxValue, allowed);
        return SettingRules.RetentionDays(days, (_, why) => reader.Error("flowLogRetentionDays", reader.Scalar("flowLogRetentionDays") ?? "", why));
    }

    private static ImmutableSortedDictionary<string, string> ReadTags(ConfigReader reader)
    {
        const string allowed = "a JSON object of tag keys to string values, such as {\"team\":\"network\"}";
        var json = reader.Json("tags", allowed);
        if (json is null)
        {
            return ImmutableSortedDictionary<string, string>.Empty;
        }

        if (json.Value.ValueKind != JsonValueKind.Object)
        {
            throw reader.Error("tags", json.Value.GetRawText(), allowed);
        }

        var tags = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var property in json.Value.EnumerateObject())
        {
            var key = property.Name;
            // The settings' own wording for the two rules every service shares (the bad-input catalogue pins it).
            if (AwsTags.CheckKey(key, restricted: false) is not null)
            {
                throw reader.Error("tags", key, "tag keys of 1 to 128 characters that do not start with aws: (reserved by AWS)");
            }

            // Every stack has a flow-log IAM role and log group, whose services accept fewer characters than EC2.
            if (AwsTags.CheckKey(key, restricted: true) is { } keyAllowed)
            {
                throw reader.Error("tags", key, keyAllowed);
            }

            if (ProgramTagKeys.Contains(key))
            {
                throw reader.Error(
                    "tags", key, $"a tag key other than {string.Join(", ", ProgramTagKeys)}, which the program sets on its resources itself (a user value would be overwritten)");
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw reader.Error($"tags.{key}", ConfigReader.Compact(property.Value), "a tag value that is a JSON string (quote numbers and booleans)");
            }

            var value = property.Value.GetString()!;
            if (AwsTags.CheckValue(value, restricted: true) is { } valueAllowed)
            {
                throw reader.Error($"tags.{key}", value, valueAllowed);
            }

            tags[key] = value;
        }

        if (tags.Count > MaxUserTags)
        {
            throw reader.Error(
                "tags", $"{tags.Count} tags", $"at most {MaxUserTags} tags, because AWS allows {AwsTags.MaxPerResource} per resource and the program adds up to {AwsTags.MaxPerResource - MaxUserTags} of its own");
        }

        return tags.ToImmutable();
    }

    private static ImmutableArray<PolicyWaiver> ReadWaivers(ConfigReader reader)
    {
        const string listAllowed =
            "a JSON list of waivers such as [{\"rule\": \"PC-NET-001\", \"reason\": \"why the rule does not apply\"}], each with an optional resource";
        const string itemAllowed = "a waiver object with the fields rule and reason, and optionally resource";
        var items = reader.List("policyWaivers", listAllowed);
        if (items is null)
        {
            return [];
        }

        var ruleAllowed = $"the id of a guard-rail rule, one of {string.Join(", ", PolicyCatalog.RuleIds)}";
        var waivers = new List<PolicyWaiver>();
        for (var i = 0; i < items.Count; i++)
        {
            var key = $"policyWaivers[{i}]";
            if (items[i].ValueKind != JsonValueKind.Object)
            {
                throw reader.Error(key, ConfigReader.Display(items[i]), itemAllowed);
            }

            var obj = new ObjectReader(reader, key, items[i], WaiverFields);
            var rule = obj.String("rule", ruleAllowed) ?? throw obj.Error("rule", "(not set)", ruleAllowed);
            if (!PolicyCatalog.RuleIds.Contains(rule))
            {
                var close = Suggestions.Closest(rule, PolicyCatalog.RuleIds, 1);
                throw obj.Error("rule", rule, ruleAllowed + (close.Count == 0 ? "" : $" (did you mean {close[0]}?)"));
            }

            const string reasonAllowed = "a written reason why the rule does not apply to this stack, which the guard-rail report shows";
            var reason = obj.String("reason", reasonAllowed) ?? throw obj.Error("reason", "(not set)", reasonAllowed);
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw obj.Error("reason", reason, reasonAllowed);
            }

            const string resourceAllowed =
                "the logical name of the one resource the waiver covers, or no resource field to waive the rule for every resource";
            var resource = obj.String("resource", resourceAllowed);
            if (resource is not null && string.IsNullOrWhiteSpace(resource))
            {
                throw obj.Error("resource", resource, resourceAllowed);
            }

            var waiver = new PolicyWaiver(rule, reason.Trim(), resource?.Trim());
            var earlier = waivers.FindIndex(w => w.Rule == rule && (w.Resource is null || waiver.Resource is null || w.Resource == waiver.Resource));
            if (earlier >= 0)
            {
                var allowed = waivers[earlier].Resource == waiver.Resource
                    ? $"each rule and resource at most once, and policyWaivers[{earlier}] already waives {waivers[earlier]}"
                    : $"no second waiver of a rule that policyWaivers[{earlier}] already waives for {(waivers[earlier].Resource is null ? "every resource" : waivers[earlier].Resource)}";
                throw reader.Error(key, waiver.ToString(), allowed);
            }

            waivers.Add(waiver);
        }

        return [.. waivers];
    }

    private static string NonOverlapping(string providerCidr, string vpcCidr)
    {
        var prefix = Cidr.Parse(providerCidr).PrefixLength;
        string[] candidates = ["10.100.0.0", "10.200.0.0", "172.16.0.0", "192.168.0.0"];
        return candidates
            .Select(c => Cidr.Parse($"{c}/{prefix}").ToString())
            .FirstOrDefault(c => !Cidr.Overlaps(c, vpcCidr)) ?? "10.100.0.0/16";
    }

    [GeneratedRegex(@"^arn:aws[-a-z]*:iam::\d{12}:(root|(role|user)/[A-Za-z0-9+=,.@_/-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PrincipalPattern();

}
