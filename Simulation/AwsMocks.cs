using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Infra.Model.Aws;
using Infra.Model.Routing;
using Infra.Simulation.Constraints;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Simulation;

/// <summary>
/// Mocks that answer like AWS would: ids of the real shapes (vpc-…, subnet-…, rtb-…, vpce-…), the computed
/// attributes the program reads (ARNs, prefix-list ids, endpoint DNS names, the endpoint service name), and the
/// region's availability zones, with ARNs in the region's partition. Every registration and call first goes through
/// <see cref="Constraints"/>, so a resource AWS would refuse fails the run with one sentence; every accepted registration
/// is recorded as the routing model reads it.
/// </summary>
public sealed class AwsMocks : IMocks
{
    public const string AccountId = "123456789012";
    public const string AmiId = "ami-0123456789abcdef0";

    private static readonly ImmutableDictionary<string, string> IdPrefixes = new Dictionary<string, string>
    {
        [AwsTypes.Vpc] = "vpc",
        [AwsTypes.Subnet] = "subnet",
        [AwsTypes.InternetGateway] = "igw",
        [AwsTypes.NatGateway] = "nat",
        [AwsTypes.RouteTable] = "rtb",
        [AwsTypes.Route] = "r-rtb",
        [AwsTypes.RouteTableAssociation] = "rtbassoc",
        [AwsTypes.VpcEndpoint] = "vpce",
        [AwsTypes.Eip] = "eipalloc",
        [AwsTypes.SecurityGroup] = "sg",
        [AwsTypes.DefaultSecurityGroup] = "sg",
        [AwsTypes.SecurityGroupIngressRule] = "sgr",
        [AwsTypes.SecurityGroupEgressRule] = "sgr",
        [AwsTypes.Instance] = "i",
        [AwsTypes.FlowLog] = "fl",
        [AwsTypes.VpcEndpointService] = "vpce-svc",
        [AwsTypes.LaunchTemplate] = "lt",
        [AwsTypes.TransitGateway] = "tgw",
        [AwsTypes.TransitGatewayVpcAttachment] = "tgw-attach",
        [AwsTypes.TransitGatewayRouteTable] = "tgw-rtb",
    }.ToImmutableDictionary();

    /// <summary>The ARN resource type of each Transit Gateway resource with an ARN (EC2 "Resource types defined by Amazon EC2").</summary>
    private static readonly ImmutableDictionary<string, string> TransitArnTypes = new Dictionary<string, string>
    {
        [AwsTypes.TransitGateway] = "transit-gateway",
        [AwsTypes.TransitGatewayVpcAttachment] = "transit-gateway-attachment",
        [AwsTypes.TransitGatewayRouteTable] = "transit-gateway-route-table",
    }.ToImmutableDictionary();

    private readonly ConcurrentQueue<ResourceRecord> _records = new();
    private readonly ConcurrentQueue<MockCallArgs> _calls = new();
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, object>> _stacks = new(StringComparer.Ordinal);
    private RunException? _refusal;

    public AwsMocks(string region = "eu-west-1", int availabilityZones = 3)
    {
        Region = region;
        AvailabilityZones = Enumerable.Range(0, availabilityZones).Select(i => $"{region}{(char)('a' + i)}").ToImmutableArray();
        Constraints = new AwsConstraints(region, AvailabilityZones);
    }

    /// <summary>The rules AWS and the provider enforce, which every registration and call must pass.</summary>
    public AwsConstraints Constraints { get; }

    /// <summary>The region's partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>), which every ARN the mocks make names.</summary>
    public string Partition => Constraints.Partition;

    public string Region { get; }

    public ImmutableArray<string> AvailabilityZones { get; }

    /// <summary>
    /// The zones (in this account's names) an endpoint service of another stack offers, as the
    /// getVpcEndpointService invoke answers in consumer mode; null: every zone of the region. A service this run
    /// created answers with the zones of its Gateway Load Balancer's subnets instead.
    /// </summary>
    public IReadOnlyList<string>? EndpointServiceZones { get; init; }

    /// <summary>
    /// False to answer the getVpcEndpointService invoke as the provider does for a service this account may not see
    /// (not among the service's allowed principals, or a wrong name): with an error.
    /// </summary>
    public bool EndpointServiceVisible { get; init; } = true;

    /// <summary>Every resource registered, in registration order.</summary>
    public IReadOnlyList<ResourceRecord> Records => _records.ToList();

    public IReadOnlyList<MockCallArgs> Calls => _calls.ToList();

    /// <summary>Prefix-list ids the mocks gave each gateway endpoint service.</summary>
    public IReadOnlyDictionary<string, string> PrefixListIds => new Dictionary<string, string>
    {
        [$"com.amazonaws.{Region}.s3"] = "pl-6ea54007",
        [$"com.amazonaws.{Region}.dynamodb"] = "pl-6fa54006",
    };

    /// <summary>
    /// Makes a stack known to the run's stack references, as the Pulumi backend holds it: its fully qualified name
    /// (organization/project/stack) and its outputs.
    /// </summary>
    public void AddStack(string fullyQualifiedName, IReadOnlyDictionary<string, object> outputs) => _stacks[fullyQualifiedName] = outputs;

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var type = args.Type!;
        if (type == StackReferenceType)
        {
            return Task.FromResult(ReadStack(args));
        }

        var name = args.Name!;
        var id = IdPrefixes.TryGetValue(type, out var prefix) ? $"{prefix}-{StableHex(type + "/" + name)}" : TransitId(type, args.Inputs) ?? $"{name}-{StableHex(type + "/" + name)[..9]}";
        var state = args.Inputs.ToBuilder();
        state["arn"] = TransitArnTypes.TryGetValue(type, out var arnType)
            ? $"arn:{Partition}:ec2:{Region}:{AccountId}:{arnType}/{id}"
            : $"arn:{Partition}:{Service(type)}:{Region}:{AccountId}:{name}/{id}";
        switch (type)
        {
            case AwsTypes.TransitGateway or AwsTypes.TransitGatewayVpcAttachment or AwsTypes.TransitGatewayRouteTable
                or AwsTypes.TransitGatewayRouteTableAssociation or AwsTypes.TransitGatewayRouteTablePropagation or AwsTypes.TransitGatewayRoute:
                AnswerTransit(type, name, state);
                break;
            case AwsTypes.VpcEndpoint when Text(args.Inputs, "vpcEndpointType") == "Gateway":
                state["prefixListId"] = PrefixListIds.GetValueOrDefault(Text(args.Inputs, "serviceName") ?? "", "pl-00000000");
                break;
            case AwsTypes.VpcEndpoint when Text(args.Inputs, "vpcEndpointType") == "Interface":
                state["dnsEntries"] = ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty
                    .Add("dnsName", $"{id}.{Text(args.Inputs, "serviceName")?.Split('.').Last()}.{Region}.vpce.amazonaws.com")
                    .Add("hostedZoneId", "Z7HUB22UULQXV"));
                break;
            case AwsTypes.Vpc:
                state["defaultRouteTableId"] = $"rtb-{StableHex("main/" + name)}";
                state["mainRouteTableId"] = state["defaultRouteTableId"];
                state["defaultSecurityGroupId"] = $"sg-{StableHex("default/" + name)}";
                break;
            case AwsTypes.VpcEndpointService:
                state["serviceName"] = $"com.amazonaws.vpce.{Region}.{id}";
                break;
            case "random:index/randomString:RandomString":
                state["result"] = "k3x9q2ab";
                break;
            case AwsTypes.IamRole or AwsTypes.IamInstanceProfile:
                state["name"] = name;
                break;
            case AwsTypes.LaunchTemplate:
                state["latestVersion"] = 1.0;
                break;
            case AwsTypes.AutoScalingGroup:
                state["name"] = id;
                break;
        }

        var outputs = state.ToImmutable();
        Refuse(Constraints.Admit(type, name, id, args.Inputs, outputs));
        _records.Enqueue(new ResourceRecord(type, name, id, args.Inputs) { Outputs = outputs });
        return Task.FromResult<(string?, object)>((id, outputs));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        _calls.Enqueue(args);
        Refuse(Constraints.AdmitCall(args.Token!, args.Args));
        var result = args.Token switch
        {
            "aws:index/getAvailabilityZones:getAvailabilityZones" => ImmutableDictionary<string, object>.Empty
                .Add("names", AvailabilityZones.Cast<object>().ToImmutableArray())
                .Add("zoneIds", AvailabilityZones.Select((_, i) => (object)$"euw1-az{i + 1}").ToImmutableArray())
                .Add("id", Region),
            "aws:index/getCallerIdentity:getCallerIdentity" => ImmutableDictionary<string, object>.Empty
                .Add("accountId", AccountId)
                .Add("arn", $"arn:{Partition}:iam::{AccountId}:user/ci")
                .Add("userId", "AIDAEXAMPLE")
                .Add("id", AccountId),
            "aws:ec2/getAmi:getAmi" => ImmutableDictionary<string, object>.Empty
                .Add("id", AmiId).Add("name", "al2023-ami-2023.6-x86_64").Add("architecture", "x86_64").Add("rootDeviceName", "/dev/xvda"),
            "aws:ec2/getVpcEndpointService:getVpcEndpointService" => EndpointService(Text(args.Args, "serviceName") ?? ""),
            _ => ImmutableDictionary<string, object>.Empty,
        };
        Constraints.Answered(args.Token!, result);
        return Task.FromResult<object>(result);
    }

    /// <summary>
    /// Fails the registration or call with the violation's sentence. The first refusal stands for the rest of the run,
    /// so a run reports one sentence, not one per resource that follows.
    /// </summary>
    private void Refuse(ConstraintViolation? violation)
    {
        if (violation is not null)
        {
            Interlocked.CompareExchange(ref _refusal, new RunException(violation.Sentence), null);
        }

        if (_refusal is { } refusal)
        {
            throw refusal;
        }
    }

    private const string StackReferenceType = "pulumi:pulumi:StackReference";

    /// <summary>A stack reference is a read of the named stack: its id is the stack's name, its state the stack's outputs.</summary>
    private (string? id, object state) ReadStack(MockResourceArgs args)
    {
        var stack = args.Id ?? Text(args.Inputs, "name") ?? "";
        if (!_stacks.TryGetValue(stack, out var outputs))
        {
            var known = _stacks.IsEmpty ? "no other stack" : string.Join(", ", _stacks.Keys.Order(StringComparer.Ordinal));
            throw new Pulumi.RunException($"Stack {stack}, which a stack reference names, does not exist (the mocked backend has {known}).");
        }

        var state = ImmutableDictionary<string, object>.Empty
            .Add("name", stack)
            .Add("outputs", outputs.ToImmutableDictionary())
            .Add("secretOutputNames", ImmutableArray<object>.Empty);
        _records.Enqueue(new ResourceRecord(StackReferenceType, args.Name!, stack, args.Inputs) { Outputs = state });
        return (stack, state);
    }

    /// <summary>What DescribeVpcEndpointServices tells the caller about a GWLB endpoint service.</summary>
    private ImmutableDictionary<string, object> EndpointService(string serviceName)
    {
        if (!EndpointServiceVisible)
        {
            throw new InvalidOperationException("reading EC2 VPC Endpoint Service: no matching EC2 VPC Endpoint Service found");
        }

        var records = Records;
        var own = records.FirstOrDefault(r => r.Type == AwsTypes.VpcEndpointService && r.Outputs?.GetValueOrDefault("serviceName") as string == serviceName);
        IEnumerable<string> zones = EndpointServiceZones ?? AvailabilityZones;
        if (own is not null)
        {
            var loadBalancerArns = own.Inputs.GetValueOrDefault("gatewayLoadBalancerArns") is ImmutableArray<object> arns ? arns.OfType<string>().ToHashSet() : [];
            var subnetIds = records.Where(r => r.Type == AwsTypes.LoadBalancer && loadBalancerArns.Contains(r.Outputs?.GetValueOrDefault("arn") as string ?? ""))
                .SelectMany(r => r.Inputs.GetValueOrDefault("subnets") is ImmutableArray<object> subnets ? subnets.OfType<string>() : [])
                .ToHashSet();
            zones = records.Where(r => r.Type == AwsTypes.Subnet && subnetIds.Contains(r.Id))
                .Select(r => r.Inputs.GetValueOrDefault("availabilityZone") as string).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        }

        var id = serviceName.Split('.').Last();
        return ImmutableDictionary<string, object>.Empty
            .Add("id", id)
            .Add("serviceId", id)
            .Add("serviceName", serviceName)
            .Add("serviceType", "GatewayLoadBalancer")
            .Add("owner", AccountId)
            .Add("acceptanceRequired", false)
            .Add("availabilityZones", zones.Cast<object>().ToImmutableArray());
    }

    /// <summary>
    /// Ids the provider gives Transit Gateway resources without an EC2 id of their own: an association or propagation
    /// is <c>tgw-rtb-…_tgw-attach-…</c>, a static route <c>tgw-rtb-…_destination</c> (terraform-provider-aws
    /// transitgateway_route_table_association.go, _propagation.go, transitgateway_route.go).
    /// </summary>
    private static string? TransitId(string type, ImmutableDictionary<string, object> inputs) => type switch
    {
        AwsTypes.TransitGatewayRouteTableAssociation or AwsTypes.TransitGatewayRouteTablePropagation =>
            $"{Text(inputs, "transitGatewayRouteTableId")}_{Text(inputs, "transitGatewayAttachmentId")}",
        AwsTypes.TransitGatewayRoute => $"{Text(inputs, "transitGatewayRouteTableId")}_{Text(inputs, "destinationCidrBlock")}",
        _ => null,
    };

    /// <summary>
    /// What AWS and the provider answer for a Transit Gateway resource: the provider's defaults for unset options
    /// (<see cref="TransitGatewayRules"/>), the Amazon side ASN 64512, the owner, and for a gateway with default
    /// association or propagation on, the default route table AWS creates (CreateTransitGateway: one table, used as
    /// the association and the propagation default; none when both are off).
    /// </summary>
    private void AnswerTransit(string type, string name, ImmutableDictionary<string, object>.Builder state)
    {
        switch (type)
        {
            case AwsTypes.TransitGateway:
                Defaults(state, TransitGatewayRules.GatewayOptions);
                state.TryAdd("amazonSideAsn", (double)TransitGatewayRules.DefaultAmazonSideAsn);
                state.TryAdd("description", "");
                state.TryAdd("transitGatewayCidrBlocks", ImmutableArray<object>.Empty);
                state["ownerId"] = AccountId;
                var defaultTable = $"tgw-rtb-{StableHex("default/" + name)}";
                var association = (string)state["defaultRouteTableAssociation"] == TransitGatewayRules.Enable;
                var propagation = (string)state["defaultRouteTablePropagation"] == TransitGatewayRules.Enable;
                state["associationDefaultRouteTableId"] = association ? defaultTable : "";
                state["propagationDefaultRouteTableId"] = propagation ? defaultTable : "";
                break;
            case AwsTypes.TransitGatewayVpcAttachment:
                Defaults(state, TransitGatewayRules.AttachmentOptions);
                state.TryAdd("transitGatewayDefaultRouteTableAssociation", true);
                state.TryAdd("transitGatewayDefaultRouteTablePropagation", true);
                state["vpcOwnerId"] = AccountId;
                break;
            case AwsTypes.TransitGatewayRouteTable:
                state["defaultAssociationRouteTable"] = false;
                state["defaultPropagationRouteTable"] = false;
                break;
            case AwsTypes.TransitGatewayRouteTableAssociation or AwsTypes.TransitGatewayRouteTablePropagation:
                if (type == AwsTypes.TransitGatewayRouteTableAssociation)
                {
                    state.TryAdd("replaceExistingAssociation", false);
                }

                var attachmentId = state.GetValueOrDefault("transitGatewayAttachmentId") as string;
                var attachment = _records.FirstOrDefault(r => r.Type == AwsTypes.TransitGatewayVpcAttachment && r.Id == attachmentId);
                state["resourceId"] = attachment?.Inputs.GetValueOrDefault("vpcId") as string ?? "";
                state["resourceType"] = "vpc";
                break;
            case AwsTypes.TransitGatewayRoute:
                state.TryAdd("blackhole", false);
                break;
        }

        if (!TransitArnTypes.ContainsKey(type))
        {
            // Associations, propagations and static routes have no ARN.
            state.Remove("arn");
        }
    }

    private static void Defaults(ImmutableDictionary<string, object>.Builder state, IEnumerable<(string Field, string Default)> options)
    {
        foreach (var (field, value) in options)
        {
            state.TryAdd(field, value);
        }
    }

    private static string? Text(ImmutableDictionary<string, object> inputs, string key) => inputs.TryGetValue(key, out var value) ? value as string : null;

    private static string Service(string type) => type.Split(':')[1].Split('/')[0];

    /// <summary>17 hex digits derived from the name (FNV-1a), so a resource keeps its id from run to run.</summary>
    private static string StableHex(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return "0" + hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
