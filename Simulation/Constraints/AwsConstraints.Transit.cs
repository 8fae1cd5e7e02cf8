using System.Globalization;
using Infra.Model.Aws;
using Infra.Model.Routing;

namespace Infra.Simulation.Constraints;

/// <summary>
/// The Transit Gateway rules: the gateway's options, its VPC attachments and their subnets, route tables,
/// associations, propagations and static routes, and VPC routes to a transit gateway. The rules and their sources are
/// in <see cref="TransitGatewayRules"/>; what a rule needs from earlier registrations is remembered here.
/// </summary>
public sealed partial class AwsConstraints
{
    private readonly Dictionary<string, TransitGatewayState> _transitGateways = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransitAttachmentState> _transitAttachments = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Gateway, string Vpc), string> _firstAttachmentName = [];
    private readonly Dictionary<string, HashSet<string>> _gatewaysOfVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _attachmentsOfGateway = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransitRouteTableState> _transitRouteTables = new(StringComparer.Ordinal);

    private void AddTransitGatewayRules()
    {
        _resourceRules[AwsTypes.TransitGateway] = CheckTransitGateway;
        _resourceRules[AwsTypes.TransitGatewayVpcAttachment] = CheckTransitAttachment;
        _resourceRules[AwsTypes.TransitGatewayRouteTable] = CheckTransitRouteTable;
        _resourceRules[AwsTypes.TransitGatewayRouteTableAssociation] = CheckTransitAssociation;
        _resourceRules[AwsTypes.TransitGatewayRouteTablePropagation] = CheckTransitPropagation;
        _resourceRules[AwsTypes.TransitGatewayRoute] = CheckTransitRoute;
    }

    private static IEnumerable<ConstraintViolation> CheckOptions(Registration r, IReadOnlyList<(string Field, string Default)> options)
    {
        foreach (var (field, _) in options)
        {
            if (Inputs.Text(r.Inputs, field) is { } value && TransitGatewayRules.CheckOption(value) is { } rule)
            {
                yield return Violation(r, field, value, rule);
            }
        }
    }

    private static ConstraintViolation? Required(Registration r, string field, string what) =>
        Inputs.Has(r.Inputs, field) ? null : Violation(r, field, "(not set)", $"{what} (required by the provider's schema)");

    private IEnumerable<ConstraintViolation> CheckTransitGateway(Registration r)
    {
        foreach (var violation in CheckOptions(r, TransitGatewayRules.GatewayOptions))
        {
            yield return violation;
        }

        if (Inputs.Number(r.Inputs, "amazonSideAsn") is { } asn && TransitGatewayRules.CheckAmazonSideAsn(asn) is { } asnRule)
        {
            yield return Violation(r, "amazonSideAsn", Show(asn), asnRule);
        }

        var blocks = Inputs.Texts(r.Inputs, "transitGatewayCidrBlocks");
        if (blocks.Count > TransitGatewayRules.MaxCidrBlocks)
        {
            yield return Violation(r, "transitGatewayCidrBlocks", $"{blocks.Count} blocks", $"at most {TransitGatewayRules.MaxCidrBlocks} CIDR blocks per transit gateway");
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            if (TransitGatewayRules.CheckGatewayCidrBlock(blocks[i]) is { } blockRule)
            {
                yield return Violation(r, $"transitGatewayCidrBlocks[{i}]", blocks[i], blockRule);
            }
        }
    }

    private IEnumerable<ConstraintViolation> CheckTransitAttachment(Registration r)
    {
        if (Required(r, "transitGatewayId", "the transit gateway to attach to") is { } noGateway)
        {
            yield return noGateway;
        }

        if (Required(r, "vpcId", "the VPC to attach") is { } noVpc)
        {
            yield return noVpc;
        }

        foreach (var violation in CheckOptions(r, TransitGatewayRules.AttachmentOptions))
        {
            yield return violation;
        }

        var gatewayId = Inputs.Text(r.Inputs, "transitGatewayId");
        var vpcId = Inputs.Text(r.Inputs, "vpcId");
        var subnetIds = Inputs.Texts(r.Inputs, "subnetIds");
        if (subnetIds.Count == 0)
        {
            // aws_ec2_transit_gateway_vpc_attachment subnet_ids: Required, MinItems 1; CreateTransitGatewayVpcAttachment: "You must specify at least one subnet".
            yield return Violation(r, "subnetIds", "(not set)", "at least one subnet of the VPC");
        }

        var zones = new Dictionary<string, SubnetState>(StringComparer.Ordinal);
        foreach (var subnetId in subnetIds)
        {
            if (!_subnets.TryGetValue(subnetId, out var subnet))
            {
                continue;
            }

            if (vpcId is not null && subnet.VpcId is not null && subnet.VpcId != vpcId)
            {
                // The attachment's interfaces live in subnets of the attached VPC (Amazon VPC Transit Gateways, "Amazon VPC attachments").
                yield return Violation(r, "subnetIds", subnetId, $"a subnet of the attached VPC {vpcId}, and {subnet.Name} is in {subnet.VpcId}");
            }

            if (subnet.AvailabilityZone is { } zone && !zones.TryAdd(zone, subnet))
            {
                // CreateTransitGatewayVpcAttachment SubnetIds: "You can specify only one subnet per Availability Zone."
                yield return Violation(r, "subnetIds", subnetId, $"at most one subnet per availability zone, and {zones[zone].Name} and {subnet.Name} are both in {zone}");
            }
        }

        // "The transit gateway uses one IP address from each specified subnet" (CreateTransitGatewayVpcAttachment).
        if (CheckAddresses(r, subnetIds) is { } full)
        {
            yield return full;
        }

        if (gatewayId is null || vpcId is null)
        {
            yield break;
        }

        if (_firstAttachmentName.TryGetValue((gatewayId, vpcId), out var twin))
        {
            // Transit Gateway quotas: "A transit gateway cannot have more than one VPC attachment to the same VPC."
            yield return Violation(r, "vpcId", vpcId, $"a VPC not yet attached to transit gateway {gatewayId}, and {twin} already attaches it (one VPC attachment per VPC and transit gateway)");
        }

        var gatewaysOfVpc = (_gatewaysOfVpc.GetValueOrDefault(vpcId)?.Count ?? 0) + (_firstAttachmentName.ContainsKey((gatewayId, vpcId)) ? 0 : 1);
        if (gatewaysOfVpc > TransitGatewayRules.MaxGatewaysPerVpc)
        {
            yield return Violation(r, "vpcId", vpcId, $"a VPC attached to at most {TransitGatewayRules.MaxGatewaysPerVpc} transit gateways (Transit Gateway quotas)");
        }

        var attachments = _attachmentsOfGateway.GetValueOrDefault(gatewayId);
        if (attachments >= TransitGatewayRules.MaxAttachmentsPerGateway)
        {
            var gateway = _transitGateways.TryGetValue(gatewayId, out var known) ? known.Name : gatewayId;
            yield return Violation(r, "transitGatewayId", gatewayId, string.Create(CultureInfo.InvariantCulture,
                $"a transit gateway with fewer than {TransitGatewayRules.MaxAttachmentsPerGateway:N0} attachments (Transit Gateway quotas, not adjustable), and {gateway} has {attachments:N0}"));
        }
    }

    private IEnumerable<ConstraintViolation> CheckTransitRouteTable(Registration r)
    {
        if (Required(r, "transitGatewayId", "the transit gateway the route table belongs to") is { } noGateway)
        {
            yield return noGateway;
        }
    }

    /// <summary>
    /// An association or propagation names an attachment and a route table of one transit gateway: an attachment
    /// belongs to its gateway and a route table routes only that gateway's attachments (AssociateTransitGatewayRouteTable,
    /// EnableTransitGatewayRouteTablePropagation: the table is "the transit gateway route table" of the attachment's gateway).
    /// </summary>
    private IEnumerable<ConstraintViolation> CheckPair(Registration r, string what)
    {
        if (Required(r, "transitGatewayAttachmentId", $"the attachment to {what}") is { } noAttachment)
        {
            yield return noAttachment;
        }

        if (Required(r, "transitGatewayRouteTableId", $"the transit gateway route table to {what} with") is { } noTable)
        {
            yield return noTable;
        }

        if (Attachment(r) is { } attachment && Table(r) is { } table && attachment.GatewayId != table.GatewayId)
        {
            yield return Violation(r, "transitGatewayRouteTableId", Inputs.Text(r.Inputs, "transitGatewayRouteTableId")!,
                $"a route table of the attachment's transit gateway {attachment.GatewayId}, and {table.Name} belongs to {table.GatewayId}");
        }
    }

    private TransitAttachmentState? Attachment(Registration r) =>
        Inputs.Text(r.Inputs, "transitGatewayAttachmentId") is { } id ? _transitAttachments.GetValueOrDefault(id) : null;

    private TransitRouteTableState? Table(Registration r) =>
        Inputs.Text(r.Inputs, "transitGatewayRouteTableId") is { } id ? _transitRouteTables.GetValueOrDefault(id) : null;

    private IEnumerable<ConstraintViolation> CheckTransitAssociation(Registration r)
    {
        foreach (var violation in CheckPair(r, "associate"))
        {
            yield return violation;
        }

        var replace = r.Inputs.TryGetValue("replaceExistingAssociation", out var flag) && flag is true;
        if (Attachment(r) is { } attachment && !replace && AssociationOf(attachment) is { } existing)
        {
            // "Each attachment is associated with exactly one route table" (How transit gateways work); a second
            // AssociateTransitGatewayRouteTable fails unless the provider first removes the association
            // (aws_ec2_transit_gateway_route_table_association replace_existing_association).
            yield return Violation(r, "transitGatewayAttachmentId", Inputs.Text(r.Inputs, "transitGatewayAttachmentId")!,
                $"an attachment not yet associated with a route table (an attachment has exactly one, unless replaceExistingAssociation is true), and {attachment.Name} is already associated with {existing}");
        }
    }

    /// <summary>The route table an attachment is associated with so far, as the user reads it; null when none.</summary>
    private string? AssociationOf(TransitAttachmentState attachment)
    {
        if (attachment.AssociatedTable is { } table)
        {
            return table;
        }

        return attachment.UsesDefaultAssociation && _transitGateways.TryGetValue(attachment.GatewayId, out var gateway) && gateway.DefaultAssociation
            ? $"the default route table of {gateway.Name} (its transitGatewayDefaultRouteTableAssociation is not false and the gateway's defaultRouteTableAssociation is enable)"
            : null;
    }

    private IEnumerable<ConstraintViolation> CheckTransitPropagation(Registration r)
    {
        foreach (var violation in CheckPair(r, "propagate"))
        {
            yield return violation;
        }

        if (Table(r) is { } table && QuotaOfRoutes(r, table.GatewayId) is { } quota)
        {
            yield return quota;
        }
    }

    private IEnumerable<ConstraintViolation> CheckTransitRoute(Registration r)
    {
        if (Required(r, "transitGatewayRouteTableId", "the transit gateway route table") is { } noTable)
        {
            yield return noTable;
        }

        if (Inputs.Text(r.Inputs, "destinationCidrBlock") is not { } destination)
        {
            yield return Violation(r, "destinationCidrBlock", "(not set)", "a destination CIDR block (required by the provider's schema)");
        }
        else if (TransitGatewayRules.CheckRouteDestination(destination) is { } destinationRule)
        {
            yield return Violation(r, "destinationCidrBlock", destination, destinationRule);
        }

        var blackhole = r.Inputs.TryGetValue("blackhole", out var flag) && flag is true;
        if (!blackhole && !Inputs.Has(r.Inputs, "transitGatewayAttachmentId"))
        {
            // aws_ec2_transit_gateway_route: transit_gateway_attachment_id is "required if blackhole is set to false".
            // With blackhole true an attachment is ignored, not refused (hashicorp/terraform-provider-aws issue #9046), so both is accepted.
            yield return Violation(r, "transitGatewayAttachmentId", "(not set)", "the attachment the route sends traffic to, or blackhole = true");
        }

        var table = Table(r);
        if (!blackhole && Attachment(r) is { } attachment && table is not null && attachment.GatewayId != table.GatewayId)
        {
            yield return Violation(r, "transitGatewayAttachmentId", Inputs.Text(r.Inputs, "transitGatewayAttachmentId")!,
                $"an attachment of the route table's transit gateway {table.GatewayId}, and {attachment.Name} attaches to {attachment.GatewayId}");
        }

        if (table is not null && QuotaOfRoutes(r, table.GatewayId) is { } quota)
        {
            yield return quota;
        }
    }

    private ConstraintViolation? QuotaOfRoutes(Registration r, string gatewayId) =>
        _transitGateways.TryGetValue(gatewayId, out var gateway) && gateway.Routes >= TransitGatewayRules.MaxRoutesPerGateway
            ? Violation(r, "transitGatewayRouteTableId", Inputs.Text(r.Inputs, "transitGatewayRouteTableId")!, string.Create(CultureInfo.InvariantCulture,
                $"a transit gateway with fewer than {TransitGatewayRules.MaxRoutesPerGateway:N0} routes across its route tables (Transit Gateway quotas, the default, adjustable), and {gateway.Name} has {gateway.Routes:N0}"))
            : null;

    /// <summary>
    /// A VPC route to a transit gateway needs the VPC attached to it first: CreateRoute fails with
    /// InvalidTransitGatewayID.NotFound until the attachment exists (aws-ia/terraform-aws-vpc issue #101,
    /// terraform-aws-modules/terraform-aws-transit-gateway pull request #144: the route must depend on the attachment).
    /// Checked for VPCs this run creates: an attachment made elsewhere would need this run's VPC id first, so it cannot
    /// come before this run's route.
    /// </summary>
    private ConstraintViolation? CheckRouteToTransitGateway(Registration r, string? vpcId, IReadOnlyDictionary<string, object> route, string prefix)
    {
        if (Inputs.Text(route, "transitGatewayId") is not { } gatewayId || vpcId is null || !_vpcs.ContainsKey(vpcId)
            || _firstAttachmentName.ContainsKey((gatewayId, vpcId)))
        {
            return null;
        }

        return Violation(r, prefix + "transitGatewayId", gatewayId,
            $"a transit gateway the route table's VPC {vpcId} is attached to, and no attachment of it to {gatewayId} exists yet (the route must depend on the attachment)");
    }

    private void RememberTransit(Registration r)
    {
        switch (r.Type)
        {
            case AwsTypes.TransitGateway:
                _transitGateways[r.Id] = new TransitGatewayState(r.Name,
                    (Inputs.Text(r.Inputs, "defaultRouteTableAssociation") ?? TransitGatewayRules.Enable) == TransitGatewayRules.Enable);
                break;
            case AwsTypes.TransitGatewayVpcAttachment when Inputs.Text(r.Inputs, "transitGatewayId") is { } gatewayId:
                var attachedVpc = Inputs.Text(r.Inputs, "vpcId");
                _transitAttachments[r.Id] = new TransitAttachmentState(r.Name, gatewayId, attachedVpc,
                    !(r.Inputs.TryGetValue("transitGatewayDefaultRouteTableAssociation", out var flag) && flag is false), null);
                _attachmentsOfGateway[gatewayId] = _attachmentsOfGateway.GetValueOrDefault(gatewayId) + 1;
                if (attachedVpc is not null)
                {
                    _firstAttachmentName.TryAdd((gatewayId, attachedVpc), r.Name);
                    if (!_gatewaysOfVpc.TryGetValue(attachedVpc, out var gateways))
                    {
                        gateways = new HashSet<string>(StringComparer.Ordinal);
                        _gatewaysOfVpc[attachedVpc] = gateways;
                    }

                    gateways.Add(gatewayId);
                }

                Occupy(Inputs.Texts(r.Inputs, "subnetIds"));
                break;
            case AwsTypes.TransitGatewayRouteTable when Inputs.Text(r.Inputs, "transitGatewayId") is { } gatewayId:
                _transitRouteTables[r.Id] = new TransitRouteTableState(r.Name, gatewayId);
                break;
            case AwsTypes.TransitGatewayRouteTableAssociation when Attachment(r) is { } attachment && Inputs.Text(r.Inputs, "transitGatewayAttachmentId") is { } id:
                _transitAttachments[id] = attachment with { AssociatedTable = Table(r)?.Name ?? Inputs.Text(r.Inputs, "transitGatewayRouteTableId") };
                break;
            case AwsTypes.TransitGatewayRouteTablePropagation or AwsTypes.TransitGatewayRoute
                when Table(r) is { } table && _transitGateways.TryGetValue(table.GatewayId, out var gateway):
                // A propagation adds at least the attached VPC's primary block; a static route adds one.
                _transitGateways[table.GatewayId] = gateway with { Routes = gateway.Routes + 1 };
                break;
        }
    }

    private sealed record TransitGatewayState(string Name, bool DefaultAssociation, int Routes = 0);

    private sealed record TransitAttachmentState(string Name, string GatewayId, string? VpcId, bool UsesDefaultAssociation, string? AssociatedTable);

    private sealed record TransitRouteTableState(string Name, string GatewayId);
}
