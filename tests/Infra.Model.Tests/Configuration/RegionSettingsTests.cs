using Infra.Model.Aws;
using Infra.Model.Configuration;

namespace Infra.Model.Tests.Configuration;

/// <summary>The settings checked against the region, and the names derived from the project and stack.</summary>
public class RegionSettingsTests
{
    private static StackSettings Parse(params (string Key, string Value)[] values) =>
        StackSettings.Parse("private-connectivity", values.ToDictionary(v => v.Key, v => v.Value));

    [Theory]
    [InlineData("eu-west-1", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-east-1", "aws-us-gov")]
    public void A_known_region_is_returned_with_its_partition(string region, string partition) =>
        Assert.Equal(partition, Parse().ValidateRegion(region).Partition);

    [Theory]
    [InlineData(null, "Invalid config aws:region = (unset): set the AWS region, for example `pulumi config set aws:region eu-west-1`.")]
    [InlineData("", "Invalid config aws:region = \"\": an AWS region code in lower case, such as eu-west-1.")]
    [InlineData("Eu-West-1", "Invalid config aws:region = Eu-West-1: an AWS region code in lower case, such as eu-west-1 (did you mean eu-west-1?).")]
    public void A_missing_empty_or_capitalised_region_is_one_sentence(string? region, string message) =>
        Assert.Equal(message, Assert.Throws<ConfigException>(() => Parse().ValidateRegion(region)).Message);

    [Fact]
    public void Principals_and_the_endpoint_service_are_checked_against_the_region()
    {
        var provider = Parse(("inspection", """{"mode":"provider","allowedPrincipals":["arn:aws-cn:iam::123456789012:root"]}"""));
        var consumer = Parse(("inspection", """{"mode":"consumer","endpointServiceName":"com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0"}"""));

        Assert.Equal("cn-north-1", provider.ValidateRegion("cn-north-1").Code);
        Assert.Equal("cn-north-1", consumer.ValidateRegion("cn-north-1").Code);
        Assert.Throws<ConfigException>(() => provider.ValidateRegion("eu-west-1"));
        Assert.Throws<ConfigException>(() => consumer.ValidateRegion("cn-northwest-1"));
    }

    [Theory]
    [InlineData("private-connectivity", "dev", "private-connectivity-dev")]
    [InlineData("p", "Prod", "p-prod-")]
    [InlineData("_", "_", "b")]
    [InlineData("amzn-s3-demo-x", "dev", "b-amzn-s3-demo-x-dev-")]
    public void A_bucket_prefix_comes_from_any_valid_project_and_stack_name(string project, string stack, string start)
    {
        var prefix = S3BucketNames.PrefixFor(project, stack, 8);

        Assert.StartsWith(start, prefix, StringComparison.Ordinal);
        Assert.Null(S3BucketNames.Check(prefix + "-k3x9q2ab"));
        Assert.True(prefix.Length <= 54, prefix);
    }
}
