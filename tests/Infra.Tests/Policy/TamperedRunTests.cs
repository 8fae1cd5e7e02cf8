using System.Collections.Immutable;
using Infra.Model.Policy;
using Infra.Model.Routing;
using Infra.Simulation;

namespace Infra.Tests.Policy;

/// <summary>A mocked run of the stack with inspection and the demo instance, shared by the tests of a class.</summary>
public sealed class InspectedRun : IAsyncLifetime
{
    public static readonly Dictionary<string, object> Config = new()
    {
        ["inspection"] = new Dictionary<string, object> { ["mode"] = "combined" },
        ["demo"] = new Dictionary<string, object> { ["instance"] = true },
    };

    public StackRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await StackRun.RunAsync(Config);

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Each rule catches a break in the resources the program really registers (the mocks' shapes: doubles for ports,
/// nested maps and lists, ids of the real forms): the run is changed in one place and exactly the expected findings
/// come out. No configuration can break these rules; the components keep them.
/// </summary>
public class TamperedRunTests(InspectedRun fixture) : IClassFixture<InspectedRun>
{
    private const string WorkloadPrivateTable = "workload-private-rt-eu-west-1a";

    private IReadOnlyList<ResourceRecord> Records => fixture.Run.Records;

    private ResourceRecord Cloud(string name) => fixture.Run.Named(name);

    private IReadOnlyList<PolicyFinding> FailuresOf(IEnumerable<ResourceRecord> records) =>
        PolicyCheck.Evaluate(records, InspectedRun.Config, fixture.Run.Mocks).Failures;

    /// <summary>The run with one cloud resource's inputs changed.</summary>
    private IEnumerable<ResourceRecord> Changed(string name, Func<ImmutableDictionary<string, object>, ImmutableDictionary<string, object>> change)
    {
        var target = Cloud(name);
        return Records.Select(r => r == target ? r with { Inputs = change(r.Inputs.ToImmutableDictionary()) } : r);
    }

    private IEnumerable<ResourceRecord> Without(string name)
    {
        var target = Cloud(name);
        return Records.Where(r => r != target);
    }

    private static PolicyFinding F(string rule, string resource, string message) => new(rule, resource, message);

    [Fact]
    public void The_untouched_run_keeps_every_rule()
    {
        Assert.Empty(FailuresOf(Records));
    }

    [Fact]
    public void Net001_removing_a_flow_log()
    {
        Assert.Equal([F("PC-NET-001", "workload", "VPC workload has no flow log.")], FailuresOf(Without("workload-flow-log")));
    }

    [Fact]
    public void Net002_a_rule_on_the_default_security_group()
    {
        var selfAll = ImmutableDictionary<string, object>.Empty.Add("protocol", "-1").Add("fromPort", 0.0).Add("toPort", 0.0).Add("self", true);

        Assert.Equal(
            [F("PC-NET-002", "inspection-default-sg", "Default security group inspection-default-sg of VPC inspection has 1 ingress rule and 0 egress rules; it must have none.")],
            FailuresOf(Changed("inspection-default-sg", i => i.SetItem("ingress", ImmutableArray.Create<object>(selfAll)))));
    }

    [Fact]
    public void Net003_a_private_subnet_that_maps_public_ips()
    {
        Assert.Equal(
            [F("PC-NET-003", "workload-private-eu-west-1a", "Subnet workload-private-eu-west-1a (tier private) maps public IPs on launch; only public-tier subnets may.")],
            FailuresOf(Changed("workload-private-eu-west-1a", i => i.SetItem("mapPublicIpOnLaunch", true))));
    }

    [Fact]
    public void Net004_ssh_from_the_internet_on_the_private_instance()
    {
        var ssh = ImmutableDictionary<string, object>.Empty
            .Add("protocol", "tcp").Add("fromPort", 22.0).Add("toPort", 22.0).Add("cidrBlocks", ImmutableArray.Create<object>("0.0.0.0/0"));

        Assert.Equal(
            [F("PC-NET-004", "private-instance-sg", "Security group private-instance-sg admits tcp port 22 from 0.0.0.0/0; no port may be open to the internet.")],
            FailuresOf(Changed("private-instance-sg", i => i.SetItem("ingress", ImmutableArray.Create<object>(ssh)))));
    }

    [Fact]
    public void Net005_a_private_route_to_the_internet_gateway()
    {
        var table = Cloud(WorkloadPrivateTable);
        var igw = Cloud("workload-igw");
        var route = new ResourceRecord(AwsTypes.Route, "shortcut", "r-shortcut", ImmutableDictionary<string, object>.Empty
            .Add("routeTableId", table.Id).Add("destinationCidrBlock", "0.0.0.0/0").Add("gatewayId", igw.Id));

        Assert.Equal(
            [F("PC-NET-005", WorkloadPrivateTable, "Route table workload-private-rt-eu-west-1a, used by private subnet workload-private-eu-west-1a, sends 0.0.0.0/0 straight to internet gateway workload-igw; private and application subnets must leave through a NAT gateway or a Gateway Load Balancer endpoint.")],
            FailuresOf(Records.Append(route)));
    }

    [Fact]
    public void Ep001_and_Net004_the_endpoint_group_opened_to_the_internet()
    {
        Assert.Equal(
            [
                F("PC-NET-004", "interface-endpoints-https-from-vpc", "Ingress rule interface-endpoints-https-from-vpc of security group interface-endpoints-sg admits tcp port 443 from 0.0.0.0/0; no port may be open to the internet."),
                F("PC-EP-001", "interface-endpoints-https-from-vpc", "Ingress rule interface-endpoints-https-from-vpc of security group interface-endpoints-sg (interface endpoints interface-endpoints-ec2messages, interface-endpoints-ssm, interface-endpoints-ssmmessages) admits tcp port 443 from 0.0.0.0/0; it may admit only tcp 443 from the VPC's CIDR 10.0.0.0/16."),
                F("PC-EP-001", "interface-endpoints-sg", "Security group interface-endpoints-sg of interface endpoints interface-endpoints-ec2messages, interface-endpoints-ssm, interface-endpoints-ssmmessages admits no tcp 443 from the VPC's CIDR 10.0.0.0/16, so nothing in the VPC can reach the endpoint."),
            ],
            FailuresOf(Changed("interface-endpoints-https-from-vpc", i => i.SetItem("cidrIpv4", "0.0.0.0/0"))));
    }

    [Fact]
    public void Ep002_private_dns_off()
    {
        Assert.Equal(
            [F("PC-EP-002", "interface-endpoints-ssm", "Interface endpoint interface-endpoints-ssm has private DNS off, so clients resolve the service's public name and bypass the endpoint.")],
            FailuresOf(Changed("interface-endpoints-ssm", i => i.SetItem("privateDnsEnabled", false))));
    }

    [Fact]
    public void Ep002_dns_hostnames_off()
    {
        Assert.Equal(
            [F("PC-EP-002", "workload", "VPC workload has DNS hostnames off, which private DNS for interface endpoints interface-endpoints-ec2messages, interface-endpoints-ssm, interface-endpoints-ssmmessages needs.")],
            FailuresOf(Changed("workload", i => i.SetItem("enableDnsHostnames", false))));
    }

    [Fact]
    public void Ep003_the_s3_endpoint_without_its_policy()
    {
        Assert.Equal(
            [F("PC-EP-003", "s3-endpoint", "S3 gateway endpoint s3-endpoint has no policy, so it reaches every bucket of every account although this stack names its buckets.")],
            FailuresOf(Changed("s3-endpoint", i => i.Remove("policy"))));
    }

    [Fact]
    public void S3001_a_public_access_block_setting_off()
    {
        Assert.Equal(
            [F("PC-S3-001", "demo-bucket-public-access-block", "Public access block demo-bucket-public-access-block of bucket demo-bucket leaves blockPublicPolicy off; all four settings must be on.")],
            FailuresOf(Changed("demo-bucket-public-access-block", i => i.SetItem("blockPublicPolicy", false))));
    }

    [Fact]
    public void S3002_s3_managed_keys_instead_of_kms()
    {
        var rule = ImmutableDictionary<string, object>.Empty
            .Add("applyServerSideEncryptionByDefault", ImmutableDictionary<string, object>.Empty.Add("sseAlgorithm", "AES256"));

        Assert.Equal(
            [F("PC-S3-002", "demo-bucket-encryption", "Bucket demo-bucket encrypts by default with AES256, not with a KMS key (aws:kms or aws:kms:dsse).")],
            FailuresOf(Changed("demo-bucket-encryption", i => i.SetItem("rules", ImmutableArray.Create<object>(rule)))));
    }

    [Fact]
    public void S3003_and_S3004_the_bucket_policy_removed()
    {
        Assert.Equal(
            [
                F("PC-S3-003", "demo-bucket", "Bucket demo-bucket has no bucket policy, so nothing refuses requests over plain HTTP."),
                F("PC-S3-004", "demo-bucket", "Bucket demo-bucket has no bucket policy, so its objects can be read and written from outside the S3 gateway endpoint."),
            ],
            FailuresOf(Without("demo-bucket-policy")));
    }

    [Fact]
    public void S3004_the_bucket_policy_naming_another_endpoint()
    {
        var policy = (string)Cloud("demo-bucket-policy").Inputs["policy"];
        var endpointId = Cloud("s3-endpoint").Id;

        Assert.Equal(
            [F("PC-S3-004", "demo-bucket-policy", "The policy of bucket demo-bucket lets objects through endpoint vpce-0123456789abcdef0 only, which is not an S3 gateway endpoint of this stack.")],
            FailuresOf(Changed("demo-bucket-policy", i => i.SetItem("policy", policy.Replace(endpointId, "vpce-0123456789abcdef0", StringComparison.Ordinal)))));
    }

    [Fact]
    public void Ec2001_an_appliance_launch_template_that_accepts_imdsv1()
    {
        var options = ImmutableDictionary<string, object>.Empty.Add("httpEndpoint", "enabled").Add("httpTokens", "optional");

        Assert.Equal(
            [F("PC-EC2-001", "inspection-appliance-template", "Launch template inspection-appliance-template does not require IMDSv2 (metadataOptions.httpTokens is optional); set it to required.")],
            FailuresOf(Changed("inspection-appliance-template", i => i.SetItem("metadataOptions", options))));
    }

    [Fact]
    public void Ec2001_the_demo_instance_that_accepts_imdsv1()
    {
        var options = ImmutableDictionary<string, object>.Empty.Add("httpEndpoint", "enabled").Add("httpTokens", "optional");

        Assert.Equal(
            [F("PC-EC2-001", "private-instance", "Instance private-instance does not require IMDSv2 (metadataOptions.httpTokens is optional); set it to required.")],
            FailuresOf(Changed("private-instance", i => i.SetItem("metadataOptions", options))));
    }

    [Fact]
    public void Ec2002_an_unencrypted_root_volume()
    {
        var root = ImmutableDictionary<string, object>.Empty.Add("encrypted", false).Add("volumeType", "gp3");

        Assert.Equal(
            [F("PC-EC2-002", "private-instance", "The root volume of instance private-instance is not encrypted (rootBlockDevice.encrypted is false).")],
            FailuresOf(Changed("private-instance", i => i.SetItem("rootBlockDevice", root))));
    }

    [Fact]
    public void Gwlb001_the_target_group_without_a_health_check()
    {
        Assert.Equal(
            [F("PC-GWLB-001", "inspection-appliances", "Target group inspection-appliances of the Gateway Load Balancer has no health check, so flows keep going to failed appliances.")],
            FailuresOf(Changed("inspection-appliances", i => i.Remove("healthCheck"))));
    }

    [Fact]
    public void Gwlb002_the_endpoint_service_open_to_every_principal()
    {
        Assert.Equal(
            [F("PC-GWLB-002", "inspection-service", "Endpoint service inspection-service allows the wildcard principal *, so AWS accounts nobody named can connect their VPCs to it.")],
            FailuresOf(Changed("inspection-service", i => i.SetItem("allowedPrincipals", ImmutableArray.Create<object>("*")))));
    }
}
