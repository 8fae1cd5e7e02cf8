using Infra.Model.Analysis;
using Infra.Model.Routing;
using static Infra.Model.Tests.Routing.Aws;

namespace Infra.Model.Tests.Analysis;

/// <summary>
/// Builds, by hand, the resource records of a workload VPC shaped like the design (public, private, and with
/// inspection application and endpoint tiers; NAT none, single or per AZ; a provider VPC with a Gateway Load
/// Balancer and appliances), so the analysis can be checked without running the program. Knobs let a test break one
/// thing at a time.
/// </summary>
internal sealed class Network
{
    public const string Region = "us-east-1";
    public const string S3PrefixList = "pl-63a5400a";
    public const string DynamoDbPrefixList = "pl-02cd2c6b";
    public const string ProviderService = "com.amazonaws.vpce.us-east-1.vpce-svc-0aaaabbbbccccdddd";

    public static readonly IReadOnlyDictionary<string, string> PrefixLists = new Dictionary<string, string>
    {
        [S3] = S3PrefixList,
        [DynamoDb] = DynamoDbPrefixList,
    };

    public int AzCount { get; init; } = 2;

    /// <summary>none, single or perAz.</summary>
    public string Nat { get; init; } = "none";

    public bool Inspection { get; init; }

    public bool DynamoDbEndpoint { get; init; } = true;

    public IReadOnlyList<string> InterfaceServices { get; init; } = ["ssm"];

    /// <summary>The AZ indexes that get an appliance (default: all).</summary>
    public IReadOnlyList<int>? ApplianceZones { get; init; }

    public bool CrossZone { get; init; }

    /// <summary>The appliances' Appliance tag: pass-through (default), custom, or null for untagged.</summary>
    public string? ApplianceSoftware { get; init; } = "pass-through";

    /// <summary>Run the appliances as an Auto Scaling group of this desired capacity over every appliance subnet, instead of fixed instances.</summary>
    public int? FleetDesiredCapacity { get; init; }

    public string HealthCheckProtocol { get; init; } = "TCP";

    public int HealthCheckPort { get; init; } = 80;

    /// <summary>The TCP port the appliances' security group admits from the provider VPC (the health check's, unless a test breaks it).</summary>
    public int? AdmittedHealthCheckPort { get; init; }

    /// <summary>The AZ indexes the Gateway Load Balancer has a node in (default: all).</summary>
    public IReadOnlyList<int>? LoadBalancerZones { get; init; }

    /// <summary>Leave out the edge route table's return routes (inbound then bypasses the appliances).</summary>
    public bool WithoutEdgeRoutes { get; init; }

    /// <summary>The AZ indexes whose private subnet hosts the interface endpoints' network interfaces (default: all).</summary>
    public IReadOnlyList<int>? InterfaceZones { get; init; }

    /// <summary>The block the interface endpoints' security group admits HTTPS from.</summary>
    public string InterfaceSecurityGroupSource { get; init; } = "10.0.0.0/16";

    public bool InterfacePrivateDns { get; init; } = true;

    /// <summary>Consumer only: the GWLB endpoints name a service of another stack.</summary>
    public bool ExternalService { get; init; }

    public static string Zone(int index) => $"{Region}{(char)('a' + index)}";

    public IReadOnlyList<ResourceRecord> Records()
    {
        var records = new List<ResourceRecord>
        {
            Vpc("workload", "10.0.0.0/16"),
            InternetGateway("igw", "workload"),
            RouteTable("public-rt", "workload", InlineRoute("0.0.0.0/0", "gatewayId", Id("igw"))),
        };
        var zones = Enumerable.Range(0, AzCount).ToList();
        foreach (var az in zones)
        {
            records.Add(Subnet($"public-{az}", "workload", $"10.0.{40 + az}.0/24", "public", Zone(az)));
            records.Add(Association($"public-rta-{az}", "public-rt", $"public-{az}"));
            records.Add(Subnet($"private-{az}", "workload", $"10.0.{az * 16}.0/20", "private", Zone(az)));
            records.Add(RouteTable($"private-rt-{az}", "workload"));
            records.Add(Association($"private-rta-{az}", $"private-rt-{az}", $"private-{az}"));
        }

        if (Nat != "none")
        {
            var natZones = Nat == "single" ? [0] : zones;
            foreach (var az in natZones)
            {
                records.Add(NatGateway($"nat-{az}", $"public-{az}"));
                records.Add(Record(AwsTypes.Eip, $"nat-eip-{az}", ("domain", "vpc")));
            }

            foreach (var az in zones)
            {
                var nat = Nat == "single" ? 0 : az;
                records.Add(Route($"private-default-{az}", Id($"private-rt-{az}"), "0.0.0.0/0", "natGatewayId", Id($"nat-{nat}")));
            }
        }

        var privateTables = zones.Select(az => Id($"private-rt-{az}")).ToArray();
        records.Add(GatewayEndpoint("s3-endpoint", "workload", S3, privateTables));
        if (DynamoDbEndpoint)
        {
            records.Add(GatewayEndpoint("dynamodb-endpoint", "workload", DynamoDb, privateTables));
        }

        if (InterfaceServices.Count > 0)
        {
            records.Add(Record(AwsTypes.SecurityGroup, "endpoints-sg", ("vpcId", Id("workload"))));
            records.Add(Record(
                AwsTypes.SecurityGroupIngressRule, "endpoints-https", ("securityGroupId", Id("endpoints-sg")), ("ipProtocol", "tcp"),
                ("fromPort", 443.0), ("toPort", 443.0), ("cidrIpv4", InterfaceSecurityGroupSource)));
            var hosts = (InterfaceZones ?? zones).Select(az => (object)Id($"private-{az}")).ToArray();
            foreach (var service in InterfaceServices)
            {
                records.Add(Record(
                    AwsTypes.VpcEndpoint, $"endpoint-{service}", ("vpcId", Id("workload")), ("serviceName", $"com.amazonaws.{Region}.{service}"),
                    ("vpcEndpointType", "Interface"), ("privateDnsEnabled", InterfacePrivateDns), ("subnetIds", List(hosts)),
                    ("securityGroupIds", List(Id("endpoints-sg")))));
            }
        }

        if (Inspection)
        {
            AddInspection(records, zones);
        }

        return records;
    }

    public RoutingModel Routing() => RoutingModel.Build(Records(), PrefixLists);

    public ReachabilityAnalyzer Analyzer()
    {
        var records = Records();
        return ReachabilityAnalyzer.Create(RoutingModel.Build(records, PrefixLists), NetworkInventory.Build(records));
    }

    private void AddInspection(List<ResourceRecord> records, List<int> zones)
    {
        var serviceName = ExternalService ? ProviderService : "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";
        if (!ExternalService)
        {
            records.Add(Vpc("provider", "10.100.0.0/16"));
            foreach (var az in zones)
            {
                records.Add(Subnet($"appliance-{az}", "provider", $"10.100.{az}.0/24", "appliance", Zone(az)));
                records.Add(RouteTable($"appliance-rt-{az}", "provider"));
                records.Add(Association($"appliance-rta-{az}", $"appliance-rt-{az}", $"appliance-{az}"));
            }

            var nodes = (LoadBalancerZones ?? zones).Select(az => (object)Id($"appliance-{az}")).ToArray();
            var loadBalancer = Record(
                AwsTypes.LoadBalancer, "gwlb", ("loadBalancerType", "gateway"), ("subnets", List(nodes)), ("enableCrossZoneLoadBalancing", CrossZone));
            records.Add(loadBalancer with { Outputs = Map(("arn", "arn:aws:elasticloadbalancing:gwlb")) });
            var targetGroup = Record(
                AwsTypes.TargetGroup, "appliances", ("protocol", "GENEVE"), ("port", 6081.0),
                ("healthCheck", Map(("enabled", true), ("protocol", HealthCheckProtocol), ("port", HealthCheckPort.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            records.Add(targetGroup with { Outputs = Map(("arn", "arn:aws:elasticloadbalancing:tg")) });
            records.Add(Record(
                AwsTypes.Listener, "listener", ("loadBalancerArn", "arn:aws:elasticloadbalancing:gwlb"),
                ("defaultActions", List(Map(("type", "forward"), ("targetGroupArn", "arn:aws:elasticloadbalancing:tg"))))));
            records.Add(Record(AwsTypes.SecurityGroup, "appliance-sg", ("vpcId", Id("provider"))));
            records.Add(Record(
                AwsTypes.SecurityGroupIngressRule, "appliance-geneve", ("securityGroupId", Id("appliance-sg")), ("ipProtocol", "udp"),
                ("fromPort", 6081.0), ("toPort", 6081.0), ("cidrIpv4", "10.100.0.0/16")));
            records.Add(Record(
                AwsTypes.SecurityGroupIngressRule, "appliance-health-check", ("securityGroupId", Id("appliance-sg")), ("ipProtocol", "tcp"),
                ("fromPort", (double)(AdmittedHealthCheckPort ?? HealthCheckPort)), ("toPort", (double)(AdmittedHealthCheckPort ?? HealthCheckPort)),
                ("cidrIpv4", "10.100.0.0/16")));
            var tags = ApplianceSoftware is null ? Map(("Role", "inspection-appliance")) : Map(("Role", "inspection-appliance"), ("Appliance", ApplianceSoftware));
            if (FleetDesiredCapacity is { } desired)
            {
                records.Add(Record(
                    AwsTypes.LaunchTemplate, "appliance-template", ("instanceType", "c5n.large"), ("vpcSecurityGroupIds", List(Id("appliance-sg"))),
                    ("tagSpecifications", List(Map(("resourceType", "instance"), ("tags", tags))))));
                records.Add(Record(
                    AwsTypes.AutoScalingGroup, "appliance-fleet", ("vpcZoneIdentifiers", List([.. (ApplianceZones ?? zones).Select(az => (object)Id($"appliance-{az}"))])),
                    ("minSize", (double)desired), ("maxSize", (double)desired), ("desiredCapacity", (double)desired),
                    ("launchTemplate", Map(("id", Id("appliance-template")), ("version", "1"))),
                    ("targetGroupArns", List("arn:aws:elasticloadbalancing:tg")), ("healthCheckType", "ELB")));
            }
            else
            {
                foreach (var az in ApplianceZones ?? zones)
                {
                    records.Add(Record(
                        AwsTypes.Instance, $"appliance-{az}-1", ("subnetId", Id($"appliance-{az}")), ("instanceType", "c5n.large"),
                        ("vpcSecurityGroupIds", List(Id("appliance-sg"))), ("tags", tags)));
                    records.Add(Record(
                        AwsTypes.TargetGroupAttachment, $"appliance-{az}-1-registration", ("targetGroupArn", "arn:aws:elasticloadbalancing:tg"),
                        ("targetId", Id($"appliance-{az}-1"))));
                }
            }

            var service = Record(AwsTypes.VpcEndpointService, "service", ("gatewayLoadBalancerArns", List("arn:aws:elasticloadbalancing:gwlb")));
            records.Add(service with { Outputs = Map(("serviceName", serviceName)) });
        }

        records.Add(RouteTable("edge-rt", "workload"));
        records.Add(EdgeAssociation("edge-association", "edge-rt", "igw"));
        foreach (var az in zones)
        {
            records.Add(Subnet($"application-{az}", "workload", $"10.0.{32 + (az * 4)}.0/22", "application", Zone(az)));
            records.Add(RouteTable($"application-rt-{az}", "workload"));
            records.Add(Association($"application-rta-{az}", $"application-rt-{az}", $"application-{az}"));
            records.Add(Subnet($"endpoint-{az}", "workload", $"10.0.60.{az * 16}/28", "endpoint", Zone(az)));
            records.Add(RouteTable($"endpoint-rt-{az}", "workload", InlineRoute("0.0.0.0/0", "gatewayId", Id("igw"))));
            records.Add(Association($"endpoint-rta-{az}", $"endpoint-rt-{az}", $"endpoint-{az}"));
            records.Add(Record(
                AwsTypes.VpcEndpoint, $"gwlbe-{az}", ("vpcId", Id("workload")), ("serviceName", serviceName), ("vpcEndpointType", "GatewayLoadBalancer"),
                ("subnetIds", List(Id($"endpoint-{az}")))));
            records.Add(Route($"application-default-{az}", Id($"application-rt-{az}"), "0.0.0.0/0", "vpcEndpointId", Id($"gwlbe-{az}")));
            if (!WithoutEdgeRoutes)
            {
                records.Add(Route($"edge-return-{az}", Id("edge-rt"), $"10.0.{32 + (az * 4)}.0/22", "vpcEndpointId", Id($"gwlbe-{az}")));
            }
        }
    }
}

/// <summary>Finds flows of an analysis by source label and destination name.</summary>
internal static class FlowLookup
{
    public static Flow Flow(this IReadOnlyList<Flow> flows, string from, string to) =>
        flows.Single(f => f.Source.Label == from && (f.Destination.Name == to || (to == "inbound" && f.Destination.Kind == FlowKind.FromInternet)));

    public static string[] Labels(this Flow flow) => [.. flow.Path.Select(h => h.Label)];
}
