using System.Collections.Immutable;
using Infra.Model.Configuration;
using Infra.Model.Policy;
using Infra.Model.Policy.Rules;
using Infra.Model.Routing;
using static Infra.Model.Tests.Policy.Stack;
using static Infra.Model.Tests.Routing.Aws;

namespace Infra.Model.Tests.Policy;

/// <summary>
/// Each rule against a hand-built stack broken in one place: the whole catalogue runs, and exactly the expected
/// findings (rule, resource, message) come out, so a break trips its own rule and no other.
/// </summary>
public class RuleTests
{
    private static void AssertFindings(IEnumerable<ResourceRecord> records, params PolicyFinding[] expected) =>
        AssertFindings(new PolicyContext(records), PolicyCatalog.Default, expected);

    private static void AssertFindings(PolicyContext context, IReadOnlyList<IPolicyRule> rules, params PolicyFinding[] expected)
    {
        var report = PolicyEvaluator.Evaluate(context, rules);
        Assert.Equal(expected, report.Failures);
    }

    private static PolicyFinding F(string rule, string resource, string message) => new(rule, resource, message);

    private static Func<ImmutableDictionary<string, object>, ImmutableDictionary<string, object>> Set(string key, object value) =>
        inputs => inputs.SetItem(key, value);

    private static Func<ImmutableDictionary<string, object>, ImmutableDictionary<string, object>> Unset(string key) =>
        inputs => inputs.Remove(key);

    [Fact]
    public void The_compliant_stack_passes_every_rule()
    {
        var report = PolicyEvaluator.Evaluate(new PolicyContext(Compliant()));

        Assert.True(report.Passed, report.ToText());
        Assert.All(report.Results, r => Assert.Equal(PolicyOutcome.Passed, r.Outcome));
        Assert.Equal(PolicyCatalog.RuleIds, report.Results.Select(r => r.Rule.Id));
    }

    // PC-NET-001 -------------------------------------------------------------------------------------------------------

    [Fact]
    public void Net001_a_vpc_without_a_flow_log()
    {
        AssertFindings(Without("workload-flow-log"), F("PC-NET-001", "workload", "VPC workload has no flow log."));
    }

    [Fact]
    public void Net001_a_vpc_whose_flow_log_records_only_rejected_traffic()
    {
        AssertFindings(
            With("workload-flow-log", Set("trafficType", "REJECT")),
            F("PC-NET-001", "workload", "VPC workload has flow logs for REJECT traffic only; one must record ALL traffic."));
    }

    // PC-NET-002 -------------------------------------------------------------------------------------------------------

    [Fact]
    public void Net002_a_vpc_that_leaves_its_default_security_group_alone()
    {
        AssertFindings(
            Without("workload-default-sg"),
            F("PC-NET-002", "workload", "VPC workload leaves its default security group with the rules AWS gives it (all traffic between members, all egress); adopt it with a DefaultSecurityGroup that has no rules."));
    }

    [Fact]
    public void Net002_a_default_security_group_with_an_inline_rule()
    {
        AssertFindings(
            With("workload-default-sg", Set("ingress", List(Map(("protocol", "-1"), ("fromPort", 0.0), ("toPort", 0.0), ("self", true))))),
            F("PC-NET-002", "workload-default-sg", "Default security group workload-default-sg of VPC workload has 1 ingress rule and 0 egress rules; it must have none."));
    }

    [Fact]
    public void Net002_an_egress_rule_added_to_the_default_group_by_the_id_the_vpc_reports()
    {
        AssertFindings(
            Plus(Record(
                AwsTypes.SecurityGroupEgressRule, "default-egress", ("securityGroupId", ReportedDefaultGroupId), ("ipProtocol", "-1"),
                ("cidrIpv4", "0.0.0.0/0"))),
            F("PC-NET-002", "workload-default-sg", "Default security group workload-default-sg of VPC workload has 0 ingress rules and 1 egress rule; it must have none."));
    }

    // PC-NET-003 -------------------------------------------------------------------------------------------------------

    [Fact]
    public void Net003_a_private_subnet_that_maps_public_ips()
    {
        AssertFindings(
            With("workload-private-a", Set("mapPublicIpOnLaunch", true)),
            F("PC-NET-003", "workload-private-a", "Subnet workload-private-a (tier private) maps public IPs on launch; only public-tier subnets may."));
    }

    [Fact]
    public void Net003_a_public_subnet_may_map_public_ips()
    {
        AssertFindings(With("workload-public-a", Set("mapPublicIpOnLaunch", true)));
    }

    [Fact]
    public void Net003_a_subnet_without_a_tier_that_maps_public_ips()
    {
        AssertFindings(
            Plus(Record(AwsTypes.Subnet, "untagged", ("vpcId", Id(VpcName)), ("cidrBlock", "10.0.64.0/24"), ("mapPublicIpOnLaunch", true))),
            F("PC-NET-003", "untagged", "Subnet untagged (no Tier tag) maps public IPs on launch; only public-tier subnets may."));
    }

    [Fact]
    public void Net003_an_instance_that_asks_for_a_public_ip_outside_the_public_tier()
    {
        AssertFindings(
            With("app", Set("associatePublicIpAddress", true)),
            F("PC-NET-003", "app", "Instance app asks for a public IP address in subnet workload-application-a (tier application); only public-tier subnets may hand them out."));
    }

    // PC-NET-004 -------------------------------------------------------------------------------------------------------

    [Fact]
    public void Net004_an_inline_ingress_block_open_to_the_internet()
    {
        AssertFindings(
            With("app-sg", Set("ingress", List(Block("tcp", 22, 22, "0.0.0.0/0")))),
            F("PC-NET-004", "app-sg", "Security group app-sg admits tcp port 22 from 0.0.0.0/0; no port may be open to the internet."));
    }

    [Fact]
    public void Net004_a_separate_ingress_rule_open_to_the_ipv6_internet()
    {
        AssertFindings(
            Plus(Record(AwsTypes.SecurityGroupIngressRule, "app-everything-v6", ("securityGroupId", Id("app-sg")), ("ipProtocol", "-1"), ("cidrIpv6", "::/0"))),
            F("PC-NET-004", "app-everything-v6", "Ingress rule app-everything-v6 of security group app-sg admits all traffic from ::/0; no port may be open to the internet."));
    }

    [Fact]
    public void Net004_an_older_security_group_rule_resource_open_to_the_internet()
    {
        AssertFindings(
            Plus(Record(
                AwsTypes.SecurityGroupRule, "app-rdp", ("type", "ingress"), ("securityGroupId", Id("app-sg")), ("protocol", "tcp"),
                ("fromPort", 3389.0), ("toPort", 3389.0), ("cidrBlocks", List("0.0.0.0/0")))),
            F("PC-NET-004", "app-rdp", "Ingress rule app-rdp of security group app-sg admits tcp port 3389 from 0.0.0.0/0; only tcp 443 may be open to the internet."),
            options: [new PortSpec("tcp", 443)]);
    }

    [Fact]
    public void Net004_an_allowed_public_port_passes_on_a_group_used_only_in_the_public_tier()
    {
        var records = Plus(
            Record(AwsTypes.SecurityGroup, "web-sg", ("vpcId", Id(VpcName)), ("ingress", List(Block("tcp", 443, 443, "0.0.0.0/0")))),
            Record(AwsTypes.LoadBalancer, "web-lb", ("loadBalancerType", "application"), ("subnets", List(Id("workload-public-a"))), ("securityGroups", List(Id("web-sg")))));

        AssertFindings(records, options: [new PortSpec("tcp", 443)]);
        AssertFindings(
            records,
            F("PC-NET-004", "web-sg", "Security group web-sg admits tcp port 443 from 0.0.0.0/0; no port may be open to the internet."));
    }

    [Fact]
    public void Net004_an_allowed_public_port_fails_on_a_group_used_outside_the_public_tier()
    {
        AssertFindings(
            With("app-sg", Set("ingress", List(Block("tcp", 443, 443, "0.0.0.0/0")))),
            F("PC-NET-004", "app-sg", "Security group app-sg admits tcp port 443 from 0.0.0.0/0, but security group app-sg is not used only by resources in public-tier subnets."),
            options: [new PortSpec("tcp", 443)]);
    }

    private static void AssertFindings(IEnumerable<ResourceRecord> records, PolicyFinding expected, PortSpec[] options) =>
        AssertFindings(new PolicyContext(records), PolicyCatalog.Create(new PolicyOptions { PublicIngressPorts = options }), expected);

    private static void AssertFindings(IEnumerable<ResourceRecord> records, PortSpec[] options) =>
        AssertFindings(new PolicyContext(records), PolicyCatalog.Create(new PolicyOptions { PublicIngressPorts = options }));

    // PC-NET-005 -------------------------------------------------------------------------------------------------------

    [Fact]
    public void Net005_a_private_route_table_with_a_route_to_the_internet_gateway()
    {
        AssertFindings(
            Plus(Route("private-to-igw", Id("workload-private-rt"), "0.0.0.0/0", "gatewayId", Id("workload-igw"))),
            F("PC-NET-005", "workload-private-rt", "Route table workload-private-rt, used by private subnet workload-private-a, sends 0.0.0.0/0 straight to internet gateway workload-igw; private and application subnets must leave through a NAT gateway or a Gateway Load Balancer endpoint."));
    }

    [Fact]
    public void Net005_a_table_shared_by_private_and_application_subnets_names_them_all()
    {
        var records = Plus(
            Subnet("workload-private-b", VpcName, "10.0.48.0/20", "private", az: "us-east-1b"),
            Association("workload-private-rta-b", "workload-application-rt", "workload-private-b"),
            Route("application-to-igw", Id("workload-application-rt"), "10.8.0.0/16", "gatewayId", Id("workload-igw")));

        AssertFindings(
            records,
            F("PC-NET-005", "workload-application-rt", "Route table workload-application-rt, used by private subnet workload-private-b and application subnet workload-application-a, sends 10.8.0.0/16 straight to internet gateway workload-igw; private and application subnets must leave through a NAT gateway or a Gateway Load Balancer endpoint."));
    }

    [Fact]
    public void Net005_a_public_route_table_may_route_to_the_internet_gateway()
    {
        AssertFindings(Compliant());
        Assert.Contains(new PolicyContext(Compliant()).Routing.EffectiveRoutes("workload-public-a"), r => r.Target.Kind == TargetKind.InternetGateway);
    }

    // PC-EP-001 --------------------------------------------------------------------------------------------------------

    [Fact]
    public void Ep001_an_interface_endpoint_without_a_security_group()
    {
        AssertFindings(
            With("ssm-endpoint", Unset("securityGroupIds")),
            F("PC-EP-001", "ssm-endpoint", "Interface endpoint ssm-endpoint has no security group; give it one that admits tcp 443 from the VPC only."));
    }

    [Fact]
    public void Ep001_an_endpoint_group_that_admits_another_port_from_the_vpc()
    {
        AssertFindings(
            With("endpoints-sg", Set("ingress", List(Block("tcp", 22, 22, VpcCidr)))),
            F("PC-EP-001", "endpoints-sg", "Security group endpoints-sg of interface endpoint ssm-endpoint admits tcp port 22 from 10.0.0.0/16; it may admit only tcp 443 from the VPC's CIDR 10.0.0.0/16."));
    }

    [Fact]
    public void Ep001_an_endpoint_group_that_admits_https_from_outside_the_vpc_only()
    {
        AssertFindings(
            With("endpoints-https", Set("cidrIpv4", "172.16.0.0/12")),
            F("PC-EP-001", "endpoints-https", "Ingress rule endpoints-https of security group endpoints-sg (interface endpoint ssm-endpoint) admits tcp port 443 from 172.16.0.0/12; it may admit only tcp 443 from the VPC's CIDR 10.0.0.0/16."),
            F("PC-EP-001", "endpoints-sg", "Security group endpoints-sg of interface endpoint ssm-endpoint admits no tcp 443 from the VPC's CIDR 10.0.0.0/16, so nothing in the VPC can reach the endpoint."));
    }

    [Fact]
    public void Ep001_https_from_a_block_inside_the_vpc_is_enough()
    {
        AssertFindings(With("endpoints-https", Set("cidrIpv4", "10.0.16.0/20")));
    }

    [Fact]
    public void Ep001_an_endpoint_group_that_admits_https_from_another_group()
    {
        AssertFindings(
            Plus(Record(
                AwsTypes.SecurityGroupIngressRule, "endpoints-from-app", ("securityGroupId", Id("endpoints-sg")), ("ipProtocol", "tcp"),
                ("fromPort", 443.0), ("toPort", 443.0), ("referencedSecurityGroupId", Id("app-sg")))),
            F("PC-EP-001", "endpoints-from-app", "Ingress rule endpoints-from-app of security group endpoints-sg (interface endpoint ssm-endpoint) admits tcp port 443 from security group app-sg; it may admit only tcp 443 from the VPC's CIDR 10.0.0.0/16."));
    }

    // PC-EP-002 --------------------------------------------------------------------------------------------------------

    [Fact]
    public void Ep002_an_interface_endpoint_with_private_dns_off()
    {
        AssertFindings(
            With("ssm-endpoint", Set("privateDnsEnabled", false)),
            F("PC-EP-002", "ssm-endpoint", "Interface endpoint ssm-endpoint has private DNS off, so clients resolve the service's public name and bypass the endpoint."));
    }

    [Fact]
    public void Ep002_a_vpc_that_leaves_dns_hostnames_at_the_aws_default()
    {
        AssertFindings(
            With("workload", Unset("enableDnsHostnames")),
            F("PC-EP-002", "workload", "VPC workload has DNS hostnames off, which private DNS for interface endpoint ssm-endpoint needs."));
    }

    [Fact]
    public void Ep002_a_vpc_with_dns_support_and_hostnames_off()
    {
        AssertFindings(
            With(With("workload", Set("enableDnsSupport", false)), "workload", Set("enableDnsHostnames", false)),
            F("PC-EP-002", "workload", "VPC workload has DNS support and DNS hostnames off, which private DNS for interface endpoint ssm-endpoint needs."));
    }

    // PC-EP-003 --------------------------------------------------------------------------------------------------------

    [Fact]
    public void Ep003_an_s3_endpoint_without_a_policy_when_the_stack_has_a_bucket()
    {
        AssertFindings(
            With("s3-endpoint", Unset("policy")),
            F("PC-EP-003", "s3-endpoint", "S3 gateway endpoint s3-endpoint has no policy, so it reaches every bucket of every account although this stack names its buckets."));
    }

    [Fact]
    public void Ep003_an_s3_endpoint_without_a_policy_is_fine_when_no_bucket_is_named()
    {
        var settings = StackSettings.Parse("private-connectivity", new Dictionary<string, string> { ["demo"] = """{"bucket":false}""" });

        AssertFindings(new PolicyContext(With("s3-endpoint", Unset("policy")), settings: settings), PolicyCatalog.Default);
    }

    [Fact]
    public void Ep003_named_buckets_in_the_settings_require_a_policy_even_without_a_bucket_resource()
    {
        var settings = StackSettings.Parse("private-connectivity", new Dictionary<string, string>
        {
            ["demo"] = """{"bucket":false}""",
            ["endpointBucketNames"] = """["team-artifacts"]""",
        });
        var records = With(Without("demo-bucket", "demo-bucket-public-access-block", "demo-bucket-encryption", "demo-bucket-policy"), "s3-endpoint", Unset("policy"));

        AssertFindings(
            new PolicyContext(records, settings: settings),
            PolicyCatalog.Default,
            F("PC-EP-003", "s3-endpoint", "S3 gateway endpoint s3-endpoint has no policy, so it reaches every bucket of every account although this stack names its buckets."));
    }

    [Fact]
    public void Ep003_an_s3_endpoint_policy_that_allows_every_action()
    {
        AssertFindings(
            With("s3-endpoint", Set("policy", EndpointPolicy(Statement("Allow", "s3:*", BucketArns())))),
            F("PC-EP-003", "s3-endpoint", "Statement #1 of the policy of S3 gateway endpoint s3-endpoint allows every action; allow the needed actions on the named buckets only."));
    }

    [Fact]
    public void Ep003_an_s3_endpoint_policy_that_allows_everything_on_every_bucket()
    {
        AssertFindings(
            With("s3-endpoint", Set("policy", EndpointPolicy(
                Statement("Allow", "s3:GetObject", BucketArns(), "Named"),
                Statement("Allow", "*", "arn:aws:s3:::*/*", "Everything")))),
            F("PC-EP-003", "s3-endpoint", "Statement Everything of the policy of S3 gateway endpoint s3-endpoint allows every action and resource; allow the needed actions on the named buckets only."));
    }

    [Fact]
    public void Ep003_a_separate_endpoint_policy_resource_is_read_too()
    {
        AssertFindings(
            Plus(Record(AwsTypes.VpcEndpointPolicy, "s3-endpoint-policy", ("vpcEndpointId", Id("s3-endpoint")), ("policy", EndpointPolicy(Statement("Allow", "s3:GetObject", "*"))))),
            F("PC-EP-003", "s3-endpoint-policy", "Statement #1 of the policy of S3 gateway endpoint s3-endpoint allows every resource; allow the needed actions on the named buckets only."));
    }

    [Fact]
    public void Ep003_an_s3_endpoint_policy_that_is_not_json()
    {
        AssertFindings(
            With("s3-endpoint", Set("policy", "allow everything")),
            F("PC-EP-003", "s3-endpoint", "The policy of S3 gateway endpoint s3-endpoint is not a JSON policy document with a Statement."));
    }

    // PC-S3-001 --------------------------------------------------------------------------------------------------------

    [Fact]
    public void S3001_a_bucket_without_a_public_access_block()
    {
        AssertFindings(Without("demo-bucket-public-access-block"), F("PC-S3-001", "demo-bucket", "Bucket demo-bucket has no public access block."));
    }

    [Fact]
    public void S3001_a_public_access_block_with_two_settings_off()
    {
        AssertFindings(
            With("demo-bucket-public-access-block", inputs => inputs.Remove("blockPublicPolicy").SetItem("restrictPublicBuckets", false)),
            F("PC-S3-001", "demo-bucket-public-access-block", "Public access block demo-bucket-public-access-block of bucket demo-bucket leaves blockPublicPolicy and restrictPublicBuckets off; all four settings must be on."));
    }

    [Fact]
    public void S3001_a_public_access_block_may_name_the_bucket_by_name()
    {
        AssertFindings(With("demo-bucket-public-access-block", Set("bucket", BucketName)));
    }

    // PC-S3-002 --------------------------------------------------------------------------------------------------------

    [Fact]
    public void S3002_a_bucket_without_default_encryption()
    {
        AssertFindings(
            Without("demo-bucket-encryption"),
            F("PC-S3-002", "demo-bucket", "Bucket demo-bucket has no default encryption configuration; encrypt it with a KMS key (aws:kms)."));
    }

    [Fact]
    public void S3002_a_bucket_encrypted_with_s3_managed_keys()
    {
        AssertFindings(
            With("demo-bucket-encryption", Set("rules", List(Map(("applyServerSideEncryptionByDefault", Map(("sseAlgorithm", "AES256"))))))),
            F("PC-S3-002", "demo-bucket-encryption", "Bucket demo-bucket encrypts by default with AES256, not with a KMS key (aws:kms or aws:kms:dsse)."));
    }

    [Fact]
    public void S3002_the_older_inline_encryption_block_counts()
    {
        var inline = Map(("rule", Map(("applyServerSideEncryptionByDefault", Map(("sseAlgorithm", "aws:kms:dsse"))))));

        AssertFindings(With(Without("demo-bucket-encryption"), "demo-bucket", Set("serverSideEncryptionConfiguration", inline)));
    }

    // PC-S3-003 and PC-S3-004 ------------------------------------------------------------------------------------------

    [Fact]
    public void S3003_and_S3004_a_bucket_without_a_policy()
    {
        AssertFindings(
            Without("demo-bucket-policy"),
            F("PC-S3-003", "demo-bucket", "Bucket demo-bucket has no bucket policy, so nothing refuses requests over plain HTTP."),
            F("PC-S3-004", "demo-bucket", "Bucket demo-bucket has no bucket policy, so its objects can be read and written from outside the S3 gateway endpoint."));
    }

    [Fact]
    public void S3003_a_bucket_policy_that_does_not_refuse_plain_http()
    {
        AssertFindings(
            With("demo-bucket-policy", Set("policy", EndpointPolicy(DenyOutsideEndpoint(Id("s3-endpoint"))))),
            F("PC-S3-003", "demo-bucket-policy", "The policy of bucket demo-bucket does not deny s3:* when aws:SecureTransport is false."));
    }

    [Fact]
    public void S3003_a_json_boolean_condition_counts()
    {
        var tls = Statement("Deny", "s3:*", BucketArns(), condition: new Dictionary<string, object> { ["Bool"] = new Dictionary<string, bool> { ["aws:SecureTransport"] = false } });

        AssertFindings(With("demo-bucket-policy", Set("policy", EndpointPolicy(tls, DenyOutsideEndpoint(Id("s3-endpoint"))))));
    }

    [Fact]
    public void S3004_a_bucket_policy_without_the_endpoint_condition()
    {
        AssertFindings(
            With("demo-bucket-policy", Set("policy", EndpointPolicy(DenyInsecureTransport()))),
            F("PC-S3-004", "demo-bucket-policy", "The policy of bucket demo-bucket does not deny object reads and writes whose aws:SourceVpce is not this stack's S3 gateway endpoint."));
    }

    [Fact]
    public void S3004_a_deny_that_leaves_writes_open_does_not_count()
    {
        var readsOnly = Statement(
            "Deny", "s3:GetObject", $"arn:aws:s3:::{BucketName}/*",
            condition: new Dictionary<string, object> { ["StringNotEquals"] = new Dictionary<string, string> { ["aws:SourceVpce"] = Id("s3-endpoint") } });

        AssertFindings(
            With("demo-bucket-policy", Set("policy", EndpointPolicy(DenyInsecureTransport(), readsOnly))),
            F("PC-S3-004", "demo-bucket-policy", "The policy of bucket demo-bucket does not deny object reads and writes whose aws:SourceVpce is not this stack's S3 gateway endpoint."));
    }

    [Fact]
    public void S3004_a_bucket_policy_that_names_another_endpoint()
    {
        AssertFindings(
            With("demo-bucket-policy", Set("policy", BucketPolicy("vpce-0somewhereelse"))),
            F("PC-S3-004", "demo-bucket-policy", "The policy of bucket demo-bucket lets objects through endpoint vpce-0somewhereelse only, which is not an S3 gateway endpoint of this stack."));
    }

    // PC-EC2-001 -------------------------------------------------------------------------------------------------------

    [Fact]
    public void Ec2001_an_instance_that_accepts_imdsv1()
    {
        AssertFindings(
            With("app", Set("metadataOptions", Map(("httpTokens", "optional")))),
            F("PC-EC2-001", "app", "Instance app does not require IMDSv2 (metadataOptions.httpTokens is optional); set it to required."));
    }

    [Fact]
    public void Ec2001_an_instance_without_metadata_options()
    {
        AssertFindings(
            With("app", Unset("metadataOptions")),
            F("PC-EC2-001", "app", "Instance app does not require IMDSv2 (metadataOptions.httpTokens is unset); set it to required."));
    }

    [Fact]
    public void Ec2001_an_instance_with_the_metadata_service_off_passes()
    {
        AssertFindings(With("app", Set("metadataOptions", Map(("httpEndpoint", "disabled")))));
    }

    [Fact]
    public void Ec2001_a_launch_template_without_metadata_options()
    {
        AssertFindings(
            Plus(Record(AwsTypes.LaunchTemplate, "app-template", ("imageId", "ami-0123456789abcdef0"))),
            F("PC-EC2-001", "app-template", "Launch template app-template does not require IMDSv2 (metadataOptions.httpTokens is unset); set it to required."));
    }

    // PC-EC2-002 -------------------------------------------------------------------------------------------------------

    [Fact]
    public void Ec2002_an_instance_with_an_unencrypted_root_volume()
    {
        AssertFindings(
            With("app", Set("rootBlockDevice", Map(("encrypted", false)))),
            F("PC-EC2-002", "app", "The root volume of instance app is not encrypted (rootBlockDevice.encrypted is false)."));
    }

    [Fact]
    public void Ec2002_an_instance_that_leaves_root_encryption_to_the_ami()
    {
        AssertFindings(
            With("app", Unset("rootBlockDevice")),
            F("PC-EC2-002", "app", "The root volume of instance app is not encrypted (rootBlockDevice.encrypted is unset)."));
    }

    [Fact]
    public void Ec2002_an_instance_with_an_unencrypted_ebs_block_device()
    {
        AssertFindings(
            With("app", Set("ebsBlockDevices", List(Map(("deviceName", "/dev/sdf"), ("volumeSize", 100.0))))),
            F("PC-EC2-002", "app", "EBS block device /dev/sdf of instance app is not encrypted (encrypted is unset)."));
    }

    [Fact]
    public void Ec2002_a_launch_template_with_an_unencrypted_mapping()
    {
        AssertFindings(
            Plus(Record(
                AwsTypes.LaunchTemplate, "app-template", ("metadataOptions", Map(("httpTokens", "required"))),
                ("blockDeviceMappings", List(Map(("deviceName", "/dev/xvda"), ("ebs", Map(("encrypted", "false"), ("volumeSize", 20.0)))))))),
            F("PC-EC2-002", "app-template", "Block device /dev/xvda of launch template app-template is not encrypted (ebs.encrypted is false)."));
    }

    [Fact]
    public void Ec2002_a_standalone_unencrypted_volume()
    {
        AssertFindings(
            Plus(Record(AwsTypes.EbsVolume, "data", ("availabilityZone", "us-east-1a"), ("size", 100.0))),
            F("PC-EC2-002", "data", "EBS volume data is not encrypted (encrypted is unset)."));
    }

    // PC-GWLB-001 ------------------------------------------------------------------------------------------------------

    [Fact]
    public void Gwlb001_a_geneve_target_group_without_a_health_check()
    {
        AssertFindings(
            With("appliances", Unset("healthCheck")),
            F("PC-GWLB-001", "appliances", "Target group appliances of the Gateway Load Balancer has no health check, so flows keep going to failed appliances."));
    }

    [Fact]
    public void Gwlb001_a_disabled_health_check()
    {
        AssertFindings(
            With("appliances", Set("healthCheck", Map(("enabled", false), ("protocol", "TCP"), ("port", "80")))),
            F("PC-GWLB-001", "appliances", "Target group appliances of the Gateway Load Balancer has its health check disabled, so flows keep going to failed appliances."));
    }

    [Fact]
    public void Gwlb001_a_health_check_without_protocol_and_port()
    {
        AssertFindings(
            With("appliances", Set("healthCheck", Map(("enabled", true), ("interval", 10.0)))),
            F("PC-GWLB-001", "appliances", "The health check of target group appliances does not set its protocol and port."));
    }

    [Fact]
    public void Gwlb001_other_target_groups_are_not_this_rules_business()
    {
        AssertFindings(Plus(Record(AwsTypes.TargetGroup, "web", ("protocol", "HTTP"), ("port", 80.0))));
    }

    // PC-GWLB-002 ------------------------------------------------------------------------------------------------------

    [Fact]
    public void Gwlb002_an_endpoint_service_that_names_no_principal()
    {
        AssertFindings(
            With("inspection-service", Set("allowedPrincipals", List())),
            F("PC-GWLB-002", "inspection-service", "Endpoint service inspection-service names no allowed principals; list the accounts or roles that may connect."));
    }

    [Fact]
    public void Gwlb002_an_endpoint_service_open_to_every_principal()
    {
        AssertFindings(
            With("inspection-service", Set("allowedPrincipals", List("*"))),
            F("PC-GWLB-002", "inspection-service", "Endpoint service inspection-service allows the wildcard principal *, so AWS accounts nobody named can connect their VPCs to it."));
    }

    [Fact]
    public void Gwlb002_a_separate_allowed_principal_resource_with_a_wildcard_account()
    {
        var records = Plus(Record(
            AwsTypes.VpcEndpointServiceAllowedPrincipal, "any-account", ("vpcEndpointServiceId", Id("inspection-service")),
            ("principalArn", "arn:aws:iam::*:root")));

        AssertFindings(
            With(records, "inspection-service", Unset("allowedPrincipals")),
            F("PC-GWLB-002", "any-account", "Endpoint service inspection-service allows the wildcard principal arn:aws:iam::*:root, so AWS accounts nobody named can connect their VPCs to it."));
    }

    // PC-TGW-001 … PC-TGW-004: a transit gateway hub with an inspection VPC and two spokes ---------------------------

    [Fact]
    public void The_compliant_stack_with_a_transit_gateway_hub_passes_every_rule()
    {
        var report = PolicyEvaluator.Evaluate(new PolicyContext(CompliantWithHub()));

        Assert.True(report.Passed, report.ToText());
    }

    [Fact]
    public void Tgw001_the_inspection_attachment_without_appliance_mode()
    {
        AssertFindings(
            With(CompliantWithHub(), "inspection-attachment", Set("applianceModeSupport", "disable")),
            F("PC-TGW-001", "inspection-attachment", "Attachment inspection-attachment of inspection VPC inspection has applianceModeSupport disable; set it to enable so both directions of a flow pass the same AZ's appliances."));
    }

    [Fact]
    public void Tgw002_a_transit_gateway_that_leaves_the_default_association_unset()
    {
        AssertFindings(
            With(CompliantWithHub(), "hub", Unset("defaultRouteTableAssociation")),
            F("PC-TGW-002", "hub", "Transit gateway hub has defaultRouteTableAssociation unset (unset means enable); set both to disable and associate and propagate each attachment explicitly."));
    }

    [Fact]
    public void Tgw002_a_transit_gateway_with_both_defaults_enabled()
    {
        var records = With(CompliantWithHub(), "hub", inputs => inputs.SetItem("defaultRouteTableAssociation", "enable").SetItem("defaultRouteTablePropagation", "enable"));

        AssertFindings(
            records,
            F("PC-TGW-002", "hub", "Transit gateway hub has defaultRouteTableAssociation enable and defaultRouteTablePropagation enable (unset means enable); set both to disable and associate and propagate each attachment explicitly."));
    }

    [Fact]
    public void Tgw003_a_static_route_from_the_spoke_table_straight_to_another_spoke()
    {
        AssertFindings(
            [.. CompliantWithHub(), TgwRoute("spoke-to-spoke2", "spoke-rt", "10.2.0.0/16", "spoke2-attachment")],
            F("PC-TGW-003", "spoke-rt", "Transit gateway route table spoke-rt, associated with spoke attachments spoke1-attachment, spoke2-attachment, sends 10.2.0.0/16 (static) to attachment spoke2-attachment instead of the inspection VPC's attachment."));
    }

    [Fact]
    public void Tgw003_a_spoke_propagating_into_the_spoke_table()
    {
        AssertFindings(
            [.. CompliantWithHub(), TgwPropagation("spoke1-into-spoke-rt", "spoke1-attachment", "spoke-rt")],
            F("PC-TGW-003", "spoke-rt", "Transit gateway route table spoke-rt, associated with spoke attachments spoke1-attachment, spoke2-attachment, sends 10.1.0.0/16 (propagated) to attachment spoke1-attachment instead of the inspection VPC's attachment."));
    }

    [Fact]
    public void Tgw003_a_spoke_subnet_with_its_own_nat_route()
    {
        AssertFindings(
            [
                .. CompliantWithHub(),
                NatGateway("spoke1-nat", "spoke1-tgw-0"),
                Route("spoke1-shortcut", Id("spoke1-workload-rt"), "203.0.113.0/24", "natGatewayId", Id("spoke1-nat")),
            ],
            F("PC-TGW-003", "spoke1-workload-rt", "Route table spoke1-workload-rt of spoke VPC spoke1 sends 203.0.113.0/24 to NAT gateway spoke1-nat, around the inspection VPC."));
    }

    [Fact]
    public void Tgw004_two_attached_vpcs_with_overlapping_blocks()
    {
        AssertFindings(
            With(CompliantWithHub(), "spoke2", Set("cidrBlock", "10.1.128.0/17")),
            F("PC-TGW-004", "spoke2-attachment", "VPCs spoke1 (10.1.0.0/16) and spoke2 (10.1.128.0/17) are both attached to transit gateway hub and their blocks overlap; give every attached VPC its own block."));
    }
}
