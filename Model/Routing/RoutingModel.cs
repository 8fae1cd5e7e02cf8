using System.Collections.Immutable;
using System.Net;
using System.Text;
using Infra.Model.Addressing;

namespace Infra.Model.Routing;

/// <summary>
/// The route table every subnet (and every edge-associated gateway) ends up with, rebuilt from the resources a
/// Pulumi program registers under mocks, so tests can assert whole tables.
/// </summary>
/// <remarks>
/// AWS behaviour reproduced here:
/// <list type="bullet">
/// <item>Every table has the implicit local route for each block of its VPC.</item>
/// <item>A subnet without an explicit association silently uses its VPC's main table. That is the VPC's default
/// table (a DefaultRouteTable resource, or else an implicit table with only the local route plus routes added to its
/// id) unless a MainRouteTableAssociation names another table. Modelling it is what catches a forgotten
/// association, which AWS never reports.</item>
/// <item>A gateway endpoint adds (its service's prefix list → the endpoint) to every table it is attached to, through
/// its <c>routeTableIds</c> or through VpcEndpointRouteTableAssociation; both are read and merged.</item>
/// <item>Routes come inline (RouteTable, DefaultRouteTable) or as Route resources; both are read.</item>
/// <item>A RouteTableAssociation with <c>gatewayId</c> is an edge association: traffic entering through that gateway
/// uses the table.</item>
/// </list>
/// Inconsistencies (two associations for a subnet, conflicting routes, ids nothing declares) are collected in
/// <see cref="Problems"/> instead of thrown, so a test can assert it is empty and still inspect the rest.
/// </remarks>
public sealed class RoutingModel
{
    private static readonly string[] TargetKeys =
    [
        "gatewayId", "natGatewayId", "vpcEndpointId", "networkInterfaceId", "transitGatewayId", "vpcPeeringConnectionId",
        "egressOnlyGatewayId", "carrierGatewayId", "localGatewayId", "coreNetworkArn",
    ];

    private readonly ImmutableArray<ResourceRecord> _records;
    private readonly IReadOnlyDictionary<string, string>? _prefixListIds;
    private readonly Dictionary<string, ResourceRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VpcInfo> _vpcs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _vpcDefaultTableIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubnetInfo> _subnets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndpointInfo> _endpoints = new(StringComparer.Ordinal);
    private readonly List<TableState> _tables = [];
    private readonly Dictionary<string, TableState> _tablesByAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableState> _defaultTableOfVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableState> _mainTableOfVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableState> _tableOfSubnet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableState> _tableOfGateway = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _attachments = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    private RoutingModel(IEnumerable<ResourceRecord> resources, IReadOnlyDictionary<string, string>? prefixListIdsByService)
    {
        // Sorted so that the outcome (including which of two clashing declarations wins) never depends on registration order.
        _records = [.. resources.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)];
        _prefixListIds = prefixListIdsByService;
        foreach (var record in _records)
        {
            if (!_byId.TryAdd(record.Id, record))
            {
                Problem($"{Describe(record)} has the same id {record.Id} as {Describe(_byId[record.Id])}.");
            }
        }

        ReadVpcs();
        ReadSubnets();
        InternetGateways = ReadInternetGateways();
        NatGateways = [.. OfType(AwsTypes.NatGateway).Select(r => new NatGatewayInfo(
            r.Id, r.Name, InputValues.String(r.Inputs, "subnetId"), InputValues.String(r.Inputs, "connectivityType") ?? "public"))];
        ReadEndpoints();
        ReadTables();
        ReadRouteResources();
        ReadEndpointAttachments();
        ReadAssociations();
        Finish();
        Transit = new TransitGatewayRouting(_records, _vpcs, _subnets);

        Resources = _records;
        Vpcs = [.. _vpcs.Values.OrderBy(v => v.Name, StringComparer.Ordinal)];
        Subnets = [.. _subnets.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];
        Endpoints = [.. _endpoints.Values.OrderBy(e => e.Name, StringComparer.Ordinal)];
        RouteTables = [.. _tables.Select(t => t.Info!).OrderBy(t => t.Name ?? "~" + t.Id, StringComparer.Ordinal)];
        GatewayEndpointAttachments = _attachments.ToImmutableSortedDictionary(
            pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value.ToImmutableSortedSet(StringComparer.Ordinal), StringComparer.Ordinal);
        Problems = [.. _problems, .. Transit.Problems];
    }

    /// <summary>Every resource given to <see cref="Build"/>, sorted by type, name and id.</summary>
    public IReadOnlyList<ResourceRecord> Resources { get; }

    /// <summary>VPCs, by name.</summary>
    public IReadOnlyList<VpcInfo> Vpcs { get; }

    /// <summary>Subnets, by name.</summary>
    public IReadOnlyList<SubnetInfo> Subnets { get; }

    /// <summary>Route tables: declared ones, each VPC's implicit main table when nothing manages it, and unknown ids.</summary>
    public IReadOnlyList<RouteTableInfo> RouteTables { get; }

    /// <summary>VPC endpoints of every type, by name.</summary>
    public IReadOnlyList<EndpointInfo> Endpoints { get; }

    /// <summary>Internet gateways, by name.</summary>
    public IReadOnlyList<InternetGatewayInfo> InternetGateways { get; }

    /// <summary>NAT gateways, by name.</summary>
    public IReadOnlyList<NatGatewayInfo> NatGateways { get; }

    /// <summary>
    /// Gateway endpoint id → the route table ids it is attached to, from its <c>routeTableIds</c> and from
    /// VpcEndpointRouteTableAssociation resources, merged (ids are canonical table ids, see <see cref="RouteTableInfo.Id"/>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> GatewayEndpointAttachments { get; }

    /// <summary>Transit gateways, their attachments and route tables with their effective routes.</summary>
    public TransitGatewayRouting Transit { get; }

    /// <summary>Inconsistencies found while building (the transit gateways' included), in a stable order; empty for a sound network.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Builds the model from the registered resources.</summary>
    /// <param name="resources">Every resource the program registered.</param>
    /// <param name="prefixListIdsByService">
    /// Known prefix list ids by service name (<c>com.amazonaws.us-east-1.s3</c>, or just <c>s3</c>); gateway endpoint
    /// routes to other services get the symbolic destination <c>pl:&lt;serviceName&gt;</c>.
    /// </param>
    public static RoutingModel Build(IEnumerable<ResourceRecord> resources, IReadOnlyDictionary<string, string>? prefixListIdsByService = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return new RoutingModel(resources, prefixListIdsByService);
    }

    /// <summary>The subnet's whole effective table (local first, then by destination).</summary>
    /// <param name="subnet">The subnet's id or logical name.</param>
    public IReadOnlyList<Route> EffectiveRoutes(string subnet) => TableOfSubnet(subnet).Routes;

    /// <summary>The table of the route table edge-associated with the gateway, with its local route; empty when none.</summary>
    /// <param name="internetGateway">The gateway's id or logical name.</param>
    public IReadOnlyList<Route> EdgeRoutes(string internetGateway) =>
        _tableOfGateway.TryGetValue(GatewayId(internetGateway), out var table) ? table.Routes : [];

    /// <summary>The route table edge-associated with the gateway, if any.</summary>
    /// <param name="gateway">The gateway's id or logical name.</param>
    public RouteTableInfo? EdgeRouteTableOf(string gateway) =>
        _tableOfGateway.TryGetValue(GatewayId(gateway), out var table) ? table.Info : null;

    /// <summary>The table a subnet uses: its explicit association, else its VPC's main table.</summary>
    /// <param name="subnet">The subnet's id or logical name.</param>
    public RouteTableInfo RouteTableOf(string subnet) => TableOfSubnet(subnet).Info!;

    /// <summary>The main table of a VPC.</summary>
    /// <param name="vpc">The VPC's id or logical name.</param>
    public RouteTableInfo MainRouteTableOf(string vpc) => _mainTableOfVpc[Vpc(vpc).Id].Info!;

    /// <summary>The effective routes of a route table.</summary>
    /// <param name="routeTable">Any id of the table (see <see cref="RouteTableInfo.Aliases"/>) or its logical name.</param>
    public IReadOnlyList<Route> RoutesOfTable(string routeTable)
    {
        if (_tablesByAlias.TryGetValue(routeTable, out var table))
        {
            return table.Routes;
        }

        var named = _tables.Where(t => t.Name == routeTable).ToList();
        return named.Count == 1
            ? named[0].Routes
            : throw new KeyNotFoundException($"No single route table has the id or name '{routeTable}'.");
    }

    /// <summary>
    /// The route that traffic from <paramref name="subnet"/> to <paramref name="ipv4Address"/> takes: the longest
    /// matching IPv4 CIDR route (prefix list routes are not considered); null when none matches.
    /// </summary>
    public Route? Lookup(string subnet, string ipv4Address)
    {
        return Cidr.LongestMatch(
            EffectiveRoutes(subnet),
            r => r.Destination.Kind == DestinationKind.Cidr && Cidr.TryParse(r.Destination.Text, out var block, out _) ? block : null,
            IPAddress.Parse(ipv4Address));
    }

    /// <summary>A subnet by id or logical name.</summary>
    public SubnetInfo Subnet(string idOrName) =>
        Find(_subnets.Values, idOrName, s => s.Id, s => s.Name, "subnet");

    /// <summary>Subnets whose <c>Tier</c> tag is <paramref name="tier"/>, by availability zone then name.</summary>
    public IReadOnlyList<SubnetInfo> SubnetsInTier(string tier) =>
        [.. Subnets.Where(s => s.Tier == tier).OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Subnets of a VPC (id or logical name), by name.</summary>
    public IReadOnlyList<SubnetInfo> SubnetsOfVpc(string vpc)
    {
        var id = Vpc(vpc).Id;
        return [.. Subnets.Where(s => s.VpcId == id)];
    }

    /// <summary>A VPC by id or logical name.</summary>
    public VpcInfo Vpc(string idOrName) => Find(_vpcs.Values, idOrName, v => v.Id, v => v.Name, "VPC");

    /// <summary>A VPC endpoint by id or logical name.</summary>
    public EndpointInfo Endpoint(string idOrName) => Find(_endpoints.Values, idOrName, e => e.Id, e => e.Name, "VPC endpoint");

    /// <summary>The resource with this logical name; throws when none or several (of different types) have it.</summary>
    public ResourceRecord Resource(string name)
    {
        var matches = _records.Where(r => r.Name == name).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new KeyNotFoundException($"No resource is named '{name}'."),
            _ => throw new InvalidOperationException(
                $"Several resources are named '{name}' ({string.Join(", ", matches.Select(m => m.Type))}); pass the type too."),
        };
    }

    /// <summary>The resource of this type and logical name.</summary>
    public ResourceRecord Resource(string type, string name) =>
        _records.FirstOrDefault(r => r.Type == type && r.Name == name)
        ?? throw new KeyNotFoundException($"No {type} is named '{name}'.");

    /// <summary>The resource with this id, if any.</summary>
    public ResourceRecord? ResourceById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Resources of a type token, by name.</summary>
    public IReadOnlyList<ResourceRecord> ResourcesOfType(string type) => [.. OfType(type)];

    /// <summary>A readable dump: every VPC, its subnets with their tables, and edge tables.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var vpc in Vpcs)
        {
            text.AppendLine($"VPC {vpc.Name} ({vpc.Id}) {vpc.CidrBlock}");
            foreach (var subnet in Subnets.Where(s => s.VpcId == vpc.Id))
            {
                var table = TableOfSubnet(subnet.Id);
                text.AppendLine($"  subnet {subnet.Name} [{subnet.Tier}] {subnet.CidrBlock} {subnet.AvailabilityZone} uses {table.Info}");
                foreach (var route in table.Routes)
                {
                    text.AppendLine($"    {route}");
                }
            }
        }

        foreach (var (gateway, table) in _tableOfGateway.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"edge {gateway} uses {table.Info}");
            foreach (var route in table.Routes)
            {
                text.AppendLine($"    {route}");
            }
        }

        foreach (var table in Transit.RouteTables)
        {
            var associated = Transit.Attachments.Where(a => Transit.AssociatedRouteTable(a.Id) == table).Select(a => a.Name);
            text.AppendLine($"transit gateway route table {table} associated with {string.Join(", ", associated)}");
            foreach (var route in Transit.RoutesOfTable(table.Id))
            {
                text.AppendLine($"    {route}");
            }
        }

        foreach (var problem in Problems)
        {
            text.AppendLine($"problem: {problem}");
        }

        return text.ToString();
    }

    private IEnumerable<ResourceRecord> OfType(string type) => _records.Where(r => r.Type == type);

    private void Problem(string text) => _problems.Add(text);

    private static string Describe(ResourceRecord record) => $"{record.Type.Split(':')[^1]} {record.Name}";

    internal static T Find<T>(IEnumerable<T> items, string idOrName, Func<T, string> id, Func<T, string> name, string what)
    {
        var all = items.ToList();
        var byId = all.Where(i => id(i) == idOrName).ToList();
        if (byId.Count == 1)
        {
            return byId[0];
        }

        var byName = all.Where(i => name(i) == idOrName).ToList();
        return byName.Count == 1
            ? byName[0]
            : throw new KeyNotFoundException(
                $"No single {what} has the id or name '{idOrName}'; known: {string.Join(", ", all.Select(name).Order(StringComparer.Ordinal))}.");
    }

    private string GatewayId(string idOrName)
    {
        if (_byId.ContainsKey(idOrName) || _tableOfGateway.ContainsKey(idOrName))
        {
            return idOrName;
        }

        var named = _records.Where(r => r.Name == idOrName && r.Type == AwsTypes.InternetGateway).ToList();
        return named.Count == 1 ? named[0].Id : idOrName;
    }

    private TableState TableOfSubnet(string subnetIdOrName)
    {
        var subnet = Subnet(subnetIdOrName);
        if (_tableOfSubnet.TryGetValue(subnet.Id, out var table))
        {
            return table;
        }

        if (subnet.VpcId is not null && _mainTableOfVpc.TryGetValue(subnet.VpcId, out var main))
        {
            return main;
        }

        throw new InvalidOperationException(
            $"Subnet {subnet.Name} has no route table association and its VPC ({subnet.VpcId ?? "unset"}) is not among the resources.");
    }

    private void ReadVpcs()
    {
        foreach (var record in OfType(AwsTypes.Vpc))
        {
            var additional = OfType(AwsTypes.VpcIpv4CidrBlockAssociation)
                .Where(a => InputValues.String(a.Inputs, "vpcId") == record.Id)
                .Select(a => InputValues.String(a.Inputs, "cidrBlock"))
                .OfType<string>()
                .ToImmutableArray();
            _vpcs[record.Id] = new VpcInfo(
                record.Id,
                record.Name,
                InputValues.String(record.Inputs, "cidrBlock") ?? InputValues.String(record.Outputs, "cidrBlock"),
                additional,
                InputValues.String(record.Inputs, "ipv6CidrBlock") ?? InputValues.String(record.Outputs, "ipv6CidrBlock"),
                InputValues.Tags(record.Inputs));
            _vpcDefaultTableIds[record.Id] =
            [
                .. new[] { InputValues.String(record.Outputs, "defaultRouteTableId"), InputValues.String(record.Outputs, "mainRouteTableId") }
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal),
            ];
        }
    }

    private void ReadSubnets()
    {
        foreach (var record in OfType(AwsTypes.Subnet))
        {
            var tags = InputValues.Tags(record.Inputs);
            _subnets[record.Id] = new SubnetInfo(
                record.Id,
                record.Name,
                InputValues.String(record.Inputs, "vpcId"),
                InputValues.String(record.Inputs, "cidrBlock"),
                InputValues.String(record.Inputs, "availabilityZone"),
                tags.GetValueOrDefault("Tier"),
                InputValues.Boolean(record.Inputs, "mapPublicIpOnLaunch") ?? false,
                tags);
        }
    }

    private ImmutableArray<InternetGatewayInfo> ReadInternetGateways()
    {
        var attachments = OfType(AwsTypes.InternetGatewayAttachment)
            .Select(a => (gateway: InputValues.String(a.Inputs, "internetGatewayId"), vpc: InputValues.String(a.Inputs, "vpcId")))
            .Where(a => a.gateway is not null)
            .ToList();
        return
        [
            .. OfType(AwsTypes.InternetGateway).Select(r => new InternetGatewayInfo(
                r.Id,
                r.Name,
                InputValues.String(r.Inputs, "vpcId") ?? attachments.FirstOrDefault(a => a.gateway == r.Id).vpc)),
        ];
    }

    private void ReadEndpoints()
    {
        foreach (var record in OfType(AwsTypes.VpcEndpoint))
        {
            var endpoint = new EndpointInfo(
                record.Id,
                record.Name,
                InputValues.String(record.Inputs, "vpcId"),
                InputValues.String(record.Inputs, "serviceName"),
                InputValues.String(record.Inputs, "vpcEndpointType") ?? EndpointInfo.GatewayType,
                InputValues.Strings(record.Inputs, "subnetIds"),
                InputValues.Strings(record.Inputs, "routeTableIds"),
                InputValues.Boolean(record.Inputs, "privateDnsEnabled") ?? false,
                InputValues.Strings(record.Inputs, "securityGroupIds"));
            _endpoints[record.Id] = endpoint;
            if (endpoint.Type != EndpointInfo.GatewayType && endpoint.RouteTableIds.Count > 0)
            {
                Problem($"VpcEndpoint {record.Name} is of type {endpoint.Type} but has routeTableIds; only gateway endpoints take route tables.");
            }
        }
    }

    private void ReadTables()
    {
        foreach (var record in OfType(AwsTypes.DefaultRouteTable))
        {
            var defaultId = InputValues.String(record.Inputs, "defaultRouteTableId");
            var vpcId = _vpcDefaultTableIds
                .Where(p => p.Value.Contains(record.Id) || (defaultId is not null && p.Value.Contains(defaultId)))
                .Select(p => p.Key)
                .FirstOrDefault()
                ?? InputValues.String(record.Outputs, "vpcId")
                ?? (_vpcs.Count == 1 ? _vpcs.Keys.Single() : null);
            var table = AddTable(defaultId ?? record.Id, record.Name, vpcId, RouteTableKind.Default, [record.Id]);
            if (vpcId is null)
            {
                Problem($"DefaultRouteTable {record.Name} cannot be tied to a VPC: have the mock return each VPC's defaultRouteTableId in its outputs and keep them in ResourceRecord.Outputs.");
            }
            else if (!_defaultTableOfVpc.TryAdd(vpcId, table))
            {
                Problem($"DefaultRouteTable {record.Name} and {_defaultTableOfVpc[vpcId]} both manage the default table of VPC {vpcId}.");
            }

            AddInlineRoutes(record, table);
        }

        foreach (var record in OfType(AwsTypes.RouteTable))
        {
            var table = AddTable(record.Id, record.Name, InputValues.String(record.Inputs, "vpcId"), RouteTableKind.Custom, []);
            AddInlineRoutes(record, table);
        }

        foreach (var vpc in _vpcs.Values)
        {
            var defaultIds = _vpcDefaultTableIds[vpc.Id];
            if (_defaultTableOfVpc.TryGetValue(vpc.Id, out var managed))
            {
                foreach (var id in defaultIds)
                {
                    AddAlias(managed, id);
                }
            }
            else
            {
                var id = defaultIds.FirstOrDefault() ?? $"main:{vpc.Id}";
                _defaultTableOfVpc[vpc.Id] = AddTable(id, null, vpc.Id, RouteTableKind.ImplicitMain, defaultIds);
            }
        }
    }

    private TableState AddTable(string id, string? name, string? vpcId, RouteTableKind kind, IEnumerable<string> aliases)
    {
        var table = new TableState(id, name, vpcId, kind);
        _tables.Add(table);
        AddAlias(table, id);
        foreach (var alias in aliases)
        {
            AddAlias(table, alias);
        }

        return table;
    }

    private void AddAlias(TableState table, string alias)
    {
        if (_tablesByAlias.TryGetValue(alias, out var existing))
        {
            if (existing != table)
            {
                Problem($"Route tables {existing} and {table} share the id {alias}.");
            }

            return;
        }

        _tablesByAlias[alias] = table;
        table.Aliases.Add(alias);
    }

    private TableState TableById(string id, string referrer)
    {
        if (_tablesByAlias.TryGetValue(id, out var table))
        {
            return table;
        }

        Problem($"{referrer} refers to route table {id}, which no resource declares.");
        return AddTable(id, null, null, RouteTableKind.Unknown, []);
    }

    private void AddInlineRoutes(ResourceRecord record, TableState table)
    {
        var index = 0;
        foreach (var item in InputValues.List(record.Inputs, "routes"))
        {
            var map = InputValues.Map(item);
            if (map is null)
            {
                Problem($"{Describe(record)} has a route #{index} that is not an object.");
            }
            else if (ReadRoute(map, inline: true, $"{Describe(record)} route #{index}") is { } route)
            {
                table.Explicit.Add(route);
            }

            index++;
        }
    }

    private void ReadRouteResources()
    {
        foreach (var record in OfType(AwsTypes.Route))
        {
            var tableId = InputValues.String(record.Inputs, "routeTableId");
            if (tableId is null)
            {
                Problem($"{Describe(record)} has no routeTableId (for a VPC's main table, have the mock return the VPC's defaultRouteTableId).");
                continue;
            }

            var table = TableById(tableId, Describe(record));
            if (ReadRoute(record.Inputs, inline: false, Describe(record)) is { } route)
            {
                table.Explicit.Add(route);
            }
        }
    }

    private Route? ReadRoute(IReadOnlyDictionary<string, object> values, bool inline, string context)
    {
        var cidr = InputValues.String(values, inline ? "cidrBlock" : "destinationCidrBlock");
        var ipv6 = InputValues.String(values, inline ? "ipv6CidrBlock" : "destinationIpv6CidrBlock");
        var prefixList = InputValues.String(values, "destinationPrefixListId");
        var destinations = new[]
            {
                cidr is null ? null : Destination.Cidr(cidr),
                ipv6 is null ? null : Destination.Ipv6Cidr(ipv6),
                prefixList is null ? null : Destination.PrefixList(prefixList, ServiceOfPrefixList(prefixList)),
            }
            .OfType<Destination>()
            .ToList();
        if (destinations.Count == 0)
        {
            Problem($"{context} has no destination.");
            return null;
        }

        if (destinations.Count > 1)
        {
            Problem($"{context} has several destinations ({string.Join(", ", destinations)}); only {destinations[0]} is used.");
        }

        var targets = TargetKeys
            .Select(key => (key, id: InputValues.String(values, key)))
            .Where(t => t.id is not null)
            .ToList();
        if (targets.Count == 0)
        {
            Problem($"{context} ({destinations[0]}) has no target.");
            return new Route(destinations[0], new Target(TargetKind.Other));
        }

        if (targets.Count > 1)
        {
            Problem($"{context} ({destinations[0]}) has several targets ({string.Join(", ", targets.Select(t => t.key))}); only {targets[0].key} is used.");
        }

        return new Route(destinations[0], TargetFor(targets[0].key, targets[0].id!));
    }

    private string? ServiceOfPrefixList(string prefixListId) =>
        _prefixListIds?
            .Where(p => p.Value == prefixListId)
            .Select(p => p.Key)
            .OrderByDescending(k => k.Contains('.', StringComparison.Ordinal))
            .ThenBy(k => k, StringComparer.Ordinal)
            .FirstOrDefault();

    private Target TargetFor(string key, string id)
    {
        if (key == "gatewayId" && id == "local")
        {
            return Target.Local;
        }

        if (!_byId.TryGetValue(id, out var record))
        {
            return new Target(KindByKey(key, id), id);
        }

        if (record.Type == AwsTypes.VpcEndpoint && _endpoints.TryGetValue(id, out var endpoint))
        {
            return new Target(endpoint.TargetKind, id, record.Name, endpoint.ServiceName);
        }

        var kind = record.Type switch
        {
            AwsTypes.InternetGateway => TargetKind.InternetGateway,
            AwsTypes.NatGateway => TargetKind.NatGateway,
            AwsTypes.EgressOnlyInternetGateway => TargetKind.EgressOnlyInternetGateway,
            AwsTypes.NetworkInterface => TargetKind.NetworkInterface,
            AwsTypes.TransitGateway => TargetKind.TransitGateway,
            AwsTypes.VpcPeeringConnection => TargetKind.PeeringConnection,
            _ => KindByKey(key, id),
        };
        return new Target(kind, id, record.Name);
    }

    private static TargetKind KindByKey(string key, string id) => key switch
    {
        "natGatewayId" => TargetKind.NatGateway,
        "vpcEndpointId" => TargetKind.GatewayLoadBalancerEndpoint,
        "networkInterfaceId" => TargetKind.NetworkInterface,
        "transitGatewayId" => TargetKind.TransitGateway,
        "vpcPeeringConnectionId" => TargetKind.PeeringConnection,
        "egressOnlyGatewayId" => TargetKind.EgressOnlyInternetGateway,
        "gatewayId" when id.StartsWith("igw-", StringComparison.Ordinal) => TargetKind.InternetGateway,
        "gatewayId" when id.StartsWith("vpce-", StringComparison.Ordinal) => TargetKind.GatewayEndpoint,
        _ => TargetKind.Other,
    };

    private void ReadEndpointAttachments()
    {
        foreach (var endpoint in _endpoints.Values.Where(e => e.Type == EndpointInfo.GatewayType))
        {
            foreach (var tableId in endpoint.RouteTableIds)
            {
                Attach(endpoint.Id, tableId, $"VpcEndpoint {endpoint.Name}");
            }
        }

        foreach (var record in OfType(AwsTypes.VpcEndpointRouteTableAssociation))
        {
            var endpointId = InputValues.String(record.Inputs, "vpcEndpointId");
            var tableId = InputValues.String(record.Inputs, "routeTableId");
            if (endpointId is null || tableId is null)
            {
                Problem($"{Describe(record)} lacks vpcEndpointId or routeTableId.");
                continue;
            }

            if (_endpoints.TryGetValue(endpointId, out var endpoint) && endpoint.Type != EndpointInfo.GatewayType)
            {
                Problem($"{Describe(record)} attaches {endpoint.Type} endpoint {endpoint.Name} to a route table; only gateway endpoints can be.");
                continue;
            }

            Attach(endpointId, tableId, Describe(record));
        }

        foreach (var (endpointId, tableIds) in _attachments)
        {
            if (!_endpoints.TryGetValue(endpointId, out var endpoint))
            {
                Problem($"Gateway endpoint {endpointId} is attached to route tables but is not among the resources, so its routes are unknown.");
                continue;
            }

            if (endpoint.ServiceName is null)
            {
                Problem($"VpcEndpoint {endpoint.Name} has no serviceName, so its prefix list route is unknown.");
                continue;
            }

            var route = new Route(
                Destination.ForService(endpoint.ServiceName, _prefixListIds),
                new Target(TargetKind.GatewayEndpoint, endpoint.Id, endpoint.Name, endpoint.ServiceName));
            foreach (var tableId in tableIds)
            {
                _tablesByAlias[tableId].Explicit.Add(route);
            }
        }
    }

    private void Attach(string endpointId, string tableId, string referrer)
    {
        var table = TableById(tableId, referrer);
        if (!_attachments.TryGetValue(endpointId, out var set))
        {
            _attachments[endpointId] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        set.Add(table.Id);
    }

    private void ReadAssociations()
    {
        foreach (var record in OfType(AwsTypes.RouteTableAssociation))
        {
            var tableId = InputValues.String(record.Inputs, "routeTableId");
            var subnetId = InputValues.String(record.Inputs, "subnetId");
            var gatewayId = InputValues.String(record.Inputs, "gatewayId");
            if (tableId is null || (subnetId is null) == (gatewayId is null))
            {
                Problem($"{Describe(record)} needs a routeTableId and exactly one of subnetId or gatewayId.");
                continue;
            }

            var table = TableById(tableId, Describe(record));
            var (map, target) = subnetId is not null ? (_tableOfSubnet, subnetId) : (_tableOfGateway, gatewayId!);
            if (!map.TryAdd(target, table) && map[target] != table)
            {
                Problem($"{target} is associated with two route tables, {map[target]} and {table}; {map[target]} is used.");
            }
        }

        foreach (var record in OfType(AwsTypes.MainRouteTableAssociation))
        {
            var vpcId = InputValues.String(record.Inputs, "vpcId");
            var tableId = InputValues.String(record.Inputs, "routeTableId");
            if (vpcId is null || tableId is null)
            {
                Problem($"{Describe(record)} lacks vpcId or routeTableId.");
                continue;
            }

            var table = TableById(tableId, Describe(record));
            if (!_mainTableOfVpc.TryAdd(vpcId, table) && _mainTableOfVpc[vpcId] != table)
            {
                Problem($"VPC {vpcId} has two main route table associations ({_mainTableOfVpc[vpcId]} and {table}); {_mainTableOfVpc[vpcId]} is used.");
            }
        }

        foreach (var (vpcId, table) in _defaultTableOfVpc)
        {
            _mainTableOfVpc.TryAdd(vpcId, table);
        }
    }

    private void Finish()
    {
        var mains = _mainTableOfVpc.Values.ToHashSet();
        foreach (var table in _tables)
        {
            var routes = new List<Route>();
            if (table.VpcId is not null && _vpcs.TryGetValue(table.VpcId, out var vpc))
            {
                routes.AddRange(vpc.Ipv4Blocks
                    .Select(c => new Route(Destination.Cidr(c), Target.Local)));
                if (vpc.Ipv6CidrBlock is not null)
                {
                    routes.Add(new Route(Destination.Ipv6Cidr(vpc.Ipv6CidrBlock), Target.Local));
                }
            }

            routes.AddRange(table.Explicit);
            table.Routes = [.. routes.Distinct().Order()];
            foreach (var clash in table.Routes.GroupBy(r => r.Destination).Where(g => g.Count() > 1))
            {
                Problem($"Route table {table} has {clash.Count()} routes for {clash.Key}: {string.Join("; ", clash.Select(r => r.Target))}.");
            }

            table.Info = new RouteTableInfo(
                table.Id, table.Name, table.VpcId, table.Kind, mains.Contains(table), [.. table.Aliases]);
        }
    }

    private sealed class TableState(string id, string? name, string? vpcId, RouteTableKind kind)
    {
        public string Id { get; } = id;

        public string? Name { get; } = name;

        public string? VpcId { get; } = vpcId;

        public RouteTableKind Kind { get; } = kind;

        public SortedSet<string> Aliases { get; } = new(StringComparer.Ordinal);

        public List<Route> Explicit { get; } = [];

        public ImmutableArray<Route> Routes { get; set; } = [];

        public RouteTableInfo? Info { get; set; }

        public override string ToString() => Name ?? Id;
    }
}
