using Infra.Model.Analysis;
using Infra.Model.Aws;

namespace Infra.Model.Tests.Configuration;

/// <summary>The AWS rules of Model/Aws on their own.</summary>
public class AwsRulesTests
{
    [Theory]
    [InlineData("eu-west-1", "aws")]
    [InlineData("cn-northwest-1", "aws-cn")]
    [InlineData("us-gov-east-1", "aws-us-gov")]
    [InlineData("us-east-1", "aws")]
    public void Every_region_has_its_partition(string region, string partition)
    {
        Assert.Equal(partition, AwsRegions.Find(region)?.Partition);
        Assert.Equal(partition, AwsRegions.PartitionOf(region));
    }

    [Theory]
    [InlineData("eu-west-1", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("EU-WEST-1", false)]
    [InlineData("eu-west-1a", false)]
    [InlineData("", false)]
    [InlineData("eu-west", false)]
    public void A_region_code_is_lower_case_area_direction_number(string code, bool wellFormed) =>
        Assert.Equal(wellFormed, AwsRegions.IsWellFormed(code));

    [Fact]
    public void Every_instance_type_of_the_price_table_is_known_with_its_architecture()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
        {
            directory = directory.Parent!;
        }

        var prices = PriceTable.Parse(File.ReadAllText(Path.Combine(directory.FullName, "tools", "Plan", "prices", "aws-network-prices.json")));

        Assert.All(prices.Regions.Values.SelectMany(r => r.InstanceHour.Keys), type => Assert.NotNull(Ec2InstanceTypes.ArchitectureOf(type)));
        Assert.Equal(Ec2InstanceTypes.Arm, Ec2InstanceTypes.ArchitectureOf("c7g.large"));
        Assert.Equal(Ec2InstanceTypes.X86, Ec2InstanceTypes.ArchitectureOf("c5n.large"));
        Assert.Null(Ec2InstanceTypes.ArchitectureOf("c5.medium"));
    }

    [Theory]
    [InlineData("my-bucket", true)]
    [InlineData("my.bucket.example", true)]
    [InlineData("a-b", true)]
    [InlineData("ab", false)]
    [InlineData("My-Bucket", false)]
    [InlineData("my..bucket", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("xn--bucket", false)]
    [InlineData("bucket-s3alias", false)]
    [InlineData("bucket--x-s3", false)]
    [InlineData("bucket-", false)]
    public void S3_bucket_names_follow_every_naming_rule(string name, bool valid) =>
        Assert.Equal(valid, S3BucketNames.Check(name) is null);

    [Theory]
    [InlineData("inspection-gwlb", true)]
    [InlineData("inspection-appliances", true)]
    [InlineData("inspection-gateway-lb-abcdefgh", false)]
    public void Load_balancer_auto_names_count_the_providers_suffix(string logicalName, bool fits) =>
        Assert.Equal(fits, NameRules.LoadBalancer.CheckAutoName(logicalName) is null);

    [Fact]
    public void Tags_IAM_refuses_are_refused_only_where_the_service_refuses_them()
    {
        Assert.NotNull(AwsTags.CheckValue("ops!", restricted: true));
        Assert.Null(AwsTags.CheckValue("ops!", restricted: false));
        Assert.True(AwsTags.HasRestrictedCharacters("aws:iam/role:Role"));
        Assert.False(AwsTags.HasRestrictedCharacters("aws:ec2/vpc:Vpc"));
        Assert.NotNull(AwsTags.CheckKey("AWS:x", restricted: false));
    }

    [Fact]
    public void Subnets_lose_five_addresses_to_AWS()
    {
        Assert.Equal(11, VpcRules.UsableAddresses(28));
        Assert.Equal(27, VpcRules.LongestPrefixFor(12));
        Assert.Equal(26, VpcRules.LongestPrefixFor(28));
    }
}
