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
    public async Task A_region_the_price_table_lacks_is_an_error_not_another_regions_prices()
    {
        using var project = new TestProject();
        project.Stack("dev", "config:\n  aws:region: eu-central-1\n");

        var (code, output, error) = await Tool.RunAsync("--cwd", project.Directory);

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.Equal(
            "The price table (2025-06-01) has no prices for eu-central-1, only for eu-west-1, us-east-1: give a price table that has them " +
            "with --prices, or leave the cost out with --section resources,routes,reachability,az-loss,transit.\n",
            error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_region_the_price_table_lacks_plans_without_the_cost()
    {
        using var project = new TestProject();
        project.Stack("dev", "config:\n  aws:region: eu-central-1\n");

        var (code, output, error) = await Tool.RunAsync("--cwd", project.Directory, "--section", "routes,reachability", "--format", "json");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(error);
        Assert.Contains("\"region\": \"eu-central-1\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("us-east-1", output, StringComparison.Ordinal);
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
    [InlineData("--gb-per-month", "nats=5", "--gb-per-month: 'nats=5' has no key nats; the closest is nat (keys: nat, interface, gwlb, s3, dynamodb, tgw).\n")]
    [InlineData("--section", "routes,diagram", "--section: 'diagram' is not one of resources, routes, reachability, az-loss, transit, cost, policy.\n")]
    [InlineData("--section", "rout", "--section: 'rout' is not one of resources, routes, reachability, az-loss, transit, cost, policy; the closest is routes.\n")]
    [InlineData("--availability-zones", "9", "--availability-zones: '9' is not a number of AZs from 1 to 6.\n")]
    [InlineData("--availability-zones", "two", "--availability-zones: 'two' is not a number of AZs from 1 to 6.\n")]
    [InlineData("--format", "yaml", "--format: 'yaml' is not one of text, json, markdown, dot.\n")]
    [InlineData("--format", "jsn", "--format: 'jsn' is not one of text, json, markdown, dot; the closest is json.\n")]
    [InlineData("--width", "0", "--width: '0' is not a number of columns from 40 to 1000.\n")]
    [InlineData("--width", "39", "--width: '39' is not a number of columns from 40 to 1000.\n")]
    [InlineData("--width", "1001", "--width: '1001' is not a number of columns from 40 to 1000.\n")]
    [InlineData("--width", "99999999999", "--width: '99999999999' is not a number of columns from 40 to 1000.\n")]
    [InlineData("--width", "-5", "--width: '-5' is not a number of columns from 40 to 1000.\n")]
    [InlineData("--width", "wide", "--width: 'wide' is not a number of columns from 40 to 1000.\n")]
    public async Task Bad_option_values_are_usage_errors(string option, string value, string expected)
    {
        var (code, output, error) = await Tool.RunAsync("--cwd", Repo.Root, "--stack", "dev", option, value);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(expected, error);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("--formt json", "Unknown option --formt for plan; the closest is --format (see --help).\n")]
    [InlineData("--stak dev", "Unknown option --stak for plan; the closest is --stack (see --help).\n")]
    [InlineData("--frobnicate", "Unknown option --frobnicate for plan (see --help).\n")]
    [InlineData("-x", "Unknown option -x for plan (see --help).\n")]
    [InlineData("bnch", "Unknown command bnch; the closest is bench (see --help).\n")]
    [InlineData("prod", "Unexpected argument 'prod': plan takes options only, and its one command is bench (see --help).\n")]
    [InlineData("@args.txt", "Unexpected argument '@args.txt': plan takes options only, and its one command is bench (see --help).\n")]
    [InlineData("--stack", "Option --stack needs a value (name); see --help.\n")]
    [InlineData("--stack dev --stack prod", "Option --stack is given more than once; give it once.\n")]
    [InlineData("bench --iterations 0", "--iterations: '0' is not a number of plans from 1 to 1000.\n")]
    [InlineData("bench --cold-runs many", "--cold-runs: 'many' is not a number of processes from 0 to 1000.\n")]
    [InlineData("bench --process-runs -1", "--process-runs: '-1' is not a number of processes from 0 to 1000.\n")]
    [InlineData("bench --format md", "--format: 'md' is not one of text, markdown, json.\n")]
    [InlineData("bench --formt json", "Unknown option --formt for plan bench; the closest is --format (see --help).\n")]
    [InlineData("bench --once nowhere", "--once: 'nowhere' is not one of 1az-minimal, dev, 3az-10ep, 6az-30ep, hub-3-spokes, tgw-10-spokes, tgw-50-spokes.\n")]
    public async Task Command_line_mistakes_are_one_sentence_naming_the_closest(string commandLine, string expected)
    {
        var (code, output, error) = await Tool.RunAsync(commandLine.Split(' '));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(expected, error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task An_unwritable_output_file_is_named()
    {
        var file = Path.Combine(Path.GetTempPath(), "plan-no-such-dir-" + Guid.NewGuid().ToString("N"), "plan.txt");
        var (code, output, error) = await Tool.RunAsync("--cwd", Repo.Root, "--stack", "dev", "--output", file);

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.StartsWith($"Cannot write {file}: ", error, StringComparison.Ordinal);
        AssertOneLine(error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_missing_price_table_is_named()
    {
        var prices = Path.Combine(Path.GetTempPath(), "no-such-prices-" + Guid.NewGuid().ToString("N") + ".json");
        var (code, output, error) = await Tool.RunAsync("--cwd", Repo.Root, "--stack", "dev", "--prices", prices);

        Assert.Equal(ExitCodes.InvalidStack, code);
        Assert.Equal($"Price table not found: {prices}.\n", error);
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_failure_of_the_tool_itself_is_one_line_with_exit_code_3()
    {
        using var error = new StringWriter();
        using var broken = new BrokenWriter();

        var code = await PlanApp.RunAsync(["--cwd", Repo.Root, "--stack", "dev", "--section", "cost"], broken, error);

        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Equal("The plan failed unexpectedly (InvalidOperationException): the writer broke\n", error.ToString());
    }

    [Theory]
    [InlineData(40)]
    [InlineData(1000)]
    public async Task The_width_range_is_inclusive_and_lays_out_within_it(int width)
    {
        var (code, output, error) = await Tool.RunAsync("--cwd", Repo.Root, "--stack", "dev", "--width", width.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(error);
        Assert.All(output.Split('\n'), line => Assert.True(line.Length <= width, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public async Task A_terminal_narrower_or_wider_than_the_range_is_laid_out_at_its_nearest_end()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await PlanApp.RunAsync(["--cwd", Repo.Root, "--stack", "dev", "--no-color"], output, error, terminalWidth: 12);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(error.ToString());
        Assert.Contains(output.ToString().Split('\n'), line => line.Length > 12);
        Assert.All(output.ToString().Split('\n'), line => Assert.True(line.Length <= PlanApp.MinimumWidth, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public void Suggestions_are_given_only_for_slips()
    {
        string[] formats = ["text", "json", "markdown", "dot"];
        Assert.Equal("markdown", CommandLineErrors.Closest("mark", formats));
        Assert.Equal("json", CommandLineErrors.Closest("josn", formats));
        Assert.Equal("--format", CommandLineErrors.Closest("--fromat", ["--stack", "--format", "--width"]));
        Assert.Null(CommandLineErrors.Closest("yaml", formats));
        Assert.Null(CommandLineErrors.Closest("x", formats));
    }

    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the writer broke");

        public override void Write(string? value) => throw new InvalidOperationException("the writer broke");

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the writer broke");
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
