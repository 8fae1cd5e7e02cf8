using Infra.Model.Addressing;
using Infra.Model.Configuration;

namespace Infra.Model.Tests.Addressing;

public class SubnetPlannerTests
{
    private static readonly TierSpec[] DefaultWorkloadTiers = [new(Tiers.Public, 24), new(Tiers.Private, 20)];

    private static readonly TierSpec[] ConsumerWorkloadTiers =
        [new(Tiers.Public, 24), new(Tiers.Private, 20), new(Tiers.Application, 22), new(Tiers.Endpoint, 28)];

    private static string[] Cidrs(VpcPlan plan) => [.. plan.Subnets.Select(s => $"{s.Tier}/{s.AzIndex} {s.Cidr}")];

    [Fact]
    public void Default_plan_for_two_azs_puts_the_large_private_blocks_first()
    {
        var plan = SubnetPlanner.Plan("10.0.0.0/16", DefaultWorkloadTiers, 2);

        Assert.Equal(
            ["private/0 10.0.0.0/20", "private/1 10.0.16.0/20", "public/0 10.0.32.0/24", "public/1 10.0.33.0/24"],
            Cidrs(plan));
    }

    [Fact]
    public void Default_consumer_plan_for_two_azs_has_all_four_workload_tiers()
    {
        var plan = SubnetPlanner.Plan("10.0.0.0/16", ConsumerWorkloadTiers, 2);

        Assert.Equal(
            [
                "private/0 10.0.0.0/20", "private/1 10.0.16.0/20", "application/0 10.0.32.0/22", "application/1 10.0.36.0/22",
                "public/0 10.0.40.0/24", "public/1 10.0.41.0/24", "endpoint/0 10.0.42.0/28", "endpoint/1 10.0.42.16/28",
            ],
            Cidrs(plan));
    }

    [Fact]
    public void Default_plan_for_one_az_has_one_subnet_per_tier()
    {
        var plan = SubnetPlanner.Plan("10.0.0.0/16", DefaultWorkloadTiers, 1);

        Assert.Equal(["private/0 10.0.0.0/20", "public/0 10.0.16.0/24"], Cidrs(plan));
    }

    [Fact]
    public void Default_plan_for_three_azs_continues_each_tier_across_the_azs()
    {
        var plan = SubnetPlanner.Plan("10.0.0.0/16", DefaultWorkloadTiers, 3);

        Assert.Equal(
            [
                "private/0 10.0.0.0/20", "private/1 10.0.16.0/20", "private/2 10.0.32.0/20",
                "public/0 10.0.48.0/24", "public/1 10.0.49.0/24", "public/2 10.0.50.0/24",
            ],
            Cidrs(plan));
    }

    [Fact]
    public void Settings_plan_the_workload_and_provider_vpcs_with_their_own_tiers()
    {
        var settings = StackSettings.Parse("ns", new Dictionary<string, string> { ["inspection"] = """{"mode":"combined"}""" });

        Assert.Equal(["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/24", "10.0.33.0/24", "10.0.36.0/22", "10.0.40.0/22", "10.0.44.0/28", "10.0.44.16/28"],
            settings.PlanWorkloadVpc().Subnets.Select(s => s.Cidr));
        Assert.Equal(["appliance/0 10.100.0.0/24", "appliance/1 10.100.1.0/24"], Cidrs(settings.PlanProviderVpc()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Switching_inspection_on_keeps_the_public_and_private_subnets_where_they_are(int azCount)
    {
        var off = StackSettings.Parse("ns", new Dictionary<string, string> { ["azCount"] = $"{azCount}" }).PlanWorkloadVpc();
        var on = StackSettings.Parse("ns", new Dictionary<string, string>
        {
            ["azCount"] = $"{azCount}",
            ["inspection"] = """{"mode":"combined"}""",
        }).PlanWorkloadVpc();

        Assert.Subset(on.Subnets.ToHashSet(), off.Subnets.ToHashSet());
    }

    [Fact]
    public void A_later_group_starts_at_the_boundary_its_largest_block_needs_and_the_padding_counts_toward_the_fit()
    {
        var plan = SubnetPlanner.Plan("10.0.0.0/22", [new("small", 26), new("late", 24, Group: 1)], 1);

        Assert.Equal(["small/0 10.0.0.0/26", "late/0 10.0.1.0/24"], Cidrs(plan));
        var error = Assert.Throws<ConfigException>(() => SubnetPlanner.Plan("10.0.0.0/23", [new("small", 26), new("late", 23, Group: 1)], 1));
        Assert.Equal("subnetPrefixLengths", error.Key);
    }

    [Fact]
    public void Tiers_of_equal_size_keep_the_order_they_are_given()
    {
        var plan = SubnetPlanner.Plan("10.0.0.0/16", [new("b", 24), new("a", 24)], 2);

        Assert.Equal(["b/0 10.0.0.0/24", "b/1 10.0.1.0/24", "a/0 10.0.2.0/24", "a/1 10.0.3.0/24"], Cidrs(plan));
    }

    [Fact]
    public void Same_inputs_give_the_same_plan()
    {
        Assert.Equal(
            SubnetPlanner.Plan("10.8.0.0/18", ConsumerWorkloadTiers, 3).Subnets,
            SubnetPlanner.Plan("10.8.0.0/18", ConsumerWorkloadTiers, 3).Subnets);
    }

    [Fact]
    public void Small_blocks_after_large_ones_stay_aligned_to_their_size()
    {
        var plan = SubnetPlanner.Plan("10.0.0.0/16", [new("tiny", 28), new("big", 17), new("mid", 23)], 1);

        Assert.Equal(["big/0 10.0.0.0/17", "mid/0 10.0.128.0/23", "tiny/0 10.0.130.0/28"], Cidrs(plan));
        Assert.All(plan.Subnets, s =>
        {
            var block = Cidr.Parse(s.Cidr);
            Assert.Equal(0, block.First % block.AddressCount);
        });
    }

    [Fact]
    public void Many_combinations_give_disjoint_aligned_subnets_inside_the_vpc_or_a_config_error()
    {
        var random = new Random(20240611);
        int planned = 0, rejected = 0;
        for (var i = 0; i < 400; i++)
        {
            var vpcPrefix = random.Next(16, 25);
            var vpc = Cidr.FromFirstAddress((uint)random.Next(0, 256) << 24, vpcPrefix);
            var tierCount = random.Next(1, 6);
            var tiers = Enumerable.Range(0, tierCount).Select(t => new TierSpec($"t{t}", random.Next(16, 29))).ToList();
            var azCount = random.Next(1, 7);
            var needed = tiers.Sum(t => 1L << (32 - t.PrefixLength)) * azCount;

            if (needed > vpc.AddressCount)
            {
                var error = Assert.Throws<ConfigException>(() => SubnetPlanner.Plan(vpc.ToString(), tiers, azCount));
                Assert.Equal("subnetPrefixLengths", error.Key);
                rejected++;
                continue;
            }

            var plan = SubnetPlanner.Plan(vpc.ToString(), tiers, azCount);
            var blocks = plan.Subnets.Select(s => Cidr.Parse(s.Cidr)).ToList();
            Assert.Equal(tierCount * azCount, blocks.Count);
            Assert.All(blocks, b => Assert.True(vpc.Contains(b), $"{b} outside {vpc}"));
            Assert.All(blocks, b => Assert.Equal(0, b.First % b.AddressCount));
            for (var a = 0; a < blocks.Count; a++)
            {
                for (var b = a + 1; b < blocks.Count; b++)
                {
                    Assert.False(blocks[a].Overlaps(blocks[b]), $"{blocks[a]} overlaps {blocks[b]}");
                }
            }

            Assert.All(tiers, t => Assert.Equal(Enumerable.Range(0, azCount), plan.ForTier(t.Tier).Select(s => s.AzIndex)));
            planned++;
        }

        Assert.True(planned > 50 && rejected > 50, $"planned {planned}, rejected {rejected}");
    }

    [Fact]
    public void Too_small_vpc_error_gives_the_numbers_and_what_would_fit()
    {
        var error = Assert.Throws<ConfigException>(() => SubnetPlanner.Plan("10.0.0.0/22", DefaultWorkloadTiers, 2, "private-connectivity"));

        Assert.Equal(
            "Invalid config private-connectivity:subnetPrefixLengths = {\"public\":24,\"private\":20}: subnets that fit in the VPC 10.0.0.0/22, " +
            "but 2 AZs × (public /24 + private /20) need 8704 addresses and the VPC has 1024 (private /20 alone is larger than the /22 VPC); " +
            "what fits is a VPC of /18 or larger, or prefix lengths such as {\"public\":28,\"private\":24}.",
            error.Message);
    }

    [Fact]
    public void Vpc_too_small_even_for_the_longest_prefixes_says_so()
    {
        var error = Assert.Throws<ConfigException>(() => SubnetPlanner.Plan("10.0.0.0/24", [new("a", 16), new("b", 16), new("c", 16)], 6));

        Assert.EndsWith("even /28 subnets do not fit, so use fewer AZs or a larger VPC.", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Invalid config subnetPrefixLengths = ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_full_vpc_is_planned()
    {
        var plan = SubnetPlanner.Plan("192.168.0.0/24", [new("a", 26)], 4);

        Assert.Equal(0, plan.AddressesFree);
        Assert.Equal("192.168.0.192/26", plan.Get("a", 3).Cidr);
    }

    [Fact]
    public void Plan_helpers_find_allocations_by_tier_and_az()
    {
        var plan = SubnetPlanner.Plan("10.0.0.0/16", ConsumerWorkloadTiers, 2);

        Assert.Equal(new SubnetAllocation(Tiers.Endpoint, 1, "10.0.42.16/28"), plan.Get(Tiers.Endpoint, 1));
        Assert.Equal(["10.0.40.0/24", "10.0.41.0/24"], plan.ForTier(Tiers.Public).Select(s => s.Cidr));
        Assert.Equal([Tiers.Private, Tiers.Application, Tiers.Public, Tiers.Endpoint], plan.ForAz(0).Select(s => s.Tier));
        Assert.True(plan.HasTier(Tiers.Application));
        Assert.False(plan.HasTier(Tiers.Appliance));
        Assert.Equal(65536 - (2 * (4096 + 1024 + 256 + 16)), plan.AddressesFree);
        Assert.Throws<KeyNotFoundException>(() => plan.Get(Tiers.Public, 2));
    }

    [Fact]
    public void Duplicate_tiers_and_bad_arguments_are_programming_errors()
    {
        Assert.Throws<ArgumentException>(() => SubnetPlanner.Plan("10.0.0.0/16", [new("a", 24), new("a", 24)], 1));
        Assert.Throws<ArgumentException>(() => SubnetPlanner.Plan("10.0.0.1/16", DefaultWorkloadTiers, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubnetPlanner.Plan("10.0.0.0/16", DefaultWorkloadTiers, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubnetPlanner.Plan("10.0.0.0/16", [new("a", 29)], 1));
    }
}
