using Infra.Model.Routing;
using static Infra.Model.Tests.Routing.Aws;

namespace Infra.Model.Tests.Routing;

/// <summary>
/// The centralized inspection architecture of AWS's Gateway Load Balancer samples
/// (aws-samples/aws-gateway-load-balancer-code-samples, aws-cloudformation/centralized_architecture), built by hand as
/// the resources a program would register, for <paramref name="Zones"/> AZs and <paramref name="Spokes"/> spoke VPCs.
/// Inspection VPC 10.100.0.0/16, per AZ i: attachment subnet 10.100.i.0/28, GWLB endpoint subnet 10.100.1i.0/28,
/// public subnet 10.100.2i.0/24 with a NAT gateway. Spoke k: 10.k.0.0/16, per AZ i: attachment subnet 10.k.i.0/28 and
/// workload subnet 10.k.1i.0/24. Transit gateway with default association and propagation off; a spoke route table
/// (0.0.0.0/0 → inspection attachment) associated with every spoke; an inspection route table associated with the
/// inspection attachment, into which every spoke propagates. (The sample writes the spoke routes of the inspection table
/// as static routes; propagation gives the same table and follows new spokes.)
/// </summary>
/// <param name="Zones">1 to 3.</param>
/// <param name="Spokes">1 to 9.</param>
internal sealed record CentralizedArchitecture(int Zones, int Spokes)
{
    public const string InspectionCidr = "10.100.0.0/16";

    /// <summary>Appliance mode on the inspection attachment.</summary>
    public bool ApplianceMode { get; init; } = true;

    /// <summary>The gateway's default association and propagation left on (and the spokes' first association left to it).</summary>
    public bool DefaultsLeftOn { get; init; }

    /// <summary>When set, the public subnet of AZ 0 sends spoke traffic back to the endpoint of this AZ instead of its own.</summary>
    public int? ReturnEndpointOfZone0 { get; init; }

    public static string Zone(int i) => "us-east-1" + (char)('a' + i);

    public static string SpokeCidr(int k) => $"10.{k}.0.0/16";

    public static string Spoke(int k) => $"spoke{k}";

    public static string SpokeWorkload(int k, int i) => $"spoke{k}-workload-{i}";

    public static string SpokeAttachmentSubnet(int k, int i) => $"spoke{k}-tgw-{i}";

    public static string SpokeAttachment(int k) => $"spoke{k}-attachment";

    public static string InspectionAttachmentSubnet(int i) => $"inspection-tgw-{i}";

    public static string EndpointSubnet(int i) => $"inspection-gwlbe-{i}";

    public static string PublicSubnet(int i) => $"inspection-public-{i}";

    public static string Endpoint(int i) => $"gwlbe-{i}";

    public static string Nat(int i) => $"nat-{i}";

    public IEnumerable<int> ZoneIndexes => Enumerable.Range(0, Zones);

    public IEnumerable<int> SpokeIndexes => Enumerable.Range(1, Spokes);

    public List<ResourceRecord> Resources()
    {
        var defaults = DefaultsLeftOn ? "enable" : "disable";
        var records = new List<ResourceRecord>
        {
            TransitGateway("hub", defaults, defaults),
            TgwRouteTable("spoke-rt", "hub"),
            TgwRouteTable("inspection-rt", "hub"),
            Vpc("inspection", InspectionCidr),
            InternetGateway("igw", "inspection"),
        };

        foreach (var i in ZoneIndexes)
        {
            records.Add(Subnet(InspectionAttachmentSubnet(i), "inspection", $"10.100.{i}.0/28", "transit", Zone(i)));
            records.Add(Subnet(EndpointSubnet(i), "inspection", $"10.100.1{i}.0/28", "endpoint", Zone(i)));
            records.Add(Subnet(PublicSubnet(i), "inspection", $"10.100.2{i}.0/24", "public", Zone(i)));
            records.Add(GwlbEndpoint(Endpoint(i), "inspection", EndpointSubnet(i)));
            records.Add(NatGateway(Nat(i), PublicSubnet(i)));

            records.Add(RouteTable($"inspection-tgw-rt-{i}", "inspection", InlineRoute("0.0.0.0/0", "vpcEndpointId", Id(Endpoint(i)))));
            records.Add(Association($"inspection-tgw-rta-{i}", $"inspection-tgw-rt-{i}", InspectionAttachmentSubnet(i)));

            records.Add(RouteTable(
                $"inspection-gwlbe-rt-{i}", "inspection",
                [InlineRoute("0.0.0.0/0", "natGatewayId", Id(Nat(i))), .. SpokeIndexes.Select(k => InlineRoute(SpokeCidr(k), "transitGatewayId", Id("hub")))]));
            records.Add(Association($"inspection-gwlbe-rta-{i}", $"inspection-gwlbe-rt-{i}", EndpointSubnet(i)));

            var returnEndpoint = i == 0 && ReturnEndpointOfZone0 is { } wrong ? Endpoint(wrong) : Endpoint(i);
            records.Add(RouteTable(
                $"inspection-public-rt-{i}", "inspection",
                [InlineRoute("0.0.0.0/0", "gatewayId", Id("igw")), .. SpokeIndexes.Select(k => InlineRoute(SpokeCidr(k), "vpcEndpointId", Id(returnEndpoint)))]));
            records.Add(Association($"inspection-public-rta-{i}", $"inspection-public-rt-{i}", PublicSubnet(i)));
        }

        records.Add(VpcAttachment(
            "inspection-attachment", "hub", "inspection", [.. ZoneIndexes.Select(InspectionAttachmentSubnet)], ApplianceMode, DefaultsLeftOn));
        records.Add(TgwAssociation("inspection-assoc", "inspection-attachment", "inspection-rt", replaceExisting: DefaultsLeftOn));
        records.Add(TgwRoute("spoke-default", "spoke-rt", "0.0.0.0/0", "inspection-attachment"));

        foreach (var k in SpokeIndexes)
        {
            records.Add(Vpc(Spoke(k), SpokeCidr(k)));
            foreach (var i in ZoneIndexes)
            {
                records.Add(Subnet(SpokeAttachmentSubnet(k, i), Spoke(k), $"10.{k}.{i}.0/28", "transit", Zone(i)));
                records.Add(Subnet(SpokeWorkload(k, i), Spoke(k), $"10.{k}.1{i}.0/24", "private", Zone(i)));
                records.Add(Association($"spoke{k}-tgw-rta-{i}", $"spoke{k}-tgw-rt", SpokeAttachmentSubnet(k, i)));
                records.Add(Association($"spoke{k}-workload-rta-{i}", $"spoke{k}-workload-rt", SpokeWorkload(k, i)));
            }

            records.Add(RouteTable($"spoke{k}-tgw-rt", Spoke(k)));
            records.Add(RouteTable($"spoke{k}-workload-rt", Spoke(k), InlineRoute("0.0.0.0/0", "transitGatewayId", Id("hub"))));
            records.Add(VpcAttachment(SpokeAttachment(k), "hub", Spoke(k), [.. ZoneIndexes.Select(i => SpokeAttachmentSubnet(k, i))], useDefaults: DefaultsLeftOn));
            if (!DefaultsLeftOn || k != 1)
            {
                records.Add(TgwAssociation($"spoke{k}-assoc", SpokeAttachment(k), "spoke-rt", replaceExisting: DefaultsLeftOn));
            }

            records.Add(TgwPropagation($"spoke{k}-prop", SpokeAttachment(k), "inspection-rt"));
        }

        return records;
    }

    // The oracle: each table as the architecture describes it, written from the rules above, not read from the records.

    public static Route Local(string cidr) => new(Destination.Cidr(cidr), Target.Local);

    public static Route ToHub(string cidr) => new(Destination.Cidr(cidr), Target.TransitGateway(Id("hub")));

    public Route[] ExpectedSpokeWorkload(int k) => [Local(SpokeCidr(k)), ToHub("0.0.0.0/0")];

    public Route[] ExpectedSpokeAttachmentSubnet(int k) => [Local(SpokeCidr(k))];

    public Route[] ExpectedInspectionAttachmentSubnet(int i) =>
        [Local(InspectionCidr), new(Destination.Cidr("0.0.0.0/0"), Target.GatewayLoadBalancerEndpoint(Id(Endpoint(i))))];

    public Route[] ExpectedEndpointSubnet(int i) =>
        [Local(InspectionCidr), new(Destination.Cidr("0.0.0.0/0"), Target.NatGateway(Id(Nat(i)))), .. SpokeIndexes.Select(k => ToHub(SpokeCidr(k)))];

    public Route[] ExpectedPublicSubnet(int i) =>
    [
        Local(InspectionCidr),
        new(Destination.Cidr("0.0.0.0/0"), Target.InternetGateway(Id("igw"))),
        .. SpokeIndexes.Select(k => new Route(Destination.Cidr(SpokeCidr(k)), Target.GatewayLoadBalancerEndpoint(Id(Endpoint(i))))),
    ];

    public TransitRoute[] ExpectedSpokeRouteTable() => [TransitRoute.Static("0.0.0.0/0", Id("inspection-attachment"))];

    public TransitRoute[] ExpectedInspectionRouteTable() =>
        [.. SpokeIndexes.Select(k => TransitRoute.Propagated(SpokeCidr(k), Id(SpokeAttachment(k))))];
}
