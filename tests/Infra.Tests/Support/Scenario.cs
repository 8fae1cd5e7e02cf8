using Infra.Model.Addressing;
using Infra.Model.Configuration;
using Infra.Simulation;

namespace Infra.Tests.Support;

/// <summary>One combination of the settings that shape routing, as config and as the settings it parses to.</summary>
public sealed record Scenario(int AzCount, string Nat, string Inspection, bool DynamoDb)
{
    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["azCount"] = AzCount,
        ["natStrategy"] = Nat,
        ["enableDynamoDbEndpoint"] = DynamoDb,
        ["inspection"] = Inspection == "consumer"
            ? new Dictionary<string, object> { ["mode"] = "consumer", ["endpointServiceName"] = ExternalServiceName }
            : new Dictionary<string, object> { ["mode"] = Inspection },
    };

    public const string ExternalServiceName = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0";

    public StackSettings Settings => StackSettings.Parse(StackRun.Project, Config.ToDictionary(
        pair => pair.Key,
        pair => pair.Value is string text ? text : System.Text.Json.JsonSerializer.Serialize(pair.Value)));

    public override string ToString() => $"{AzCount} AZ, NAT {Nat}, inspection {Inspection}, DynamoDB {(DynamoDb ? "on" : "off")}";

    public static IEnumerable<object[]> All()
    {
        foreach (var azCount in new[] { 1, 2, 3 })
        {
            foreach (var nat in new[] { "none", "single", "perAz" })
            {
                foreach (var inspection in new[] { "off", "combined" })
                {
                    foreach (var dynamoDb in new[] { false, true })
                    {
                        yield return [new Scenario(azCount, nat, inspection, dynamoDb)];
                    }
                }
            }
        }
    }
}

/// <summary>
/// The routes the design promises, written down independently of the components (the README's route table): the
/// oracle the mocked runs are compared with, subnet by subnet, as whole tables of "destination → target" lines.
/// </summary>
public static class ExpectedRoutes
{
    public const string S3PrefixList = "pl-6ea54007";
    public const string DynamoDbPrefixList = "pl-6fa54006";

    public static IReadOnlyDictionary<string, string[]> ForWorkloadSubnets(Scenario scenario, IReadOnlyList<string> zones)
    {
        var settings = scenario.Settings;
        var plan = settings.PlanWorkloadVpc();
        var local = $"{plan.VpcCidr} → local";
        var tables = new Dictionary<string, string[]>();
        foreach (var subnet in plan.Subnets)
        {
            var az = zones[subnet.AzIndex];
            var routes = new List<string> { local };
            switch (subnet.Tier)
            {
                case Tiers.Public:
                case Tiers.Endpoint:
                    routes.Add("0.0.0.0/0 → internet gateway workload-igw");
                    break;
                case Tiers.Private:
                    routes.Add($"{S3PrefixList} → S3 gateway endpoint s3-endpoint");
                    if (scenario.DynamoDb)
                    {
                        routes.Add($"{DynamoDbPrefixList} → DynamoDB gateway endpoint dynamodb-endpoint");
                    }

                    if (scenario.Nat != "none")
                    {
                        var natZone = scenario.Nat == "single" ? zones[0] : az;
                        routes.Add($"0.0.0.0/0 → NAT gateway workload-nat-{natZone}");
                    }

                    break;
                case Tiers.Application:
                    routes.Add($"0.0.0.0/0 → Gateway Load Balancer endpoint inspection-gwlbe-{az}");
                    break;
            }

            tables[$"workload-{subnet.Tier}-{az}"] = [.. routes];
        }

        return tables;
    }

    public static string[] ForInternetGatewayEdge(Scenario scenario, IReadOnlyList<string> zones)
    {
        var plan = scenario.Settings.PlanWorkloadVpc();
        return
        [
            $"{plan.VpcCidr} → local",
            .. plan.ForTier(Tiers.Application)
                .Select(subnet => $"{subnet.Cidr} → Gateway Load Balancer endpoint inspection-gwlbe-{zones[subnet.AzIndex]}"),
        ];
    }

    public static IReadOnlyDictionary<string, string[]> ForProviderSubnets(Scenario scenario, IReadOnlyList<string> zones)
    {
        var plan = scenario.Settings.PlanProviderVpc();
        return plan.Subnets.ToDictionary(
            subnet => $"inspection-{subnet.Tier}-{zones[subnet.AzIndex]}",
            _ => RouteText.Sorted([$"{plan.VpcCidr} → local", $"{S3PrefixList} → S3 gateway endpoint inspection-s3-endpoint"]));
    }
}
