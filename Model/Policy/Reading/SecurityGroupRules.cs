using Infra.Model.Routing;

namespace Infra.Model.Policy.Reading;

/// <summary>Which way a security group rule lets traffic through.</summary>
internal enum Direction
{
    Ingress,
    Egress,
}

/// <summary>What a rule's peer is.</summary>
internal enum PeerKind
{
    Ipv4Cidr,
    Ipv6Cidr,
    PrefixList,
    SecurityGroup,
    Self,
}

/// <summary>The peer of a security group rule: where ingress may come from, or egress may go to.</summary>
internal sealed record Peer(PeerKind Kind, string Text)
{
    /// <summary>The two blocks that mean "anywhere on the internet".</summary>
    public bool IsAnywhere => (Kind == PeerKind.Ipv4Cidr && Text == "0.0.0.0/0") || (Kind == PeerKind.Ipv6Cidr && Text == "::/0");

    public override string ToString() => Kind switch
    {
        PeerKind.PrefixList => $"prefix list {Text}",
        PeerKind.SecurityGroup => $"security group {Text}",
        PeerKind.Self => "the group itself",
        _ => Text,
    };
}

/// <summary>
/// One rule of a security group, wherever it is declared: an inline <c>ingress</c>/<c>egress</c> block of a
/// SecurityGroup or DefaultSecurityGroup, a SecurityGroupIngressRule/SecurityGroupEgressRule, or a SecurityGroupRule.
/// </summary>
/// <param name="Direction">Ingress or egress.</param>
/// <param name="GroupId">The id of the group the rule belongs to.</param>
/// <param name="Carrier">The resource that declares the rule: the group itself for an inline block.</param>
/// <param name="Protocol">Lower case: tcp, udp, icmp, … or <c>-1</c> for all traffic.</param>
/// <param name="FromPort">The first port, when set.</param>
/// <param name="ToPort">The last port, when set.</param>
/// <param name="Peers">Where traffic may come from (ingress) or go to (egress).</param>
internal sealed record SecurityGroupRule(
    Direction Direction, string GroupId, ResourceRecord Carrier, string Protocol, int? FromPort, int? ToPort, IReadOnlyList<Peer> Peers)
{
    /// <summary>True for protocol -1: every protocol and port.</summary>
    public bool AllTraffic => Protocol == "-1";

    /// <summary>Whether the rule lets exactly this protocol and port through, and nothing else.</summary>
    public bool IsExactly(string protocol, int port) => Protocol == protocol && FromPort == port && ToPort == port;

    /// <summary>The traffic in words: <c>tcp port 443</c>, <c>udp ports 1000-2000</c>, <c>all traffic</c>.</summary>
    public string Traffic => AllTraffic ? "all traffic"
        : FromPort is null || ToPort is null ? $"{Protocol} on any port"
        : FromPort == ToPort ? $"{Protocol} port {FromPort}"
        : $"{Protocol} ports {FromPort}-{ToPort}";
}

/// <summary>Every security group rule of a stack, read from all the shapes that declare them.</summary>
internal sealed class SecurityGroupRules
{
    private readonly PolicyContext _context;
    private readonly Dictionary<string, string> _canonicalGroupId = new(StringComparer.Ordinal);

    public SecurityGroupRules(PolicyContext context)
    {
        _context = context;
        foreach (var group in context.OfType(AwsTypes.SecurityGroup, AwsTypes.DefaultSecurityGroup))
        {
            _canonicalGroupId[group.Id] = group.Id;
        }

        // Rules may name a VPC's default group by the id the VPC reports (defaultSecurityGroupId), not the adopting resource.
        foreach (var adopted in context.OfType(AwsTypes.DefaultSecurityGroup))
        {
            var vpc = context.ById(Inputs.String(adopted.Inputs, "vpcId"));
            if (Inputs.String(vpc?.Outputs, "defaultSecurityGroupId") is { } reported)
            {
                _canonicalGroupId.TryAdd(reported, adopted.Id);
            }
        }

        All = [.. ReadInline(context).Concat(ReadSeparate(context))];
    }

    public IReadOnlyList<SecurityGroupRule> All { get; }

    /// <summary>The group's rules in one direction (the id may be any id the group is known by).</summary>
    public IReadOnlyList<SecurityGroupRule> Of(string groupId, Direction direction)
    {
        var id = Canonical(groupId);
        return [.. All.Where(r => r.Direction == direction && r.GroupId == id)];
    }

    /// <summary>The logical name of the group, else its id.</summary>
    public string GroupName(string groupId) => _context.NameOf(Canonical(groupId));

    private string Canonical(string groupId) => _canonicalGroupId.GetValueOrDefault(groupId, groupId);

    private IEnumerable<SecurityGroupRule> ReadInline(PolicyContext context)
    {
        foreach (var group in context.OfType(AwsTypes.SecurityGroup, AwsTypes.DefaultSecurityGroup))
        {
            foreach (var (key, direction) in new[] { ("ingress", Direction.Ingress), ("egress", Direction.Egress) })
            {
                foreach (var block in Inputs.Maps(group.Inputs, key))
                {
                    yield return new SecurityGroupRule(
                        direction, group.Id, group, Protocol(Inputs.String(block, "protocol")),
                        Inputs.Number(block, "fromPort"), Inputs.Number(block, "toPort"), ListPeers(block, group.Id));
                }
            }
        }
    }

    private IEnumerable<SecurityGroupRule> ReadSeparate(PolicyContext context)
    {
        foreach (var rule in context.OfType(AwsTypes.SecurityGroupIngressRule, AwsTypes.SecurityGroupEgressRule))
        {
            var groupId = Canonical(Inputs.String(rule.Inputs, "securityGroupId") ?? rule.Id);
            var peers = new List<Peer>();
            AddPeer(peers, PeerKind.Ipv4Cidr, Inputs.String(rule.Inputs, "cidrIpv4"));
            AddPeer(peers, PeerKind.Ipv6Cidr, Inputs.String(rule.Inputs, "cidrIpv6"));
            AddPeer(peers, PeerKind.PrefixList, Inputs.String(rule.Inputs, "prefixListId"));
            if (Inputs.String(rule.Inputs, "referencedSecurityGroupId") is { } referenced)
            {
                peers.Add(referenced == groupId ? new Peer(PeerKind.Self, referenced) : new Peer(PeerKind.SecurityGroup, GroupName(referenced)));
            }

            yield return new SecurityGroupRule(
                rule.Type == AwsTypes.SecurityGroupIngressRule ? Direction.Ingress : Direction.Egress,
                groupId, rule, Protocol(Inputs.String(rule.Inputs, "ipProtocol")),
                Inputs.Number(rule.Inputs, "fromPort"), Inputs.Number(rule.Inputs, "toPort"), peers);
        }

        foreach (var rule in context.OfType(AwsTypes.SecurityGroupRule))
        {
            var groupId = Canonical(Inputs.String(rule.Inputs, "securityGroupId") ?? rule.Id);
            var peers = ListPeers(rule.Inputs, groupId).ToList();
            if (Inputs.String(rule.Inputs, "sourceSecurityGroupId") is { } source)
            {
                peers.Add(new Peer(PeerKind.SecurityGroup, GroupName(source)));
            }

            yield return new SecurityGroupRule(
                Inputs.String(rule.Inputs, "type") == "egress" ? Direction.Egress : Direction.Ingress,
                groupId, rule, Protocol(Inputs.String(rule.Inputs, "protocol")),
                Inputs.Number(rule.Inputs, "fromPort"), Inputs.Number(rule.Inputs, "toPort"), peers);
        }
    }

    /// <summary>The peers of an inline block or a SecurityGroupRule (list-valued fields).</summary>
    private List<Peer> ListPeers(IReadOnlyDictionary<string, object> values, string groupId)
    {
        var peers = new List<Peer>();
        peers.AddRange(Inputs.Strings(values, "cidrBlocks").Select(c => new Peer(PeerKind.Ipv4Cidr, c)));
        peers.AddRange(Inputs.Strings(values, "ipv6CidrBlocks").Select(c => new Peer(PeerKind.Ipv6Cidr, c)));
        peers.AddRange(Inputs.Strings(values, "prefixListIds").Select(p => new Peer(PeerKind.PrefixList, p)));
        peers.AddRange(Inputs.Strings(values, "securityGroups").Select(g => new Peer(PeerKind.SecurityGroup, GroupName(g))));
        if (Inputs.Boolean(values, "self") == true)
        {
            peers.Add(new Peer(PeerKind.Self, groupId));
        }

        return peers;
    }

    private static void AddPeer(List<Peer> peers, PeerKind kind, string? text)
    {
        if (text is not null)
        {
            peers.Add(new Peer(kind, text));
        }
    }

    /// <summary>Lower case, with the IANA numbers AWS accepts mapped to names and "all" to -1.</summary>
    private static string Protocol(string? text) => text?.ToUpperInvariant() switch
    {
        null or "-1" or "ALL" => "-1",
        "6" or "TCP" => "tcp",
        "17" or "UDP" => "udp",
        "1" or "ICMP" => "icmp",
        "58" or "ICMPV6" => "icmpv6",
        var other => other.ToLowerInvariant(),
    };
}
