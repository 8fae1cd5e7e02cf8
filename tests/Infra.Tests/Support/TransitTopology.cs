using Infra.Components;
using Infra.Simulation;

namespace Infra.Tests.Support;

/// <summary>
/// A small program of the transit components alone: a <see cref="TransitHub"/> named hub, a
/// <see cref="CentralInspectionVpc"/> named inspection (10.255.0.0/16) and spokes spoke-1 … spoke-N (10.k.0.0/16), in the
/// first <see cref="Zones"/> zones of the mocked region, with an endpoint service of another account.
/// </summary>
public sealed record TransitTopology(int Zones, int Spokes)
{
    public const string InspectionCidr = "10.255.0.0/16";
    public const string EndpointServiceName = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0";

    /// <summary>What the inspection VPC sends toward the spokes.</summary>
    public IReadOnlyList<string> SpokeDestinations { get; init; } = ["10.0.0.0/8"];

    public static string SpokeName(int k) => $"spoke-{k}";

    public static string SpokeCidr(int k) => $"10.{k}.0.0/16";

    public IEnumerable<int> SpokeNumbers => Enumerable.Range(1, Spokes);

    public Task<StackRun> RunAsync(AwsMocks? mocks = null)
    {
        mocks ??= new AwsMocks();
        var zones = mocks.AvailabilityZones.Take(Zones).ToList();
        return StackRun.RunProgramAsync(() =>
        {
            var hub = new TransitHub("hub", new TransitHubArgs());
            var inspection = new CentralInspectionVpc("inspection", new CentralInspectionVpcArgs
            {
                CidrBlock = InspectionCidr,
                AvailabilityZoneNames = zones,
                TransitGatewayId = hub.TransitGatewayId,
                InspectionRouteTableId = hub.InspectionRouteTableId,
                SpokeRouteTableId = hub.SpokeRouteTableId,
                EndpointServiceName = EndpointServiceName,
                SpokeDestinationCidrs = [.. SpokeDestinations],
            });
            var spokes = SpokeNumbers.Select(k => new Spoke(SpokeName(k), new SpokeArgs
            {
                CidrBlock = SpokeCidr(k),
                AvailabilityZoneNames = zones,
                TransitGatewayId = hub.TransitGatewayId,
                SpokeRouteTableId = hub.SpokeRouteTableId,
                InspectionRouteTableId = hub.InspectionRouteTableId,
            })).ToList();
            return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?>
            {
                ["transitGatewayId"] = hub.TransitGatewayId,
                ["inspectionAttachmentId"] = inspection.AttachmentId,
                ["gwlbEndpointIds"] = inspection.GwlbEndpointIds,
                ["natGatewayIds"] = inspection.NatGatewayIds,
                ["spokeAttachmentIds"] = Pulumi.Output.All(spokes.Select(s => s.AttachmentId)),
            });
        }, mocks);
    }
}
