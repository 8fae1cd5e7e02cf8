using System.Collections.Immutable;
using System.Net;
using Infra.Model.Addressing;

namespace Infra.Model.Routing;

/// <summary>A transit gateway.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="DefaultRouteTableAssociation">New attachments are associated with the default route table
/// (<c>defaultRouteTableAssociation</c> is <c>enable</c>, AWS's default when unset).</param>
/// <param name="DefaultRouteTablePropagation">New attachments propagate into the default route table
/// (<c>defaultRouteTablePropagation</c> is <c>enable</c>, AWS's default when unset).</param>
public sealed record TransitGatewayInfo(string Id, string Name, bool DefaultRouteTableAssociation, bool DefaultRouteTablePropagation);

/// <summary>A VPC attachment of a transit gateway.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The logical name.</param>
/// <param name="TransitGatewayId">The transit gateway.</param>
/// <param name="VpcId">The attached VPC.</param>
/// <param name="SubnetIds">The subnets the transit gateway puts its network interfaces in, one per AZ.</param>
/// <param name="ApplianceMode"><c>applianceModeSupport</c> is <c>enable</c> (AWS's default is <c>disable</c>).</param>
/// <param name="UsesDefaultAssociation"><c>transitGatewayDefaultRouteTableAssociation</c> (default true).</param>
/// <param name="UsesDefaultPropagation"><c>transitGatewayDefaultRouteTablePropagation</c> (default true).</param>
public sealed record TransitGatewayAttachmentInfo(
    string Id,
    string Name,
    string? TransitGatewayId,
    string? VpcId,
    IReadOnlyList<string> SubnetIds,
    bool ApplianceMode,
    bool UsesDefaultAssociation,
    bool UsesDefaultPropagation)
{
    /// <summary>The logical name.</summary>
    public override string ToString() => Name;
}

/// <summary>A transit gateway route table.</summary>
/// <param name="Id">Its id (for the default table AWS creates: the gateway's default table id, or
/// <c>tgw-default:&lt;gatewayId&gt;</c> when the outputs do not say it).</param>
/// <param name="Name">The logical name (null for the default table AWS creates).</param>
/// <param name="TransitGatewayId">The transit gateway.</param>
/// <param name="IsDefault">The table AWS creates when the gateway's default association or propagation is on.</param>
public sealed record TransitGatewayRouteTableInfo(string Id, string? Name, string? TransitGatewayId, bool IsDefault)
{
    /// <summary>The name if any, else the id.</summary>
    public override string ToString() => Name ?? Id;
}

/// <summary>How a transit gateway route got into its table.</summary>
public enum TransitRouteKind
{
    /// <summary>A Route resource.</summary>
    Static,

    /// <summary>An attachment's VPC blocks, by a propagation.</summary>
    Propagated,
}

/// <summary>
/// One route of a transit gateway route table: destination block to an attachment, or a blackhole.
/// Ordered by destination block, then kind, then attachment.
/// </summary>
/// <param name="Destination">The IPv4 block.</param>
/// <param name="AttachmentId">The attachment traffic goes to (null for a blackhole).</param>
/// <param name="Kind">Static or propagated.</param>
public sealed record TransitRoute(string Destination, string? AttachmentId, TransitRouteKind Kind) : IComparable<TransitRoute>
{
    /// <summary>Traffic to the destination is dropped.</summary>
    public bool IsBlackhole => AttachmentId is null;

    /// <summary>A static route to an attachment.</summary>
    public static TransitRoute Static(string destination, string attachmentId) => new(destination, attachmentId, TransitRouteKind.Static);

    /// <summary>A static blackhole route.</summary>
    public static TransitRoute Blackhole(string destination) => new(destination, null, TransitRouteKind.Static);

    /// <summary>A propagated route to an attachment.</summary>
    public static TransitRoute Propagated(string destination, string attachmentId) => new(destination, attachmentId, TransitRouteKind.Propagated);

    /// <inheritdoc />
    public int CompareTo(TransitRoute? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byDestination = Routing.Destination.Cidr(Destination).CompareTo(Routing.Destination.Cidr(other.Destination));
        if (byDestination != 0)
        {
            return byDestination;
        }

        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(AttachmentId, other.AttachmentId);
    }

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator <(TransitRoute? left, TransitRoute? right) => Compare(left, right) < 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator <=(TransitRoute? left, TransitRoute? right) => Compare(left, right) <= 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator >(TransitRoute? left, TransitRoute? right) => Compare(left, right) > 0;

    /// <summary>Compares with <see cref="CompareTo"/>.</summary>
    public static bool operator >=(TransitRoute? left, TransitRoute? right) => Compare(left, right) >= 0;

    private static int Compare(TransitRoute? left, TransitRoute? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    /// <summary>As the console shows it: <c>10.1.0.0/16 → tgw-attach-… (propagated)</c>.</summary>
    public override string ToString() =>
        $"{Destination} → {AttachmentId ?? "blackhole"} ({(Kind == TransitRouteKind.Static ? "static" : "propagated")})";
}

/// <summary>
/// Transit gateways, their VPC attachments and route tables, and each route table's effective routes, rebuilt from
/// the resources a program registers (part of <see cref="RoutingModel"/>).
/// </summary>
/// <remarks>
/// AWS behaviour reproduced here (sources: "How Amazon VPC Transit Gateways work",
/// https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html; "Amazon VPC attachments in AWS Transit
/// Gateway", https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html; the EC2 API's TransitGatewayRequestOptions
/// and the provider's aws_ec2_transit_gateway / aws_ec2_transit_gateway_vpc_attachment docs):
/// <list type="bullet">
/// <item>An attachment is associated with exactly one transit gateway route table; the table decides where traffic
/// that enters the gateway through that attachment goes.</item>
/// <item>A propagation adds the attachment's VPC blocks (primary and secondary) to a table as propagated routes.</item>
/// <item>Route evaluation: the most specific route for the destination wins; for the same prefix a static route
/// (including a blackhole) beats a propagated one.</item>
/// <item>When the gateway's <c>defaultRouteTableAssociation</c> / <c>defaultRouteTablePropagation</c> is
/// <c>enable</c> (the default), AWS creates a default route table and associates / propagates every attachment whose
/// <c>transitGatewayDefaultRouteTableAssociation</c> / <c>...Propagation</c> is not false (both default true) with it.
/// An explicit association then fails unless it sets <c>replaceExistingAssociation</c> (provider docs); the model
/// reports it and keeps the explicit one.</item>
/// <item>An attachment takes one subnet per AZ (two in one AZ is rejected by CreateTransitGatewayVpcAttachment:
/// DuplicateSubnetsInSameZone); traffic from a subnet reaches the gateway only through the attachment's interface in
/// the subnet's own AZ.</item>
/// </list>
/// </remarks>
public sealed class TransitGatewayRouting
{
    private readonly Dictionary<string, TransitGatewayInfo> _gateways = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransitGatewayAttachmentInfo> _attachments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransitGatewayRouteTableInfo> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TransitRoute>> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransitGatewayRouteTableInfo> _association = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _propagations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<TransitRoute>> _effective = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, VpcInfo> _vpcs;
    private readonly IReadOnlyDictionary<string, SubnetInfo> _subnets;
    private readonly List<string> _problems = [];

    internal TransitGatewayRouting(
        IReadOnlyList<ResourceRecord> records, IReadOnlyDictionary<string, VpcInfo> vpcs, IReadOnlyDictionary<string, SubnetInfo> subnets)
    {
        _vpcs = vpcs;
        _subnets = subnets;
        ReadGateways(records);
        ReadAttachments(records);
        ReadTables(records);
        ReadRoutes(records);
        ReadAssociations(records);
        ReadPropagations(records);
        ApplyDefaults();
        foreach (var table in _tables.Values)
        {
            _effective[table.Id] = Effective(table);
        }

        TransitGateways = [.. _gateways.Values.OrderBy(g => g.Name, StringComparer.Ordinal)];
        Attachments = [.. _attachments.Values.OrderBy(a => a.Name, StringComparer.Ordinal)];
        RouteTables = [.. _tables.Values.OrderBy(t => t.Name ?? "~" + t.Id, StringComparer.Ordinal)];
        Problems = [.. _problems];
    }

    /// <summary>Transit gateways, by name.</summary>
    public IReadOnlyList<TransitGatewayInfo> TransitGateways { get; }

    /// <summary>VPC attachments, by name.</summary>
    public IReadOnlyList<TransitGatewayAttachmentInfo> Attachments { get; }

    /// <summary>Transit gateway route tables (declared ones, then default ones AWS creates), by name.</summary>
    public IReadOnlyList<TransitGatewayRouteTableInfo> RouteTables { get; }

    /// <summary>Inconsistencies found while building; also listed in <see cref="RoutingModel.Problems"/>.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>A transit gateway by id or logical name.</summary>
    public TransitGatewayInfo TransitGateway(string idOrName) => RoutingModel.Find(_gateways.Values, idOrName, g => g.Id, g => g.Name, "transit gateway");

    /// <summary>An attachment by id or logical name.</summary>
    public TransitGatewayAttachmentInfo Attachment(string idOrName) => RoutingModel.Find(_attachments.Values, idOrName, a => a.Id, a => a.Name, "transit gateway attachment");

    /// <summary>A route table by id or logical name.</summary>
    public TransitGatewayRouteTableInfo RouteTable(string idOrName) => RoutingModel.Find(_tables.Values, idOrName, t => t.Id, t => t.Name ?? t.Id, "transit gateway route table");

    /// <summary>The default route table AWS creates for a gateway whose default association or propagation is on.</summary>
    public TransitGatewayRouteTableInfo? DefaultRouteTableOf(string transitGateway)
    {
        var id = TransitGateway(transitGateway).Id;
        return _tables.Values.FirstOrDefault(t => t.IsDefault && t.TransitGatewayId == id);
    }

    /// <summary>The one route table the attachment is associated with; null when none.</summary>
    public TransitGatewayRouteTableInfo? AssociatedRouteTable(string attachment) =>
        _association.GetValueOrDefault(Attachment(attachment).Id);

    /// <summary>The attachments propagating into a route table, by id.</summary>
    public IReadOnlyList<string> PropagationsInto(string routeTable) =>
        _propagations.TryGetValue(RouteTable(routeTable).Id, out var set) ? [.. set] : [];

    /// <summary>The table's effective routes (one per destination: static beats propagated), by destination.</summary>
    public IReadOnlyList<TransitRoute> RoutesOfTable(string routeTable) => _effective[RouteTable(routeTable).Id];

    /// <summary>The route the table uses for an address: longest prefix first; null when none matches.</summary>
    public TransitRoute? Lookup(string routeTable, string ipv4Address)
    {
        return Cidr.LongestMatch(
            RoutesOfTable(routeTable), r => Cidr.TryParse(r.Destination, out var block) ? block : null, IPAddress.Parse(ipv4Address));
    }

    /// <summary>The attachments of a VPC (id or name) to a transit gateway, by name.</summary>
    public IReadOnlyList<TransitGatewayAttachmentInfo> AttachmentsOfVpc(string vpcId) =>
        [.. Attachments.Where(a => a.VpcId == vpcId)];

    /// <summary>The attachment's subnet in an AZ, if it has one there.</summary>
    public SubnetInfo? AttachmentSubnetIn(TransitGatewayAttachmentInfo attachment, string availabilityZone) =>
        attachment.SubnetIds
            .Select(id => _subnets.GetValueOrDefault(id))
            .FirstOrDefault(s => s?.AvailabilityZone == availabilityZone);

    /// <summary>The AZs the attachment has an interface in, in order.</summary>
    public IReadOnlyList<string> ZonesOf(TransitGatewayAttachmentInfo attachment) =>
        [.. attachment.SubnetIds
            .Select(id => _subnets.GetValueOrDefault(id)?.AvailabilityZone)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private void ReadGateways(IReadOnlyList<ResourceRecord> records)
    {
        foreach (var record in records.Where(r => r.Type == AwsTypes.TransitGateway))
        {
            _gateways[record.Id] = new TransitGatewayInfo(
                record.Id,
                record.Name,
                (InputValues.String(record.Inputs, "defaultRouteTableAssociation") ?? "enable") == "enable",
                (InputValues.String(record.Inputs, "defaultRouteTablePropagation") ?? "enable") == "enable");
        }
    }

    private void ReadAttachments(IReadOnlyList<ResourceRecord> records)
    {
        foreach (var record in records.Where(r => r.Type == AwsTypes.TransitGatewayVpcAttachment))
        {
            var attachment = new TransitGatewayAttachmentInfo(
                record.Id,
                record.Name,
                InputValues.String(record.Inputs, "transitGatewayId"),
                InputValues.String(record.Inputs, "vpcId"),
                InputValues.Strings(record.Inputs, "subnetIds"),
                InputValues.String(record.Inputs, "applianceModeSupport") == "enable",
                InputValues.Boolean(record.Inputs, "transitGatewayDefaultRouteTableAssociation") ?? true,
                InputValues.Boolean(record.Inputs, "transitGatewayDefaultRouteTablePropagation") ?? true);
            _attachments[record.Id] = attachment;
            if (attachment.TransitGatewayId is null || !_gateways.ContainsKey(attachment.TransitGatewayId))
            {
                _problems.Add($"VpcAttachment {record.Name} refers to transit gateway {attachment.TransitGatewayId ?? "(unset)"}, which no resource declares.");
            }

            if (attachment.VpcId is null || !_vpcs.ContainsKey(attachment.VpcId))
            {
                _problems.Add($"VpcAttachment {record.Name} refers to VPC {attachment.VpcId ?? "(unset)"}, which no resource declares.");
            }

            if (attachment.SubnetIds.Count == 0)
            {
                _problems.Add($"VpcAttachment {record.Name} has no subnets.");
            }

            foreach (var subnetId in attachment.SubnetIds)
            {
                if (!_subnets.TryGetValue(subnetId, out var subnet))
                {
                    _problems.Add($"VpcAttachment {record.Name} refers to subnet {subnetId}, which no resource declares.");
                }
                else if (subnet.VpcId != attachment.VpcId)
                {
                    _problems.Add($"VpcAttachment {record.Name} uses subnet {subnet.Name} of another VPC.");
                }
            }

            foreach (var zone in attachment.SubnetIds
                         .Select(id => _subnets.GetValueOrDefault(id)?.AvailabilityZone)
                         .OfType<string>()
                         .GroupBy(z => z, StringComparer.Ordinal)
                         .Where(g => g.Count() > 1))
            {
                _problems.Add($"VpcAttachment {record.Name} has {zone.Count()} subnets in {zone.Key}; AWS takes one subnet per Availability Zone.");
            }
        }
    }

    private void ReadTables(IReadOnlyList<ResourceRecord> records)
    {
        foreach (var record in records.Where(r => r.Type == AwsTypes.TransitGatewayRouteTable))
        {
            var gatewayId = InputValues.String(record.Inputs, "transitGatewayId");
            if (gatewayId is null || !_gateways.ContainsKey(gatewayId))
            {
                _problems.Add($"RouteTable {record.Name} refers to transit gateway {gatewayId ?? "(unset)"}, which no resource declares.");
            }

            _tables[record.Id] = new TransitGatewayRouteTableInfo(record.Id, record.Name, gatewayId, IsDefault: false);
        }

        foreach (var (gateway, record) in _gateways.Values
                     .Where(g => g.DefaultRouteTableAssociation || g.DefaultRouteTablePropagation)
                     .Select(g => (g, records.First(r => r.Id == g.Id))))
        {
            var id = InputValues.String(record.Outputs, "associationDefaultRouteTableId")
                ?? InputValues.String(record.Outputs, "propagationDefaultRouteTableId")
                ?? $"tgw-default:{gateway.Id}";
            _tables.TryAdd(id, new TransitGatewayRouteTableInfo(id, null, gateway.Id, IsDefault: true));
        }
    }

    private void ReadRoutes(IReadOnlyList<ResourceRecord> records)
    {
        foreach (var record in records.Where(r => r.Type == AwsTypes.TransitGatewayRoute))
        {
            var tableId = InputValues.String(record.Inputs, "transitGatewayRouteTableId");
            var destination = InputValues.String(record.Inputs, "destinationCidrBlock");
            var attachmentId = InputValues.String(record.Inputs, "transitGatewayAttachmentId");
            var blackhole = InputValues.Boolean(record.Inputs, "blackhole") ?? false;
            if (tableId is null || !_tables.ContainsKey(tableId))
            {
                _problems.Add($"Route {record.Name} refers to transit gateway route table {tableId ?? "(unset)"}, which no resource declares.");
                continue;
            }

            if (destination is null || !Cidr.TryParse(destination, out _))
            {
                _problems.Add($"Route {record.Name} has no IPv4 destinationCidrBlock.");
                continue;
            }

            // A route needs an attachment unless it is a blackhole; a blackhole that also names an attachment is still
            // a blackhole, as AWS ignores the attachment (hashicorp/terraform-provider-aws issue #9046; the strict mocks agree).
            if (!blackhole && attachmentId is null)
            {
                _problems.Add($"Route {record.Name} needs a transitGatewayAttachmentId unless it is a blackhole.");
                continue;
            }

            if (!blackhole && !_attachments.ContainsKey(attachmentId!))
            {
                _problems.Add($"Route {record.Name} targets attachment {attachmentId}, which no resource declares.");
            }

            Declared(tableId).Add(blackhole ? TransitRoute.Blackhole(destination) : TransitRoute.Static(destination, attachmentId!));
        }
    }

    private void ReadAssociations(IReadOnlyList<ResourceRecord> records)
    {
        foreach (var record in records.Where(r => r.Type == AwsTypes.TransitGatewayRouteTableAssociation))
        {
            if (Pair(record, "RouteTableAssociation") is not { } pair)
            {
                continue;
            }

            var (attachment, table) = pair;
            if (_association.TryGetValue(attachment.Id, out var existing) && existing != table)
            {
                _problems.Add($"Attachment {attachment.Name} is associated with two transit gateway route tables, {existing} and {table}; an attachment has exactly one, {existing} is used.");
                continue;
            }

            _association[attachment.Id] = table;
            if (UsesDefaultAssociation(attachment) && !(InputValues.Boolean(record.Inputs, "replaceExistingAssociation") ?? false))
            {
                _problems.Add($"Attachment {attachment.Name} is associated with {table} by RouteTableAssociation {record.Name} but also with its gateway's default route table (default association is on); AWS refuses the second association unless replaceExistingAssociation is set.");
            }
        }
    }

    private void ReadPropagations(IReadOnlyList<ResourceRecord> records)
    {
        foreach (var record in records.Where(r => r.Type == AwsTypes.TransitGatewayRouteTablePropagation))
        {
            if (Pair(record, "RouteTablePropagation") is { } pair)
            {
                Propagate(pair.Attachment, pair.Table);
            }
        }
    }

    private void ApplyDefaults()
    {
        foreach (var attachment in _attachments.Values)
        {
            var table = attachment.TransitGatewayId is null
                ? null
                : _tables.Values.FirstOrDefault(t => t.IsDefault && t.TransitGatewayId == attachment.TransitGatewayId);
            if (table is null)
            {
                continue;
            }

            if (UsesDefaultAssociation(attachment))
            {
                _association.TryAdd(attachment.Id, table);
            }

            if (_gateways[attachment.TransitGatewayId!].DefaultRouteTablePropagation && attachment.UsesDefaultPropagation)
            {
                Propagate(attachment, table);
            }
        }
    }

    private bool UsesDefaultAssociation(TransitGatewayAttachmentInfo attachment) =>
        attachment.UsesDefaultAssociation &&
        attachment.TransitGatewayId is not null &&
        _gateways.TryGetValue(attachment.TransitGatewayId, out var gateway) &&
        gateway.DefaultRouteTableAssociation;

    private (TransitGatewayAttachmentInfo Attachment, TransitGatewayRouteTableInfo Table)? Pair(ResourceRecord record, string kind)
    {
        var attachmentId = InputValues.String(record.Inputs, "transitGatewayAttachmentId");
        var tableId = InputValues.String(record.Inputs, "transitGatewayRouteTableId");
        if (attachmentId is null || !_attachments.TryGetValue(attachmentId, out var attachment))
        {
            _problems.Add($"{kind} {record.Name} refers to attachment {attachmentId ?? "(unset)"}, which no resource declares.");
            return null;
        }

        if (tableId is null || !_tables.TryGetValue(tableId, out var table))
        {
            _problems.Add($"{kind} {record.Name} refers to transit gateway route table {tableId ?? "(unset)"}, which no resource declares.");
            return null;
        }

        if (table.TransitGatewayId != attachment.TransitGatewayId)
        {
            _problems.Add($"{kind} {record.Name} pairs attachment {attachment.Name} with route table {table} of another transit gateway.");
            return null;
        }

        return (attachment, table);
    }

    private void Propagate(TransitGatewayAttachmentInfo attachment, TransitGatewayRouteTableInfo table)
    {
        if (!_propagations.TryGetValue(table.Id, out var set))
        {
            _propagations[table.Id] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        set.Add(attachment.Id);
    }

    private List<TransitRoute> Declared(string tableId)
    {
        if (!_declared.TryGetValue(tableId, out var list))
        {
            _declared[tableId] = list = [];
        }

        return list;
    }

    private ImmutableArray<TransitRoute> Effective(TransitGatewayRouteTableInfo table)
    {
        var statics = _declared.GetValueOrDefault(table.Id) ?? [];
        foreach (var clash in statics.GroupBy(r => r.Destination, StringComparer.Ordinal).Where(g => g.Distinct().Count() > 1))
        {
            _problems.Add($"Transit gateway route table {table} has {clash.Count()} static routes for {clash.Key}; AWS keeps one static route per prefix.");
        }

        var byDestination = new SortedDictionary<string, TransitRoute>(StringComparer.Ordinal);
        foreach (var route in statics.Order())
        {
            byDestination.TryAdd(route.Destination, route);
        }

        var propagated = (_propagations.GetValueOrDefault(table.Id) ?? [])
            .Select(id => _attachments[id])
            .SelectMany(a => VpcBlocks(a).Select(block => TransitRoute.Propagated(block, a.Id)))
            .Order();
        foreach (var route in propagated)
        {
            if (byDestination.TryGetValue(route.Destination, out var existing))
            {
                // Same prefix: a static route wins over a propagated one. Two attachments propagating the same block
                // is the overlapping-VPC case AWS does not propagate ("Amazon VPC attachments" limits); report it.
                if (existing.Kind == TransitRouteKind.Propagated && existing.AttachmentId != route.AttachmentId)
                {
                    _problems.Add($"Transit gateway route table {table} gets {route.Destination} propagated from both {_attachments[existing.AttachmentId!].Name} and {_attachments[route.AttachmentId!].Name}; AWS does not propagate a VPC block identical to one already there.");
                }

                continue;
            }

            byDestination[route.Destination] = route;
        }

        return [.. byDestination.Values.Order()];
    }

    private IEnumerable<string> VpcBlocks(TransitGatewayAttachmentInfo attachment) =>
        attachment.VpcId is not null && _vpcs.TryGetValue(attachment.VpcId, out var vpc)
            ? vpc.Ipv4Blocks
            : [];
}
