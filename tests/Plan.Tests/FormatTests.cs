using Infra.Plan.Tests.Support;

namespace Infra.Plan.Tests;

public class FormatTests
{
    [Fact]
    public async Task The_text_plan_of_the_dev_stack_has_every_section_and_no_colour_when_not_a_terminal()
    {
        var (code, output, error) = await Tool.RunAsync("--cwd", Repo.Root, "--stack", "dev");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(error);
        Assert.StartsWith("Plan of stack dev (private-connectivity) in eu-west-1, 2 AZs: eu-west-1a, eu-west-1b\n", output, StringComparison.Ordinal);
        foreach (var heading in new[] { "Resources (", "Route tables", "Reachability", "Availability zone loss", "Monthly cost estimate" })
        {
            Assert.Contains(heading, output, StringComparison.Ordinal);
        }

        Assert.Contains("├─ infra:network:VpcNetwork", output, StringComparison.Ordinal);
        Assert.Contains("gwlbe-a → GWLB → appliances → igw", output, StringComparison.Ordinal);
        Assert.Contains("Edge route table of workload-igw", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain(" \n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colour_is_used_only_on_a_terminal_and_not_with_no_color()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PlanApp.RunAsync(["--cwd", Repo.Root, "--section", "reachability"], output, error, terminalWidth: 160);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains('\u001b', output.ToString());

        using var plain = new StringWriter();
        await PlanApp.RunAsync(["--cwd", Repo.Root, "--section", "reachability", "--no-color"], plain, error, terminalWidth: 160);
        Assert.DoesNotContain('\u001b', plain.ToString());
    }

    [Fact]
    public async Task Sections_can_be_chosen()
    {
        var (code, output, _) = await Tool.RunAsync("--cwd", Repo.Root, "--section", "cost,routes");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Route tables", output, StringComparison.Ordinal);
        Assert.Contains("Monthly cost estimate", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Reachability", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Resources (", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_has_headings_and_pipe_tables()
    {
        var (code, output, _) = await Tool.RunAsync("--cwd", Repo.Root, "--format", "markdown");

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("# Plan of stack dev (private-connectivity)", output, StringComparison.Ordinal);
        Assert.Contains("\n## Route tables\n", output, StringComparison.Ordinal);
        Assert.Contains("\n### VPC workload\n", output, StringComparison.Ordinal);
        Assert.Contains("| Subnet | AZ | CIDR | Route table | Destination | Target | What |", output, StringComparison.Ordinal);
        Assert.Contains("| application-a | internet | yes | gwlbe-a → GWLB → appliances → igw [1,2] |", output, StringComparison.Ordinal);
        Assert.Contains("```text\nType", output, StringComparison.Ordinal);
        Assert.Contains("[Amazon VPC pricing](https://aws.amazon.com/vpc/pricing/)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dot_draws_vpcs_as_clusters_with_az_clusters_and_route_arrows()
    {
        var (code, output, _) = await Tool.RunAsync("--cwd", Repo.Root, "--format", "dot");

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("digraph plan {", output, StringComparison.Ordinal);
        Assert.EndsWith("}\n", output, StringComparison.Ordinal);
        Assert.Contains("label=\"VPC workload\\n10.0.0.0/16\"", output, StringComparison.Ordinal);
        Assert.Contains("label=\"VPC inspection\\n10.100.0.0/16\"", output, StringComparison.Ordinal);
        Assert.Contains("label=\"eu-west-1a\"", output, StringComparison.Ordinal);
        Assert.Contains("label=\"eu-west-1b\"", output, StringComparison.Ordinal);
        Assert.Contains("Gateway Load Balancer\\ninspection-gwlb", output, StringComparison.Ordinal);
        Assert.Contains("label=\"edge route\\n10.0.36.0/22\"", output, StringComparison.Ordinal);
        Assert.Contains("label=\"PrivateLink\"", output, StringComparison.Ordinal);
        Assert.Contains("(S3)\"", output, StringComparison.Ordinal);
        Assert.Equal(output.Count(c => c == '{'), output.Count(c => c == '}'));
    }

    [Fact]
    public async Task The_plan_can_be_written_to_a_file()
    {
        using var project = new TestProject();
        var file = Path.Combine(project.Directory, "plan.md");

        var (code, output, _) = await Tool.RunAsync("--cwd", Repo.Root, "--format", "markdown", "--output", file);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(output);
        Assert.StartsWith("# Plan of stack dev", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_option_and_the_bench_command()
    {
        var (code, output, _) = await Tool.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, code);
        foreach (var option in new[] { "--stack", "--stack-file", "--cwd", "--format", "--section", "--gb-per-month", "--prices", "--availability-zones", "--output", "--no-color", "--width", "bench" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }
}
