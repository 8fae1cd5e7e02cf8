using Infra.Model.Analysis;

namespace Infra.Model.Tests.Analysis;

public class ResourceTreeTests
{
    private static readonly ResourceEntry[] Entries =
    [
        new("infra:network:VpcNetwork", "workload", null, "pulumi:pulumi:Stack", "p-dev"),
        new("aws:ec2/vpc:Vpc", "workload", "vpc-1", "infra:network:VpcNetwork", "workload"),
        new("aws:ec2/subnet:Subnet", "workload-public-b", "subnet-2", "infra:network:VpcNetwork", "workload"),
        new("aws:ec2/subnet:Subnet", "workload-public-a", "subnet-1", "infra:network:VpcNetwork", "workload"),
        new("infra:network:GatewayEndpoint", "s3-endpoint", null, null, null),
        new("aws:ec2/vpcEndpoint:VpcEndpoint", "s3-endpoint", "vpce-1", "infra:network:GatewayEndpoint", "s3-endpoint"),
        new("aws:ec2/eip:Eip", "orphan", "eipalloc-1", "infra:missing:Component", "gone"),
    ];

    [Fact]
    public void Resources_hang_from_their_parents_under_the_stack_sorted_by_type_and_name()
    {
        var tree = ResourceTree.Build("p-dev", Entries);

        Assert.Equal(("pulumi:pulumi:Stack", "p-dev"), (tree.Root.Type, tree.Root.Name));
        Assert.Equal(
            ["aws:ec2/eip:Eip orphan", "infra:network:GatewayEndpoint s3-endpoint", "infra:network:VpcNetwork workload"],
            tree.Root.Children.Select(c => $"{c.Type} {c.Name}"));
        var network = tree.Root.Children[2];
        Assert.Equal(["workload-public-a", "workload-public-b", "workload"], network.Children.Select(c => c.Name));
        Assert.Equal("vpce-1", tree.Root.Children[1].Children.Single().Id);
        Assert.Null(network.Id);
        Assert.Equal(7, tree.Count);
        Assert.Equal(8, tree.Root.Walk().Count());
    }

    [Fact]
    public void Totals_count_each_type_most_numerous_first()
    {
        var tree = ResourceTree.Build("p-dev", Entries);

        Assert.Equal(new TypeTotal("aws:ec2/subnet:Subnet", 2), tree.Totals[0]);
        Assert.Equal(6, tree.Totals.Count);
        Assert.Equal(7, tree.Totals.Sum(t => t.Count));
    }

    [Theory]
    [InlineData("eu-west-1a", "a")]
    [InlineData("us-east-1f", "f")]
    [InlineData("ap-northeast-2d", "d")]
    [InlineData("zone", "zone")]
    [InlineData(null, "?")]
    public void Zone_suffixes(string? zone, string suffix) => Assert.Equal(suffix, Zones.Suffix(zone));

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.0.4")]
    [InlineData("10.0.42.16/28", "10.0.42.20")]
    [InlineData("10.0.0.0/30", "10.0.0.0")]
    public void Host_addresses_skip_the_addresses_aws_reserves(string cidr, string address) => Assert.Equal(address, Zones.HostAddress(cidr));
}
