using System.Collections.Immutable;
using System.Text.Json;
using Infra.Model.Addressing;
using Infra.Model.Routing;
using Infra.Simulation;

namespace Infra.Tests;

/// <summary>What the synthesized resources promise beyond routes: DNS, security groups, the GWLB wiring, encryption.</summary>
public class ResourceTests
{
    private static readonly Dictionary<string, object> Inspected = new()
    {
        ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined", ["appliancesPerAz"] = 2 },
        ["azCount"] = 3,
    };

    private static readonly Dictionary<string, object> FixedAppliances = new()
    {
        ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined", ["appliancesPerAz"] = 2, ["applianceFleet"] = "instances" },
        ["azCount"] = 3,
    };

    private static IReadOnlyList<object> List(ResourceRecord record, string key)
        => record.Inputs.TryGetValue(key, out var value) ? ((ImmutableArray<object>)value).ToList() : [];

    private static object? Input(ResourceRecord record, string key) => record.Inputs.GetValueOrDefault(key);

    [Fact]
    public async Task Availability_zones_are_the_regions_own_available_zones()
    {
        var run = await StackRun.RunAsync();

        var call = Assert.Single(run.Mocks.Calls, c => c.Token == "aws:index/getAvailabilityZones:getAvailabilityZones");
        Assert.Equal("available", call.Args["state"]);
        var filter = (ImmutableDictionary<string, object>)Assert.Single((ImmutableArray<object>)call.Args["filters"]);
        Assert.Equal("opt-in-status", filter["name"]);
        Assert.Equal(new object[] { "opt-in-not-required" }, (ImmutableArray<object>)filter["values"]);
        Assert.Equal(new[] { "eu-west-1a", "eu-west-1b" }, (IEnumerable<string>)run.Outputs["availabilityZones"]!);
    }

    [Fact]
    public async Task Every_vpc_has_dns_support_and_hostnames_on()
    {
        var run = await StackRun.RunAsync(Inspected);

        var vpcs = run.OfType(AwsTypes.Vpc).ToList();
        Assert.Equal(2, vpcs.Count);
        Assert.All(vpcs, vpc =>
        {
            Assert.Equal(true, Input(vpc, "enableDnsSupport"));
            Assert.Equal(true, Input(vpc, "enableDnsHostnames"));
        });
    }

    [Fact]
    public async Task Every_vpc_strips_its_default_security_group_and_logs_all_flows()
    {
        var run = await StackRun.RunAsync(Inspected);

        foreach (var vpc in run.OfType(AwsTypes.Vpc))
        {
            var defaultGroup = Assert.Single(run.OfType("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"), g => (string?)Input(g, "vpcId") == vpc.Id);
            Assert.Empty(List(defaultGroup, "ingress"));
            Assert.Empty(List(defaultGroup, "egress"));

            var flowLog = Assert.Single(run.OfType("aws:ec2/flowLog:FlowLog"), f => (string?)Input(f, "vpcId") == vpc.Id);
            Assert.Equal("ALL", Input(flowLog, "trafficType"));
            Assert.Equal("cloud-watch-logs", Input(flowLog, "logDestinationType"));

            var role = Assert.Single(run.OfType("aws:iam/role:Role"), r => r.Outputs!["arn"].Equals(Input(flowLog, "iamRoleArn")));
            using var trust = JsonDocument.Parse((string)Input(role, "assumeRolePolicy")!);
            var statement = Assert.Single(trust.RootElement.GetProperty("Statement").EnumerateArray());
            Assert.Equal("vpc-flow-logs.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
            Assert.Equal(AwsMocks.AccountId, statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
        }
    }

    [Fact]
    public async Task Interface_endpoints_use_private_dns_one_private_subnet_per_az_and_a_443_from_vpc_group()
    {
        var run = await StackRun.RunAsync(new Dictionary<string, object> { ["azCount"] = 3 });
        var privateSubnets = run.Routing.SubnetsInTier(Tiers.Private).Select(s => s.Id).Order().ToList();

        var endpoints = run.OfType(AwsTypes.VpcEndpoint).Where(e => (string?)Input(e, "vpcEndpointType") == "Interface").ToList();
        Assert.Equal(
            new[] { "com.amazonaws.eu-west-1.ec2messages", "com.amazonaws.eu-west-1.ssm", "com.amazonaws.eu-west-1.ssmmessages" },
            endpoints.Select(e => (string)Input(e, "serviceName")!).Order());
        var group = Assert.Single(run.OfType("aws:ec2/securityGroup:SecurityGroup"), g => g.Name == "interface-endpoints-sg");
        Assert.All(endpoints, endpoint =>
        {
            Assert.Equal(true, Input(endpoint, "privateDnsEnabled"));
            Assert.Equal(privateSubnets, List(endpoint, "subnetIds").Cast<string>().Order());
            Assert.Equal(new object[] { group.Id }, List(endpoint, "securityGroupIds"));
        });

        var ingress = Assert.Single(run.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"), r => (string?)Input(r, "securityGroupId") == group.Id);
        Assert.Equal(("tcp", 443.0, 443.0, "10.0.0.0/16"), ((string)Input(ingress, "ipProtocol")!, (double)Input(ingress, "fromPort")!, (double)Input(ingress, "toPort")!, (string)Input(ingress, "cidrIpv4")!));
        Assert.DoesNotContain(run.OfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), r => (string?)Input(r, "securityGroupId") == group.Id);
        Assert.Empty(List(group, "ingress"));
        Assert.Empty(List(group, "egress"));
    }

    [Fact]
    public async Task The_gateway_load_balancer_forwards_to_a_geneve_target_group_with_every_fixed_appliance_registered()
    {
        var run = await StackRun.RunAsync(FixedAppliances);

        var gwlb = Assert.Single(run.OfType("aws:lb/loadBalancer:LoadBalancer"));
        Assert.Equal("gateway", Input(gwlb, "loadBalancerType"));
        Assert.Equal(run.Routing.SubnetsInTier(Tiers.Appliance).Select(s => s.Id).Order(), List(gwlb, "subnets").Cast<string>().Order());

        var targetGroup = Assert.Single(run.OfType("aws:lb/targetGroup:TargetGroup"));
        Assert.Equal("GENEVE", Input(targetGroup, "protocol"));
        Assert.Equal(6081.0, Input(targetGroup, "port"));
        var healthCheck = (ImmutableDictionary<string, object>)Input(targetGroup, "healthCheck")!;
        Assert.Equal(("TCP", "80", true), ((string)healthCheck["protocol"], (string)healthCheck["port"], (bool)healthCheck["enabled"]));

        var listener = Assert.Single(run.OfType("aws:lb/listener:Listener"));
        Assert.Equal(gwlb.Outputs!["arn"], Input(listener, "loadBalancerArn"));
        var action = (ImmutableDictionary<string, object>)Assert.Single(List(listener, "defaultActions"));
        Assert.Equal(("forward", targetGroup.Outputs!["arn"]), ((string)action["type"], action["targetGroupArn"]));

        var appliances = run.OfType("aws:ec2/instance:Instance").Where(i => i.Name.StartsWith("inspection-appliance", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, appliances.Count);
        var registered = run.OfType("aws:lb/targetGroupAttachment:TargetGroupAttachment").ToList();
        Assert.All(registered, r => Assert.Equal(targetGroup.Outputs!["arn"], Input(r, "targetGroupArn")));
        Assert.Equal(appliances.Select(a => a.Id).Order(), registered.Select(r => (string)Input(r, "targetId")!).Order());

        var service = Assert.Single(run.OfType("aws:ec2/vpcEndpointService:VpcEndpointService"));
        Assert.Equal(new[] { gwlb.Outputs!["arn"] }, List(service, "gatewayLoadBalancerArns"));
        Assert.Equal(false, Input(service, "acceptanceRequired"));
        Assert.Equal(new object[] { $"arn:aws:iam::{AwsMocks.AccountId}:root" }, List(service, "allowedPrincipals"));
    }

    [Fact]
    public async Task Appliances_admit_geneve_and_health_checks_from_the_provider_vpc_only()
    {
        var run = await StackRun.RunAsync(Inspected);

        var group = Assert.Single(run.OfType("aws:ec2/securityGroup:SecurityGroup"), g => g.Name == "inspection-appliance-sg");
        var rules = run.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .Where(r => (string?)Input(r, "securityGroupId") == group.Id)
            .Select(r => $"{Input(r, "ipProtocol")} {Input(r, "fromPort")}-{Input(r, "toPort")} from {Input(r, "cidrIpv4")}")
            .Order();
        Assert.Equal(new[] { "tcp 80-80 from 10.100.0.0/16", "udp 6081-6081 from 10.100.0.0/16" }, rules);
    }

    [Fact]
    public async Task Each_gwlb_endpoint_sits_alone_in_the_endpoint_subnet_of_its_az()
    {
        var run = await StackRun.RunAsync(Inspected);
        var serviceName = run.OfType("aws:ec2/vpcEndpointService:VpcEndpointService").Single().Outputs!["serviceName"];

        var endpoints = run.OfType(AwsTypes.VpcEndpoint).Where(e => (string?)Input(e, "vpcEndpointType") == "GatewayLoadBalancer").ToList();
        Assert.Equal(3, endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            Assert.Equal(serviceName, Input(endpoint, "serviceName"));
            var subnet = run.Routing.Subnet((string)Assert.Single(List(endpoint, "subnetIds")));
            Assert.Equal(Tiers.Endpoint, subnet.Tier);
            Assert.EndsWith(subnet.AvailabilityZone!, endpoint.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Instances_require_imdsv2_encrypt_their_root_volume_and_get_no_public_ip()
    {
        var run = await StackRun.RunAsync(new Dictionary<string, object>
        {
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined" },
            ["demo"] = new Dictionary<string, object> { ["instance"] = true },
        });

        var instances = run.OfType("aws:ec2/instance:Instance").ToList();
        Assert.Single(instances);
        var template = Assert.Single(run.OfType(AwsTypes.LaunchTemplate));
        Assert.Equal("required", ((ImmutableDictionary<string, object>)Input(template, "metadataOptions")!)["httpTokens"]);
        var root = (ImmutableDictionary<string, object>)Assert.Single(List(template, "blockDeviceMappings"));
        Assert.Equal("true", ((ImmutableDictionary<string, object>)root["ebs"])["encrypted"]);

        var fixedRun = await StackRun.RunAsync(new Dictionary<string, object>
        {
            ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined", ["applianceFleet"] = "instances" },
            ["demo"] = new Dictionary<string, object> { ["instance"] = true },
        });
        instances = [.. instances, .. fixedRun.OfType("aws:ec2/instance:Instance")];
        Assert.Equal(4, instances.Count);
        Assert.All(instances, instance =>
        {
            Assert.Equal("required", ((ImmutableDictionary<string, object>)Input(instance, "metadataOptions")!)["httpTokens"]);
            Assert.Equal(true, ((ImmutableDictionary<string, object>)Input(instance, "rootBlockDevice")!)["encrypted"]);
            Assert.Equal(false, Input(instance, "associatePublicIpAddress"));
        });
    }

    [Fact]
    public async Task The_private_instance_may_read_the_bucket_and_write_only_under_demo()
    {
        var run = await StackRun.RunAsync(new Dictionary<string, object> { ["demo"] = new Dictionary<string, object> { ["instance"] = true } });
        var bucketArn = run.Named("demo-bucket").Outputs!["arn"];

        using var policy = JsonDocument.Parse((string)Input(run.Named("private-instance-read-bucket"), "policy")!);
        var grants = policy.RootElement.GetProperty("Statement").EnumerateArray()
            .SelectMany(s => s.GetProperty("Action").EnumerateArray().Select(a => $"{a.GetString()} {s.GetProperty("Resource")[0].GetString()}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(new[] { $"s3:GetObject {bucketArn}/*", $"s3:ListBucket {bucketArn}", $"s3:PutObject {bucketArn}/demo/*" }, grants);
        Assert.Equal(
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
            Input(Assert.Single(run.OfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")), "policyArn"));
    }

    [Fact]
    public async Task The_demo_bucket_is_private_encrypted_and_only_reachable_through_the_s3_gateway_endpoint()
    {
        var run = await StackRun.RunAsync();
        var endpoint = run.Routing.Endpoint("s3-endpoint");
        var bucket = run.Named("demo-bucket");

        Assert.Equal("private-connectivity-test-k3x9q2ab", Input(bucket, "bucket"));
        var block = run.Named("demo-bucket-public-access-block");
        Assert.All(new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" }, key => Assert.Equal(true, Input(block, key)));
        var encryption = (ImmutableDictionary<string, object>)Assert.Single(List(run.Named("demo-bucket-encryption"), "rules"));
        Assert.Equal("aws:kms", ((ImmutableDictionary<string, object>)encryption["applyServerSideEncryptionByDefault"])["sseAlgorithm"]);

        using var policy = JsonDocument.Parse((string)Input(run.Named("demo-bucket-policy"), "policy")!);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        var outsideEndpoint = statements.Single(s => s.GetProperty("Sid").GetString() == "DenyObjectAccessOutsideGatewayEndpoint");
        Assert.Equal("Deny", outsideEndpoint.GetProperty("Effect").GetString());
        Assert.Equal(endpoint.Id, outsideEndpoint.GetProperty("Condition").GetProperty("StringNotEquals").GetProperty("aws:SourceVpce").GetString());
        Assert.Contains(statements, s => s.GetProperty("Sid").GetString() == "DenyInsecureTransport");
    }

    [Fact]
    public async Task The_s3_endpoint_policy_allows_only_the_demo_bucket_and_the_named_buckets()
    {
        var run = await StackRun.RunAsync(new Dictionary<string, object> { ["endpointBucketNames"] = new[] { "team-artifacts" } });

        using var policy = JsonDocument.Parse((string)Input(run.Named("s3-endpoint"), "policy")!);
        var resources = policy.RootElement.GetProperty("Statement")[0].GetProperty("Resource").EnumerateArray().Select(r => r.GetString()).Order();
        Assert.Equal(
            new[]
            {
                "arn:aws:s3:::private-connectivity-test-k3x9q2ab", "arn:aws:s3:::private-connectivity-test-k3x9q2ab/*",
                "arn:aws:s3:::team-artifacts", "arn:aws:s3:::team-artifacts/*",
            },
            resources);
    }

    [Fact]
    public async Task Without_a_demo_bucket_or_named_buckets_the_s3_endpoint_keeps_the_default_policy()
    {
        var run = await StackRun.RunAsync(new Dictionary<string, object> { ["demo"] = new Dictionary<string, object> { ["bucket"] = false } });

        Assert.False(run.Named("s3-endpoint").Inputs.ContainsKey("policy"));
        Assert.DoesNotContain(run.Records, r => r.Type.StartsWith("aws:s3/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stack_outputs_name_everything_a_user_needs_next()
    {
        var run = await StackRun.RunAsync(Inspected);

        Assert.Superset(
            new[]
            {
                "vpcId", "publicSubnetIds", "privateSubnetIds", "applicationSubnetIds", "endpointSubnetIds",
                "privateRouteTableIds", "s3GatewayEndpointId", "interfaceEndpointIds", "interfaceEndpointDnsNames",
                "bucketName", "endpointServiceName", "gwlbEndpointIds", "inspectionVpcId", "edgeRouteTableId",
            }.ToHashSet(),
            run.Outputs.Keys.ToHashSet());
        var privateSubnets = await Pulumi.Utilities.OutputUtilities.GetValueAsync((Pulumi.Output<ImmutableArray<string>>)run.Outputs["privateSubnetIds"]!);
        Assert.Equal(run.Routing.SubnetsInTier(Tiers.Private).Select(s => s.Id).Order(), privateSubnets.Order());
    }
}
