using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Model.Addressing;
using Infra.Model.Aws;
using Infra.Model.Configuration;
using Infra.Model.Routing;

namespace Infra.Simulation.Constraints;

/// <summary>
/// The input rules AWS and the provider enforce, per resource type token and per function token: what
/// <c>pulumi preview</c> (the provider's schema and validators) and the AWS APIs at create time would refuse. The mocks
/// put every registration and every call through <see cref="Admit"/> and <see cref="AdmitCall"/>; the first violation
/// fails the run. Each rule's source is cited where it is encoded: the rules themselves live in <c>Model/Aws</c>, shared
/// with the configuration check.
/// </summary>
public sealed partial class AwsConstraints
{
    /// <summary>The function that finds the default AMI (its answer carries the AMI's architecture).</summary>
    public const string GetAmi = "aws:ec2/getAmi:getAmi";
    /// <summary>The function that looks up an endpoint service by name.</summary>
    public const string GetVpcEndpointService = "aws:ec2/getVpcEndpointService:getVpcEndpointService";

    /// <summary>Route targets: the provider's aws_route ExactlyOneOf (terraform-provider-aws internal/service/ec2 vpc_route.go, routeValidTargets); CreateRoute takes exactly one.</summary>
    private static readonly string[] RouteTargets =
    [
        "gatewayId", "natGatewayId", "vpcEndpointId", "networkInterfaceId", "transitGatewayId", "vpcPeeringConnectionId",
        "egressOnlyGatewayId", "carrierGatewayId", "localGatewayId", "coreNetworkArn",
    ];

    /// <summary>Route destinations: aws_route ExactlyOneOf (routeValidDestinations).</summary>
    private static readonly string[] RouteDestinations = ["destinationCidrBlock", "destinationIpv6CidrBlock", "destinationPrefixListId"];

    /// <summary>Security group rule peers: aws_vpc_security_group_ingress_rule / egress_rule ExactlyOneOf (terraform-provider-aws internal/service/ec2 vpc_security_group_ingress_rule.go).</summary>
    private static readonly string[] RulePeers = ["cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId"];

    /// <summary>Flow log sources: aws_flow_log ExactlyOneOf (terraform-provider-aws internal/service/ec2 vpc_flow_log.go).</summary>
    private static readonly string[] FlowLogSources = ["vpcId", "subnetId", "eniId", "transitGatewayId", "transitGatewayAttachmentId"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Cidr> _vpcs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubnetState> _subnets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _subnetIdsOfVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouteTableState> _routeTables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _endpointTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _loadBalancerTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _amiArchitectures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<Registration, IEnumerable<ConstraintViolation>>> _resourceRules;

    public AwsConstraints(string region, IReadOnlyList<string> availabilityZones)
    {
        ArgumentNullException.ThrowIfNull(region);
        Region = region;
        Partition = AwsRegions.PartitionOf(region);
        AvailabilityZones = availabilityZones;
        _resourceRules = new(StringComparer.Ordinal)
        {
            [AwsTypes.Vpc] = CheckVpc,
            [AwsTypes.Subnet] = CheckSubnet,
            [AwsTypes.RouteTable] = CheckRouteTable,
            [AwsTypes.Route] = CheckRoute,
            [AwsTypes.RouteTableAssociation] = CheckAssociation,
            [AwsTypes.VpcEndpoint] = CheckVpcEndpoint,
            [AwsTypes.NatGateway] = CheckNatGateway,
            [AwsTypes.Eip] = CheckEip,
            [AwsTypes.Instance] = CheckInstance,
            [AwsTypes.LaunchTemplate] = CheckLaunchTemplate,
            [AwsTypes.AutoScalingGroup] = CheckAutoScalingGroup,
            [AwsTypes.LoadBalancer] = CheckLoadBalancer,
            [AwsTypes.TargetGroup] = CheckTargetGroup,
            [AwsTypes.Listener] = CheckListener,
            [AwsTypes.VpcEndpointService] = CheckEndpointService,
            [AwsTypes.SecurityGroup] = CheckSecurityGroup,
            [AwsTypes.SecurityGroupIngressRule] = CheckSecurityGroupRule,
            [AwsTypes.SecurityGroupEgressRule] = CheckSecurityGroupRule,
            [AwsTypes.IamRole] = CheckRole,
            [AwsTypes.IamInstanceProfile] = r => CheckName(r, NameRules.InstanceProfile, "name", null),
            [AwsTypes.LogGroup] = CheckLogGroup,
            [AwsTypes.FlowLog] = CheckFlowLog,
            [AwsTypes.Bucket] = CheckBucket,
        };
        AddTransitGatewayRules();
    }

    public string Region { get; }

    /// <summary>The region's partition, which every ARN the stack names must carry.</summary>
    public string Partition { get; }

    public IReadOnlyList<string> AvailabilityZones { get; }

    /// <summary>The resource types with rules of their own (every type also gets the tag and ARN rules).</summary>
    public IReadOnlyCollection<string> ResourceTypes => _resourceRules.Keys;

    /// <summary>
    /// Checks one registration against the rules of its type, the tag rules and the ARN partition; when it passes,
    /// remembers what later registrations are checked against (VPC blocks, subnet addresses, edge route tables…).
    /// </summary>
    /// <returns>The first violation, or null when AWS would accept the resource.</returns>
    public ConstraintViolation? Admit(string type, string name, string id, IReadOnlyDictionary<string, object> inputs, IReadOnlyDictionary<string, object> outputs)
    {
        ArgumentNullException.ThrowIfNull(type);
        var registration = new Registration(type, name, id, inputs, outputs);
        lock (_gate)
        {
            var rules = _resourceRules.TryGetValue(type, out var specific) ? specific(registration) : [];
            var violation = CheckTags(registration).Concat(CheckArns(registration.Subject, inputs)).Concat(rules).FirstOrDefault();
            if (violation is null)
            {
                Remember(registration);
            }

            return violation;
        }
    }

    /// <summary>Checks a function call's arguments.</summary>
    public ConstraintViolation? AdmitCall(string token, IReadOnlyDictionary<string, object> args)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(args);
        if (token == GetVpcEndpointService && Inputs.Text(args, "serviceName") is { } serviceName && AwsRegions.OfEndpointService(serviceName) is { } serviceRegion && AwsRegions.IsWellFormed(serviceRegion) && serviceRegion != Region)
        {
            // DescribeVpcEndpointServices answers for the client's region only (EC2 API reference); the service is not found elsewhere.
            return new(token, "serviceName", serviceName, $"an endpoint service of region {Region}, where the stack deploys, and this one is in {serviceRegion}");
        }

        return CheckArns(token, args).FirstOrDefault();
    }

    /// <summary>Remembers what a function answered that later rules need (the architecture of an AMI found by getAmi).</summary>
    public void Answered(string token, IReadOnlyDictionary<string, object> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (token == GetAmi && Inputs.Text(result, "id") is { } id && Inputs.Text(result, "architecture") is { } architecture)
        {
            lock (_gate)
            {
                _amiArchitectures[id] = architecture;
            }
        }
    }

    private static ConstraintViolation Violation(Registration r, string field, string value, string rule) => new(r.Subject, field, value, rule);

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Display(object? value) => value switch
    {
        IReadOnlyDictionary<string, object> map => "{" + string.Join(", ", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {Display(kv.Value)}")) + "}",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        null => "null",
        _ => value.ToString() ?? "",
    };

    private IEnumerable<ConstraintViolation> CheckTags(Registration r)
    {
        if (r.Type == AwsTypes.AutoScalingGroup || Inputs.Map(r.Inputs, "tags") is not { } tags)
        {
            yield break;
        }

        if (tags.Count > AwsTags.MaxPerResource)
        {
            yield return Violation(r, "tags", $"{tags.Count} tags", $"at most {AwsTags.MaxPerResource} tags per resource");
        }

        var restricted = AwsTags.HasRestrictedCharacters(r.Type);
        foreach (var (key, value) in tags.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (AwsTags.CheckKey(key, restricted) is { } keyRule)
            {
                yield return Violation(r, "tags", key, keyRule);
            }

            if (AwsTags.CheckValue(value as string ?? "", restricted) is { } valueRule)
            {
                yield return Violation(r, $"tags.{key}", value as string ?? "", valueRule);
            }
        }
    }

    /// <summary>
    /// Every ARN in the inputs (policy documents included) names the region's partition: a resource of another
    /// partition does not exist for this one (IAM User Guide, "IAM ARNs"; AWS General Reference, "Amazon Resource Names").
    /// </summary>
    private IEnumerable<ConstraintViolation> CheckArns(string subject, IReadOnlyDictionary<string, object> inputs)
    {
        foreach (var (field, value) in Inputs.Strings(inputs))
        {
            foreach (Match match in ArnPartition().Matches(value))
            {
                var partition = match.Groups[1].Value;
                if (partition != Partition)
                {
                    var arn = value.StartsWith("arn:", StringComparison.Ordinal) ? value : match.Value + "…";
                    yield return new(subject, field, arn, $"ARNs of partition {Partition}, the partition of region {Region}, and this one is of {(partition.Length == 0 ? "no partition" : partition)}");
                    break;
                }
            }
        }
    }

    private IEnumerable<ConstraintViolation> CheckVpc(Registration r)
    {
        if (Inputs.Text(r.Inputs, "cidrBlock") is not { } text)
        {
            if (!Inputs.Has(r.Inputs, "ipv4IpamPoolId"))
            {
                // CreateVpc needs an IPv4 block or an IPAM pool (EC2 API reference, CreateVpc).
                yield return Violation(r, "cidrBlock", "(not set)", "an IPv4 CIDR block (or an IPAM pool)");
            }

            yield break;
        }

        if (!Cidr.TryParse(text, out var block, out var hostBits) || hostBits || block.PrefixLength is < VpcRules.LargestBlock or > VpcRules.SmallestBlock)
        {
            yield return Violation(r, "cidrBlock", text, "an IPv4 network address with a prefix length from /16 to /28");
        }
    }

    private IEnumerable<ConstraintViolation> CheckSubnet(Registration r)
    {
        var text = Inputs.Text(r.Inputs, "cidrBlock");
        if (text is not null)
        {
            if (!Cidr.TryParse(text, out var block, out var hostBits) || hostBits || block.PrefixLength is < VpcRules.LargestBlock or > VpcRules.SmallestBlock)
            {
                yield return Violation(r, "cidrBlock", text, "an IPv4 network address with a prefix length from /16 to /28");
                yield break;
            }

            if (Inputs.Text(r.Inputs, "vpcId") is { } vpcId && _vpcs.TryGetValue(vpcId, out var vpcBlock))
            {
                if (!vpcBlock.Contains(block))
                {
                    yield return Violation(r, "cidrBlock", text, $"a block inside its VPC's {vpcBlock}");
                    yield break;
                }

                if (_subnetIdsOfVpc.GetValueOrDefault(vpcId)?.Select(id => _subnets[id]).FirstOrDefault(s => s.Block.Overlaps(block)) is { } other)
                {
                    yield return Violation(r, "cidrBlock", text, $"a block that overlaps no other subnet of the VPC, and {other.Name} has {other.Block}");
                }
            }
        }

        if (Inputs.Text(r.Inputs, "availabilityZone") is { } zone && !AvailabilityZones.Contains(zone))
        {
            yield return Violation(r, "availabilityZone", zone, $"an availability zone of region {Region}: {string.Join(", ", AvailabilityZones)}");
        }
    }

    private IEnumerable<ConstraintViolation> CheckRouteTable(Registration r)
    {
        var routes = Inputs.List(r.Inputs, "routes").OfType<IReadOnlyDictionary<string, object>>().ToList();
        for (var i = 0; i < routes.Count; i++)
        {
            foreach (var violation in CheckRouteShape(r, routes[i], $"routes[{i}]."))
            {
                yield return violation;
            }

            if (CheckRouteToTransitGateway(r, Inputs.Text(r.Inputs, "vpcId"), routes[i], $"routes[{i}].") is { } unattached)
            {
                yield return unattached;
            }
        }
    }

    private IEnumerable<ConstraintViolation> CheckRouteShape(Registration r, IReadOnlyDictionary<string, object> route, string prefix)
    {
        var destinations = RouteDestinations.Where(f => Inputs.Has(route, f)).ToList();
        if (destinations.Count != 1)
        {
            yield return Violation(r, prefix + string.Join("+", destinations.DefaultIfEmpty("destination")), destinations.Count == 0 ? "(not set)" : string.Join(", ", destinations.Select(d => Inputs.Text(route, d))),
                $"exactly one destination, one of {string.Join(", ", RouteDestinations)}");
        }

        var targets = RouteTargets.Where(f => Inputs.Has(route, f)).ToList();
        if (targets.Count != 1)
        {
            yield return Violation(r, prefix + string.Join("+", targets.DefaultIfEmpty("target")), targets.Count == 0 ? "(not set)" : string.Join(", ", targets.Select(t => Inputs.Text(route, t))),
                $"exactly one target, one of {string.Join(", ", RouteTargets)}");
        }
    }

    private IEnumerable<ConstraintViolation> CheckRoute(Registration r)
    {
        foreach (var violation in CheckRouteShape(r, r.Inputs, ""))
        {
            yield return violation;
        }

        if (Inputs.Text(r.Inputs, "routeTableId") is { } tableId && _routeTables.TryGetValue(tableId, out var table))
        {
            if (table.EdgeGateway is not null && CheckEdgeRoute(r, table, r.Inputs, "") is { } edge)
            {
                yield return edge;
            }

            if (CheckRouteToTransitGateway(r, table.VpcId, r.Inputs, "") is { } unattached)
            {
                yield return unattached;
            }
        }
    }

    /// <summary>
    /// Routes of a gateway (edge) route table: the destination is the VPC's block or a block inside it, and the target a
    /// Gateway Load Balancer endpoint or a network interface (Amazon VPC User Guide, "Gateway route tables").
    /// </summary>
    private ConstraintViolation? CheckEdgeRoute(Registration r, RouteTableState table, IReadOnlyDictionary<string, object> route, string prefix)
    {
        var destination = Inputs.Text(route, "destinationCidrBlock");
        if (destination is null || !Cidr.TryParse(destination, out var block) || (table.VpcId is { } vpc && _vpcs.TryGetValue(vpc, out var vpcBlock) && !vpcBlock.Contains(block)))
        {
            var shown = destination ?? Inputs.Text(route, "destinationPrefixListId") ?? "(not set)";
            return Violation(r, prefix + "destinationCidrBlock", shown, $"a destination inside the VPC's block, because {table.Name} is a gateway route table (associated with {table.EdgeGateway})");
        }

        var endpoint = Inputs.Text(route, "vpcEndpointId");
        var isGwlbEndpoint = endpoint is not null && _endpointTypes.GetValueOrDefault(endpoint) == "GatewayLoadBalancer";
        if (!isGwlbEndpoint && !Inputs.Has(route, "networkInterfaceId"))
        {
            var target = RouteTargets.FirstOrDefault(t => Inputs.Has(route, t)) ?? "target";
            return Violation(r, prefix + target, Inputs.Text(route, target) ?? "(not set)",
                $"a Gateway Load Balancer endpoint or a network interface as target, because {table.Name} is a gateway route table (associated with {table.EdgeGateway})");
        }

        return null;
    }

    private IEnumerable<ConstraintViolation> CheckAssociation(Registration r)
    {
        var hasSubnet = Inputs.Has(r.Inputs, "subnetId");
        var gateway = Inputs.Text(r.Inputs, "gatewayId");
        if (hasSubnet == (gateway is not null))
        {
            // aws_route_table_association: ExactlyOneOf subnet_id, gateway_id (terraform-provider-aws vpc_route_table_association.go).
            yield return Violation(r, hasSubnet ? "subnetId+gatewayId" : "subnetId", hasSubnet ? $"{Inputs.Text(r.Inputs, "subnetId")}, {gateway}" : "(not set)", "exactly one of subnetId or gatewayId");
            yield break;
        }

        if (gateway is not null && Inputs.Text(r.Inputs, "routeTableId") is { } tableId && _routeTables.TryGetValue(tableId, out var table))
        {
            var edge = table with { EdgeGateway = gateway };
            for (var i = 0; i < table.Routes.Count; i++)
            {
                if (CheckEdgeRoute(r, edge, table.Routes[i], $"routeTable.routes[{i}].") is { } violation)
                {
                    yield return violation;
                }
            }
        }
    }

    private IEnumerable<ConstraintViolation> CheckVpcEndpoint(Registration r)
    {
        var serviceName = Inputs.Text(r.Inputs, "serviceName");
        if (serviceName is not null && AwsRegions.OfEndpointService(serviceName) is { } serviceRegion && AwsRegions.IsWellFormed(serviceRegion) && serviceRegion != Region)
        {
            // PrivateLink Guide, "Cross-Region connectivity": gateway and Gateway Load Balancer endpoints reach services of their own region only.
            var type = Inputs.Text(r.Inputs, "vpcEndpointType") ?? "Gateway";
            if (type != "Interface")
            {
                yield return Violation(r, "serviceName", serviceName, $"a service in region {Region}, because a {type} endpoint connects only to services of its own region");
            }
        }

        var endpointType = Inputs.Text(r.Inputs, "vpcEndpointType") ?? "Gateway";
        var subnets = Inputs.Texts(r.Inputs, "subnetIds");
        if (endpointType == "GatewayLoadBalancer" && subnets.Count != 1)
        {
            // CreateVpcEndpoint: "For a Gateway Load Balancer endpoint, you can specify only one subnet."
            yield return Violation(r, "subnetIds", $"{subnets.Count} subnets", "exactly one subnet for a Gateway Load Balancer endpoint");
        }

        if (endpointType != "Gateway" && CheckAddresses(r, subnets) is { } full)
        {
            yield return full;
        }
    }

    /// <summary>Each network interface takes an address; a subnet has its size minus the 5 AWS reserves (Amazon VPC User Guide, "Subnet CIDR blocks").</summary>
    private ConstraintViolation? CheckAddresses(Registration r, IReadOnlyList<string> subnetIds, string field = "subnetIds")
    {
        foreach (var subnetId in subnetIds)
        {
            if (_subnets.TryGetValue(subnetId, out var subnet) && subnet.Interfaces + 1 > VpcRules.UsableAddresses(subnet.Block.PrefixLength))
            {
                return Violation(r, field, subnetId,
                    $"a subnet with a free address, and {subnet.Name} ({subnet.Block}) has {VpcRules.UsableAddresses(subnet.Block.PrefixLength)} usable addresses (AWS reserves {VpcRules.ReservedAddressesPerSubnet}), all taken");
            }
        }

        return null;
    }

    private IEnumerable<ConstraintViolation> CheckNatGateway(Registration r)
    {
        if (Inputs.Text(r.Inputs, "subnetId") is not { } subnet)
        {
            yield return Violation(r, "subnetId", "(not set)", "the subnet the NAT gateway lives in (required by the provider's schema)");
        }
        else if (CheckAddresses(r, [subnet], "subnetId") is { } full)
        {
            yield return full;
        }
    }

    private IEnumerable<ConstraintViolation> CheckEip(Registration r)
    {
        if (Inputs.Text(r.Inputs, "domain") is { } domain && domain is not ("vpc" or "standard"))
        {
            // aws_eip domain: StringInSlice(vpc, standard) (terraform-provider-aws ec2_eip.go).
            yield return Violation(r, "domain", domain, "vpc or standard");
        }
    }

    private IEnumerable<ConstraintViolation> CheckInstanceType(Registration r, string field, string? instanceType, string? ami)
    {
        if (instanceType is null)
        {
            yield break;
        }

        var architecture = Ec2InstanceTypes.ArchitectureOf(instanceType);
        if (architecture is null)
        {
            yield return Violation(r, field, instanceType, $"an EC2 instance type that exists (the program's table as of {Ec2InstanceTypes.AsOf})");
            yield break;
        }

        if (ami is not null && _amiArchitectures.TryGetValue(ami, out var amiArchitecture) && amiArchitecture != architecture)
        {
            yield return Violation(r, field, instanceType, $"an instance type of the AMI's architecture: {ami} is {amiArchitecture} and {instanceType} is {architecture}");
        }
    }

    private IEnumerable<ConstraintViolation> CheckInstance(Registration r)
    {
        var violations = CheckInstanceType(r, "instanceType", Inputs.Text(r.Inputs, "instanceType"), Inputs.Text(r.Inputs, "ami"));
        if (Inputs.Text(r.Inputs, "subnetId") is { } subnet && CheckAddresses(r, [subnet], "subnetId") is { } full)
        {
            violations = violations.Append(full);
        }

        return violations;
    }

    private IEnumerable<ConstraintViolation> CheckLaunchTemplate(Registration r) =>
        CheckName(r, NameRules.LaunchTemplate, "name", "namePrefix")
            .Concat(CheckInstanceType(r, "instanceType", Inputs.Text(r.Inputs, "instanceType"), Inputs.Text(r.Inputs, "imageId")));

    private IEnumerable<ConstraintViolation> CheckAutoScalingGroup(Registration r)
    {
        foreach (var violation in CheckName(r, NameRules.AutoScalingGroup, "name", "namePrefix"))
        {
            yield return violation;
        }

        var min = Inputs.Number(r.Inputs, "minSize");
        var max = Inputs.Number(r.Inputs, "maxSize");
        var desired = Inputs.Number(r.Inputs, "desiredCapacity");
        if (min is { } low && max is { } high && low > high)
        {
            // CreateAutoScalingGroup: MinSize ≤ MaxSize, DesiredCapacity between them (EC2 Auto Scaling API reference).
            yield return Violation(r, "minSize", Show(low), $"at most maxSize ({Show(high)})");
        }

        if (desired is { } want && ((min is { } floor && want < floor) || (max is { } ceiling && want > ceiling)))
        {
            yield return Violation(r, "desiredCapacity", Show(want), $"between minSize ({Show(min ?? 0)}) and maxSize ({Show(max ?? 0)})");
        }

        // Auto Scaling tags are a list of {key, value, propagateAtLaunch} (the provider's aws_autoscaling_group tag block), 50 per group.
        var tags = Inputs.List(r.Inputs, "tags");
        if (tags.Count > AwsTags.MaxPerResource)
        {
            yield return Violation(r, "tags", $"{tags.Count} tags", $"at most {AwsTags.MaxPerResource} tags per Auto Scaling group");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i] is not IReadOnlyDictionary<string, object> tag || Inputs.Text(tag, "key") is not { } key || !tag.ContainsKey("propagateAtLaunch"))
            {
                yield return Violation(r, $"tags[{i}]", Display(tags[i]), "a tag of the fields key, value and propagateAtLaunch");
                continue;
            }

            if (AwsTags.CheckKey(key, restricted: false) is { } keyRule)
            {
                yield return Violation(r, $"tags[{i}].key", key, keyRule);
            }

            if (AwsTags.CheckValue(Inputs.Text(tag, "value") ?? "", restricted: false) is { } valueRule)
            {
                yield return Violation(r, $"tags[{i}].value", Inputs.Text(tag, "value") ?? "", valueRule);
            }
        }
    }

    private IEnumerable<ConstraintViolation> CheckLoadBalancer(Registration r)
    {
        foreach (var violation in CheckName(r, NameRules.LoadBalancer, "name", "namePrefix"))
        {
            yield return violation;
        }

        var type = Inputs.Text(r.Inputs, "loadBalancerType") ?? "application";
        if (type is not ("application" or "network" or "gateway"))
        {
            // aws_lb load_balancer_type: StringInSlice(application, gateway, network).
            yield return Violation(r, "loadBalancerType", type, "application, network or gateway");
        }

        if (CheckAddresses(r, Inputs.Texts(r.Inputs, "subnets"), "subnets") is { } full)
        {
            yield return full;
        }
    }

    private IEnumerable<ConstraintViolation> CheckTargetGroup(Registration r)
    {
        foreach (var violation in CheckName(r, NameRules.TargetGroup, "name", "namePrefix"))
        {
            yield return violation;
        }

        if (Inputs.Text(r.Inputs, "protocol") == "GENEVE")
        {
            // CreateTargetGroup: "GENEVE: port 6081"; the health check cannot use GENEVE (TCP, HTTP or HTTPS).
            if (Inputs.Number(r.Inputs, "port") is { } port && port != 6081)
            {
                yield return Violation(r, "port", Show(port), "6081 for a GENEVE target group");
            }

            if (Inputs.Map(r.Inputs, "healthCheck") is { } check && Inputs.Text(check, "protocol") is { } protocol && protocol is not ("TCP" or "HTTP" or "HTTPS"))
            {
                yield return Violation(r, "healthCheck.protocol", protocol, "TCP, HTTP or HTTPS for a GENEVE target group's health check");
            }
        }

        if (Inputs.Map(r.Inputs, "healthCheck") is { } health && Inputs.Text(health, "port") is { } checkPort && checkPort != "traffic-port"
            && !(int.TryParse(checkPort, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535))
        {
            yield return Violation(r, "healthCheck.port", checkPort, "traffic-port or a port from 1 to 65535");
        }
    }

    private IEnumerable<ConstraintViolation> CheckListener(Registration r)
    {
        if (Inputs.Text(r.Inputs, "loadBalancerArn") is { } arn && _loadBalancerTypes.GetValueOrDefault(arn) == "gateway")
        {
            // CreateListener: "[Gateway Load Balancers] You cannot specify a protocol" nor a port (ELB v2 API reference).
            foreach (var field in new[] { "port", "protocol" })
            {
                if (r.Inputs.TryGetValue(field, out var value) && value is not null)
                {
                    yield return Violation(r, field, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", "no value on a Gateway Load Balancer's listener");
                }
            }
        }

        if (Inputs.List(r.Inputs, "defaultActions").Count == 0)
        {
            yield return Violation(r, "defaultActions", "(not set)", "at least one default action (required by the provider's schema)");
        }
    }

    private IEnumerable<ConstraintViolation> CheckEndpointService(Registration r)
    {
        var gateway = Inputs.Texts(r.Inputs, "gatewayLoadBalancerArns").Count;
        var network = Inputs.Texts(r.Inputs, "networkLoadBalancerArns").Count;
        if ((gateway == 0) == (network == 0))
        {
            // CreateVpcEndpointServiceConfiguration takes Gateway Load Balancers or Network Load Balancers, not both.
            yield return Violation(r, "gatewayLoadBalancerArns", $"{gateway} gateway and {network} network load balancers", "load balancers of one kind: gateway or network");
        }

        if (!r.Inputs.ContainsKey("acceptanceRequired"))
        {
            yield return Violation(r, "acceptanceRequired", "(not set)", "true or false (required by the provider's schema)");
        }
    }

    private IEnumerable<ConstraintViolation> CheckSecurityGroup(Registration r)
    {
        if (Inputs.Text(r.Inputs, "description") is { } description && NameRules.SecurityGroupDescription.Check(description) is { } rule)
        {
            yield return Violation(r, "description", description, rule);
        }

        foreach (var violation in CheckName(r, NameRules.SecurityGroupName, "name", "namePrefix"))
        {
            yield return violation;
        }
    }

    private IEnumerable<ConstraintViolation> CheckSecurityGroupRule(Registration r)
    {
        var peers = RulePeers.Where(f => Inputs.Has(r.Inputs, f)).ToList();
        if (peers.Count != 1)
        {
            yield return Violation(r, peers.Count == 0 ? "cidrIpv4" : string.Join("+", peers), peers.Count == 0 ? "(not set)" : string.Join(", ", peers.Select(p => Inputs.Text(r.Inputs, p))),
                $"exactly one of {string.Join(", ", RulePeers)}");
        }

        if (Inputs.Text(r.Inputs, "cidrIpv4") is { } cidr && !Cidr.TryParse(cidr, out _, out _))
        {
            yield return Violation(r, "cidrIpv4", cidr, "an IPv4 CIDR block");
        }
        else if (Inputs.Text(r.Inputs, "cidrIpv4") is { } withHostBits && Cidr.TryParse(withHostBits, out _, out var setBits) && setBits)
        {
            // The provider's verify.ValidIPv4CIDRNetworkAddress refuses host bits at preview.
            yield return Violation(r, "cidrIpv4", withHostBits, "the network address of the block, with the host bits zero");
        }

        if (!Inputs.Has(r.Inputs, "ipProtocol"))
        {
            yield return Violation(r, "ipProtocol", "(not set)", "a protocol: tcp, udp, icmp, a number or -1 (required by the provider's schema)");
        }

        if (Inputs.Text(r.Inputs, "description") is { } description && NameRules.SecurityGroupRuleDescription.Check(description) is { } rule)
        {
            yield return Violation(r, "description", description, rule);
        }
    }

    private IEnumerable<ConstraintViolation> CheckRole(Registration r)
    {
        foreach (var violation in CheckName(r, NameRules.IamRole, "name", "namePrefix"))
        {
            yield return violation;
        }

        if (Inputs.Text(r.Inputs, "description") is { } description && NameRules.IamRoleDescription.Check(description) is { } rule)
        {
            yield return Violation(r, "description", description, rule);
        }

        if (!Inputs.Has(r.Inputs, "assumeRolePolicy"))
        {
            yield return Violation(r, "assumeRolePolicy", "(not set)", "a trust policy (required by the provider's schema)");
        }
    }

    private IEnumerable<ConstraintViolation> CheckLogGroup(Registration r)
    {
        foreach (var violation in CheckName(r, NameRules.LogGroup, "name", "namePrefix"))
        {
            yield return violation;
        }

        if (Inputs.Number(r.Inputs, "retentionInDays") is { } days && days != 0 && !StackSettings.AllowedRetentionDays.Contains((int)days))
        {
            // PutRetentionPolicy retentionInDays: one of the listed values (the provider validates the same list).
            yield return Violation(r, "retentionInDays", Show(days), $"0 (never expire) or one of {string.Join(", ", StackSettings.AllowedRetentionDays)}");
        }
    }

    private IEnumerable<ConstraintViolation> CheckFlowLog(Registration r)
    {
        var sources = FlowLogSources.Where(f => Inputs.Has(r.Inputs, f)).ToList();
        if (sources.Count != 1)
        {
            yield return Violation(r, sources.Count == 0 ? "vpcId" : string.Join("+", sources), sources.Count == 0 ? "(not set)" : string.Join(", ", sources.Select(s => Inputs.Text(r.Inputs, s))),
                $"exactly one of {string.Join(", ", FlowLogSources)}");
        }

        if (Inputs.Text(r.Inputs, "trafficType") is { } traffic && traffic is not ("ACCEPT" or "REJECT" or "ALL"))
        {
            yield return Violation(r, "trafficType", traffic, "ACCEPT, REJECT or ALL");
        }
    }

    private IEnumerable<ConstraintViolation> CheckBucket(Registration r)
    {
        if (Inputs.Text(r.Inputs, "bucket") is { } bucket)
        {
            if (S3BucketNames.Check(bucket) is { } rule)
            {
                yield return Violation(r, "bucket", bucket, rule);
            }
        }
        else if (Inputs.Text(r.Inputs, "bucketPrefix") is { } prefix)
        {
            if (S3BucketNames.CheckPrefix(prefix) is { } prefixRule)
            {
                yield return Violation(r, "bucketPrefix", prefix, prefixRule);
            }
        }
        else if (S3BucketNames.CheckAutoName(r.Name) is { } autoRule)
        {
            // Without a name the provider names the bucket after the logical name, a hyphen and 7 random characters.
            yield return Violation(r, "bucket (auto-named)", r.Name, autoRule);
        }
    }

    /// <summary>
    /// A resource's name: the given name, else its prefix, else the provider's auto-name (logical name, hyphen, 7
    /// random characters; see <see cref="NameRule.AutoNameSuffixLength"/>).
    /// </summary>
    private static IEnumerable<ConstraintViolation> CheckName(Registration r, NameRule rule, string nameField, string? prefixField)
    {
        if (Inputs.Text(r.Inputs, nameField) is { } name)
        {
            if (rule.Check(name) is { } allowed)
            {
                yield return Violation(r, nameField, name, allowed);
            }
        }
        else if (prefixField is not null && Inputs.Text(r.Inputs, prefixField) is { } prefix)
        {
            if (rule.CheckPrefix(prefix) is { } allowed)
            {
                yield return Violation(r, prefixField, prefix, allowed);
            }
        }
        else if (rule.CheckAutoName(r.Name) is { } allowed)
        {
            yield return Violation(r, nameField + " (auto-named)", r.Name, allowed);
        }
    }

    private void Remember(Registration r)
    {
        RememberTransit(r);
        switch (r.Type)
        {
            case AwsTypes.Vpc when Inputs.Text(r.Inputs, "cidrBlock") is { } text && Cidr.TryParse(text, out var block):
                _vpcs[r.Id] = block;
                break;
            case AwsTypes.Subnet when Inputs.Text(r.Inputs, "cidrBlock") is { } text && Cidr.TryParse(text, out var block):
                RememberSubnet(r.Id, new SubnetState(r.Name, Inputs.Text(r.Inputs, "vpcId"), block, Inputs.Text(r.Inputs, "availabilityZone")));
                break;
            case AwsTypes.RouteTable:
                _routeTables[r.Id] = new RouteTableState(r.Name, Inputs.Text(r.Inputs, "vpcId"), null,
                    [.. Inputs.List(r.Inputs, "routes").OfType<IReadOnlyDictionary<string, object>>()]);
                break;
            case AwsTypes.Route when Inputs.Text(r.Inputs, "routeTableId") is { } tableId && _routeTables.TryGetValue(tableId, out var table):
                _routeTables[tableId] = table with { Routes = [.. table.Routes, r.Inputs] };
                break;
            case AwsTypes.RouteTableAssociation when Inputs.Text(r.Inputs, "gatewayId") is { } gateway
                && Inputs.Text(r.Inputs, "routeTableId") is { } tableId && _routeTables.TryGetValue(tableId, out var table):
                _routeTables[tableId] = table with { EdgeGateway = gateway };
                break;
            case AwsTypes.VpcEndpoint:
                _endpointTypes[r.Id] = Inputs.Text(r.Inputs, "vpcEndpointType") ?? "Gateway";
                if (_endpointTypes[r.Id] != "Gateway")
                {
                    Occupy(Inputs.Texts(r.Inputs, "subnetIds"));
                }

                break;
            case AwsTypes.LoadBalancer:
                if (Inputs.Text(r.Outputs, "arn") is { } arn)
                {
                    _loadBalancerTypes[arn] = Inputs.Text(r.Inputs, "loadBalancerType") ?? "application";
                }

                Occupy(Inputs.Texts(r.Inputs, "subnets"));
                break;
            case AwsTypes.NatGateway or AwsTypes.Instance when Inputs.Text(r.Inputs, "subnetId") is { } subnet:
                Occupy([subnet]);
                break;
        }
    }

    /// <summary>Keeps a subnet, and its id under its VPC's in registration order, for the overlap check.</summary>
    private void RememberSubnet(string id, SubnetState subnet)
    {
        if (_subnets.TryGetValue(id, out var earlier) && earlier.VpcId is { } earlierVpc)
        {
            _subnetIdsOfVpc[earlierVpc].Remove(id);
        }

        _subnets[id] = subnet;
        if (subnet.VpcId is { } vpcId)
        {
            if (!_subnetIdsOfVpc.TryGetValue(vpcId, out var ids))
            {
                ids = [];
                _subnetIdsOfVpc[vpcId] = ids;
            }

            ids.Add(id);
        }
    }

    private void Occupy(IEnumerable<string> subnetIds)
    {
        foreach (var id in subnetIds)
        {
            if (_subnets.TryGetValue(id, out var subnet))
            {
                _subnets[id] = subnet with { Interfaces = subnet.Interfaces + 1 };
            }
        }
    }

    [GeneratedRegex(@"\barn:([a-z-]*):", RegexOptions.CultureInvariant)]
    private static partial Regex ArnPartition();

    private sealed record Registration(string Type, string Name, string Id, IReadOnlyDictionary<string, object> Inputs, IReadOnlyDictionary<string, object> Outputs)
    {
        public string Subject => $"{Name} ({Type})";
    }

    private sealed record SubnetState(string Name, string? VpcId, Cidr Block, string? AvailabilityZone, int Interfaces = 0);

    private sealed record RouteTableState(string Name, string? VpcId, string? EdgeGateway, IReadOnlyList<IReadOnlyDictionary<string, object>> Routes);
}
