using Infra.Model.Appliances;
using Infra.Model.Routing;

namespace Infra.Model.Analysis;

/// <summary>A Gateway Load Balancer.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="Arn">Its ARN (the mock's <c>arn</c> output), or the id when the mock gave none.</param>
/// <param name="SubnetIds">The subnets it has a node in (one per AZ).</param>
/// <param name="CrossZone">Whether cross-zone load balancing is on (off unless set, as in AWS).</param>
public sealed record GatewayLoadBalancerInfo(string Id, string Name, string Arn, IReadOnlyList<string> SubnetIds, bool CrossZone);

/// <summary>An EC2 instance, or one an Auto Scaling group keeps running.</summary>
/// <param name="Id">Its id (for an Auto Scaling group's instance, the group's id and the ordinal).</param>
/// <param name="Name">The logical name.</param>
/// <param name="SubnetId">Its subnet.</param>
/// <param name="InstanceType">Its type, e.g. <c>t3.small</c>.</param>
/// <param name="Role">The <c>Role</c> tag, when set.</param>
/// <param name="SecurityGroupIds">Its security groups (empty: the VPC's default group).</param>
/// <param name="Appliance">The <see cref="ApplianceTags.Key"/> tag: what software an inspection appliance runs, when set.</param>
/// <param name="AutoScalingGroup">The logical name of the Auto Scaling group that keeps it running, if any.</param>
public sealed record InstanceInfo(
    string Id, string Name, string? SubnetId, string? InstanceType, string? Role,
    IReadOnlyList<string>? SecurityGroupIds = null, string? Appliance = null, string? AutoScalingGroup = null);

/// <summary>An Auto Scaling group.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="SubnetIds">The subnets it launches into.</param>
/// <param name="MinSize">Its minimum size.</param>
/// <param name="MaxSize">Its maximum size.</param>
/// <param name="DesiredCapacity">How many instances it keeps running (the minimum when unset).</param>
/// <param name="TargetGroupArns">The target groups its instances are registered in.</param>
/// <param name="HealthCheckType"><c>EC2</c> or <c>ELB</c>.</param>
public sealed record AutoScalingGroupInfo(
    string Id, string Name, IReadOnlyList<string> SubnetIds, int MinSize, int MaxSize, int DesiredCapacity,
    IReadOnlyList<string> TargetGroupArns, string HealthCheckType);

/// <summary>A load balancer target group and its health check.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="Protocol">The traffic protocol (GENEVE for a Gateway Load Balancer).</param>
/// <param name="HealthCheckEnabled">Whether targets are health checked (AWS's default: yes).</param>
/// <param name="HealthCheckProtocol">TCP, HTTP or HTTPS (GENEVE target groups default to TCP).</param>
/// <param name="HealthCheckPort">The port (GENEVE target groups default to 80).</param>
public sealed record TargetGroupInfo(
    string Id, string Name, string Arn, string? Protocol, bool HealthCheckEnabled, string HealthCheckProtocol, int HealthCheckPort);

/// <summary>A VPC endpoint service.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="ServiceName">The service name consumers connect to (an output of the resource).</param>
/// <param name="GatewayLoadBalancerArns">The Gateway Load Balancers it publishes.</param>
public sealed record EndpointServiceInfo(string Id, string Name, string? ServiceName, IReadOnlyList<string> GatewayLoadBalancerArns);

/// <summary>One ingress rule of a security group.</summary>
/// <param name="SecurityGroupId">The group it belongs to.</param>
/// <param name="Protocol"><c>tcp</c>, <c>udp</c>, <c>icmp</c> or <c>-1</c> (all).</param>
/// <param name="FromPort">First port (null for all protocols).</param>
/// <param name="ToPort">Last port (null for all protocols).</param>
/// <param name="CidrIpv4">The IPv4 source block, when the source is a block.</param>
/// <param name="OtherSource">Any other kind of source (a security group or prefix list id), when not a block.</param>
public sealed record IngressRule(string SecurityGroupId, string Protocol, int? FromPort, int? ToPort, string? CidrIpv4, string? OtherSource)
{
    /// <summary>True when the rule's protocol and ports cover UDP <paramref name="port"/>.</summary>
    public bool CoversUdp(int port) => Covers("udp", "17", port);

    /// <summary>True when the rule's protocol and ports cover TCP <paramref name="port"/>.</summary>
    public bool CoversTcp(int port) => Covers("tcp", "6", port);

    /// <summary>The protocol by name or IANA number, and the port within the rule's range (or every protocol).</summary>
    private bool Covers(string protocolName, string protocolNumber, int port) =>
        Protocol is "-1" or "all" ||
        ((Protocol == protocolName || Protocol == protocolNumber) && (FromPort is null || FromPort <= port) && (ToPort is null || ToPort >= port));
}

/// <summary>
/// The resources of a run that the routing model does not read but the analysis needs: Gateway Load Balancers and
/// what sits behind them, instances, endpoint services, security group ingress rules and Elastic IPs.
/// </summary>
public sealed class NetworkInventory
{
    private readonly Dictionary<string, InstanceInfo> _instances;
    private readonly ILookup<string, string> _targetsByGroupArn;
    private readonly ILookup<string, string> _groupArnsByLoadBalancerArn;
    private readonly ILookup<string, IngressRule> _ingressBySecurityGroup;

    private NetworkInventory(IEnumerable<ResourceRecord> records)
    {
        var all = records.ToList();
        LoadBalancers =
        [
            .. all.Where(r => r.Type == AwsTypes.LoadBalancer && InputValues.String(r.Inputs, "loadBalancerType") == "gateway")
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new GatewayLoadBalancerInfo(
                    r.Id,
                    r.Name,
                    Arn(r),
                    [
                        .. InputValues.Strings(r.Inputs, "subnets"),
                        .. InputValues.List(r.Inputs, "subnetMappings").Select(InputValues.Map)
                            .Select(m => InputValues.String(m, "subnetId")).OfType<string>(),
                    ],
                    InputValues.Boolean(r.Inputs, "enableCrossZoneLoadBalancing") ?? false)),
        ];

        _instances = all.Where(r => r.Type == AwsTypes.Instance).ToDictionary(
            r => r.Id,
            r => new InstanceInfo(
                r.Id,
                r.Name,
                InputValues.String(r.Inputs, "subnetId"),
                InputValues.String(r.Inputs, "instanceType"),
                InputValues.Tags(r.Inputs).GetValueOrDefault("Role"),
                [.. InputValues.Strings(r.Inputs, "vpcSecurityGroupIds"), .. InputValues.Strings(r.Inputs, "securityGroups")],
                InputValues.Tags(r.Inputs).GetValueOrDefault(ApplianceTags.Key)),
            StringComparer.Ordinal);

        var templates = all.Where(r => r.Type == AwsTypes.LaunchTemplate).ToList();
        AutoScalingGroups =
        [
            .. all.Where(r => r.Type == AwsTypes.AutoScalingGroup)
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r =>
                {
                    var min = InputValues.Number(r.Inputs, "minSize") ?? 0;
                    return new AutoScalingGroupInfo(
                        r.Id,
                        r.Name,
                        InputValues.Strings(r.Inputs, "vpcZoneIdentifiers"),
                        min,
                        InputValues.Number(r.Inputs, "maxSize") ?? min,
                        InputValues.Number(r.Inputs, "desiredCapacity") ?? min,
                        InputValues.Strings(r.Inputs, "targetGroupArns"),
                        InputValues.String(r.Inputs, "healthCheckType") ?? "EC2");
                }),
        ];
        var fleetTargets = new List<(string Group, string Target)>();
        foreach (var group in AutoScalingGroups)
        {
            var record = all.First(r => r.Type == AwsTypes.AutoScalingGroup && r.Id == group.Id);
            var templateId = InputValues.String(InputValues.Map(record.Inputs.GetValueOrDefault("launchTemplate")), "id");
            var template = templates.FirstOrDefault(t => t.Id == templateId);
            var tags = TemplateInstanceTags(template);
            foreach (var instance in FleetInstances(group, template, tags))
            {
                _instances[instance.Id] = instance;
                fleetTargets.AddRange(group.TargetGroupArns.Select(arn => (arn, instance.Id)));
            }
        }

        Instances = [.. _instances.Values.OrderBy(i => i.Name, StringComparer.Ordinal)];

        _targetsByGroupArn = all.Where(r => r.Type == AwsTypes.TargetGroupAttachment)
            .Select(r => (group: InputValues.String(r.Inputs, "targetGroupArn"), target: InputValues.String(r.Inputs, "targetId")))
            .Where(a => a.group is not null && a.target is not null)
            .Select(a => (Group: a.group!, Target: a.target!))
            .Concat(fleetTargets)
            .ToLookup(a => a.Group, a => a.Target, StringComparer.Ordinal);

        TargetGroups =
        [
            .. all.Where(r => r.Type == AwsTypes.TargetGroup)
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r =>
                {
                    var protocol = InputValues.String(r.Inputs, "protocol");
                    var check = InputValues.Map(r.Inputs.GetValueOrDefault("healthCheck"));
                    var checkProtocol = (InputValues.String(check, "protocol") ?? "TCP").ToUpperInvariant();

                    // GENEVE target groups check port 80 unless told otherwise; traffic-port means the GENEVE port
                    // (Elastic Load Balancing API Reference, CreateTargetGroup, HealthCheckPort).
                    var portText = InputValues.String(check, "port");
                    var port = portText is null ? (protocol == "GENEVE" ? 80 : InputValues.Number(r.Inputs, "port") ?? 80)
                        : portText == "traffic-port" ? InputValues.Number(r.Inputs, "port") ?? 80
                        : InputValues.Number(check, "port") ?? 80;
                    return new TargetGroupInfo(r.Id, r.Name, Arn(r), protocol, InputValues.Boolean(check, "enabled") ?? true, checkProtocol, port);
                }),
        ];

        _groupArnsByLoadBalancerArn = all.Where(r => r.Type == AwsTypes.Listener)
            .SelectMany(r => InputValues.List(r.Inputs, "defaultActions")
                .Select(InputValues.Map)
                .SelectMany(action => new[] { InputValues.String(action, "targetGroupArn") }
                    .Concat(InputValues.List(InputValues.Map(action?.GetValueOrDefault("forward")), "targetGroups")
                        .Select(InputValues.Map).Select(g => InputValues.String(g, "arn"))))
                .OfType<string>()
                .Select(group => (lb: InputValues.String(r.Inputs, "loadBalancerArn"), group)))
            .Where(l => l.lb is not null)
            .ToLookup(l => l.lb!, l => l.group, StringComparer.Ordinal);

        EndpointServices =
        [
            .. all.Where(r => r.Type == AwsTypes.VpcEndpointService)
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new EndpointServiceInfo(
                    r.Id,
                    r.Name,
                    InputValues.String(r.Outputs, "serviceName") ?? InputValues.String(r.Inputs, "serviceName"),
                    InputValues.Strings(r.Inputs, "gatewayLoadBalancerArns"))),
        ];

        var separateRules = all.Where(r => r.Type == AwsTypes.SecurityGroupIngressRule)
            .Select(r => InputValues.String(r.Inputs, "securityGroupId") is { } group
                ? new IngressRule(
                    group,
                    (InputValues.String(r.Inputs, "ipProtocol") ?? "-1").ToLowerInvariant(),
                    InputValues.Number(r.Inputs, "fromPort"),
                    InputValues.Number(r.Inputs, "toPort"),
                    InputValues.String(r.Inputs, "cidrIpv4"),
                    InputValues.String(r.Inputs, "referencedSecurityGroupId") ?? InputValues.String(r.Inputs, "prefixListId"))
                : null)
            .OfType<IngressRule>();
        var inlineRules = all.Where(r => r.Type == AwsTypes.SecurityGroup)
            .SelectMany(r => InputValues.List(r.Inputs, "ingress").Select(InputValues.Map).OfType<IReadOnlyDictionary<string, object>>()
                .SelectMany(rule => InlineRules(r.Id, rule)));
        _ingressBySecurityGroup = separateRules.Concat(inlineRules).ToLookup(rule => rule.SecurityGroupId, StringComparer.Ordinal);

        ElasticIpCount = all.Count(r => r.Type == AwsTypes.Eip);
    }

    /// <summary>Gateway Load Balancers, by name.</summary>
    public IReadOnlyList<GatewayLoadBalancerInfo> LoadBalancers { get; }

    /// <summary>EC2 instances, by name.</summary>
    public IReadOnlyList<InstanceInfo> Instances { get; }

    /// <summary>Auto Scaling groups, by name.</summary>
    public IReadOnlyList<AutoScalingGroupInfo> AutoScalingGroups { get; }

    /// <summary>Target groups, by name.</summary>
    public IReadOnlyList<TargetGroupInfo> TargetGroups { get; }

    /// <summary>VPC endpoint services, by name.</summary>
    public IReadOnlyList<EndpointServiceInfo> EndpointServices { get; }

    /// <summary>How many Elastic IP addresses the stack allocates.</summary>
    public int ElasticIpCount { get; }

    /// <summary>Reads the inventory from every resource the program registered.</summary>
    public static NetworkInventory Build(IEnumerable<ResourceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new NetworkInventory(records);
    }

    /// <summary>The endpoint service of this stack with that service name, if any.</summary>
    public EndpointServiceInfo? EndpointServiceNamed(string? serviceName) =>
        serviceName is null ? null : EndpointServices.FirstOrDefault(s => s.ServiceName == serviceName);

    /// <summary>The Gateway Load Balancer with that ARN (or id), if any.</summary>
    public GatewayLoadBalancerInfo? LoadBalancerByArn(string arn) =>
        LoadBalancers.FirstOrDefault(lb => lb.Arn == arn || lb.Id == arn);

    /// <summary>The instances registered in the target groups the load balancer's listeners forward to.</summary>
    public IReadOnlyList<InstanceInfo> TargetsOf(GatewayLoadBalancerInfo loadBalancer)
    {
        ArgumentNullException.ThrowIfNull(loadBalancer);
        var groups = _groupArnsByLoadBalancerArn[loadBalancer.Arn].Concat(_groupArnsByLoadBalancerArn[loadBalancer.Id]).Distinct(StringComparer.Ordinal);
        return
        [
            .. groups.SelectMany(group => _targetsByGroupArn[group])
                .Distinct(StringComparer.Ordinal)
                .Select(id => _instances.GetValueOrDefault(id))
                .OfType<InstanceInfo>()
                .OrderBy(i => i.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>The target groups the load balancer's listeners forward to.</summary>
    public IReadOnlyList<TargetGroupInfo> TargetGroupsOf(GatewayLoadBalancerInfo loadBalancer)
    {
        ArgumentNullException.ThrowIfNull(loadBalancer);
        var arns = _groupArnsByLoadBalancerArn[loadBalancer.Arn].Concat(_groupArnsByLoadBalancerArn[loadBalancer.Id]).ToHashSet(StringComparer.Ordinal);
        return [.. TargetGroups.Where(g => arns.Contains(g.Arn) || arns.Contains(g.Id))];
    }

    /// <summary>The Auto Scaling group with that logical name, if any.</summary>
    public AutoScalingGroupInfo? AutoScalingGroupNamed(string? name) => name is null ? null : AutoScalingGroups.FirstOrDefault(g => g.Name == name);

    /// <summary>The ingress rules of a security group: separate rule resources and inline rules.</summary>
    public IReadOnlyList<IngressRule> IngressRulesOf(string securityGroupId) => [.. _ingressBySecurityGroup[securityGroupId]];

    private static IEnumerable<IngressRule> InlineRules(string groupId, IReadOnlyDictionary<string, object> rule)
    {
        var protocol = (InputValues.String(rule, "protocol") ?? "-1").ToLowerInvariant();
        var from = InputValues.Number(rule, "fromPort");
        var to = InputValues.Number(rule, "toPort");
        var blocks = InputValues.Strings(rule, "cidrBlocks");
        foreach (var block in blocks)
        {
            yield return new IngressRule(groupId, protocol, from, to, block, null);
        }

        foreach (var other in InputValues.Strings(rule, "securityGroups").Concat(InputValues.Strings(rule, "prefixListIds")))
        {
            yield return new IngressRule(groupId, protocol, from, to, null, other);
        }
    }

    /// <summary>
    /// The instances a group keeps running, spread over its subnets in turn as Auto Scaling balances them over its
    /// zones, with the type, security groups and tags of its launch template.
    /// </summary>
    private static IEnumerable<InstanceInfo> FleetInstances(AutoScalingGroupInfo group, ResourceRecord? template, IReadOnlyDictionary<string, string> tags)
    {
        var securityGroups = template is null
            ? []
            : InputValues.Strings(template.Inputs, "vpcSecurityGroupIds")
                .Concat(InputValues.List(template.Inputs, "networkInterfaces").Select(InputValues.Map).SelectMany(n => InputValues.Strings(n, "securityGroups")))
                .ToList();
        for (var ordinal = 1; ordinal <= group.DesiredCapacity; ordinal++)
        {
            yield return new InstanceInfo(
                $"{group.Id}#{ordinal}",
                $"{group.Name}#{ordinal}",
                group.SubnetIds.Count == 0 ? null : group.SubnetIds[(ordinal - 1) % group.SubnetIds.Count],
                InputValues.String(template?.Inputs, "instanceType"),
                tags.GetValueOrDefault("Role"),
                securityGroups,
                tags.GetValueOrDefault(ApplianceTags.Key),
                group.Name);
        }
    }

    /// <summary>The tags a launch template gives its instances: its instance tag specification, else its own tags.</summary>
    private static IReadOnlyDictionary<string, string> TemplateInstanceTags(ResourceRecord? template)
    {
        if (template is null)
        {
            return new Dictionary<string, string>();
        }

        var specification = InputValues.List(template.Inputs, "tagSpecifications").Select(InputValues.Map)
            .FirstOrDefault(spec => InputValues.String(spec, "resourceType") == "instance");
        return specification is null ? InputValues.Tags(template.Inputs) : InputValues.Tags(specification);
    }

    private static string Arn(ResourceRecord record) =>
        InputValues.String(record.Outputs, "arn") ?? InputValues.String(record.Inputs, "arn") ?? record.Id;
}

