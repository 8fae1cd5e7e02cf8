using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Infra.Model.Addressing;
using Infra.Model.Analysis;
using Infra.Model.Appliances;
using Infra.Model.Routing;
using Infra.Simulation;
using Pulumi;

namespace Infra.Tests;

/// <summary>
/// The appliances as the program registers them: the Auto Scaling fleet and the fixed instances, the pass-through
/// user data or a custom AMI, the way in for Session Manager and the package repositories, and where a consumer
/// places its GWLB endpoints. Whole resources are compared, across 1 to 3 AZs and the two-stack split.
/// </summary>
public class InspectionFleetTests
{
    private const string Provider = "10.100.0.0/16";

    private static Dictionary<string, object> Inspection(int azCount, params (string Key, object Value)[] fields)
    {
        var inspection = new Dictionary<string, object> { ["mode"] = "combined" };
        foreach (var (key, value) in fields)
        {
            inspection[key] = value;
        }

        return new Dictionary<string, object> { ["azCount"] = azCount, ["inspection"] = inspection };
    }

    private static IReadOnlyList<object> List(ResourceRecord record, string key)
        => record.Inputs.TryGetValue(key, out var value) ? ((ImmutableArray<object>)value).ToList() : [];

    private static ImmutableDictionary<string, object> Map(object? value) => (ImmutableDictionary<string, object>)value!;

    /// <summary>JSON with every object's keys sorted, so that maps compare whatever order they enumerate in.</summary>
    private static string Json(object? value) => JsonSerializer.Serialize(Canonical(value));

    private static object? Canonical(object? value) => value switch
    {
        string or bool or double or int or null => value,
        IEnumerable<KeyValuePair<string, object>> map => new SortedDictionary<string, object?>(map.ToDictionary(p => p.Key, p => Canonical(p.Value)), StringComparer.Ordinal),
        System.Collections.IEnumerable items => items.Cast<object?>().Select(Canonical).ToList(),
        _ => value,
    };

    private static List<string> ApplianceSubnets(StackRun run) =>
        [.. run.Routing.SubnetsInTier(Tiers.Appliance).OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).Select(s => s.Id)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task By_default_an_auto_scaling_group_over_the_appliance_subnets_keeps_pass_through_appliances_attached_to_the_target_group(int azCount)
    {
        var run = await StackRun.RunAsync(Inspection(azCount));
        var targetGroup = Assert.Single(run.OfType(AwsTypes.TargetGroup));
        var group = run.Named("inspection-appliance-sg");
        var profile = run.Named("inspection-appliance-profile");

        var template = Assert.Single(run.OfType(AwsTypes.LaunchTemplate));
        Assert.Equal("inspection-appliance-template", template.Name);
        var tags = Map(("Name", "inspection-appliance"), ("Role", "inspection-appliance"), (ApplianceTags.Key, ApplianceTags.PassThrough));
        var expected = new Dictionary<string, object?>
        {
            ["imageId"] = AwsMocks.AmiId,
            ["instanceType"] = "t3.small",
            ["vpcSecurityGroupIds"] = new[] { group.Id },
            ["iamInstanceProfile"] = new Dictionary<string, object> { ["arn"] = profile.Outputs!["arn"] },
            ["metadataOptions"] = new Dictionary<string, object> { ["httpEndpoint"] = "enabled", ["httpPutResponseHopLimit"] = 1.0, ["httpTokens"] = "required" },
            ["blockDeviceMappings"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["deviceName"] = "/dev/xvda",
                    ["ebs"] = new Dictionary<string, object> { ["deleteOnTermination"] = "true", ["encrypted"] = "true", ["volumeType"] = "gp3" },
                },
            },
            ["monitoring"] = new Dictionary<string, object> { ["enabled"] = true },
            ["userData"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(PassThroughAppliance.RenderCloudInit(80, "TCP", null))),
            ["tagSpecifications"] = new[]
            {
                new Dictionary<string, object> { ["resourceType"] = "instance", ["tags"] = tags },
                new Dictionary<string, object> { ["resourceType"] = "volume", ["tags"] = tags },
            },
            ["updateDefaultVersion"] = true,
            ["tags"] = Map(("Name", "inspection-appliance-template"), ("Role", "inspection-appliance"), (ApplianceTags.Key, ApplianceTags.PassThrough)),
        };
        Assert.Equal(Json(expected), Json(template.Inputs));

        var fleet = Assert.Single(run.OfType(AwsTypes.AutoScalingGroup));
        Assert.Equal(ApplianceSubnets(run), List(fleet, "vpcZoneIdentifiers").Cast<string>());
        Assert.Equal((double)azCount, fleet.Inputs["minSize"]);
        Assert.Equal((double)azCount, fleet.Inputs["maxSize"]);
        Assert.Equal((double)azCount, fleet.Inputs["desiredCapacity"]);
        Assert.Equal(new[] { targetGroup.Outputs!["arn"] }, List(fleet, "targetGroupArns"));
        Assert.Equal("ELB", fleet.Inputs["healthCheckType"]);
        Assert.Equal(300.0, fleet.Inputs["healthCheckGracePeriod"]);
        Assert.Equal(Json(new Dictionary<string, object> { ["id"] = template.Id, ["version"] = "1" }), Json(fleet.Inputs["launchTemplate"]));
        var refresh = Map(fleet.Inputs["instanceRefresh"]);
        Assert.Equal("Rolling", refresh["strategy"]);
        Assert.Equal((100.0, 200.0), ((double)Map(refresh["preferences"])["minHealthyPercentage"], (double)Map(refresh["preferences"])["maxHealthyPercentage"]));
        Assert.All(List(fleet, "tags").Select(Map), tag => Assert.Equal(true, tag["propagateAtLaunch"]));
        Assert.Contains(List(fleet, "tags").Select(Map), tag => (string)tag["key"] == ApplianceTags.Key && (string)tag["value"] == ApplianceTags.PassThrough);

        Assert.DoesNotContain(run.OfType(AwsTypes.Instance), _ => true);
        Assert.DoesNotContain(run.OfType(AwsTypes.TargetGroupAttachment), _ => true);
        Assert.Equal(false, run.Named("inspection-gwlb").Inputs["enableCrossZoneLoadBalancing"]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    public async Task The_instances_fleet_registers_fixed_pass_through_appliances_in_each_az(int azCount, int perAz)
    {
        var run = await StackRun.RunAsync(Inspection(azCount, ("applianceFleet", "instances"), ("appliancesPerAz", perAz), ("healthCheckProtocol", "HTTP"), ("healthCheckPath", "/health")));
        var targetGroup = Assert.Single(run.OfType(AwsTypes.TargetGroup));
        var group = run.Named("inspection-appliance-sg");
        var profile = run.Named("inspection-appliance-profile");
        var zones = run.Mocks.AvailabilityZones.Take(azCount).ToList();

        var appliances = run.OfType(AwsTypes.Instance).ToList();
        Assert.Equal(
            zones.SelectMany(az => Enumerable.Range(1, perAz).Select(i => $"inspection-appliance-{az}-{i}")).Order(StringComparer.Ordinal),
            appliances.Select(a => a.Name).Order(StringComparer.Ordinal));
        var subnets = ApplianceSubnets(run);
        foreach (var appliance in appliances)
        {
            var az = zones.Single(z => appliance.Name.Contains(z, StringComparison.Ordinal));
            var expected = new Dictionary<string, object?>
            {
                ["ami"] = AwsMocks.AmiId,
                ["instanceType"] = "t3.small",
                ["subnetId"] = subnets[zones.IndexOf(az)],
                ["vpcSecurityGroupIds"] = new[] { group.Id },
                ["iamInstanceProfile"] = profile.Outputs!["name"],
                ["associatePublicIpAddress"] = false,
                ["metadataOptions"] = new Dictionary<string, object> { ["httpEndpoint"] = "enabled", ["httpPutResponseHopLimit"] = 1.0, ["httpTokens"] = "required" },
                ["rootBlockDevice"] = new Dictionary<string, object> { ["encrypted"] = true, ["volumeType"] = "gp3" },
                ["monitoring"] = true,
                ["userData"] = PassThroughAppliance.RenderCloudInit(80, "HTTP", "/health"),
                ["userDataReplaceOnChange"] = true,
                ["tags"] = Map(("Name", appliance.Name), ("Role", "inspection-appliance"), (ApplianceTags.Key, ApplianceTags.PassThrough)),
            };
            Assert.Equal(Json(expected), Json(appliance.Inputs));
        }

        var registrations = run.OfType(AwsTypes.TargetGroupAttachment).ToList();
        Assert.Equal(appliances.Select(a => a.Id).Order(StringComparer.Ordinal), registrations.Select(r => (string)r.Inputs["targetId"]).Order(StringComparer.Ordinal));
        Assert.All(registrations, r => Assert.Equal((targetGroup.Outputs!["arn"], 6081.0), (r.Inputs["targetGroupArn"], r.Inputs["port"])));
        Assert.DoesNotContain(run.OfType(AwsTypes.AutoScalingGroup), _ => true);
        Assert.DoesNotContain(run.OfType(AwsTypes.LaunchTemplate), _ => true);
    }

    [Theory]
    [InlineData("autoScaling")]
    [InlineData("instances")]
    public async Task A_custom_ami_gets_no_user_data_and_keeps_the_users_health_check(string fleet)
    {
        const string ami = "ami-0fedcba9876543210";
        var run = await StackRun.RunAsync(Inspection(
            2, ("applianceFleet", fleet), ("applianceAmi", ami), ("healthCheckProtocol", "HTTPS"), ("healthCheckPort", 8443), ("healthCheckPath", "/ready")));

        var lookup = Assert.Single(run.Mocks.Calls, c => c.Token == "aws:ec2/getAmi:getAmi");
        var filter = Map(Assert.Single((ImmutableArray<object>)lookup.Args["filters"]));
        Assert.Equal(("image-id", ami), ((string)filter["name"], (string)Assert.Single((ImmutableArray<object>)filter["values"])));

        var launchers = fleet == "autoScaling" ? run.OfType(AwsTypes.LaunchTemplate).ToList() : [.. run.OfType(AwsTypes.Instance)];
        Assert.NotEmpty(launchers);
        Assert.All(launchers, l =>
        {
            Assert.False(l.Inputs.ContainsKey("userData"));
            Assert.Equal(ami, l.Inputs[fleet == "autoScaling" ? "imageId" : "ami"]);
            Assert.Equal(ApplianceTags.Custom, Map(l.Inputs["tags"])[ApplianceTags.Key]);
        });
        var check = Map(Assert.Single(run.OfType(AwsTypes.TargetGroup)).Inputs["healthCheck"]);
        Assert.Equal(("HTTPS", "8443", "/ready"), ((string)check["protocol"], (string)check["port"], (string)check["path"]));
    }

    [Fact]
    public async Task Fleet_sizes_and_cross_zone_load_balancing_come_from_the_settings()
    {
        var run = await StackRun.RunAsync(Inspection(
            3, ("fleetMinSize", 2), ("fleetDesiredCapacity", 4), ("fleetMaxSize", 6), ("crossZoneLoadBalancing", true)));

        var fleet = Assert.Single(run.OfType(AwsTypes.AutoScalingGroup));
        Assert.Equal((2.0, 4.0, 6.0), ((double)fleet.Inputs["minSize"], (double)fleet.Inputs["desiredCapacity"], (double)fleet.Inputs["maxSize"]));
        Assert.Equal(true, run.Named("inspection-gwlb").Inputs["enableCrossZoneLoadBalancing"]);
    }

    [Theory]
    [InlineData(1, "combined")]
    [InlineData(2, "combined")]
    [InlineData(3, "combined")]
    [InlineData(2, "provider")]
    public async Task Session_manager_and_the_package_repositories_reach_the_appliances_without_an_internet_path(int azCount, string mode)
    {
        var config = Inspection(azCount);
        ((Dictionary<string, object>)config["inspection"])["mode"] = mode;
        var run = await StackRun.RunAsync(config);
        var subnets = ApplianceSubnets(run).Order(StringComparer.Ordinal).ToList();
        var vpc = Assert.Single(run.Routing.Vpcs, v => v.Name == "inspection");

        var endpointGroup = run.Named("inspection-management-endpoints-sg");
        var endpoints = run.OfType(AwsTypes.VpcEndpoint).Where(e => e.Name.StartsWith("inspection-management-endpoints-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["com.amazonaws.eu-west-1.ec2messages", "com.amazonaws.eu-west-1.ssm", "com.amazonaws.eu-west-1.ssmmessages"],
            endpoints.Select(e => (string)e.Inputs["serviceName"]).Order(StringComparer.Ordinal));
        Assert.All(endpoints, e =>
        {
            Assert.Equal(vpc.Id, e.Inputs["vpcId"]);
            Assert.Equal(("Interface", true), ((string)e.Inputs["vpcEndpointType"], (bool)e.Inputs["privateDnsEnabled"]));
            Assert.Equal(subnets, List(e, "subnetIds").Cast<string>().Order(StringComparer.Ordinal));
            Assert.Equal(new object[] { endpointGroup.Id }, List(e, "securityGroupIds"));
        });
        Assert.Equal([$"tcp 443-443 from {Provider}"], IngressOf(run, endpointGroup.Id));

        var s3 = run.Routing.Endpoint("inspection-s3-endpoint");
        var applianceTables = run.Routing.SubnetsInTier(Tiers.Appliance).Select(s => run.Routing.RouteTableOf(s.Id).Id).Order(StringComparer.Ordinal);
        Assert.Equal(applianceTables, run.Routing.GatewayEndpointAttachments[s3.Id].Order(StringComparer.Ordinal));
        using (var policy = JsonDocument.Parse((string)run.Named("inspection-s3-endpoint").Inputs["policy"]))
        {
            var statement = Assert.Single(policy.RootElement.GetProperty("Statement").EnumerateArray());
            Assert.Equal(
                """{"Sid":"AllowAmazonLinuxRepositories","Effect":"Allow","Principal":"*","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::al2023-repos-eu-west-1-de612dc2/*"]}""",
                statement.GetRawText());
        }

        var role = run.Named("inspection-appliance-role");
        using (var trust = JsonDocument.Parse((string)role.Inputs["assumeRolePolicy"]))
        {
            var statement = Assert.Single(trust.RootElement.GetProperty("Statement").EnumerateArray());
            Assert.Equal("ec2.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        }

        var attachment = Assert.Single(run.OfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"), a => (string)a.Inputs["role"] == role.Outputs!["name"].ToString());
        Assert.Equal("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", attachment.Inputs["policyArn"]);
        Assert.DoesNotContain(run.OfType("aws:iam/rolePolicy:RolePolicy"), p => (string)p.Inputs["role"] == role.Id);
        Assert.Equal(role.Outputs!["name"], run.Named("inspection-appliance-profile").Inputs["role"]);

        var applianceGroup = run.Named("inspection-appliance-sg");
        Assert.Equal([$"tcp 80-80 from {Provider}", $"udp 6081-6081 from {Provider}"], IngressOf(run, applianceGroup.Id));
        var egress = run.OfType(AwsTypes.SecurityGroupEgressRule).Where(r => (string?)r.Inputs.GetValueOrDefault("securityGroupId") == applianceGroup.Id)
            .Select(r => $"{r.Inputs["ipProtocol"]} {r.Inputs["fromPort"]}-{r.Inputs["toPort"]} to {r.Inputs.GetValueOrDefault("cidrIpv4") ?? r.Inputs["prefixListId"]}")
            .Order(StringComparer.Ordinal);
        Assert.Equal([$"tcp 443-443 to {Provider}", "tcp 443-443 to pl-6ea54007"], egress);
    }

    [Fact]
    public async Task The_workload_s3_endpoint_policy_lets_amazon_linux_fetch_its_packages_when_it_names_buckets()
    {
        var run = await StackRun.RunAsync(new Dictionary<string, object> { ["demo"] = new Dictionary<string, object> { ["instance"] = true } });

        using var policy = JsonDocument.Parse((string)run.Named("s3-endpoint").Inputs["policy"]);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        Assert.Equal(["AllowNamedBucketsOnly", "AllowAmazonLinuxRepositories"], statements.Select(s => s.GetProperty("Sid").GetString()));
        Assert.Equal(
            """["arn:aws:s3:::al2023-repos-eu-west-1-de612dc2/*"]""",
            statements[1].GetProperty("Resource").GetRawText());
        Assert.Equal("""["s3:GetObject"]""", statements[1].GetProperty("Action").GetRawText());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_consumer_places_one_gwlb_endpoint_per_az_the_service_offers(int azCount)
    {
        var mocks = new AwsMocks { EndpointServiceZones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] };
        var run = await StackRun.RunAsync(Consumer(azCount), mocks);

        var lookup = Assert.Single(run.Mocks.Calls, c => c.Token == "aws:ec2/getVpcEndpointService:getVpcEndpointService");
        Assert.Equal(Support.Scenario.ExternalServiceName, lookup.Args["serviceName"]);
        var placed = run.OfType(AwsTypes.VpcEndpoint).Where(e => (string?)e.Inputs.GetValueOrDefault("vpcEndpointType") == "GatewayLoadBalancer")
            .Select(e => run.Routing.Subnet((string)Assert.Single(List(e, "subnetIds"))).AvailabilityZone)
            .Order(StringComparer.Ordinal);
        Assert.Equal(run.Mocks.AvailabilityZones.Take(azCount), placed);
    }

    [Fact]
    public async Task A_consumer_az_the_service_does_not_serve_is_refused_before_any_resource_naming_it_and_the_zones_offered()
    {
        // The provider stack of the two-stack split, in two AZs: what its service offers is what the consumer sees.
        var provider = await StackRun.RunAsync(new Dictionary<string, object> { ["inspection"] = new Dictionary<string, object> { ["mode"] = "provider" } });
        var serviceName = (string)provider.Named("inspection-service").Outputs!["serviceName"];
        var offered = (ImmutableArray<object>)((IDictionary<string, object>)await provider.Mocks.CallAsync(new Pulumi.Testing.MockCallArgs
        {
            Token = "aws:ec2/getVpcEndpointService:getVpcEndpointService",
            Args = ImmutableDictionary<string, object>.Empty.Add("serviceName", serviceName),
        }))["availabilityZones"];
        Assert.Equal(["eu-west-1a", "eu-west-1b"], offered.Cast<string>());

        var mocks = new AwsMocks { EndpointServiceZones = [.. offered.Cast<string>()] };
        var config = Consumer(3);
        ((Dictionary<string, object>)config["inspection"])["endpointServiceName"] = serviceName;
        var error = await Assert.ThrowsAsync<RunException>(() => StackRun.RunAsync(config, mocks));

        Assert.Equal(
            $"Invalid config private-connectivity:azCount = 3: zones the endpoint service {serviceName} serves, but workload AZ eu-west-1c (euw1-az3) " +
            "is not one of them: the service offers only eu-west-1a (euw1-az1), eu-west-1b (euw1-az2) (azCount 2 would fit).",
            error.Message);
        Assert.Empty(mocks.Records);
    }

    [Theory]
    [InlineData("autoScaling", null, "TCP", Verdict.Reachable, "Inspected by the pass-through default appliance")]
    [InlineData("instances", null, "HTTP", Verdict.Reachable, "Inspected by the pass-through default appliance")]
    [InlineData("autoScaling", "ami-0fedcba9876543210", "HTTPS", Verdict.Reachable, "Inspected by a custom appliance AMI the stack vouches for")]
    [InlineData("autoScaling", null, "HTTPS", Verdict.Reachable, "Inspected by the pass-through default appliance")]
    public async Task The_plan_of_a_stack_tells_the_pass_through_default_from_a_vouched_for_custom_ami(string fleet, string? ami, string protocol, Verdict verdict, string words)
    {
        var config = Inspection(2, ("applianceFleet", fleet), ("healthCheckProtocol", protocol));
        if (ami is not null)
        {
            ((Dictionary<string, object>)config["inspection"])["applianceAmi"] = ami;
        }

        var run = await StackRun.RunAsync(config);
        var analyzer = ReachabilityAnalyzer.Create(run.Routing, NetworkInventory.Build(run.Records));

        foreach (var label in new[] { "application-a", "application-b" })
        {
            var flow = analyzer.Evaluate(analyzer.Subnet(label), FlowDestination.Internet);
            Assert.Equal(verdict, flow.Verdict);
            Assert.Contains(words, verdict == Verdict.Reachable ? string.Join(" ", flow.Notes) : flow.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task The_plan_shows_the_appliances_reaching_session_manager_and_s3_through_their_own_vpcs_endpoints_only(int azCount)
    {
        var run = await StackRun.RunAsync(Inspection(azCount));
        var analyzer = ReachabilityAnalyzer.Create(run.Routing, NetworkInventory.Build(run.Records));

        foreach (var subnet in analyzer.Subnets.Where(s => s.Tier == Tiers.Appliance))
        {
            foreach (var service in new[] { "ssm", "ssmmessages", "ec2messages" })
            {
                var flow = analyzer.Evaluate(subnet, analyzer.Destinations.Single(d => d.Name == service));
                Assert.Equal(Verdict.Reachable, flow.Verdict);
                Assert.Equal($"inspection-management-endpoints-{service}", flow.Path.Single(h => h.Kind == HopKind.InterfaceEndpoint).ResourceName);
            }

            var s3 = analyzer.Evaluate(subnet, analyzer.Destinations.Single(d => d.Name == "S3"));
            Assert.Equal(("inspection-s3-endpoint", Verdict.Reachable), (Assert.Single(s3.Path).ResourceName, s3.Verdict));
            Assert.Equal(Verdict.Unreachable, analyzer.Evaluate(subnet, FlowDestination.Internet).Verdict);
        }
    }

    private static Dictionary<string, object> Consumer(int azCount) => new()
    {
        ["azCount"] = azCount,
        ["inspection"] = new Dictionary<string, object> { ["mode"] = "consumer", ["endpointServiceName"] = Support.Scenario.ExternalServiceName },
    };

    private static ImmutableDictionary<string, object> Map(params (string Key, object Value)[] pairs) => pairs.ToImmutableDictionary(p => p.Key, p => p.Value);

    private static string[] IngressOf(StackRun run, string groupId) =>
    [
        .. run.OfType(AwsTypes.SecurityGroupIngressRule).Where(r => (string?)r.Inputs.GetValueOrDefault("securityGroupId") == groupId)
            .Select(r => $"{r.Inputs["ipProtocol"]} {r.Inputs["fromPort"]}-{r.Inputs["toPort"]} from {r.Inputs["cidrIpv4"]}")
            .Order(StringComparer.Ordinal),
    ];
}
