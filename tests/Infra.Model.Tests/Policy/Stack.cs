using System.Collections.Immutable;
using System.Text.Json;
using Infra.Model.Routing;
using static Infra.Model.Tests.Routing.Aws;

namespace Infra.Model.Tests.Policy;

/// <summary>
/// A hand-built stack that keeps every guard rail, shaped like what the mocks record (ids are the logical name plus
/// "-id"; numbers are doubles), and helpers to break it one resource at a time.
/// </summary>
internal static class Stack
{
    public const string VpcName = "workload";
    public const string VpcCidr = "10.0.0.0/16";
    public const string ReportedDefaultGroupId = "sg-0default";
    public const string BucketName = "demo-bucket-k3x9q2ab";

    public static ImmutableArray<ResourceRecord> Compliant() =>
    [
        Record(
            AwsTypes.Vpc, VpcName, ("cidrBlock", VpcCidr), ("enableDnsSupport", true), ("enableDnsHostnames", true),
            ("tags", Map(("Name", VpcName)))) with
        {
            Outputs = Map(("defaultSecurityGroupId", ReportedDefaultGroupId)),
        },
        Record(AwsTypes.DefaultSecurityGroup, "workload-default-sg", ("vpcId", Id(VpcName)), ("ingress", List()), ("egress", List())),
        Record(AwsTypes.FlowLog, "workload-flow-log", ("vpcId", Id(VpcName)), ("trafficType", "ALL"), ("logDestinationType", "cloud-watch-logs")),
        InternetGateway("workload-igw", VpcName),
        Subnet("workload-public-a", VpcName, "10.0.0.0/24", "public"),
        Subnet("workload-private-a", VpcName, "10.0.16.0/20", "private"),
        Subnet("workload-application-a", VpcName, "10.0.32.0/22", "application"),
        RouteTable("workload-public-rt", VpcName),
        RouteTable("workload-private-rt", VpcName),
        RouteTable("workload-application-rt", VpcName),
        Association("workload-public-rta", "workload-public-rt", "workload-public-a"),
        Association("workload-private-rta", "workload-private-rt", "workload-private-a"),
        Association("workload-application-rta", "workload-application-rt", "workload-application-a"),
        Route("workload-public-default", Id("workload-public-rt"), "0.0.0.0/0", "gatewayId", Id("workload-igw")),
        Record(
            AwsTypes.VpcEndpoint, "s3-endpoint", ("vpcId", Id(VpcName)), ("serviceName", S3), ("vpcEndpointType", "Gateway"),
            ("routeTableIds", List(Id("workload-private-rt"))), ("policy", EndpointPolicy(Statement("Allow", new[] { "s3:GetObject", "s3:PutObject" }, BucketArns())))),
        Record(AwsTypes.SecurityGroup, "endpoints-sg", ("vpcId", Id(VpcName)), ("description", "Interface endpoints")),
        Record(
            AwsTypes.SecurityGroupIngressRule, "endpoints-https", ("securityGroupId", Id("endpoints-sg")), ("ipProtocol", "tcp"),
            ("fromPort", 443.0), ("toPort", 443.0), ("cidrIpv4", VpcCidr)),
        Record(
            AwsTypes.VpcEndpoint, "ssm-endpoint", ("vpcId", Id(VpcName)), ("serviceName", "com.amazonaws.us-east-1.ssm"),
            ("vpcEndpointType", "Interface"), ("privateDnsEnabled", true), ("subnetIds", List(Id("workload-private-a"))),
            ("securityGroupIds", List(Id("endpoints-sg")))),
        Record(AwsTypes.Bucket, "demo-bucket", ("bucket", BucketName)),
        Record(
            AwsTypes.BucketPublicAccessBlock, "demo-bucket-public-access-block", ("bucket", Id("demo-bucket")), ("blockPublicAcls", true),
            ("blockPublicPolicy", true), ("ignorePublicAcls", true), ("restrictPublicBuckets", true)),
        Record(
            AwsTypes.BucketEncryption, "demo-bucket-encryption", ("bucket", Id("demo-bucket")),
            ("rules", List(Map(("applyServerSideEncryptionByDefault", Map(("sseAlgorithm", "aws:kms"))), ("bucketKeyEnabled", true))))),
        Record(AwsTypes.BucketPolicy, "demo-bucket-policy", ("bucket", Id("demo-bucket")), ("policy", BucketPolicy(Id("s3-endpoint")))),
        Record(AwsTypes.SecurityGroup, "app-sg", ("vpcId", Id(VpcName)), ("description", "Application")),
        Record(
            AwsTypes.Instance, "app", ("subnetId", Id("workload-application-a")), ("associatePublicIpAddress", false),
            ("vpcSecurityGroupIds", List(Id("app-sg"))), ("metadataOptions", Map(("httpEndpoint", "enabled"), ("httpTokens", "required"))),
            ("rootBlockDevice", Map(("encrypted", true), ("volumeType", "gp3")))),
        Record(
            AwsTypes.TargetGroup, "appliances", ("protocol", "GENEVE"), ("port", 6081.0),
            ("healthCheck", Map(("enabled", true), ("protocol", "TCP"), ("port", "80")))),
        Record(AwsTypes.VpcEndpointService, "inspection-service", ("acceptanceRequired", false), ("allowedPrincipals", List("arn:aws:iam::123456789012:root"))),
    ];

    /// <summary>
    /// The compliant stack plus a transit gateway hub with an inspection VPC and two spokes in two AZs (AWS's
    /// centralized architecture, see <see cref="Routing.CentralizedArchitecture"/>), each VPC with its flow log and closed
    /// default security group.
    /// </summary>
    public static ImmutableArray<ResourceRecord> CompliantWithHub()
    {
        var hub = new Routing.CentralizedArchitecture(2, 2).Resources();
        var vpcs = hub.Where(r => r.Type == AwsTypes.Vpc).Select(r => r.Name).ToList();
        return
        [
            .. Compliant(),
            .. hub,
            .. vpcs.Select(vpc => Record(AwsTypes.FlowLog, $"{vpc}-flow-log", ("vpcId", Id(vpc)), ("trafficType", "ALL"))),
            .. vpcs.Select(vpc => Record(AwsTypes.DefaultSecurityGroup, $"{vpc}-default-sg", ("vpcId", Id(vpc)), ("ingress", List()), ("egress", List()))),
        ];
    }

    /// <summary>The compliant stack with one resource's inputs changed.</summary>
    public static ImmutableArray<ResourceRecord> With(string name, Func<ImmutableDictionary<string, object>, ImmutableDictionary<string, object>> change) =>
        With(Compliant(), name, change);

    public static ImmutableArray<ResourceRecord> With(
        ImmutableArray<ResourceRecord> records, string name, Func<ImmutableDictionary<string, object>, ImmutableDictionary<string, object>> change)
    {
        var index = records.Select((r, i) => (r, i)).Single(x => x.r.Name == name).i;
        return records.SetItem(index, records[index] with { Inputs = change(records[index].Inputs.ToImmutableDictionary()) });
    }

    /// <summary>The compliant stack without the named resources.</summary>
    public static ImmutableArray<ResourceRecord> Without(params string[] names) => [.. Compliant().Where(r => !names.Contains(r.Name))];

    /// <summary>The compliant stack plus more resources.</summary>
    public static ImmutableArray<ResourceRecord> Plus(params ResourceRecord[] more) => [.. Compliant(), .. more];

    public static string[] BucketArns() => [$"arn:aws:s3:::{BucketName}", $"arn:aws:s3:::{BucketName}/*"];

    public static object Statement(string effect, object action, object resource, string? sid = null, object? condition = null)
    {
        var statement = new Dictionary<string, object> { ["Effect"] = effect, ["Principal"] = "*", ["Action"] = action, ["Resource"] = resource };
        if (sid is not null)
        {
            statement["Sid"] = sid;
        }

        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }

    public static string EndpointPolicy(params object[] statements) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["Version"] = "2012-10-17", ["Statement"] = statements });

    public static object DenyInsecureTransport() => Statement(
        "Deny", "s3:*", BucketArns(), "DenyInsecureTransport",
        new Dictionary<string, object> { ["Bool"] = new Dictionary<string, string> { ["aws:SecureTransport"] = "false" } });

    public static object DenyOutsideEndpoint(string endpointId) => Statement(
        "Deny", new[] { "s3:GetObject", "s3:PutObject", "s3:DeleteObject" }, $"arn:aws:s3:::{BucketName}/*", "DenyObjectAccessOutsideGatewayEndpoint",
        new Dictionary<string, object> { ["StringNotEquals"] = new Dictionary<string, string> { ["aws:SourceVpce"] = endpointId } });

    public static string BucketPolicy(string endpointId) => EndpointPolicy(DenyInsecureTransport(), DenyOutsideEndpoint(endpointId));

    /// <summary>An inline security group rule block.</summary>
    public static ImmutableDictionary<string, object> Block(string protocol, double from, double to, params string[] cidrs) =>
        Map(("protocol", protocol), ("fromPort", from), ("toPort", to), ("cidrBlocks", List([.. cidrs])));
}
