using System.Text.Json;
using Infra.Components;
using Infra.Schema;

namespace Infra.Package.Tests;

public class SchemaTests
{
    [Fact]
    public void The_committed_schema_is_what_the_analyzer_makes_of_the_components()
    {
        var committed = File.ReadAllText(Repo.PathOf("provider/schema.json"));

        Assert.True(
            committed == PackageSchema.Json(),
            "provider/schema.json is out of date: regenerate it with `dotnet run --project tools/Schema -p:PulumiSdk=offline -- provider/schema.json`.");
    }

    [Fact]
    public void Every_component_is_in_the_schema_under_the_token_it_registers()
    {
        using var schema = JsonDocument.Parse(PackageSchema.Json());
        var resources = schema.RootElement.GetProperty("resources").EnumerateObject().Select(r => r.Name).ToList();

        string[] components =
            [nameof(VpcNetwork), nameof(GatewayEndpoint), nameof(InterfaceEndpoints), nameof(InspectionProvider),
             nameof(InspectionConsumer), nameof(PrivateBucket), nameof(PrivateInstance), nameof(TransitHub), nameof(CentralInspectionVpc),
             nameof(Spoke)];
        Assert.Equal(components.Select(PackageInfo.TypeToken).Order(StringComparer.Ordinal), resources);
        Assert.Equal("private-connectivity:index:VpcNetwork", PackageInfo.TypeToken(nameof(VpcNetwork)));
    }

    [Fact]
    public void Inputs_that_decide_names_and_counts_are_plain_and_ids_are_not()
    {
        using var schema = JsonDocument.Parse(PackageSchema.Json());
        var vpc = schema.RootElement.GetProperty("resources").GetProperty(PackageInfo.TypeToken(nameof(VpcNetwork))).GetProperty("inputProperties");
        var consumer = schema.RootElement.GetProperty("resources").GetProperty(PackageInfo.TypeToken(nameof(InspectionConsumer))).GetProperty("inputProperties");

        Assert.True(vpc.GetProperty("cidrBlock").GetProperty("plain").GetBoolean());
        Assert.True(vpc.GetProperty("availabilityZoneCount").GetProperty("plain").GetBoolean());
        Assert.Equal("#/types/private-connectivity:index:SubnetPrefixLengths", vpc.GetProperty("subnetPrefixLengths").GetProperty("$ref").GetString());
        Assert.False(consumer.GetProperty("endpointServiceName").TryGetProperty("plain", out _));
        Assert.False(consumer.GetProperty("endpointSubnetIds").TryGetProperty("plain", out _));
    }

    [Fact]
    public void The_transit_components_take_their_blocks_zones_and_destinations_plain_and_the_hubs_ids_as_inputs()
    {
        using var schema = JsonDocument.Parse(PackageSchema.Json());
        var resources = schema.RootElement.GetProperty("resources");
        var hub = resources.GetProperty(PackageInfo.TypeToken(nameof(TransitHub)));
        var inspection = resources.GetProperty(PackageInfo.TypeToken(nameof(CentralInspectionVpc))).GetProperty("inputProperties");
        var spoke = resources.GetProperty(PackageInfo.TypeToken(nameof(Spoke))).GetProperty("inputProperties");

        Assert.False(hub.GetProperty("inputProperties").GetProperty("amazonSideAsn").TryGetProperty("plain", out _));
        Assert.Equal(
            ["inspectionRouteTableId", "spokeRouteTableId", "transitGatewayArn", "transitGatewayId"],
            hub.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var inputs in new[] { inspection, spoke })
        {
            Assert.True(inputs.GetProperty("cidrBlock").GetProperty("plain").GetBoolean());
            Assert.True(inputs.GetProperty("availabilityZoneNames").GetProperty("items").GetProperty("plain").GetBoolean());
            Assert.False(inputs.GetProperty("transitGatewayId").TryGetProperty("plain", out _));
            Assert.False(inputs.GetProperty("spokeRouteTableId").TryGetProperty("plain", out _));
            Assert.False(inputs.GetProperty("inspectionRouteTableId").TryGetProperty("plain", out _));
        }

        Assert.True(inspection.GetProperty("spokeDestinationCidrs").GetProperty("items").GetProperty("plain").GetBoolean());
        Assert.False(inspection.GetProperty("endpointServiceName").TryGetProperty("plain", out _));
    }
}
