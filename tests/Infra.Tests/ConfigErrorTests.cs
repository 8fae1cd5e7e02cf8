using Infra.Simulation;
using Pulumi;

namespace Infra.Tests;

/// <summary>Bad settings stop the program with one sentence naming the setting, before any resource is registered.</summary>
public class ConfigErrorTests
{
    public static TheoryData<string, object, string> BadSettings() => new()
    {
        { "vpcCidr", "10.0.0/16", "Invalid config private-connectivity:vpcCidr = 10.0.0/16: " },
        { "vpcCidr", "10.0.0.1/16", "Invalid config private-connectivity:vpcCidr = 10.0.0.1/16: " },
        { "vpcCidr", "10.0.0.0/8", "Invalid config private-connectivity:vpcCidr = 10.0.0.0/8: " },
        { "vpcCidr", "10.0.0.0/22", "Invalid config private-connectivity:subnetPrefixLengths = " },
        { "azCount", "7", "Invalid config private-connectivity:azCount = 7: " },
        { "azCount", "two", "Invalid config private-connectivity:azCount = two: " },
        { "natStrategy", "double", "Invalid config private-connectivity:natStrategy = double: " },
        { "interfaceEndpoints", new[] { "ssm", "not-a-service" }, "Invalid config private-connectivity:interfaceEndpoints[1] = not-a-service: " },
        { "interfaceEndpoints", new[] { "ssm", "ssm" }, "Invalid config private-connectivity:interfaceEndpoints[1] = ssm: " },
        { "inspection", new { mode = "combined", appliancesPerAz = 0 }, "Invalid config private-connectivity:inspection.appliancesPerAz = 0: " },
        { "inspection", new { mode = "combined", providerVpcCidr = "10.0.128.0/20" }, "Invalid config private-connectivity:inspection.providerVpcCidr = 10.0.128.0/20: " },
        { "inspection", new { mode = "consumer" }, "Invalid config private-connectivity:inspection.endpointServiceName = (not set): " },
        { "flowLogRetentionDays", "42", "Invalid config private-connectivity:flowLogRetentionDays = 42: " },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_program_with_one_sentence_and_registers_nothing(string key, object value, string expectedStart)
    {
        var mocks = new AwsMocks();

        var error = await Assert.ThrowsAsync<RunException>(() => StackRun.RunAsync(new Dictionary<string, object> { [key] = value }, mocks));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
        AssertOneSentence(error.Message);
        Assert.Empty(mocks.Records);
    }

    [Fact]
    public async Task A_misspelt_setting_is_refused_with_the_closest_known_one()
    {
        var mocks = new AwsMocks();

        var error = await Assert.ThrowsAsync<RunException>(() => StackRun.RunAsync(new Dictionary<string, object> { ["azcount"] = "3" }, mocks));

        Assert.StartsWith("Invalid config private-connectivity:azcount = 3: not a setting of this program", error.Message, StringComparison.Ordinal);
        Assert.Contains("(did you mean azCount?)", error.Message, StringComparison.Ordinal);
        AssertOneSentence(error.Message);
        Assert.Empty(mocks.Records);
    }

    [Fact]
    public async Task More_azs_than_the_region_has_is_refused_naming_the_region()
    {
        var mocks = new AwsMocks(availabilityZones: 2);

        var error = await Assert.ThrowsAsync<RunException>(() => StackRun.RunAsync(new Dictionary<string, object> { ["azCount"] = 3 }, mocks));

        Assert.StartsWith("Invalid config private-connectivity:azCount = 3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", error.Message, StringComparison.Ordinal);
        AssertOneSentence(error.Message);
        Assert.Empty(mocks.Records);
    }

    [Fact]
    public async Task A_missing_region_is_refused_with_the_command_that_sets_it()
    {
        var mocks = new AwsMocks();
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", "{}");

        Func<Task<IDictionary<string, object?>>> program = PrivateConnectivity.BuildAsync;
        var error = await Assert.ThrowsAsync<RunException>(() =>
            Deployment.TestAsync(mocks, new Pulumi.Testing.TestOptions { ProjectName = StackRun.Project }, program));
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);

        Assert.StartsWith("Invalid config aws:region = (unset): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("pulumi config set aws:region", error.Message, StringComparison.Ordinal);
        Assert.Empty(mocks.Records);
    }

    private static void AssertOneSentence(string message)
    {
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        Assert.EndsWith(".", message, StringComparison.Ordinal);
    }
}
