using Infra.Plan.Tests.Support;

namespace Infra.Plan.Tests;

/// <summary>Every way the plan can fail gives one line on the error stream, nothing on the output, and its exit code.</summary>
public class ErrorTests
{
    private static void AssertOneLine(string error)
    {
        Assert.EndsWith("\n", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.TrimEnd('\n'));
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_stack_file_is_named()
    {
        var (code, output, error) = await Tool.RunAsync("--cwd", Repo.Root, "--stack-file", "no/such/Pulumi.qa.yaml");

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.Equal("Stack file not found: no/such/Pulumi.qa.yaml.\n", error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task An_unknown_stack_lists_the_stacks_there_are()
    {
        var (code, output, error) = await Tool.RunAsync("--cwd", Repo.Root, "--stack", "prod");

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.StartsWith($"Unknown stack prod: there is no Pulumi.prod.yaml in {Repo.Root}, and the stacks are ", error, StringComparison.Ordinal);
        Assert.Contains("dev", error, StringComparison.Ordinal);
        AssertOneLine(error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task No_project_file_says_where_it_looked()
    {
        var empty = Directory.CreateTempSubdirectory("plan-no-project-").FullName;
        try
        {
            var (code, _, error) = await Tool.RunAsync("--cwd", empty);

            Assert.Equal(ExitCodes.InvalidStack, code);
            Assert.StartsWith($"No Pulumi.yaml in {empty} or any directory above it", error, StringComparison.Ordinal);
            AssertOneLine(error);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Theory]
    [InlineData("private-connectivity:azCount: 7", "Invalid config private-connectivity:azCount = 7: a whole number from 1 to 6.\n")]
    [InlineData("private-connectivity:natStrategy: double", "Invalid config private-connectivity:natStrategy = double: one of none, single, perAz.\n")]
    [InlineData("private-connectivity:interfaceEndpoints: [ssm, not-a-service]", "Invalid config private-connectivity:interfaceEndpoints[1] = not-a-service: ")]
    [InlineData("private-connectivity:inspection: {mode: consumer}", "Invalid config private-connectivity:inspection.endpointServiceName = (not set): ")]
    public async Task A_bad_setting_gives_the_programs_own_sentence(string line, string expected)
    {
        using var project = new TestProject();
        project.Stack("dev", $"config:\n  aws:region: eu-west-1\n  {line}\n");

        var (code, output, error) = await Tool.RunAsync("--cwd", project.Directory, "--stack", "dev");

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        AssertOneLine(error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task More_azs_than_the_region_has_is_refused_by_the_program()
    {
        using var project = new TestProject();
        project.Stack("dev", "config:\n  aws:region: eu-west-1\n  private-connectivity:azCount: 4\n");

        var (code, _, error) = await Tool.RunAsync("--cwd", project.Directory);

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.StartsWith("Invalid config private-connectivity:azCount = 4: a whole number from 1 to 3, because region eu-west-1 has 3 availability zones", error, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    [Theory]
    [InlineData("aws:region: EU-WEST-1", "Invalid config aws:region = EU-WEST-1: an AWS region code in lower case, such as eu-west-1 (did you mean eu-west-1?).\n")]
    [InlineData("aws:region: eu-west-9", "Invalid config aws:region = eu-west-9: a region AWS offers (the program's list as of 2025-06-01); closest: eu-west-1, eu-west-2, eu-west-3.\n")]
    [InlineData("aws:region: \"\"", "Invalid config aws:region = \"\": an AWS region code in lower case, such as eu-west-1.\n")]
    [InlineData("aws:region: eu-west-1\n  private-connectivity:tags: {owner: ops!}",
        "Invalid config private-connectivity:tags.owner = ops!: a tag value of letters, digits, spaces and _ . : / = + - @ only (what IAM, CloudWatch Logs, Elastic Load Balancing and S3 accept).\n")]
    [InlineData("aws:region: eu-west-1\n  private-connectivity:demo: {instance: true, instanceType: t4g.micro}",
        "Invalid config private-connectivity:demo.instanceType = t4g.micro: an instance type of architecture x86_64, because the test instance's AMI (Amazon Linux 2023) is x86_64 and t4g.micro is arm64.\n")]
    public async Task A_stack_AWS_would_refuse_fails_the_plan_with_the_programs_sentence(string lines, string expected)
    {
        using var project = new TestProject();
        project.Stack("dev", $"config:\n  {lines}\n");

        var (code, output, error) = await Tool.RunAsync("--cwd", project.Directory);

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.Equal(expected, error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task An_instance_type_the_price_table_lacks_is_an_error_not_a_guess()
    {
        using var project = new TestProject();
        project.Stack("dev", "config:\n  aws:region: eu-west-1\n  private-connectivity:demo: {instance: true, instanceType: m7i.large}\n");

        var (code, output, error) = await Tool.RunAsync("--cwd", project.Directory);

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.StartsWith("The price table (2025-06-01) has no eu-west-1 price for instance type m7i.large: choose a priced type (", error, StringComparison.Ordinal);
        AssertOneLine(error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_missing_region_is_the_programs_sentence_too()
    {
        using var project = new TestProject();
        project.Stack("dev", "config:\n  private-connectivity:azCount: 1\n");

        var (code, _, error) = await Tool.RunAsync("--cwd", project.Directory);

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.StartsWith("Invalid config aws:region = (unset): set the AWS region", error, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    [Fact]
    public async Task Invalid_yaml_names_the_file_and_line()
    {
        using var project = new TestProject();
        project.Stack("dev", "config:\n  aws:region: [eu-west-1\n");

        var (code, _, error) = await Tool.RunAsync("--cwd", project.Directory);

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.Contains("Pulumi.dev.yaml is not valid YAML: ", error, StringComparison.Ordinal);
        Assert.Contains("(line ", error, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    [Fact]
    public async Task A_broken_price_table_is_refused()
    {
        using var project = new TestProject();
        var prices = Path.Combine(project.Directory, "prices.json");
        File.WriteAllText(prices, "{ \"currency\": \"USD\" }");

        var (code, _, error) = await Tool.RunAsync("--cwd", Repo.Root, "--stack", "dev", "--prices", prices);

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.StartsWith($"{prices}: Not a valid price table: ", error, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    [Theory]
    [InlineData("--gb-per-month", "nat=lots", "--gb-per-month: 'nat=lots' is not a traffic volume: lots is not a number of GB (0 or more).\n")]
    [InlineData("--section", "routes,diagram", "--section: 'diagram' is not a section; use resources, routes, reachability, az-loss, cost, policy.\n")]
    [InlineData("--availability-zones", "9", "--availability-zones: 9 is not a number of AZs from 1 to 6.\n")]
    public async Task Bad_option_values_are_usage_errors(string option, string value, string expected)
    {
        var (code, output, error) = await Tool.RunAsync("--cwd", Repo.Root, "--stack", "dev", option, value);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(expected, error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        var (code, output, _) = await Tool.RunAsync("--cwd", Repo.Root, "--format", "yaml");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.DoesNotContain("Plan of stack", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrapped_run_errors_keep_only_the_invalid_config_sentence()
    {
        Assert.Equal(
            "Invalid config private-connectivity:azCount = 9: a whole number from 1 to 6.",
            PlanRunner.Sentence("Running program 'Infra.dll' failed with an unhandled exception:\nInvalid config private-connectivity:azCount = 9: a whole number from 1 to 6.\n   at Foo()"));
        Assert.Equal("Something else broke.", PlanRunner.Sentence("Something else broke.\nmore"));
        Assert.Equal(
            "AWS would refuse nat (aws:ec2/natGateway:NatGateway): subnetId = (not set): the subnet.",
            PlanRunner.Sentence("Running program failed:\nAWS would refuse nat (aws:ec2/natGateway:NatGateway): subnetId = (not set): the subnet.\n   at Foo()"));
    }
}
