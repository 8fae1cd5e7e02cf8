using System.Text.Json;
using Infra.Plan.Tests.Support;

namespace Infra.Plan.Tests;

public class StackFilesTests
{
    [Fact]
    public void The_dev_stack_is_passed_as_the_pulumi_cli_passes_it()
    {
        var stack = StackFiles.Read(Repo.Root, "dev", null);

        Assert.Equal("private-connectivity", stack.ProjectName);
        Assert.Equal("dev", stack.StackName);
        Assert.Equal("eu-west-1", stack.Region);
        Assert.Equal("2", stack.Config["private-connectivity:azCount"]);
        Assert.Equal("none", stack.Config["private-connectivity:natStrategy"]);
        Assert.Equal("true", stack.Config["private-connectivity:enableDynamoDbEndpoint"]);
        Assert.Equal("[\"ssm\",\"ssmmessages\",\"ec2messages\"]", stack.Config["private-connectivity:interfaceEndpoints"]);
        Assert.Equal("[]", stack.Config["private-connectivity:endpointBucketNames"]);
        using var inspection = JsonDocument.Parse(stack.Config["private-connectivity:inspection"]);
        Assert.Equal("combined", inspection.RootElement.GetProperty("mode").GetString());
        Assert.Equal(1, inspection.RootElement.GetProperty("appliancesPerAz").GetInt32());
        Assert.Equal("TCP", inspection.RootElement.GetProperty("healthCheckProtocol").GetString());
        Assert.Equal("2", stack.ProjectSettings["azCount"]);
    }

    [Fact]
    public void Plain_yaml_scalars_are_typed_and_quoted_ones_stay_text()
    {
        using var project = new TestProject();
        project.Stack("dev", """
            config:
              aws:region: us-east-1
              tags:
                Count: "3"
                Enabled: 'true'
              demo:
                bucket: false
                instance: yes
                instanceType: t3.micro
              subnetPrefixLengths:
                public: 25
            """);

        var stack = StackFiles.Read(project.Directory, null, null);

        Assert.Equal("{\"Count\":\"3\",\"Enabled\":\"true\"}", stack.Config["private-connectivity:tags"]);
        Assert.Equal("{\"bucket\":false,\"instance\":\"yes\",\"instanceType\":\"t3.micro\"}", stack.Config["private-connectivity:demo"]);
        Assert.Equal("{\"public\":25}", stack.Config["private-connectivity:subnetPrefixLengths"]);
    }

    [Fact]
    public void Project_config_defaults_apply_where_the_stack_sets_nothing()
    {
        using var project = new TestProject("""
            name: private-connectivity
            runtime: dotnet
            config:
              aws:region: eu-west-1
              natStrategy:
                default: single
              azCount:
                type: integer
                default: 3
            """);
        project.Stack("prod", "config:\n  private-connectivity:azCount: 2\n");

        var stack = StackFiles.Read(project.Directory, "org/private-connectivity/prod", null);

        Assert.Equal("prod", stack.StackName);
        Assert.Equal("eu-west-1", stack.Region);
        Assert.Equal("single", stack.Config["private-connectivity:natStrategy"]);
        Assert.Equal("2", stack.Config["private-connectivity:azCount"]);
    }

    [Fact]
    public void Stack_files_may_live_in_the_stack_config_dir()
    {
        using var project = new TestProject("name: private-connectivity\nruntime: dotnet\nstackConfigDir: stacks\n");
        Directory.CreateDirectory(Path.Combine(project.Directory, "stacks"));
        File.WriteAllText(Path.Combine(project.Directory, "stacks", "Pulumi.test.yaml"), "config:\n  aws:region: us-east-1\n");

        var stack = StackFiles.Read(project.Directory, "test", null);

        Assert.Equal("us-east-1", stack.Region);
    }

    [Fact]
    public void The_project_is_found_in_a_parent_directory()
    {
        using var project = new TestProject();
        var nested = Directory.CreateDirectory(Path.Combine(project.Directory, "tools", "Plan")).FullName;

        Assert.Equal(project.Directory, StackFiles.FindProjectDirectory(nested));
    }

    [Fact]
    public void Several_stacks_need_a_choice()
    {
        using var project = new TestProject();
        project.Stack("dev", "config: {}\n");
        project.Stack("prod", "config: {}\n");

        var error = Assert.Throws<PlanException>(() => StackFiles.Read(project.Directory, null, null));

        Assert.Equal($"Choose a stack with --stack: {project.Directory} has dev, prod.", error.Message);
        Assert.Equal(ExitCodes.InvalidStack, error.ExitCode);
    }

    [Fact]
    public void Secrets_cannot_be_planned()
    {
        using var project = new TestProject();
        project.Stack("dev", "config:\n  private-connectivity:tags:\n    secure: v1:abc\n");

        var error = Assert.Throws<PlanException>(() => StackFiles.Read(project.Directory, "dev", null));

        Assert.StartsWith("private-connectivity:tags in ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is a secret (secure:), which the offline plan cannot decrypt", error.Message, StringComparison.Ordinal);
    }
}
