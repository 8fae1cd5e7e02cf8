using Infra.Model.Aws;
using Infra.Model.Routing;
using Infra.Simulation;

namespace Infra.Tests.Fidelity;

/// <summary>The whole program under the strict mocks: any valid stack name, and the other partitions.</summary>
public class WholeProgramFidelityTests
{
    private static readonly Dictionary<string, string> Region = new() { ["aws:region"] = "eu-west-1" };

    private static async Task<string> BucketNameFor(string project, string stack)
    {
        var config = new Dictionary<string, string>(Region);
        var run = await StackRun.RunWithConfigAsync(config, new AwsMocks(), project, stack);
        return (string)run.OfType(AwsTypes.Bucket).Single().Inputs["bucket"];
    }

    [Theory]
    [InlineData("private-connectivity", "dev", "private-connectivity-dev-k3x9q2ab")]
    [InlineData("private-connectivity", "Feature_Branch.With.UPPER", "private-connectivity-feature-branch-with-uppe-4e40c3d0-k3x9q2ab")]
    [InlineData("private_connectivity", "a", "private-connectivity-a-20f1b6b8-k3x9q2ab")]
    [InlineData("private-connectivity", "sthree-", "private-connectivity-sthree-a2492ffb-k3x9q2ab")]
    [InlineData("sthree-net", "dev", "b-sthree-net-dev-fa2c15a6-k3x9q2ab")]
    [InlineData("xn--net", "dev", "xn-net-dev-66c3d256-k3x9q2ab")]
    public async Task Any_valid_project_and_stack_name_gives_a_bucket_name_S3_accepts(string project, string stack, string expected)
    {
        var name = await BucketNameFor(project, stack);

        Assert.Null(S3BucketNames.Check(name));
        Assert.Equal(expected, name);
    }

    [Fact]
    public async Task The_longest_stack_names_give_bounded_distinct_bucket_names()
    {
        var a = await BucketNameFor("private-connectivity", new string('a', 99) + "1");
        var b = await BucketNameFor("private-connectivity", new string('a', 99) + "2");
        var underscore = await BucketNameFor("private-connectivity", "dev_a");
        var hyphen = await BucketNameFor("private-connectivity", "dev-a");

        Assert.All(new[] { a, b, underscore, hyphen }, name => Assert.Null(S3BucketNames.Check(name)));
        Assert.Equal(S3BucketNames.MaxLength, a.Length);
        Assert.NotEqual(a, b);
        Assert.NotEqual(underscore, hyphen);
    }

    [Theory]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    [InlineData("eu-west-1", "aws")]
    public async Task The_whole_program_passes_the_strict_mocks_in_every_partition(string region, string partition)
    {
        var run = await StackRun.RunAsync(
            new Dictionary<string, object> { ["inspection"] = new { mode = "combined" }, ["demo"] = new { instance = true }, ["natStrategy"] = "single" },
            new AwsMocks(region),
            region);

        var arns = run.Records.SelectMany(r => Arns(r.Inputs)).ToList();
        Assert.NotEmpty(arns);
        Assert.All(arns, arn => Assert.StartsWith($"arn:{partition}:", arn, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Arns(IReadOnlyDictionary<string, object> inputs) =>
        inputs.Values.OfType<string>().Where(v => v.StartsWith("arn:", StringComparison.Ordinal));
}
