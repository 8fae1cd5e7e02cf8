using Infra.Components;

namespace Infra.Package.Tests;

/// <summary>
/// The YAML and TypeScript examples against the committed schema: every component type, input and output they use
/// exists with the type they give or expect, and every required input is set.
/// </summary>
public class ExampleTests
{
    private static readonly SchemaModel Schema = SchemaModel.Load(Repo.PathOf("provider/schema.json"));

    [Fact]
    public void The_yaml_example_uses_only_what_the_schema_has()
    {
        var checker = new SchemaChecker(Schema);

        YamlExample.Check(Repo.PathOf("examples/yaml/Pulumi.yaml"), checker);

        Assert.Empty(checker.Problems);
    }

    [Fact]
    public void The_typescript_example_uses_only_what_the_schema_has()
    {
        var checker = new SchemaChecker(Schema);

        TypeScriptExample.Check(Repo.PathOf("examples/typescript/index.ts"), PackageInfo.Name, checker);

        Assert.Empty(checker.Problems);
    }

    [Fact]
    public void Both_examples_build_the_seed_scenario()
    {
        string[] seed = ["VpcNetwork", "GatewayEndpoint", "InterfaceEndpoints", "InspectionProvider", "InspectionConsumer"];
        var yaml = File.ReadAllText(Repo.PathOf("examples/yaml/Pulumi.yaml"));
        var typescript = File.ReadAllText(Repo.PathOf("examples/typescript/index.ts"));

        Assert.All(seed, component => Assert.Contains($"type: {PackageInfo.TypeToken(component)}", yaml, StringComparison.Ordinal));
        Assert.All(seed, component => Assert.Contains($"new pc.{component}(", typescript, StringComparison.Ordinal));
        Assert.Contains("service: s3", yaml, StringComparison.Ordinal);
        Assert.Contains("service: \"s3\"", typescript, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenYaml => new()
    {
        { "cidrBlock: 10.0.0.0/16", "cidrBlock: [10.0.0.0/16]" },
        { "      service: s3\n", "" },
        { "${workload.vpcId}", "${workload.vpcIdentifier}" },
        { "availabilityZoneCount: 2\n      tiers", "availabilityZoneCount: two\n      tiers" },
        { "routeTableIds: ${workload.routeTableIds[\"private\"]}", "routeTableIds: ${workload.vpcId}" },
        { "      natStrategy: none\n", "      natStrategy: none\n      natGateways: 2\n" },
        { "        private: 20\n", "        private: 20\n        dmz: 24\n" },
    };

    [Theory]
    [MemberData(nameof(BrokenYaml))]
    public void The_check_finds_a_wrong_type_a_missing_required_input_and_an_unknown_name(string original, string broken)
    {
        var yaml = File.ReadAllText(Repo.PathOf("examples/yaml/Pulumi.yaml"));
        Assert.Contains(original, yaml, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"example-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml.Replace(original, broken, StringComparison.Ordinal));
        var checker = new SchemaChecker(Schema);

        try
        {
            YamlExample.Check(path, checker);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.NotEmpty(checker.Problems);
    }

    public static TheoryData<string, string> BrokenTypeScript => new()
    {
        { "availabilityZoneCount: 2,\n    tiers", "availabilityZoneCount: \"2\",\n    tiers" },
        { "    service: \"s3\",\n", "" },
        { "endpointServiceName: inspection.endpointServiceName,", "endpointServiceName: inspection.serviceName," },
        { "routeTableIds: workload.routeTableIds.apply(tables => tables[\"private\"]),", "routeTableIds: workload.routeTableIds," },
        { "new pc.GatewayEndpoint(", "new pc.GatewayEndpoints(" },
    };

    [Theory]
    [MemberData(nameof(BrokenTypeScript))]
    public void The_typescript_check_finds_what_is_wrong(string original, string broken)
    {
        var typescript = File.ReadAllText(Repo.PathOf("examples/typescript/index.ts"));
        Assert.Contains(original, typescript, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"example-{Guid.NewGuid():N}.ts");
        File.WriteAllText(path, typescript.Replace(original, broken, StringComparison.Ordinal));
        var checker = new SchemaChecker(Schema);

        try
        {
            TypeScriptExample.Check(path, PackageInfo.Name, checker);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.NotEmpty(checker.Problems);
    }
}
