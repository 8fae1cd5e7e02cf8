using Infra.Simulation;
using Pulumi;

namespace Infra.Tests;

/// <summary>
/// The catalogue of bad inputs: stack configurations the program must refuse before it registers anything, each with
/// the one sentence the user gets. Every case runs the whole program under mocks (three availability zones in
/// eu-west-1).
/// </summary>
/// <remarks>
/// Values are written as the Pulumi CLI hands them to the program: a YAML scalar as its text (<c>azCount: two</c> →
/// <c>two</c>), a YAML mapping or sequence as JSON (<c>demo: {instance: yes}</c> → <c>{"instance":"yes"}</c>). So a
/// string where a list goes is plain text, and an object where a list goes is a JSON object.
/// </remarks>
public class BadInputCatalogTests
{
    /// <summary>One bad configuration.</summary>
    /// <param name="Name">A unique, readable name: the setting and what is wrong with it.</param>
    /// <param name="Config">Settings by key without namespace, as the CLI passes them.</param>
    /// <param name="Message">The whole message the user must see.</param>
    /// <param name="Region">The stack's <c>aws:region</c>.</param>
    /// <param name="Mocks">What AWS answers, when not the default mocks (three zones, every service offered in each).</param>
    public sealed record BadInput(string Name, (string Key, string Value)[] Config, string Message, string Region = "eu-west-1", Func<AwsMocks>? Mocks = null);

    private const string Ns = "Invalid config private-connectivity:";

    private const string RuleIds =
        "PC-NET-001, PC-NET-002, PC-NET-003, PC-NET-004, PC-NET-005, PC-EP-001, PC-EP-002, PC-EP-003, PC-S3-001, PC-S3-002, PC-S3-003, " +
        "PC-S3-004, PC-EC2-001, PC-EC2-002, PC-GWLB-001, PC-GWLB-002, PC-TGW-001, PC-TGW-002, PC-TGW-003, PC-TGW-004";

    private static readonly string[] ServiceNames =
    [
        "acm-pca", "appconfig", "appconfigdata", "application-autoscaling", "athena", "autoscaling", "backup", "batch", "cloudformation",
        "cloudtrail", "codeartifact.api", "codeartifact.repositories", "codebuild", "codecommit", "codedeploy", "codepipeline", "config",
        "datasync", "ebs", "ec2", "ec2messages", "ecr.api", "ecr.dkr", "ecs", "ecs-agent", "ecs-telemetry", "eks", "eks-auth", "elasticache",
        "elasticbeanstalk", "elasticfilesystem", "elasticloadbalancing", "elasticmapreduce", "events", "execute-api", "firehose",
        "git-codecommit", "glue", "imagebuilder", "kinesis-firehose", "kinesis-streams",
    ];

    /// <summary>The first 41 catalogued services, as a JSON list: one more than a stack may have.</summary>
    private static readonly string FortyOneServices = Services(41);

    private static readonly string TwelveServices = Services(12);

    private static readonly string TwentyEightServices = Services(28);

    private const string Combined = """{"mode":"combined"}""";

    /// <summary>1,000 distinct /24 blocks: one more than the inspection VPC's route tables can send back to the Transit Gateway.</summary>
    private static readonly string ThousandDestinations = "[" + string.Join(",", Enumerable.Range(0, 1000).Select(i => $"\"172.{16 + (i / 256)}.{i % 256}.0/24\"")) + "]";

    /// <summary>49 tags: with an appliance's Name, Role and Appliance tags, two more than the 50 a resource may carry.</summary>
    private static readonly string FortyNineTags = "{" + string.Join(",", Enumerable.Range(1, 49).Select(i => $"\"team{i}\":\"x\"")) + "}";

    public static readonly IReadOnlyList<BadInput> Catalog =
    [
        // Malformed CIDRs and sizes that do not fit.
        new("vpcCidr with three octets", [("vpcCidr", "10.0.0/16")],
            Ns + "vpcCidr = 10.0.0/16: an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16."),
        new("vpcCidr that is not a CIDR", [("vpcCidr", "banana")],
            Ns + "vpcCidr = banana: an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16."),
        new("vpcCidr empty", [("vpcCidr", "")],
            Ns + "vpcCidr = \"\": an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16."),
        new("vpcCidr with host bits set", [("vpcCidr", "10.0.0.1/16")],
            Ns + "vpcCidr = 10.0.0.1/16: the network address of the block, with the host bits zero, such as 10.0.0.0/16."),
        new("vpcCidr larger than a VPC may be", [("vpcCidr", "10.0.0.0/8")],
            Ns + "vpcCidr = 10.0.0.0/8: an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16."),
        new("vpcCidr too small for the default subnets", [("vpcCidr", "10.0.0.0/22")],
            Ns + """subnetPrefixLengths = {"public":24,"private":20}: subnets that fit in the VPC 10.0.0.0/22, but 2 AZs × (public /24 + private /20) need 8704 addresses and the VPC has 1024 (private /20 alone is larger than the /22 VPC); what fits is a VPC of /18 or larger, or prefix lengths such as {"public":28,"private":24}."""),
        new("subnetPrefixLengths that overflow the VPC", [("subnetPrefixLengths", """{"private":17}""")],
            Ns + """subnetPrefixLengths = {"public":24,"private":17}: subnets that fit in the VPC 10.0.0.0/16, but 2 AZs × (public /24 + private /17) need 66048 addresses and the VPC has 65536; what fits is prefix lengths such as {"public":25,"private":18}."""),
        new("providerVpcCidr too small for three appliance subnets", [("azCount", "3"), ("inspection", """{"mode":"provider","providerVpcCidr":"10.100.0.0/24"}""")],
            Ns + """subnetPrefixLengths = {"appliance":24}: subnets that fit in the VPC 10.100.0.0/24, but 3 AZs × (appliance /24) need 768 addresses and the VPC has 256; what fits is a VPC of /22 or larger, or prefix lengths such as {"appliance":26}."""),
        new("providerVpcCidr overlapping vpcCidr", [("inspection", """{"mode":"combined","providerVpcCidr":"10.0.128.0/20"}""")],
            Ns + "inspection.providerVpcCidr = 10.0.128.0/20: a block that does not overlap vpcCidr 10.0.0.0/16 when inspection.mode is combined, such as 10.100.0.0/20."),
        new("subnetPrefixLengths beyond /28", [("subnetPrefixLengths", """{"endpoint":29}""")],
            Ns + "subnetPrefixLengths.endpoint = 29: a whole number from 16 to 28."),
        new("subnetPrefixLengths for an unknown tier", [("subnetPrefixLengths", """{"database":24}""")],
            Ns + "subnetPrefixLengths.database = 24: subnetPrefixLengths has no field database; its fields are public, private, application, endpoint, appliance, transit."),
        new("subnetPrefixLengths as a list where an object goes", [("subnetPrefixLengths", "[24, 20]")],
            Ns + "subnetPrefixLengths = [24, 20]: a JSON object with the optional fields public, private, application, endpoint, appliance, transit."),
        new("subnetPrefixLengths with a string where a number goes", [("subnetPrefixLengths", """{"public":"24"}""")],
            Ns + "subnetPrefixLengths.public = \"24\": a whole number from 16 to 28."),

        // Out-of-range AZ counts and other scalars.
        new("azCount zero", [("azCount", "0")], Ns + "azCount = 0: a whole number from 1 to 6."),
        new("azCount above six", [("azCount", "7")], Ns + "azCount = 7: a whole number from 1 to 6."),
        new("azCount in words", [("azCount", "two")], Ns + "azCount = two: a whole number from 1 to 6."),
        new("azCount with a fraction", [("azCount", "2.5")], Ns + "azCount = 2.5: a whole number from 1 to 6."),
        new("azCount as a list where a number goes", [("azCount", "[2]")], Ns + "azCount = [2]: a whole number from 1 to 6."),
        new("azCount above what the region has", [("azCount", "4")],
            Ns + "azCount = 4: a whole number from 1 to 3, because region eu-west-1 has 3 availability zones (eu-west-1a, eu-west-1b, eu-west-1c)."),
        new("natStrategy unknown", [("natStrategy", "double")], Ns + "natStrategy = double: one of none, single, perAz."),
        new("natStrategy empty", [("natStrategy", "")], Ns + "natStrategy = \"\": one of none, single, perAz."),
        new("enableDynamoDbEndpoint as yes", [("enableDynamoDbEndpoint", "yes")], Ns + "enableDynamoDbEndpoint = yes: true or false."),
        new("flowLogRetentionDays CloudWatch does not offer", [("flowLogRetentionDays", "42")],
            Ns + "flowLogRetentionDays = 42: one of the CloudWatch Logs retention periods in days: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."),

        // Bucket names.
        new("endpointBucketNames as a string where a list goes", [("endpointBucketNames", "my-bucket")],
            Ns + """endpointBucketNames = my-bucket: a JSON list of S3 bucket names, such as ["my-bucket"]."""),
        new("endpointBucketNames with an invalid name", [("endpointBucketNames", """["My_Bucket"]""")],
            Ns + "endpointBucketNames[0] = My_Bucket: an S3 bucket name of 3 to 63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit."),
        new("endpointBucketNames with a number where a name goes", [("endpointBucketNames", "[42]")],
            Ns + "endpointBucketNames[0] = 42: an S3 bucket name of 3 to 63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit."),
        new("endpointBucketNames with a duplicate", [("endpointBucketNames", """["team-logs","team-logs"]""")],
            Ns + "endpointBucketNames[1] = team-logs: each bucket at most once, and it is already endpointBucketNames[0]."),

        // Interface endpoints: unknown services, duplicates, too many.
        new("interfaceEndpoints with an unknown service", [("interfaceEndpoints", """["ssm","not-a-service"]""")],
            Ns + "interfaceEndpoints[1] = not-a-service: a catalogued interface endpoint service short name; for example acm-pca, appconfig, appconfigdata, application-autoscaling, athena, autoscaling and 61 more."),
        new("interfaceEndpoints in upper case", [("interfaceEndpoints", """["SSM"]""")],
            Ns + "interfaceEndpoints[0] = SSM: a catalogued interface endpoint service short name; closest: ssm, ssmmessages, ssm-contacts."),
        new("interfaceEndpoints naming one service twice by its alias", [("interfaceEndpoints", """["firehose","kinesis-firehose"]""")],
            Ns + "interfaceEndpoints[1] = kinesis-firehose: each service at most once, and it is already interfaceEndpoints[0] (firehose)."),
        new("interfaceEndpoints as an object where a list goes", [("interfaceEndpoints", """{"ssm":true}""")],
            Ns + """interfaceEndpoints = {"ssm":true}: a JSON list of interface endpoint service short names, such as ["ssm", "ssmmessages", "ec2messages"]."""),
        new("interfaceEndpoints with more than forty services", [("interfaceEndpoints", FortyOneServices)],
            Ns + "interfaceEndpoints = a list of 41 services: at most 40 interface endpoints."),

        // Inspection.
        new("inspection as a string where an object goes", [("inspection", "combined")],
            Ns + "inspection = combined: a JSON object with the optional fields mode, providerVpcCidr, applianceAmi, applianceInstanceType, appliancesPerAz, healthCheckPort, healthCheckProtocol, healthCheckPath, allowedPrincipals, endpointServiceName, providerStack, applianceFleet, fleetMinSize, fleetMaxSize, fleetDesiredCapacity, crossZoneLoadBalancing."),
        new("inspection.mode unknown", [("inspection", """{"mode":"inline"}""")],
            Ns + "inspection.mode = inline: one of off, combined, provider, consumer."),
        new("inspection with a misspelt field", [("inspection", """{"mode":"combined","appliancePerAz":2}""")],
            Ns + "inspection.appliancePerAz = 2: inspection has no field appliancePerAz; its fields are mode, providerVpcCidr, applianceAmi, applianceInstanceType, appliancesPerAz, healthCheckPort, healthCheckProtocol, healthCheckPath, allowedPrincipals, endpointServiceName, providerStack, applianceFleet, fleetMinSize, fleetMaxSize, fleetDesiredCapacity, crossZoneLoadBalancing (did you mean appliancesPerAz?)."),
        new("inspection.appliancesPerAz zero", [("inspection", """{"mode":"combined","appliancesPerAz":0}""")],
            Ns + "inspection.appliancesPerAz = 0: a whole number from 1 to 4; zero appliances would leave the Gateway Load Balancer without targets, so no inspected traffic would pass."),
        new("inspection.appliancesPerAz as a string where a number goes", [("inspection", """{"mode":"combined","appliancesPerAz":"2"}""")],
            Ns + "inspection.appliancesPerAz = \"2\": a whole number from 1 to 4."),
        new("inspection.applianceAmi malformed", [("inspection", """{"mode":"combined","applianceAmi":"ami-123"}""")],
            Ns + "inspection.applianceAmi = ami-123: an AMI id: ami- followed by 8 or 17 hexadecimal digits (leave it unset for the latest Amazon Linux 2023 AMI)."),
        new("inspection.healthCheckPort beyond 65535", [("inspection", """{"mode":"combined","healthCheckPort":70000}""")],
            Ns + "inspection.healthCheckPort = 70000: a whole number from 1 to 65535."),
        new("inspection.healthCheckProtocol UDP", [("inspection", """{"mode":"combined","healthCheckProtocol":"UDP"}""")],
            Ns + "inspection.healthCheckProtocol = UDP: one of TCP, HTTP, HTTPS."),
        new("inspection.healthCheckPath with a TCP health check", [("inspection", """{"mode":"combined","healthCheckPath":"/health"}""")],
            Ns + "inspection.healthCheckPath = /health: no path when inspection.healthCheckProtocol is TCP; a path is only for HTTP or HTTPS health checks."),
        new("inspection.healthCheckPath without a leading slash", [("inspection", """{"mode":"combined","healthCheckProtocol":"HTTP","healthCheckPath":"health"}""")],
            Ns + "inspection.healthCheckPath = health: a path starting with / of at most 1024 characters, such as /health."),
        new("inspection consumer without an endpoint service name", [("inspection", """{"mode":"consumer"}""")],
            Ns + "inspection.endpointServiceName = (not set): the provider's endpoint service name, such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0, or instead inspection.providerStack naming the provider stack, such as acme/network/inspection, required when inspection.mode is consumer."),
        new("inspection consumer with a bare service id", [("inspection", """{"mode":"consumer","endpointServiceName":"vpce-svc-0123456789abcdef0"}""")],
            Ns + "inspection.endpointServiceName = vpce-svc-0123456789abcdef0: an endpoint service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0."),
        new("inspection combined with an endpoint service name", [("inspection", """{"mode":"combined","endpointServiceName":"com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"}""")],
            Ns + "inspection.endpointServiceName = com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0: no value unless inspection.mode is consumer (combined mode creates its own endpoint service)."),
        new("inspection.allowedPrincipals with a wildcard", [("inspection", """{"mode":"provider","allowedPrincipals":["*"]}""")],
            Ns + "inspection.allowedPrincipals[0] = *: named IAM principal ARNs, because * would let every AWS account connect to the endpoint service (least privilege)."),
        new("inspection.allowedPrincipals with an account number", [("inspection", """{"mode":"provider","allowedPrincipals":["123456789012"]}""")],
            Ns + "inspection.allowedPrincipals[0] = 123456789012: an IAM principal ARN such as arn:aws:iam::123456789012:root, arn:aws:iam::123456789012:role/name or arn:aws:iam::123456789012:user/name."),

        // Centralized inspection through a Transit Gateway.
        new("transit as a string where an object goes", [("transit", "hub")],
            Ns + "transit = hub: a JSON object with the optional fields role, inspectionVpcCidr, amazonSideAsn, spokeDestinations, hubStack, spokes."),
        new("transit.role misspelt", [("inspection", Combined), ("transit", """{"role":"hubandspokes","spokes":2}""")],
            Ns + "transit.role = hubandspokes: one of off, hub, spoke, hubAndSpokes (did you mean hubAndSpokes?)."),
        new("transit with a misspelt field", [("transit", """{"role":"spoke","hubstack":"acme/network/hub"}""")],
            Ns + "transit.hubstack = acme/network/hub: transit has no field hubstack; its fields are role, inspectionVpcCidr, amazonSideAsn, spokeDestinations, hubStack, spokes (did you mean hubStack?)."),
        new("transit.hubStack on a hub", [("inspection", Combined), ("transit", """{"role":"hub","hubStack":"acme/network/hub"}""")],
            Ns + "transit.hubStack = acme/network/hub: no value unless transit.role is spoke (it is hub)."),
        new("transit.spokes on a hub", [("inspection", Combined), ("transit", """{"role":"hub","spokes":3}""")],
            Ns + "transit.spokes = 3: no value unless transit.role is hubAndSpokes (it is hub)."),
        new("transit.spokeDestinations on a spoke", [("transit", """{"role":"spoke","hubStack":"acme/network/hub","spokeDestinations":["10.0.0.0/8"]}""")],
            Ns + """transit.spokeDestinations = ["10.0.0.0/8"]: no value unless transit.role is hub or hubAndSpokes (it is spoke)."""),
        new("transit spoke without a hub stack", [("transit", """{"role":"spoke"}""")],
            Ns + "transit.hubStack = (not set): the hub stack's fully qualified name organization/project/stack, such as acme/network/hub, required when transit.role is spoke: the spoke reads the hub's Transit Gateway and route tables from it."),
        new("transit.hubStack not fully qualified", [("transit", """{"role":"spoke","hubStack":"network/hub"}""")],
            Ns + "transit.hubStack = network/hub: a fully qualified stack name organization/project/stack, such as acme/network/inspection, each part of letters, digits, hyphens, underscores and periods."),
        new("transit spoke with inspection of its own", [("inspection", Combined), ("transit", """{"role":"spoke","hubStack":"acme/network/hub"}""")],
            Ns + "inspection.mode = combined: off when transit.role is spoke, because a spoke's traffic is inspected by the hub's GWLB endpoints in its inspection VPC."),
        new("transit spoke with NAT gateways", [("natStrategy", "single"), ("transit", """{"role":"spoke","hubStack":"acme/network/hub"}""")],
            Ns + "natStrategy = single: none when transit.role is spoke, because a spoke has no public subnets and reaches the internet through the hub's NAT gateways."),
        new("transit hub without inspection", [("transit", """{"role":"hub"}""")],
            Ns + "inspection.mode = off: combined or consumer when transit.role is hub, because the inspection VPC's GWLB endpoints connect to an endpoint service: combined builds it in this stack, consumer uses inspection.endpointServiceName or inspection.providerStack."),
        new("transit hub and spokes with only the provider side", [("inspection", """{"mode":"provider"}"""), ("transit", """{"role":"hubAndSpokes","spokes":2}""")],
            Ns + "inspection.mode = provider: combined or consumer when transit.role is hubAndSpokes, because the inspection VPC's GWLB endpoints connect to an endpoint service: combined builds it in this stack, consumer uses inspection.endpointServiceName or inspection.providerStack."),
        new("transit.inspectionVpcCidr with host bits set", [("inspection", Combined), ("transit", """{"role":"hub","inspectionVpcCidr":"10.255.1.0/16"}""")],
            Ns + "transit.inspectionVpcCidr = 10.255.1.0/16: the network address of the block, with the host bits zero, such as 10.255.0.0/16."),
        new("transit.inspectionVpcCidr overlapping the provider VPC", [("inspection", Combined), ("transit", """{"role":"hub","inspectionVpcCidr":"10.100.0.0/16"}""")],
            Ns + "transit.inspectionVpcCidr = 10.100.0.0/16: a block that does not overlap inspection.providerVpcCidr 10.100.0.0/16 when inspection.mode is combined, such as 10.200.0.0/16."),
        new("transit.amazonSideAsn public", [("inspection", Combined), ("transit", """{"role":"hub","amazonSideAsn":16509}""")],
            Ns + "transit.amazonSideAsn = 16509: a private ASN from 64512 to 65534."),
        new("transit.amazonSideAsn of 32 bits", [("inspection", Combined), ("transit", """{"role":"hub","amazonSideAsn":4200000001}""")],
            Ns + "transit.amazonSideAsn = 4200000001: a private ASN from 64512 to 65534; AWS also accepts 32-bit ASNs from 4200000000 to 4294967294, but Pulumi's AWS provider takes the Transit Gateway's ASN as a 32-bit signed number, which cannot hold them."),
        new("transit.spokeDestinations empty", [("inspection", Combined), ("transit", """{"role":"hub","spokeDestinations":[]}""")],
            Ns + "transit.spokeDestinations = []: a list of at least one IPv4 block, such as [\"10.0.0.0/8\"]."),
        new("transit.spokeDestinations with the default route", [("inspection", Combined), ("transit", """{"role":"hub","spokeDestinations":["0.0.0.0/0"]}""")],
            Ns + "transit.spokeDestinations[0] = 0.0.0.0/0: a block other than 0.0.0.0/0, which the route table's default route already uses."),
        new("transit.spokeDestinations with a block twice", [("inspection", Combined), ("transit", """{"role":"hub","spokeDestinations":["10.0.0.0/8","10.0.0.0/8"]}""")],
            Ns + "transit.spokeDestinations[1] = 10.0.0.0/8: each block at most once, and it is already transit.spokeDestinations[0] (10.0.0.0/8)."),
        new("transit.spokeDestinations with host bits set", [("inspection", Combined), ("transit", """{"role":"hub","spokeDestinations":["172.16.0.0/8"]}""")],
            Ns + "transit.spokeDestinations[0] = 172.16.0.0/8: the network address of the block, with the host bits zero, such as 172.0.0.0/8."),
        new("transit.spokeDestinations more than a route table holds", [("inspection", Combined), ("transit", """{"role":"hub","spokeDestinations":""" + ThousandDestinations + "}")],
            Ns + "transit.spokeDestinations = a list of 1000 blocks: at most 999 blocks, because the inspection VPC's endpoint and public route tables hold one route per block besides their default route, and a VPC route table holds at most 1,000 routes even with a raised quota."),
        new("transit hub and spokes without spokes", [("inspection", Combined), ("transit", """{"role":"hubAndSpokes"}""")],
            Ns + "transit.spokes = (not set): a JSON list of spoke VPC blocks, such as [\"10.1.0.0/16\", \"10.2.0.0/16\"], or a whole number of /16 spokes to plan inside transit.spokeDestinations, required when transit.role is hubAndSpokes."),
        new("transit.spokes zero", [("inspection", Combined), ("transit", """{"role":"hubAndSpokes","spokes":0}""")],
            Ns + "transit.spokes = 0: a JSON list of spoke VPC blocks, such as [\"10.1.0.0/16\", \"10.2.0.0/16\"], or a whole number of /16 spokes to plan inside transit.spokeDestinations."),
        new("transit.spokes beyond the attachments of a Transit Gateway", [("inspection", Combined), ("transit", """{"role":"hubAndSpokes","spokes":5000}""")],
            Ns + "transit.spokes = 5000: at most 4,999 spokes, because a Transit Gateway takes at most 5,000 attachments (not adjustable) and the inspection VPC's is one of them."),
        new("transit.spokes more than the destinations hold", [("inspection", Combined), ("transit", """{"role":"hubAndSpokes","spokeDestinations":["10.0.0.0/14"],"spokes":5}""")],
            Ns + "transit.spokes = 5: a number of /16 spokes that fit in transit.spokeDestinations (10.0.0.0/14) outside the inspection VPC 10.255.0.0/16 and the provider VPC 10.100.0.0/16, which leave room for 4; list the spokes' blocks instead, or widen transit.spokeDestinations."),
        new("transit.spokes outside the destinations", [("inspection", Combined), ("transit", """{"role":"hubAndSpokes","spokes":["10.1.0.0/16","192.168.0.0/16"]}""")],
            Ns + "transit.spokes[1] = 192.168.0.0/16: a block inside transit.spokeDestinations (10.0.0.0/8), because the inspection VPC routes only those back to the Transit Gateway."),
        new("transit.spokes overlapping each other", [("inspection", Combined), ("transit", """{"role":"hubAndSpokes","spokes":["10.1.0.0/16","10.1.128.0/20"]}""")],
            Ns + "transit.spokes[1] = 10.1.128.0/20: a block that overlaps no other spoke, and it overlaps transit.spokes[0] 10.1.0.0/16 (a Transit Gateway does not route between overlapping VPCs)."),
        new("transit.spokes overlapping the inspection VPC", [("inspection", Combined), ("transit", """{"role":"hubAndSpokes","spokes":["10.255.0.0/16"]}""")],
            Ns + "transit.spokes[0] = 10.255.0.0/16: a block that does not overlap transit.inspectionVpcCidr 10.255.0.0/16 (a Transit Gateway does not route between overlapping VPCs)."),
        new("transit.spokes overlapping the provider VPC", [("inspection", Combined), ("transit", """{"role":"hubAndSpokes","spokes":["10.100.0.0/20"]}""")],
            Ns + "transit.spokes[0] = 10.100.0.0/20: a block that does not overlap inspection.providerVpcCidr 10.100.0.0/16 when inspection.mode is combined."),
        new("transit.spokes larger than a VPC may be", [("inspection", Combined), ("transit", """{"role":"hubAndSpokes","spokes":["10.0.0.0/12"]}""")],
            Ns + "transit.spokes[0] = 10.0.0.0/12: an IPv4 CIDR block with a prefix length from /16 to /24, such as 10.0.0.0/16."),

        // Demo resources and tags.
        new("demo as a list where an object goes", [("demo", "[true]")],
            Ns + "demo = [true]: a JSON object with the optional fields bucket, instance, instanceType."),
        new("demo.instance as a string where a boolean goes", [("demo", """{"instance":"yes"}""")],
            Ns + "demo.instance = \"yes\": true or false."),
        new("demo.instance without the demo bucket it reads", [("demo", """{"bucket":false,"instance":true}""")],
            Ns + "demo.instance = true: false unless demo.bucket is true, because the test instance reads the demo bucket."),
        new("demo.instanceType in upper case", [("demo", """{"instanceType":"T3.MICRO"}""")],
            Ns + "demo.instanceType = T3.MICRO: an EC2 instance type such as t3.micro (family.size, lower case)."),
        new("tags with a number where a string goes", [("tags", """{"team":5}""")],
            Ns + "tags.team = 5: a tag value that is a JSON string (quote numbers and booleans)."),
        new("tags with a key reserved by AWS", [("tags", """{"aws:owner":"me"}""")],
            Ns + "tags = aws:owner: tag keys of 1 to 128 characters that do not start with aws: (reserved by AWS)."),
        new("tags as a list where an object goes", [("tags", """["team=network"]""")],
            Ns + """tags = ["team=network"]: a JSON object of tag keys to string values, such as {"team":"network"}."""),

        // The appliance fleet and the consumer's zones.
        new("inspection.applianceFleet unknown", [("inspection", """{"mode":"combined","applianceFleet":"spot"}""")],
            Ns + "inspection.applianceFleet = spot: one of autoScaling, instances."),
        new("inspection.fleetMinSize zero", [("inspection", """{"mode":"combined","fleetMinSize":0}""")],
            Ns + "inspection.fleetMinSize = 0: a whole number of at least 1, because a target group without appliances passes no inspected traffic."),
        new("inspection.fleetMaxSize below the minimum", [("inspection", """{"mode":"combined","fleetMinSize":3,"fleetMaxSize":2}""")],
            Ns + "inspection.fleetMaxSize = 2: a size of at least inspection.fleetMinSize (3), as Auto Scaling requires."),
        new("inspection.fleetDesiredCapacity above the maximum", [("inspection", """{"mode":"combined","fleetDesiredCapacity":5,"fleetMaxSize":4}""")],
            Ns + "inspection.fleetDesiredCapacity = 5: a size from inspection.fleetMinSize (4) to inspection.fleetMaxSize (4), as Auto Scaling requires."),
        new("inspection.fleetMinSize below the AZ count without cross-zone", [("azCount", "3"), ("inspection", """{"mode":"combined","fleetMinSize":2}""")],
            Ns + "inspection.fleetMinSize = 2: at least azCount (3) so that every AZ keeps an appliance, because cross-zone load balancing is off and a zone without one drops its inspected flows (or set inspection.crossZoneLoadBalancing to true)."),
        new("inspection.fleetDesiredCapacity with fixed instances", [("inspection", """{"mode":"combined","applianceFleet":"instances","fleetDesiredCapacity":2}""")],
            Ns + "inspection.fleetDesiredCapacity = 2: no value when inspection.applianceFleet is instances, which runs inspection.appliancesPerAz fixed appliances in each AZ."),
        new("inspection.crossZoneLoadBalancing as a word", [("inspection", """{"mode":"combined","crossZoneLoadBalancing":"on"}""")],
            Ns + "inspection.crossZoneLoadBalancing = \"on\": true or false."),
        new("consumer AZ the endpoint service does not serve",
            [("azCount", "3"), ("inspection", """{"mode":"consumer","endpointServiceName":"com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"}""")],
            Ns + "azCount = 3: zones the endpoint service com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0 serves, but workload AZ eu-west-1b (euw1-az2) is not one of them: the service offers only eu-west-1a (euw1-az1), eu-west-1c (euw1-az3).",
            Mocks: () => new AwsMocks { EndpointServiceZones = ["eu-west-1a", "eu-west-1c"] }),
        new("consumer of an endpoint service this account may not see",
            [("inspection", """{"mode":"consumer","endpointServiceName":"com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"}""")],
            Ns + "inspection.endpointServiceName = com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0: an endpoint service in eu-west-1 that lists this account among its allowed principals, but looking it up failed (reading EC2 VPC Endpoint Service: no matching EC2 VPC Endpoint Service found).",
            Mocks: () => new AwsMocks { EndpointServiceVisible = false }),

        // Guard-rail waivers.
        new("policyWaivers as one object where a list goes", [("policyWaivers", """{"rule":"PC-NET-001","reason":"a"}""")],
            Ns + """policyWaivers = {"rule":"PC-NET-001","reason":"a"}: a JSON list of waivers such as [{"rule": "PC-NET-001", "reason": "why the rule does not apply"}], each with an optional resource."""),
        new("policyWaivers naming an unknown rule", [("policyWaivers", """[{"rule":"PC-NET-999","reason":"x"}]""")],
            Ns + $"policyWaivers[0].rule = PC-NET-999: the id of a guard-rail rule, one of {RuleIds} (did you mean PC-NET-001?)."),
        new("policyWaivers without a rule", [("policyWaivers", """[{"reason":"a"}]""")],
            Ns + $"policyWaivers[0].rule = (not set): the id of a guard-rail rule, one of {RuleIds}."),
        new("policyWaivers with an empty reason", [("policyWaivers", """[{"rule":"PC-NET-001","reason":""}]""")],
            Ns + "policyWaivers[0].reason = \"\": a written reason why the rule does not apply to this stack, which the guard-rail report shows."),
        new("policyWaivers waiving one rule twice", [("policyWaivers", """[{"rule":"PC-NET-001","reason":"a"},{"rule":"PC-NET-001","reason":"b"}]""")],
            Ns + "policyWaivers[1] = PC-NET-001: each rule and resource at most once, and policyWaivers[0] already waives PC-NET-001."),
        // The region: set, well formed, one AWS offers.
        new("aws:region empty", [], "Invalid config aws:region = \"\": an AWS region code in lower case, such as eu-west-1.", Region: ""),
        new("aws:region in capitals", [], "Invalid config aws:region = EU-WEST-1: an AWS region code in lower case, such as eu-west-1 (did you mean eu-west-1?).", Region: "EU-WEST-1"),
        new("aws:region with a space", [], "Invalid config aws:region = eu-west-1 : an AWS region code in lower case, such as eu-west-1 (did you mean eu-west-1?).", Region: "eu-west-1 "),
        new("aws:region that does not exist", [], "Invalid config aws:region = eu-west-9: a region AWS offers (the program's list as of 2025-06-01); closest: eu-west-1, eu-west-2, eu-west-3.", Region: "eu-west-9"),
        new("aws:region misspelt", [], "Invalid config aws:region = eu-wset-1: a region AWS offers (the program's list as of 2025-06-01); closest: eu-west-1, eu-west-2, eu-west-3.", Region: "eu-wset-1"),
        new("aws:region as an availability zone", [], "Invalid config aws:region = eu-west-1a: an AWS region code in lower case, such as eu-west-1 (did you mean eu-west-1?).", Region: "eu-west-1a"),
        new("aws:region as a name", [], "Invalid config aws:region = Ireland: an AWS region code in lower case, such as eu-west-1.", Region: "Ireland"),

        // Partitions and regions of what the stack names.
        new("inspection.allowedPrincipals of the China partition", [("inspection", """{"mode":"provider","allowedPrincipals":["arn:aws-cn:iam::123456789012:root"]}""")], Ns + "inspection.allowedPrincipals[0] = arn:aws-cn:iam::123456789012:root: a principal ARN of partition aws (arn:aws:iam::…), the partition of region eu-west-1, and this one is of aws-cn."),
        new("inspection.allowedPrincipals of the GovCloud partition", [("inspection", """{"mode":"provider","allowedPrincipals":["arn:aws-us-gov:iam::123456789012:role/ops"]}""")], Ns + "inspection.allowedPrincipals[0] = arn:aws-us-gov:iam::123456789012:role/ops: a principal ARN of partition aws (arn:aws:iam::…), the partition of region eu-west-1, and this one is of aws-us-gov."),
        new("inspection.allowedPrincipals of the commercial partition in China", [("inspection", """{"mode":"provider","allowedPrincipals":["arn:aws:iam::123456789012:root"]}""")], Ns + "inspection.allowedPrincipals[0] = arn:aws:iam::123456789012:root: a principal ARN of partition aws-cn (arn:aws-cn:iam::…), the partition of region cn-north-1, and this one is of aws.", Region: "cn-north-1"),
        new("inspection.allowedPrincipals of the commercial partition in GovCloud", [("inspection", """{"mode":"combined","allowedPrincipals":["arn:aws:iam::123456789012:root"]}""")], Ns + "inspection.allowedPrincipals[0] = arn:aws:iam::123456789012:root: a principal ARN of partition aws-us-gov (arn:aws-us-gov:iam::…), the partition of region us-gov-west-1, and this one is of aws.", Region: "us-gov-west-1"),
        new("inspection.allowedPrincipals second of another partition", [("inspection", """{"mode":"provider","allowedPrincipals":["arn:aws:iam::123456789012:root","arn:aws-cn:iam::123456789012:root"]}""")], Ns + "inspection.allowedPrincipals[1] = arn:aws-cn:iam::123456789012:root: a principal ARN of partition aws (arn:aws:iam::…), the partition of region eu-west-1, and this one is of aws-cn."),
        new("inspection.endpointServiceName of another region", [("inspection", """{"mode":"consumer","endpointServiceName":"com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"}""")], Ns + "inspection.endpointServiceName = com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0: an endpoint service in region eu-west-1, where this stack deploys, because a Gateway Load Balancer endpoint connects only to a service of its own region and this one is in us-east-1."),
        new("inspection.endpointServiceName of a neighbouring region", [("inspection", """{"mode":"consumer","endpointServiceName":"com.amazonaws.vpce.eu-west-2.vpce-svc-0123456789abcdef0"}""")], Ns + "inspection.endpointServiceName = com.amazonaws.vpce.eu-west-2.vpce-svc-0123456789abcdef0: an endpoint service in region eu-west-1, where this stack deploys, because a Gateway Load Balancer endpoint connects only to a service of its own region and this one is in eu-west-2."),
        new("inspection.endpointServiceName in upper case", [("inspection", """{"mode":"consumer","endpointServiceName":"com.amazonaws.vpce.EU-WEST-1.vpce-svc-0123456789abcdef0"}""")], Ns + "inspection.endpointServiceName = com.amazonaws.vpce.EU-WEST-1.vpce-svc-0123456789abcdef0: an endpoint service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0."),

        // S3 bucket names, every rule.
        new("endpointBucketNames too short", [("endpointBucketNames", """["ab"]""")], Ns + "endpointBucketNames[0] = ab: an S3 bucket name of 3 to 63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit."),
        new("endpointBucketNames too long", [("endpointBucketNames", """["a123456789b123456789c123456789d123456789e123456789f123456789g123"]""")], Ns + "endpointBucketNames[0] = a123456789b123456789c123456789d123456789e123456789f123456789g123: an S3 bucket name of 3 to 63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit."),
        new("endpointBucketNames starting with a hyphen", [("endpointBucketNames", """["-logs"]""")], Ns + "endpointBucketNames[0] = -logs: an S3 bucket name of 3 to 63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit."),
        new("endpointBucketNames ending with a dot", [("endpointBucketNames", """["logs."]""")], Ns + "endpointBucketNames[0] = logs.: an S3 bucket name of 3 to 63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit."),
        new("endpointBucketNames with two adjacent dots", [("endpointBucketNames", """["team..logs"]""")], Ns + "endpointBucketNames[0] = team..logs: an S3 bucket name without two adjacent dots."),
        new("endpointBucketNames formatted as an IP address", [("endpointBucketNames", """["192.168.5.4"]""")], Ns + "endpointBucketNames[0] = 192.168.5.4: an S3 bucket name that is not formatted as an IP address."),
        new("endpointBucketNames starting with xn--", [("endpointBucketNames", """["xn--bucket"]""")], Ns + "endpointBucketNames[0] = xn--bucket: an S3 bucket name that does not start with xn-- (S3 reserves the prefixes xn--, sthree-, amzn-s3-demo-)."),
        new("endpointBucketNames starting with sthree-", [("endpointBucketNames", """["sthree-logs"]""")], Ns + "endpointBucketNames[0] = sthree-logs: an S3 bucket name that does not start with sthree- (S3 reserves the prefixes xn--, sthree-, amzn-s3-demo-)."),
        new("endpointBucketNames starting with amzn-s3-demo-", [("endpointBucketNames", """["amzn-s3-demo-logs"]""")], Ns + "endpointBucketNames[0] = amzn-s3-demo-logs: an S3 bucket name that does not start with amzn-s3-demo- (S3 reserves the prefixes xn--, sthree-, amzn-s3-demo-)."),
        new("endpointBucketNames ending with -s3alias", [("endpointBucketNames", """["logs-s3alias"]""")], Ns + "endpointBucketNames[0] = logs-s3alias: an S3 bucket name that does not end with -s3alias (S3 reserves the suffixes -s3alias, --ol-s3, .mrap, --x-s3, --table-s3)."),
        new("endpointBucketNames ending with --ol-s3", [("endpointBucketNames", """["logs--ol-s3"]""")], Ns + "endpointBucketNames[0] = logs--ol-s3: an S3 bucket name that does not end with --ol-s3 (S3 reserves the suffixes -s3alias, --ol-s3, .mrap, --x-s3, --table-s3)."),
        new("endpointBucketNames ending with .mrap", [("endpointBucketNames", """["logs.mrap"]""")], Ns + "endpointBucketNames[0] = logs.mrap: an S3 bucket name that does not end with .mrap (S3 reserves the suffixes -s3alias, --ol-s3, .mrap, --x-s3, --table-s3)."),
        new("endpointBucketNames ending with --x-s3", [("endpointBucketNames", """["logs--x-s3"]""")], Ns + "endpointBucketNames[0] = logs--x-s3: an S3 bucket name that does not end with --x-s3 (S3 reserves the suffixes -s3alias, --ol-s3, .mrap, --x-s3, --table-s3)."),
        new("endpointBucketNames ending with --table-s3", [("endpointBucketNames", """["logs--table-s3"]""")], Ns + "endpointBucketNames[0] = logs--table-s3: an S3 bucket name that does not end with --table-s3 (S3 reserves the suffixes -s3alias, --ol-s3, .mrap, --x-s3, --table-s3)."),
        new("endpointBucketNames second name invalid", [("endpointBucketNames", """["team-logs","Team-Logs"]""")], Ns + "endpointBucketNames[1] = Team-Logs: an S3 bucket name of 3 to 63 characters: lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit."),

        // Instance types: known, and of the AMI's architecture.
        new("demo.instanceType that does not exist", [("demo", """{"instance":true,"instanceType":"t3.mega"}""")], Ns + "demo.instanceType = t3.mega: an EC2 instance type of the program's table (as of 2025-06-01), such as t3.small."),
        new("demo.instanceType of an unknown family", [("demo", """{"instanceType":"z9.large"}""")], Ns + "demo.instanceType = z9.large: an EC2 instance type of the program's table (as of 2025-06-01), such as t3.small; closest: c5.large, m5.large, r5.large."),
        new("demo.instanceType of Graviton for an x86 AMI", [("demo", """{"instance":true,"instanceType":"t4g.micro"}""")], Ns + "demo.instanceType = t4g.micro: an instance type of architecture x86_64, because the test instance's AMI (Amazon Linux 2023) is x86_64 and t4g.micro is arm64."),
        new("demo.instanceType without a size", [("demo", """{"instanceType":"t3"}""")], Ns + "demo.instanceType = t3: an EC2 instance type such as t3.micro (family.size, lower case)."),
        new("inspection.applianceInstanceType that does not exist", [("inspection", """{"mode":"combined","applianceInstanceType":"c5.medium"}""")], Ns + "inspection.applianceInstanceType = c5.medium: an EC2 instance type of the program's table (as of 2025-06-01), such as t3.small; closest: c6g.medium, c7g.medium, c8g.medium."),
        new("inspection.applianceInstanceType of Graviton for the default AMI", [("inspection", """{"mode":"combined","applianceInstanceType":"c6gn.large"}""")], Ns + "inspection.applianceInstanceType = c6gn.large: an instance type of architecture x86_64, because the default appliance AMI (Amazon Linux 2023) is x86_64 and c6gn.large is arm64."),
        new("inspection.applianceInstanceType misspelt", [("inspection", """{"mode":"provider","applianceInstanceType":"t3.smal"}""")], Ns + "inspection.applianceInstanceType = t3.smal: an EC2 instance type of the program's table (as of 2025-06-01), such as t3.small; closest: t3.small, t2.small, t3a.small."),
        new("inspection.applianceInstanceType in upper case", [("inspection", """{"mode":"provider","applianceInstanceType":"C5N.LARGE"}""")], Ns + "inspection.applianceInstanceType = C5N.LARGE: an EC2 instance type such as t3.small (family.size, lower case)."),

        // Tags: what every service the stack uses accepts, and keys the program sets itself.
        new("tags overwriting the Name tag", [("tags", """{"Name":"mine"}""")], Ns + "tags = Name: a tag key other than Name, Tier, Role, Appliance, which the program sets on its resources itself (a user value would be overwritten)."),
        new("tags overwriting the Tier tag", [("tags", """{"Tier":"gold"}""")], Ns + "tags = Tier: a tag key other than Name, Tier, Role, Appliance, which the program sets on its resources itself (a user value would be overwritten)."),
        new("tags overwriting the Role tag", [("tags", """{"Role":"ops"}""")], Ns + "tags = Role: a tag key other than Name, Tier, Role, Appliance, which the program sets on its resources itself (a user value would be overwritten)."),
        new("tags with a key IAM refuses", [("tags", """{"cost#centre":"42"}""")], Ns + "tags = cost#centre: a tag key of letters, digits, spaces and _ . : / = + - @ only (what IAM, CloudWatch Logs, Elastic Load Balancing and S3 accept)."),
        new("tags with a value IAM refuses", [("tags", """{"owner":"ops!"}""")], Ns + "tags.owner = ops!: a tag value of letters, digits, spaces and _ . : / = + - @ only (what IAM, CloudWatch Logs, Elastic Load Balancing and S3 accept)."),
        new("tags with a value in brackets", [("tags", """{"owner":"(ops)"}""")], Ns + "tags.owner = (ops): a tag value of letters, digits, spaces and _ . : / = + - @ only (what IAM, CloudWatch Logs, Elastic Load Balancing and S3 accept)."),
        new("tags with an empty key", [("tags", """{"":"x"}""")], Ns + "tags = \"\": tag keys of 1 to 128 characters that do not start with aws: (reserved by AWS)."),
        new("tags with a key too long", [("tags", "{\"" + new string('k', 129) + "\":\"x\"}")], Ns + "tags = kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: tag keys of 1 to 128 characters that do not start with aws: (reserved by AWS)."),
        new("tags with a value too long", [("tags", "{\"owner\":\"" + new string('v', 257) + "\"}")], Ns + "tags.owner = vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv…: a tag value of at most 256 characters."),
        new("tags with the aws prefix in capitals", [("tags", """{"AWS:owner":"me"}""")], Ns + "tags = AWS:owner: tag keys of 1 to 128 characters that do not start with aws: (reserved by AWS)."),
        new("tags more than a resource may carry", [("tags", FortyNineTags)], Ns + "tags = 49 tags: at most 47 tags, because AWS allows 50 per resource and the program adds up to 3 of its own."),
        new("tags with a boolean value", [("tags", """{"public":false}""")], Ns + "tags.public = false: a tag value that is a JSON string (quote numbers and booleans)."),

        // Combinations that leave a documented scenario unreachable, and subnet capacity.
        new("demo.instance without any Session Manager endpoint", [("interfaceEndpoints", "[]"), ("demo", """{"instance":true}""")], Ns + "demo.instance = true: false unless Session Manager can reach the test instance: with natStrategy none it needs the interface endpoints ssm, ssmmessages, ec2messages, and interfaceEndpoints lacks ssm, ssmmessages, ec2messages."),
        new("demo.instance without the ssm endpoint", [("interfaceEndpoints", """["ssmmessages","ec2messages"]"""), ("demo", """{"instance":true}""")], Ns + "demo.instance = true: false unless Session Manager can reach the test instance: with natStrategy none it needs the interface endpoints ssm, ssmmessages, ec2messages, and interfaceEndpoints lacks ssm."),
        new("demo.instance without the ec2messages endpoint", [("interfaceEndpoints", """["ssm","ssmmessages","kms"]"""), ("demo", """{"instance":true}""")], Ns + "demo.instance = true: false unless Session Manager can reach the test instance: with natStrategy none it needs the interface endpoints ssm, ssmmessages, ec2messages, and interfaceEndpoints lacks ec2messages."),
        new("interfaceEndpoints more than a /28 private subnet holds", [("subnetPrefixLengths", """{"private":28}"""), ("interfaceEndpoints", TwelveServices)], Ns + "interfaceEndpoints = a list of 12 services: no more endpoints than a private subnet has addresses for: they need 12 addresses in each private subnet, and a /28 has 11 (AWS reserves 5 of 16); remove endpoints or set subnetPrefixLengths.private to 27 or less."),
        new("interfaceEndpoints and the test instance more than a /28 private subnet holds", [("subnetPrefixLengths", """{"private":28}"""), ("interfaceEndpoints", """["ssm","ssmmessages","ec2messages","kms","logs","sts","ec2","ecr.api","ecr.dkr","ecs","eks"]"""), ("demo", """{"instance":true}""")],
            Ns + "interfaceEndpoints = a list of 11 services: no more endpoints than a private subnet has addresses for: they and the test instance need 12 addresses in each private subnet, and a /28 has 11 (AWS reserves 5 of 16); remove endpoints or set subnetPrefixLengths.private to 27 or less."),
        new("interfaceEndpoints more than a /27 private subnet holds", [("subnetPrefixLengths", """{"private":27}"""), ("interfaceEndpoints", TwentyEightServices)], Ns + "interfaceEndpoints = a list of 28 services: no more endpoints than a private subnet has addresses for: they need 28 addresses in each private subnet, and a /27 has 27 (AWS reserves 5 of 32); remove endpoints or set subnetPrefixLengths.private to 26 or less."),
    ];

    /// <summary>The first <paramref name="count"/> catalogued services as a JSON list.</summary>
    private static string Services(int count) => "[" + string.Join(",", ServiceNames.Take(count).Select(name => $"\"{name}\"")) + "]";

    public static TheoryData<string> Names() => [.. Catalog.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_bad_input_stops_the_program_with_its_one_sentence_before_any_resource(string name)
    {
        var input = Catalog.Single(c => c.Name == name);
        var mocks = input.Mocks?.Invoke() ?? new AwsMocks(input.Region);

        var error = await Assert.ThrowsAsync<RunException>(() =>
            StackRun.RunAsync(input.Config.ToDictionary(c => c.Key, c => (object)c.Value), mocks, input.Region));

        Assert.Equal(input.Message, error.Message);
        Assert.Empty(mocks.Records);
    }

    [Fact]
    public void The_README_and_the_guard_rail_page_count_the_catalogue()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Pulumi.yaml")))
        {
            root = root.Parent!;
        }

        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md")).ReplaceLineEndings(" ");
        var guardRails = File.ReadAllText(Path.Combine(root.FullName, "docs", "guard-rails.md")).ReplaceLineEndings(" ");

        Assert.Contains($"holds {Catalog.Count} invalid configurations", readme, StringComparison.Ordinal);
        Assert.Contains($"catalogue of {Catalog.Count} bad configurations", guardRails, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_has_well_over_a_hundred_distinct_cases_each_one_sentence()
    {
        Assert.True(Catalog.Count >= 110, $"{Catalog.Count} cases");
        Assert.Equal(Catalog.Count, Catalog.Select(c => c.Name).Distinct().Count());
        Assert.Equal(Catalog.Count, Catalog.Select(c => c.Region + ";" + string.Join(";", c.Config.Select(p => $"{p.Key}={p.Value}"))).Distinct().Count());
        Assert.All(Catalog, c =>
        {
            Assert.StartsWith("Invalid config ", c.Message, StringComparison.Ordinal);
            Assert.EndsWith(".", c.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', c.Message);
        });
    }
}
