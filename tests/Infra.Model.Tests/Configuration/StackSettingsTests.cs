using Infra.Model.Addressing;
using Infra.Model.Configuration;

namespace Infra.Model.Tests.Configuration;

public class StackSettingsTests
{
    private const string Ns = "private-connectivity";

    private static StackSettings Parse(params (string Key, string Value)[] values) =>
        StackSettings.Parse(Ns, values.ToDictionary(v => v.Key, v => v.Value));

    private static ConfigException Reject(params (string Key, string Value)[] values) =>
        Assert.Throws<ConfigException>(() => Parse(values));

    [Fact]
    public void No_settings_gives_the_documented_defaults()
    {
        var settings = Parse();

        Assert.Equal(Ns, settings.Namespace);
        Assert.Equal("10.0.0.0/16", settings.VpcCidr);
        Assert.Equal(2, settings.AzCount);
        Assert.Equal(NatStrategy.None, settings.NatStrategy);
        Assert.Equal(new SubnetPrefixLengths(24, 20, 22, 28, 24), settings.SubnetPrefixLengths);
        Assert.False(settings.EnableDynamoDbEndpoint);
        Assert.Empty(settings.EndpointBucketNames);
        Assert.Equal(["ssm", "ssmmessages", "ec2messages"], settings.InterfaceEndpoints);
        Assert.Equal(InspectionMode.Off, settings.Inspection.Mode);
        Assert.Equal("10.100.0.0/16", settings.Inspection.ProviderVpcCidr);
        Assert.Null(settings.Inspection.ApplianceAmi);
        Assert.Equal("t3.small", settings.Inspection.ApplianceInstanceType);
        Assert.Equal(1, settings.Inspection.AppliancesPerAz);
        Assert.Equal(80, settings.Inspection.HealthCheckPort);
        Assert.Equal("TCP", settings.Inspection.HealthCheckProtocol);
        Assert.Null(settings.Inspection.HealthCheckPath);
        Assert.Empty(settings.Inspection.AllowedPrincipals);
        Assert.Null(settings.Inspection.EndpointServiceName);
        Assert.True(settings.Demo.Bucket);
        Assert.False(settings.Demo.Instance);
        Assert.Equal("t3.micro", settings.Demo.InstanceType);
        Assert.Equal(30, settings.FlowLogRetentionDays);
        Assert.Empty(settings.Tags);
        Assert.Empty(settings.PolicyWaivers);
    }

    [Fact]
    public void A_full_valid_configuration_is_read_and_normalised()
    {
        var settings = Parse(
            ("vpcCidr", "10.1.0.0/20"),
            ("azCount", "3"),
            ("natStrategy", "perAz"),
            ("subnetPrefixLengths", """{"public":26,"private":24,"application":25,"endpoint":28,"appliance":26}"""),
            ("enableDynamoDbEndpoint", "true"),
            ("endpointBucketNames", """["logs.example-1","data-bucket"]"""),
            ("interfaceEndpoints", """["sts","kms","ecr.api"]"""),
            ("inspection", """
                {"mode":"combined","providerVpcCidr":"10.200.0.0/22","applianceAmi":"ami-0123456789abcdef0",
                 "applianceInstanceType":"c6in.large","appliancesPerAz":2,"healthCheckPort":8080,
                 "healthCheckProtocol":"http","allowedPrincipals":["arn:aws:iam::123456789012:role/ops/Inspector"]}
                """),
            ("demo", """{"bucket":true,"instance":true,"instanceType":"t3a.nano"}"""),
            ("flowLogRetentionDays", "365"),
            ("tags", """{"team":"network","cost-center":"42"}"""));

        Assert.Equal("10.1.0.0/20", settings.VpcCidr);
        Assert.Equal(3, settings.AzCount);
        Assert.Equal(NatStrategy.PerAz, settings.NatStrategy);
        Assert.Equal(new SubnetPrefixLengths(26, 24, 25, 28, 26), settings.SubnetPrefixLengths);
        Assert.True(settings.EnableDynamoDbEndpoint);
        Assert.Equal(["logs.example-1", "data-bucket"], settings.EndpointBucketNames);
        Assert.Equal(["sts", "kms", "ecr.api"], settings.InterfaceEndpoints);
        Assert.Equal(InspectionMode.Combined, settings.Inspection.Mode);
        Assert.Equal("10.200.0.0/22", settings.Inspection.ProviderVpcCidr);
        Assert.Equal("ami-0123456789abcdef0", settings.Inspection.ApplianceAmi);
        Assert.Equal("c6in.large", settings.Inspection.ApplianceInstanceType);
        Assert.Equal(2, settings.Inspection.AppliancesPerAz);
        Assert.Equal(8080, settings.Inspection.HealthCheckPort);
        Assert.Equal("HTTP", settings.Inspection.HealthCheckProtocol);
        Assert.Equal("/", settings.Inspection.HealthCheckPath);
        Assert.Equal(["arn:aws:iam::123456789012:role/ops/Inspector"], settings.Inspection.AllowedPrincipals);
        Assert.Equal(new DemoSettings { Bucket = true, Instance = true, InstanceType = "t3a.nano" }, settings.Demo);
        Assert.Equal(365, settings.FlowLogRetentionDays);
        Assert.Equal(["cost-center", "team"], settings.Tags.Keys);
        Assert.Equal("42", settings.Tags["cost-center"]);
    }

    [Fact]
    public void Json_quoted_scalars_are_read_like_plain_ones()
    {
        var settings = Parse(
            ("vpcCidr", "\"10.2.0.0/16\""),
            ("azCount", "\"3\""),
            ("natStrategy", "\"single\""),
            ("enableDynamoDbEndpoint", "\"true\""),
            ("flowLogRetentionDays", "\"7\""));

        Assert.Equal("10.2.0.0/16", settings.VpcCidr);
        Assert.Equal(3, settings.AzCount);
        Assert.Equal(NatStrategy.Single, settings.NatStrategy);
        Assert.True(settings.EnableDynamoDbEndpoint);
        Assert.Equal(7, settings.FlowLogRetentionDays);
    }

    [Fact]
    public void Vpc_cidr_with_host_bits_is_rejected_suggesting_the_network_address()
    {
        var error = Reject(("vpcCidr", "10.0.0.1/16"));

        Assert.Equal(
            "Invalid config private-connectivity:vpcCidr = 10.0.0.1/16: the network address of the block, with the host bits zero, such as 10.0.0.0/16.",
            error.Message);
        Assert.Equal("vpcCidr", error.Key);
        Assert.Equal("10.0.0.1/16", error.Value);
    }

    [Fact]
    public void Az_count_outside_one_to_six_is_rejected_with_the_range()
    {
        var error = Reject(("azCount", "7"));

        Assert.Equal("Invalid config private-connectivity:azCount = 7: a whole number from 1 to 6.", error.Message);
    }

    [Fact]
    public void Unknown_nat_strategy_is_rejected_listing_the_strategies()
    {
        var error = Reject(("natStrategy", "both"));

        Assert.Equal("Invalid config private-connectivity:natStrategy = both: one of none, single, perAz.", error.Message);
    }

    [Fact]
    public void Unknown_inspection_mode_is_rejected_under_its_nested_key()
    {
        var error = Reject(("inspection", """{"mode":"sideways"}"""));

        Assert.Equal("Invalid config private-connectivity:inspection.mode = sideways: one of off, combined, provider, consumer.", error.Message);
        Assert.Equal("inspection.mode", error.Key);
    }

    [Fact]
    public void Zero_appliances_per_az_is_rejected_explaining_why()
    {
        var error = Reject(("inspection", """{"mode":"combined","appliancesPerAz":0}"""));

        Assert.Equal(
            "Invalid config private-connectivity:inspection.appliancesPerAz = 0: a whole number from 1 to 4; zero appliances would leave " +
            "the Gateway Load Balancer without targets, so no inspected traffic would pass.",
            error.Message);
    }

    [Fact]
    public void Unknown_field_of_an_object_setting_is_rejected_listing_the_known_fields()
    {
        var error = Reject(("inspection", """{"mode":"off","healthCheckPrt":80}"""));

        Assert.Equal(
            "Invalid config private-connectivity:inspection.healthCheckPrt = 80: inspection has no field healthCheckPrt; its fields are mode, " +
            "providerVpcCidr, applianceAmi, applianceInstanceType, appliancesPerAz, healthCheckPort, healthCheckProtocol, healthCheckPath, " +
            "allowedPrincipals, endpointServiceName, providerStack, applianceFleet, fleetMinSize, fleetMaxSize, fleetDesiredCapacity, " +
            "crossZoneLoadBalancing (did you mean healthCheckPort?).",
            error.Message);
    }

    [Theory]
    [InlineData("subnetPrefixLengths", """{"publik":24}""", "subnetPrefixLengths.publik")]
    [InlineData("demo", """{"bucket":true,"size":"big"}""", "demo.size")]
    public void Unknown_field_is_rejected_in_every_object_setting(string key, string raw, string expectedKey)
    {
        var error = Reject((key, raw));

        Assert.Equal(expectedKey, error.Key);
        Assert.Contains("its fields are", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_cidr_overlapping_the_vpc_cidr_is_rejected_in_combined_mode_naming_both()
    {
        var error = Reject(("vpcCidr", "10.100.0.0/16"), ("inspection", """{"mode":"combined"}"""));

        Assert.Equal(
            "Invalid config private-connectivity:inspection.providerVpcCidr = 10.100.0.0/16: a block that does not overlap vpcCidr 10.100.0.0/16 " +
            "when inspection.mode is combined, such as 10.200.0.0/16.",
            error.Message);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("provider")]
    [InlineData("consumer")]
    public void Provider_cidr_may_overlap_the_vpc_cidr_outside_combined_mode(string mode)
    {
        var service = mode == "consumer" ? ",\"endpointServiceName\":\"com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0\"" : "";
        var settings = Parse(("vpcCidr", "10.0.0.0/16"), ("inspection", $$"""{"mode":"{{mode}}","providerVpcCidr":"10.0.0.0/16"{{service}}}"""));

        Assert.Equal("10.0.0.0/16", settings.Inspection.ProviderVpcCidr);
    }

    [Fact]
    public void Consumer_mode_without_an_endpoint_service_name_is_rejected()
    {
        var error = Reject(("inspection", """{"mode":"consumer"}"""));

        Assert.Equal(
            "Invalid config private-connectivity:inspection.endpointServiceName = (not set): the provider's endpoint service name, " +
            "such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0, or instead inspection.providerStack naming the provider stack, " +
            "such as acme/network/inspection, required when inspection.mode is consumer.",
            error.Message);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("combined")]
    [InlineData("provider")]
    public void Endpoint_service_name_is_rejected_outside_consumer_mode(string mode)
    {
        var error = Reject(("inspection", $$"""{"mode":"{{mode}}","endpointServiceName":"com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"}"""));

        Assert.Equal("inspection.endpointServiceName", error.Key);
        Assert.Contains("unless inspection.mode is consumer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consumer_mode_keeps_the_provider_stack_to_read_the_service_name_from()
    {
        var settings = Parse(("inspection", """{"mode":"consumer","providerStack":"acme/network/inspection"}"""));

        Assert.Equal("acme/network/inspection", settings.Inspection.ProviderStack);
        Assert.Null(settings.Inspection.EndpointServiceName);
    }

    [Theory]
    [InlineData("inspection", "Invalid config private-connectivity:inspection.providerStack = inspection: a fully qualified stack name organization/project/stack, such as acme/network/inspection, each part of letters, digits, hyphens, underscores and periods.")]
    [InlineData("acme/network/in spection", "Invalid config private-connectivity:inspection.providerStack = acme/network/in spection: a fully qualified stack name organization/project/stack, such as acme/network/inspection, each part of letters, digits, hyphens, underscores and periods.")]
    public void A_provider_stack_that_is_not_fully_qualified_is_rejected(string stack, string message)
    {
        var error = Reject(("inspection", $$"""{"mode":"consumer","providerStack":"{{stack}}"}"""));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_consumer_takes_the_service_name_from_the_config_or_the_provider_stack_not_both()
    {
        var error = Reject(("inspection", """{"mode":"consumer","endpointServiceName":"com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0","providerStack":"acme/network/inspection"}"""));

        Assert.Equal(
            "Invalid config private-connectivity:inspection.providerStack = acme/network/inspection: no value when inspection.endpointServiceName is set, " +
            "because the consumer takes the service name from one of the two.",
            error.Message);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("combined")]
    [InlineData("provider")]
    public void A_provider_stack_is_rejected_outside_consumer_mode(string mode)
    {
        var error = Reject(("inspection", $$"""{"mode":"{{mode}}","providerStack":"acme/network/inspection"}"""));

        Assert.Equal("inspection.providerStack", error.Key);
        Assert.Contains("unless inspection.mode is consumer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consumer_mode_keeps_the_endpoint_service_name()
    {
        var settings = Parse(("inspection", """{"mode":"consumer","endpointServiceName":"com.amazonaws.vpce.us-gov-west-1.vpce-svc-0123456789abcdef0"}"""));

        Assert.Equal("com.amazonaws.vpce.us-gov-west-1.vpce-svc-0123456789abcdef0", settings.Inspection.EndpointServiceName);
    }

    public static TheoryData<string, string, string, string> BadValues => new()
    {
        { "vpcCidr", "banana", "vpcCidr", "banana" },
        { "vpcCidr", "10.0.0.0/8", "vpcCidr", "10.0.0.0/8" },
        { "vpcCidr", "10.0.0.0/25", "vpcCidr", "10.0.0.0/25" },
        { "vpcCidr", "300.0.0.0/16", "vpcCidr", "300.0.0.0/16" },
        { "vpcCidr", "", "vpcCidr", "\"\"" },
        { "azCount", "0", "azCount", "0" },
        { "azCount", "three", "azCount", "three" },
        { "azCount", "2.5", "azCount", "2.5" },
        { "natStrategy", "perAZ", "natStrategy", "perAZ" },
        { "subnetPrefixLengths", """{"public":15}""", "subnetPrefixLengths.public", "15" },
        { "subnetPrefixLengths", """{"private":29}""", "subnetPrefixLengths.private", "29" },
        { "subnetPrefixLengths", """{"endpoint":"28"}""", "subnetPrefixLengths.endpoint", "\"28\"" },
        { "subnetPrefixLengths", """{"appliance":24.5}""", "subnetPrefixLengths.appliance", "24.5" },
        { "enableDynamoDbEndpoint", "yes", "enableDynamoDbEndpoint", "yes" },
        { "endpointBucketNames", """["ab"]""", "endpointBucketNames[0]", "ab" },
        { "endpointBucketNames", """["ok-bucket","My_Bucket"]""", "endpointBucketNames[1]", "My_Bucket" },
        { "endpointBucketNames", """["-bucket"]""", "endpointBucketNames[0]", "-bucket" },
        { "endpointBucketNames", $"[\"{new string('a', 64)}\"]", "endpointBucketNames[0]", new string('a', 64) },
        { "endpointBucketNames", """["ok-bucket","ok-bucket"]""", "endpointBucketNames[1]", "ok-bucket" },
        { "endpointBucketNames", """[42]""", "endpointBucketNames[0]", "42" },
        { "interfaceEndpoints", """["ssm","nosuchservice"]""", "interfaceEndpoints[1]", "nosuchservice" },
        { "interfaceEndpoints", """["ssm","sts","ssm"]""", "interfaceEndpoints[2]", "ssm" },
        { "interfaceEndpoints", """["firehose","kinesis-firehose"]""", "interfaceEndpoints[1]", "kinesis-firehose" },
        { "interfaceEndpoints", """["SSM"]""", "interfaceEndpoints[0]", "SSM" },
        { "inspection", """{"providerVpcCidr":"10.100.0.1/16"}""", "inspection.providerVpcCidr", "10.100.0.1/16" },
        { "inspection", """{"providerVpcCidr":"10.100.0.0/12"}""", "inspection.providerVpcCidr", "10.100.0.0/12" },
        { "inspection", """{"applianceAmi":"ami-123"}""", "inspection.applianceAmi", "ami-123" },
        { "inspection", """{"applianceAmi":"ami-0123456789abcdef"}""", "inspection.applianceAmi", "ami-0123456789abcdef" },
        { "inspection", """{"applianceAmi":"ami-0123456789ABCDEF0"}""", "inspection.applianceAmi", "ami-0123456789ABCDEF0" },
        { "inspection", """{"applianceInstanceType":"T3.small"}""", "inspection.applianceInstanceType", "T3.small" },
        { "inspection", """{"applianceInstanceType":"t3"}""", "inspection.applianceInstanceType", "t3" },
        { "inspection", """{"appliancesPerAz":5}""", "inspection.appliancesPerAz", "5" },
        { "inspection", """{"healthCheckPort":0}""", "inspection.healthCheckPort", "0" },
        { "inspection", """{"healthCheckPort":65536}""", "inspection.healthCheckPort", "65536" },
        { "inspection", """{"healthCheckProtocol":"UDP"}""", "inspection.healthCheckProtocol", "UDP" },
        { "inspection", """{"healthCheckProtocol":"HTTP","healthCheckPath":"health"}""", "inspection.healthCheckPath", "health" },
        { "inspection", """{"healthCheckPath":"/health"}""", "inspection.healthCheckPath", "/health" },
        { "inspection", """{"allowedPrincipals":["*"]}""", "inspection.allowedPrincipals[0]", "*" },
        { "inspection", """{"allowedPrincipals":["arn:aws:iam::1234:root"]}""", "inspection.allowedPrincipals[0]", "arn:aws:iam::1234:root" },
        { "inspection", """{"allowedPrincipals":["123456789012"]}""", "inspection.allowedPrincipals[0]", "123456789012" },
        {
            "inspection", """{"allowedPrincipals":["arn:aws:iam::123456789012:root","arn:aws:iam::123456789012:root"]}""",
            "inspection.allowedPrincipals[1]", "arn:aws:iam::123456789012:root"
        },
        {
            "inspection", """{"mode":"consumer","endpointServiceName":"vpce-svc-0123456789abcdef0"}""",
            "inspection.endpointServiceName", "vpce-svc-0123456789abcdef0"
        },
        { "demo", """{"instanceType":"big"}""", "demo.instanceType", "big" },
        { "demo", """{"bucket":"yes"}""", "demo.bucket", "\"yes\"" },
        { "flowLogRetentionDays", "10", "flowLogRetentionDays", "10" },
        { "flowLogRetentionDays", "0", "flowLogRetentionDays", "0" },
        { "flowLogRetentionDays", "forever", "flowLogRetentionDays", "forever" },
        { "tags", """{"aws:owner":"me"}""", "tags", "aws:owner" },
        { "tags", """{"":"empty"}""", "tags", "\"\"" },
        { "tags", $"{{\"{new string('k', 129)}\":\"v\"}}", "tags", new string('k', 129) },
        { "tags", """{"year":2024}""", "tags.year", "2024" },
        { "tags", $"{{\"long\":\"{new string('v', 257)}\"}}", "tags.long", new string('v', 200) + "…" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Each_rule_rejects_its_bad_value_naming_key_and_value(string setting, string raw, string expectedKey, string expectedValue)
    {
        var error = Reject((setting, raw));

        Assert.Equal(expectedKey, error.Key);
        Assert.Equal(expectedValue, error.Value);
        Assert.StartsWith($"Invalid config {Ns}:{expectedKey} = {expectedValue}: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    public static TheoryData<string, string, string> WrongJsonTypes => new()
    {
        { "inspection", "[1,2]", "inspection" },
        { "inspection", "combined", "inspection" },
        { "inspection", "\"combined\"", "inspection" },
        { "inspection", """{"mode":5}""", "inspection.mode" },
        { "inspection", """{"mode":["combined"]}""", "inspection.mode" },
        { "inspection", """{"appliancesPerAz":"2"}""", "inspection.appliancesPerAz" },
        { "inspection", """{"allowedPrincipals":"arn:aws:iam::123456789012:root"}""", "inspection.allowedPrincipals" },
        { "inspection", """{"allowedPrincipals":[{"arn":"x"}]}""", "inspection.allowedPrincipals[0]" },
        { "inspection", """{"providerVpcCidr":{"cidr":"10.0.0.0/16"}}""", "inspection.providerVpcCidr" },
        { "inspection", """{"mode":""", "inspection" },
        { "subnetPrefixLengths", "[24,20]", "subnetPrefixLengths" },
        { "subnetPrefixLengths", "24", "subnetPrefixLengths" },
        { "interfaceEndpoints", """{"ssm":true}""", "interfaceEndpoints" },
        { "interfaceEndpoints", "ssm", "interfaceEndpoints" },
        { "interfaceEndpoints", """[["ssm"]]""", "interfaceEndpoints[0]" },
        { "endpointBucketNames", "\"my-bucket\"", "endpointBucketNames" },
        { "demo", """{"bucket":"true"}""", "demo.bucket" },
        { "demo", "true", "demo" },
        { "tags", """["team"]""", "tags" },
        { "tags", """{"team":null}""", "tags.team" },
    };

    [Theory]
    [MemberData(nameof(WrongJsonTypes))]
    public void Wrong_json_type_is_a_config_error_not_a_crash(string setting, string raw, string expectedKey)
    {
        var error = Reject((setting, raw));

        Assert.Equal(expectedKey, error.Key);
        Assert.StartsWith($"Invalid config {Ns}:{expectedKey} = ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_interface_endpoint_error_lists_close_names()
    {
        var error = Reject(("interfaceEndpoints", """["ssmm"]"""));

        Assert.Equal(
            "Invalid config private-connectivity:interfaceEndpoints[0] = ssmm: a catalogued interface endpoint service short name; " +
            "closest: ssmmessages, ssm.",
            error.Message);
    }

    [Fact]
    public void Thirty_interface_endpoints_are_accepted()
    {
        var names = InterfaceEndpointCatalog.ShortNames.Where(n => n != "kinesis-firehose").Take(30).ToList();

        var settings = Parse(("interfaceEndpoints", "[" + string.Join(",", names.Select(n => $"\"{n}\"")) + "]"));

        Assert.Equal(names, settings.InterfaceEndpoints);
    }

    [Fact]
    public void More_than_forty_interface_endpoints_are_rejected()
    {
        var names = InterfaceEndpointCatalog.ShortNames.Where(n => n != "kinesis-firehose").Take(41).ToList();
        Assert.Equal(41, names.Count);

        var error = Reject(("interfaceEndpoints", "[" + string.Join(",", names.Select(n => $"\"{n}\"")) + "]"));

        Assert.Equal("Invalid config private-connectivity:interfaceEndpoints = a list of 41 services: at most 40 interface endpoints.", error.Message);
    }

    [Fact]
    public void Empty_interface_endpoint_list_is_allowed()
    {
        Assert.Empty(Parse(("interfaceEndpoints", "[]")).InterfaceEndpoints);
    }

    [Fact]
    public void The_spec_catalogue_names_are_all_known()
    {
        string[] required =
        [
            "ssm", "ssmmessages", "ec2messages", "ec2", "sts", "kms", "logs", "monitoring", "secretsmanager", "ecr.api", "ecr.dkr", "sqs",
            "sns", "lambda", "elasticloadbalancing", "autoscaling", "events", "ecs", "ecs-agent", "ecs-telemetry", "execute-api",
            "cloudformation", "ssm-contacts", "servicecatalog", "glue", "athena", "states", "codebuild", "codecommit", "git-codecommit",
            "elasticfilesystem", "rds", "kinesis-streams", "firehose", "xray",
        ];

        Assert.All(required, name => Assert.True(InterfaceEndpointCatalog.IsKnown(name), name));
        Assert.Equal("com.amazonaws.eu-west-1.kinesis-firehose", InterfaceEndpointCatalog.ServiceName("eu-west-1", "firehose"));
    }

    [Fact]
    public void Health_check_path_is_kept_for_http_and_absent_for_tcp()
    {
        var https = Parse(("inspection", """{"healthCheckProtocol":"Https","healthCheckPath":"/healthz","healthCheckPort":443}"""));
        var tcp = Parse(("inspection", """{"healthCheckProtocol":"tcp"}"""));

        Assert.Equal(("HTTPS", "/healthz"), (https.Inspection.HealthCheckProtocol, https.Inspection.HealthCheckPath));
        Assert.Equal(("TCP", (string?)null), (tcp.Inspection.HealthCheckProtocol, tcp.Inspection.HealthCheckPath));
    }

    [Fact]
    public void Wildcard_principal_is_rejected_for_least_privilege()
    {
        var error = Reject(("inspection", """{"mode":"provider","allowedPrincipals":["*"]}"""));

        Assert.Equal(
            "Invalid config private-connectivity:inspection.allowedPrincipals[0] = *: named IAM principal ARNs, because * would let every AWS " +
            "account connect to the endpoint service (least privilege).",
            error.Message);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:root")]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/Inspector")]
    [InlineData("arn:aws-cn:iam::123456789012:user/team/alice")]
    public void Principal_arns_of_root_role_and_user_are_accepted(string arn)
    {
        var settings = Parse(("inspection", $$"""{"allowedPrincipals":["{{arn}}"]}"""));

        Assert.Equal([arn], settings.Inspection.AllowedPrincipals);
    }

    [Theory]
    [InlineData("off", true, false, false, new[] { "public", "private" })]
    [InlineData("combined", true, true, true, new[] { "public", "private", "application", "endpoint" })]
    [InlineData("provider", false, true, false, new string[0])]
    [InlineData("consumer", true, false, true, new[] { "public", "private", "application", "endpoint" })]
    public void Mode_decides_which_sides_and_workload_tiers_exist(string mode, bool workload, bool provider, bool consumer, string[] tiers)
    {
        var service = mode == "consumer" ? ",\"endpointServiceName\":\"com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0\"" : "";
        var settings = Parse(("inspection", $$"""{"mode":"{{mode}}"{{service}}}"""));

        Assert.Equal(workload, settings.WorkloadVpcEnabled);
        Assert.Equal(provider, settings.ProviderSideEnabled);
        Assert.Equal(consumer, settings.ConsumerSideEnabled);
        Assert.Equal(tiers, settings.WorkloadTiers.Select(t => t.Tier));
        Assert.Equal(provider ? [Tiers.Appliance] : [], settings.ProviderTiers.Select(t => t.Tier));
    }

    [Fact]
    public void Subnets_that_do_not_fit_the_vpc_are_rejected_at_parse_time()
    {
        var error = Reject(("vpcCidr", "10.0.0.0/22"));

        Assert.Equal("subnetPrefixLengths", error.Key);
        Assert.Equal("""{"public":24,"private":20}""", error.Value);
    }

    [Fact]
    public void Provider_vpc_that_cannot_hold_the_appliance_subnets_is_rejected_at_parse_time()
    {
        var error = Reject(("azCount", "3"), ("inspection", """{"mode":"provider","providerVpcCidr":"10.100.0.0/24"}"""));

        Assert.Equal("subnetPrefixLengths", error.Key);
        Assert.Equal("""{"appliance":24}""", error.Value);
    }

    [Fact]
    public void Known_keys_are_the_thirteen_top_level_settings()
    {
        Assert.Equal(
            ["vpcCidr", "azCount", "natStrategy", "subnetPrefixLengths", "enableDynamoDbEndpoint", "endpointBucketNames", "interfaceEndpoints",
             "inspection", "transit", "demo", "flowLogRetentionDays", "tags", "policyWaivers"],
            StackSettings.KnownKeys);
    }

    [Fact]
    public void Unknown_top_level_keys_are_ignored_by_parse_and_caught_by_the_strict_check()
    {
        var raw = new Dictionary<string, string> { ["azcount"] = "3" };

        Assert.Equal(2, StackSettings.Parse(Ns, raw).AzCount);
        var error = Assert.Throws<ConfigException>(() => StackSettings.RejectUnknownKeys(Ns, raw));
        Assert.Equal("azcount", error.Key);
        Assert.EndsWith("(did you mean azCount?).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_check_returns_the_first_az_count_zones()
    {
        var settings = Parse(("azCount", "2"));

        var zones = settings.ValidateAgainstRegion("eu-west-1", ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);

        Assert.Equal(["eu-west-1a", "eu-west-1b"], zones);
    }

    [Fact]
    public void Region_check_rejects_more_zones_than_the_region_has()
    {
        var settings = Parse(("azCount", "4"));

        var error = Assert.Throws<ConfigException>(() => settings.ValidateAgainstRegion("us-west-1", ["us-west-1a", "us-west-1c"]));

        Assert.Equal(
            "Invalid config private-connectivity:azCount = 4: a whole number from 1 to 2, because region us-west-1 has 2 availability zones " +
            "(us-west-1a, us-west-1c).",
            error.Message);
    }
}
