using System.Text.Json;
using Infra.Plan.Tests.Support;

namespace Infra.Plan.Tests;

/// <summary>
/// The JSON output is a contract (docs/plan.md): these are its field names at every level. A change here is a change
/// of schemaVersion.
/// </summary>
public class JsonSchemaTests
{
    private static readonly Dictionary<string, string[]> Shape = new()
    {
        ["$"] = ["schemaVersion", "project", "stack", "region", "availabilityZones", "resources", "routeTables", "reachability", "azLoss", "cost", "policy", "warnings", "problems"],
        ["$.resources"] = ["count", "tree", "totals"],
        ["$.resources.tree"] = ["type", "name", "id", "children"],
        ["$.resources.tree.children[]"] = ["type", "name", "id", "children"],
        ["$.resources.totals[]"] = ["type", "count"],
        ["$.routeTables"] = ["subnets", "edges"],
        ["$.routeTables.subnets[]"] = ["vpc", "subnet", "subnetId", "label", "tier", "availabilityZone", "cidr", "routeTable", "routes"],
        ["$.routeTables.subnets[].routeTable"] = ["id", "name", "main"],
        ["$.routeTables.subnets[].routes[]"] = ["destination", "target", "targetKind", "description"],
        ["$.routeTables.edges[]"] = ["vpc", "gateway", "gatewayId", "routeTable", "routes"],
        ["$.routeTables.edges[].routeTable"] = ["id", "name", "main"],
        ["$.routeTables.edges[].routes[]"] = ["destination", "target", "targetKind", "description"],
        ["$.reachability"] = ["probeAddress", "flows"],
        ["$.reachability.flows[]"] = ["from", "subnet", "tier", "availabilityZone", "to", "kind", "verdict", "summary", "path", "notes"],
        ["$.reachability.flows[].path[]"] = ["kind", "label", "resource", "id", "availabilityZones"],
        ["$.azLoss"] = ["zones", "singlePointsOfFailure"],
        ["$.azLoss.zones[]"] = ["availabilityZone", "flowsChecked", "findings"],
        ["$.azLoss.zones[].findings[]"] = ["from", "to", "kind", "before", "after", "cause"],
        ["$.azLoss.singlePointsOfFailure[]"] = ["availabilityZone", "cause", "flows"],
        ["$.cost"] = ["currency", "region", "priceRegion", "hoursPerMonth", "prices", "hourly", "usage", "savings", "fixedMonthly", "usageMonthly", "totalMonthly", "usageEstimated"],
        ["$.cost.prices"] = ["asOf", "sources"],
        ["$.cost.prices.sources[]"] = ["name", "url", "covers"],
        ["$.cost.hourly[]"] = ["item", "detail", "quantity", "unit", "pricePerHour", "monthly"],
        ["$.cost.usage[]"] = ["item", "detail", "pricePerGb", "gbPerMonth", "monthly"],
        ["$.cost.savings[]"] = ["service", "endpoint", "perGb", "gbPerMonth", "monthly"],
        ["$.policy"] = ["passed", "rules", "unusedWaivers"],
        ["$.policy.rules[]"] = ["id", "title", "outcome", "equivalents", "findings", "waived"],
    };

    private static async Task<JsonDocument> PlanAsync(params string[] extra)
    {
        using var project = new TestProject();
        project.Stack("dev", """
            config:
              aws:region: eu-west-1
              private-connectivity:azCount: 2
              private-connectivity:natStrategy: single
              private-connectivity:inspection:
                mode: combined
            """);
        var (code, output, error) = await Tool.RunAsync(["--cwd", project.Directory, "--format", "json", .. extra]);
        Assert.True(code == ExitCodes.Success, error);
        return JsonDocument.Parse(output);
    }

    [Fact]
    public async Task Traffic_volume_keys_are_read_in_any_case()
    {
        using var lower = await PlanAsync("--gb-per-month", "nat=100,s3=50");
        using var upper = await PlanAsync("--gb-per-month", "NAT=100,S3=50");

        Assert.Equal(lower.RootElement.GetProperty("cost").GetRawText(), upper.RootElement.GetProperty("cost").GetRawText());
    }

    [Fact]
    public async Task Every_object_has_exactly_the_documented_fields()
    {
        using var json = await PlanAsync("--gb-per-month", "nat=100,s3=50", "--policy");
        var actual = new Dictionary<string, SortedSet<string>>();
        Collect(json.RootElement, "$", actual);

        foreach (var (path, fields) in Shape)
        {
            Assert.True(actual.ContainsKey(path), $"{path} is missing from the output");
            Assert.Equal(fields.Order(StringComparer.Ordinal), actual[path]);
        }

        var undocumented = actual.Keys.Where(k => !Shape.ContainsKey(k) && !k.StartsWith("$.resources.tree.children[].children[]", StringComparison.Ordinal));
        Assert.Empty(undocumented);
    }

    [Fact]
    public async Task Values_use_the_documented_vocabulary()
    {
        using var json = await PlanAsync();
        var root = json.RootElement;

        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("dev", root.GetProperty("stack").GetString());
        Assert.Equal(["eu-west-1a", "eu-west-1b"], root.GetProperty("availabilityZones").EnumerateArray().Select(z => z.GetString()));
        var flows = root.GetProperty("reachability").GetProperty("flows").EnumerateArray().ToList();
        Assert.All(flows, f => Assert.Contains(f.GetProperty("verdict").GetString(), new[] { "reachable", "unreachable", "unknown" }));
        Assert.All(flows, f => Assert.Contains(f.GetProperty("kind").GetString(), new[] { "internet", "gatewayService", "interfaceService", "tier", "fromInternet" }));
        var hopKinds = flows.SelectMany(f => f.GetProperty("path").EnumerateArray()).Select(h => h.GetProperty("kind").GetString()).ToHashSet();
        Assert.Subset(
            new HashSet<string?> { "local", "internetGateway", "natGateway", "gatewayEndpoint", "interfaceEndpoint", "gatewayLoadBalancerEndpoint", "gatewayLoadBalancer", "appliances", "external", "subnet" },
            hopKinds);

        var privateB = flows.Single(f => f.GetProperty("from").GetString() == "private-b" && f.GetProperty("to").GetString() == "internet");
        Assert.Equal("nat-a → igw", privateB.GetProperty("summary").GetString());
        Assert.Equal(["natGateway", "internetGateway"], privateB.GetProperty("path").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));

        var finding = root.GetProperty("azLoss").GetProperty("zones")[0].GetProperty("findings")[0];
        Assert.Equal("private-b", finding.GetProperty("from").GetString());
        Assert.Equal("NAT gateway workload-nat-eu-west-1a (eu-west-1a)", finding.GetProperty("cause").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("cost").GetProperty("usage")[0].GetProperty("gbPerMonth").ValueKind);
    }

    [Fact]
    public async Task Sections_left_out_are_null()
    {
        using var json = await PlanAsync("--section", "cost");

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("resources").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("reachability").ValueKind);
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("cost").ValueKind);
    }

    [Fact]
    public async Task The_same_stack_gives_the_same_json()
    {
        var (_, first, _) = await Tool.RunAsync("--cwd", Repo.Root, "--format", "json");
        var (_, second, _) = await Tool.RunAsync("--cwd", Repo.Root, "--format", "json");

        Assert.Equal(first, second);
    }

    private static void Collect(JsonElement element, string path, Dictionary<string, SortedSet<string>> shapes)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (!shapes.TryGetValue(path, out var fields))
                {
                    shapes[path] = fields = new SortedSet<string>(StringComparer.Ordinal);
                }

                foreach (var property in element.EnumerateObject())
                {
                    fields.Add(property.Name);
                    Collect(property.Value, $"{path}.{property.Name}", shapes);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, path + "[]", shapes);
                }

                break;
        }
    }
}
