using System.Globalization;
using System.Text.Json;
using Infra.Model.Addressing;
using Infra.Model.Aws;

namespace Infra.Model.Configuration;

public sealed partial record StackSettings
{
    private static readonly string[] TransitFields = ["role", "inspectionVpcCidr", "amazonSideAsn", "spokeDestinations", "hubStack", "spokes"];

    private const string HubRoles = "hub or hubAndSpokes";

    /// <summary>
    /// True when <c>transit.role</c> names a hub role. Read without judging the rest of the setting, so that the
    /// settings read before <c>transit</c> can depend on it and still fail in the order of <see cref="KnownKeys"/>.
    /// </summary>
    private static bool BuildsTransitHub(ConfigReader reader)
    {
        JsonElement? json;
        try
        {
            json = reader.Json("transit", "");
        }
        catch (ConfigException)
        {
            return false;
        }

        return json is { ValueKind: JsonValueKind.Object } obj
            && obj.TryGetProperty("role", out var role)
            && role.ValueKind == JsonValueKind.String
            && role.GetString() is "hub" or "hubAndSpokes";
    }

    /// <summary>
    /// The <c>transit</c> setting, checked on its own and against the settings read before it (<paramref name="read"/>):
    /// what each role needs, the blocks of the hub, the spokes and the provider VPC, and the AWS quotas the hub's
    /// tables and its Transit Gateway must stay within.
    /// </summary>
    private static TransitSettings ReadTransit(ConfigReader reader, StackSettings read)
    {
        var obj = reader.Object("transit", TransitFields);
        if (obj is null)
        {
            return new TransitSettings();
        }

        var role = SettingRules.TransitRole(obj.String("role", SettingRules.TransitRoleAllowed), (value, allowed) => obj.Error("role", value, allowed));
        var roleName = SettingRules.Name(role);
        var hub = role is TransitRole.Hub or TransitRole.HubAndSpokes;

        // A field of another role would be ignored without a word; it most likely means the role is not the one meant.
        foreach (var (field, roles, ok) in new[]
                 {
                     ("inspectionVpcCidr", HubRoles, hub), ("amazonSideAsn", HubRoles, hub), ("spokeDestinations", HubRoles, hub),
                     ("hubStack", "spoke", role == TransitRole.Spoke), ("spokes", "hubAndSpokes", role == TransitRole.HubAndSpokes),
                 })
        {
            if (!ok && obj.Get(field) is { } value)
            {
                throw obj.Error(field, ConfigReader.Display(value), $"no value unless transit.role is {roles} (it is {roleName})");
            }
        }

        CheckRoleAgainstInspection(role, roleName, read);

        var inspectionCidr = ReadVpcCidr(reader, obj.FieldKey("inspectionVpcCidr"), obj.String("inspectionVpcCidr", SettingRules.VpcCidrAllowed))
            ?? TransitSettings.DefaultInspectionVpcCidr;
        var combined = read.Inspection.Mode == InspectionMode.Combined;
        if (hub && combined && Cidr.Overlaps(inspectionCidr, read.Inspection.ProviderVpcCidr))
        {
            throw obj.Error(
                "inspectionVpcCidr",
                inspectionCidr,
                $"a block that does not overlap inspection.providerVpcCidr {read.Inspection.ProviderVpcCidr} when inspection.mode is combined, such as {NonOverlapping(inspectionCidr, read.Inspection.ProviderVpcCidr)}");
        }

        var asn = ReadAmazonSideAsn(obj);
        var destinations = ReadSpokeDestinations(reader, obj);
        var hubStack = ReadHubStack(obj, role);

        var spokes = role == TransitRole.HubAndSpokes ? ReadSpokes(obj, destinations, inspectionCidr, combined ? read.Inspection.ProviderVpcCidr : null) : [];

        return new TransitSettings
        {
            Role = role,
            InspectionVpcCidr = inspectionCidr,
            AmazonSideAsn = asn,
            SpokeDestinations = destinations,
            HubStack = hubStack,
            Spokes = spokes,
        };
    }

    /// <summary>
    /// A spoke has no inspection of its own (its traffic crosses the hub's GWLB endpoints) and no NAT (it leaves through
    /// the hub's); a hub's GWLB endpoints need an endpoint service, built here (combined) or someone else's (consumer).
    /// </summary>
    private static void CheckRoleAgainstInspection(TransitRole role, string roleName, StackSettings read)
    {
        var hub = role is TransitRole.Hub or TransitRole.HubAndSpokes;
        var mode = read.Inspection.Mode.ToString().ToLowerInvariant();
        if (role == TransitRole.Spoke && read.Inspection.Mode != InspectionMode.Off)
        {
            throw new ConfigException(
                read.Namespace, "inspection.mode", mode, "off when transit.role is spoke, because a spoke's traffic is inspected by the hub's GWLB endpoints in its inspection VPC");
        }

        if (role == TransitRole.Spoke && read.NatStrategy != NatStrategy.None)
        {
            throw new ConfigException(
                read.Namespace, "natStrategy", SettingRules.Name(read.NatStrategy), "none when transit.role is spoke, because a spoke has no public subnets and reaches the internet through the hub's NAT gateways");
        }

        if (hub && read.Inspection.Mode is InspectionMode.Off or InspectionMode.Provider)
        {
            throw new ConfigException(
                read.Namespace,
                "inspection.mode",
                mode,
                $"combined or consumer when transit.role is {roleName}, because the inspection VPC's GWLB endpoints connect to an endpoint service: combined builds it in this stack, consumer uses inspection.endpointServiceName or inspection.providerStack");
        }
    }

    private static int ReadAmazonSideAsn(ObjectReader obj)
    {
        if (obj.Get("amazonSideAsn") is not { } value)
        {
            return new TransitSettings().AmazonSideAsn;
        }

        Exception Invalid(string shown, string allowed) => obj.Error("amazonSideAsn", shown, allowed);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            // Any number outside the ranges gives the message that names them.
            return SettingRules.AmazonSideAsn(long.MinValue, (_, allowed) => Invalid(ConfigReader.Compact(value), allowed));
        }

        return SettingRules.AmazonSideAsn(number, Invalid);
    }

    /// <summary>
    /// The blocks the inspection VPC sends back to the Transit Gateway: what a route table toward a transit gateway
    /// takes (<see cref="TransitGatewayRules.DestinationCidrs"/>), and with the default route no more than a route table
    /// can hold.
    /// </summary>
    private static IReadOnlyList<string> ReadSpokeDestinations(ConfigReader reader, ObjectReader obj)
    {
        const string itemAllowed = "an IPv4 block such as 10.0.0.0/8";
        var list = obj.StringList("spokeDestinations", "a JSON list of IPv4 CIDR blocks the spokes lie in, such as [\"10.0.0.0/8\"]", itemAllowed);
        if (list is null)
        {
            return new TransitSettings().SpokeDestinations;
        }

        var most = SettingRules.MaxRoutesPerVpcRouteTable - 1;
        if (list.Count > most)
        {
            throw obj.Error(
                "spokeDestinations",
                $"a list of {list.Count.ToString(CultureInfo.InvariantCulture)} blocks",
                $"at most {most} blocks, because the inspection VPC's endpoint and public route tables hold one route per block besides their default route, and a VPC route table holds at most {SettingRules.MaxRoutesPerVpcRouteTable:N0} routes even with a raised quota");
        }

        return TransitGatewayRules.DestinationCidrs(list, obj.FieldKey("spokeDestinations"), (key, value, allowed) => reader.Error(key, value, allowed));
    }

    private static string? ReadHubStack(ObjectReader obj, TransitRole role)
    {
        const string allowed = "the hub stack's fully qualified name organization/project/stack, such as acme/network/hub";
        var hubStack = obj.String("hubStack", allowed);
        if (role != TransitRole.Spoke)
        {
            return null;
        }

        if (hubStack is null)
        {
            throw obj.Error("hubStack", "(not set)", $"{allowed}, required when transit.role is spoke: the spoke reads the hub's Transit Gateway and route tables from it");
        }

        return SettingRules.StackName(hubStack, (value, why) => obj.Error("hubStack", value, why));
    }

    /// <summary>
    /// The spokes of a hubAndSpokes stack: a list of VPC blocks, or a number of /16 blocks planned inside the
    /// destinations. Each spoke lies in a destination (the inspection VPC routes only those back), overlaps no other
    /// spoke nor the inspection VPC (a transit gateway does not route between overlapping attached VPCs: Amazon VPC
    /// Transit Gateways, "Amazon VPC attachments", limits) nor, in combined mode, the provider VPC (one address, one
    /// place in a stack, as for vpcCidr). With the inspection VPC's attachment, they stay within a Transit Gateway's
    /// attachments.
    /// </summary>
    private static IReadOnlyList<string> ReadSpokes(ObjectReader obj, IReadOnlyList<string> destinations, string inspectionCidr, string? providerCidr)
    {
        var most = TransitGatewayRules.MaxAttachmentsPerGateway - 1;
        const string allowed =
            "a JSON list of spoke VPC blocks, such as [\"10.1.0.0/16\", \"10.2.0.0/16\"], or a whole number of /16 spokes to plan inside transit.spokeDestinations";
        var quota = $"at most {most:N0} spokes, because a Transit Gateway takes at most {TransitGatewayRules.MaxAttachmentsPerGateway:N0} attachments (not adjustable) and the inspection VPC's is one of them";
        var shownDestinations = string.Join(", ", destinations);
        if (obj.Get("spokes") is not { } value)
        {
            throw obj.Error("spokes", "(not set)", $"{allowed}, required when transit.role is hubAndSpokes");
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (!value.TryGetInt32(out var count) || count < 1)
            {
                throw obj.Error("spokes", ConfigReader.Compact(value), allowed);
            }

            if (count > most)
            {
                throw obj.Error("spokes", ConfigReader.Compact(value), quota);
            }

            List<string> avoid = providerCidr is null ? [inspectionCidr] : [inspectionCidr, providerCidr];
            var planned = SpokePlanner.Plan(count, destinations, avoid);
            if (planned.Count < count)
            {
                var outside = providerCidr is null
                    ? $"the inspection VPC {inspectionCidr}"
                    : $"the inspection VPC {inspectionCidr} and the provider VPC {providerCidr}";
                throw obj.Error(
                    "spokes",
                    ConfigReader.Compact(value),
                    $"a number of /{SpokePlanner.SpokePrefixLength} spokes that fit in transit.spokeDestinations ({shownDestinations}) outside {outside}, which leave room for {planned.Count}; list the spokes' blocks instead, or widen transit.spokeDestinations");
            }

            return planned;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw obj.Error("spokes", ConfigReader.Compact(value), allowed);
        }

        var spokes = obj.StringList("spokes", allowed, SettingRules.VpcCidrAllowed)!;
        if (spokes.Count == 0)
        {
            throw obj.Error("spokes", "[]", $"at least one spoke: {allowed}");
        }

        if (spokes.Count > most)
        {
            throw obj.Error("spokes", $"a list of {spokes.Count.ToString(CultureInfo.InvariantCulture)} blocks", quota);
        }

        var result = new List<string>(spokes.Count);
        var blocks = new List<Cidr>(spokes.Count);
        for (var i = 0; i < spokes.Count; i++)
        {
            var field = $"spokes[{i}]";
            var block = SettingRules.VpcCidr(spokes[i], (shown, why) => obj.Error(field, shown, why));
            if (!destinations.Any(d => Cidr.Contains(d, block)))
            {
                throw obj.Error(
                    field, block, $"a block inside transit.spokeDestinations ({shownDestinations}), because the inspection VPC routes only those back to the Transit Gateway");
            }

            var parsed = Cidr.Parse(block);
            var other = blocks.FindIndex(b => b.First <= parsed.Last && parsed.First <= b.Last);
            if (other >= 0)
            {
                throw obj.Error(
                    field, block, $"a block that overlaps no other spoke, and it overlaps transit.spokes[{other}] {result[other]} (a Transit Gateway does not route between overlapping VPCs)");
            }

            if (Cidr.Overlaps(block, inspectionCidr))
            {
                throw obj.Error(
                    field, block, $"a block that does not overlap transit.inspectionVpcCidr {inspectionCidr} (a Transit Gateway does not route between overlapping VPCs)");
            }

            if (providerCidr is not null && Cidr.Overlaps(block, providerCidr))
            {
                throw obj.Error(field, block, $"a block that does not overlap inspection.providerVpcCidr {providerCidr} when inspection.mode is combined");
            }

            result.Add(block);
            blocks.Add(parsed);
        }

        return result;
    }
}
