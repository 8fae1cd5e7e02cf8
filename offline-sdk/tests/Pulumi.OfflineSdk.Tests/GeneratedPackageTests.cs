using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.Ec2;
using Pulumi.Random;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace OfflineSdk.Tests;

/// <summary>The generated Pulumi.Aws and Pulumi.Random classes speak the providers' wire format.</summary>
public class GeneratedPackageTests
{
    private static readonly TestOptions Options = new() { ProjectName = "proj", StackName = "dev" };

    [Fact]
    public async Task GetAvailabilityZones_reaches_the_mocks_with_the_real_token_and_argument_names()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, Options, async () =>
        {
            await GetAvailabilityZones.InvokeAsync(new GetAvailabilityZonesArgs { State = "available", ExcludeNames = ["eu-west-1c"] });
        });

        var call = Assert.Single(mocks.Calls);
        Assert.Equal("aws:index/getAvailabilityZones:getAvailabilityZones", call.Token);
        Assert.Equal("available", call.Args["state"]);
        Assert.Equal(new object[] { "eu-west-1c" }, Assert.IsType<ImmutableArray<object>>(call.Args["excludeNames"]));
    }

    [Fact]
    public async Task A_vpc_registers_with_its_type_token_and_wire_names_and_reads_back_typed_outputs()
    {
        var mocks = new RecordingMocks();
        Vpc? vpc = null;
        await Deployment.TestAsync(mocks, Options, () =>
        {
            vpc = new Vpc("main", new VpcArgs { CidrBlock = "10.0.0.0/16", EnableDnsHostnames = true, Tags = { { "Name", "main" } } });
        });

        var sent = mocks.Named("main");
        Assert.Equal("aws:ec2/vpc:Vpc", sent.Type);
        Assert.Equal("10.0.0.0/16", sent.Inputs["cidrBlock"]);
        Assert.Equal(true, sent.Inputs["enableDnsHostnames"]);
        Assert.Equal("main", Assert.IsType<ImmutableDictionary<string, object>>(sent.Inputs["tags"])["Name"]);
        Assert.Equal("10.0.0.0/16", await OutputUtilities.GetValueAsync(vpc!.CidrBlock));
        Assert.True(await OutputUtilities.GetValueAsync(vpc.EnableDnsHostnames));
    }

    [Fact]
    public async Task A_random_string_registers_with_the_random_provider_token()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, Options, () => { _ = new RandomString("suffix", new RandomStringArgs { Length = 8, Special = false }); });

        var sent = mocks.Named("suffix");
        Assert.Equal("random:index/randomString:RandomString", sent.Type);
        Assert.Equal(8.0, sent.Inputs["length"]);
        Assert.Equal(false, sent.Inputs["special"]);
    }
}
