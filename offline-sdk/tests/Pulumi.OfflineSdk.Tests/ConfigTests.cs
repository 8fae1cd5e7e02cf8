using System.Text.Json;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace OfflineSdk.Tests;

public sealed class ConfigTests : IDisposable
{
    private static readonly TestOptions Options = new() { ProjectName = "proj", StackName = "dev" };

    public ConfigTests()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", """
            {
              "proj:name": "net",
              "proj:azCount": "3",
              "proj:inspect": "true",
              "proj:inspection": "{\"mode\":\"combined\",\"appliancesPerAz\":2}",
              "proj:config:legacy": "old-style",
              "proj:password": "hunter2",
              "aws:region": "eu-west-1"
            }
            """);
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", """["proj:password"]""");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", null);
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private sealed record Inspection(string Mode, int AppliancesPerAz);

    private static async Task<T> ReadAsync<T>(Func<T> read)
    {
        T result = default!;
        await Deployment.TestAsync(new RecordingMocks(), Options, () => { result = read(); });
        return result;
    }

    [Fact]
    public async Task Get_reads_the_project_namespace_and_returns_null_when_unset()
    {
        Assert.Equal("net", await ReadAsync(() => new Config().Get("name")));
        Assert.Null(await ReadAsync(() => new Config().Get("missing")));
        Assert.Equal("eu-west-1", await ReadAsync(() => new Config("aws").Get("region")));
    }

    [Fact]
    public async Task Typed_getters_parse_numbers_booleans_and_objects()
    {
        Assert.Equal(3, await ReadAsync(() => new Config().GetInt32("azCount")));
        Assert.True(await ReadAsync(() => new Config().GetBoolean("inspect")));
        Assert.Equal(new Inspection("combined", 2), await ReadAsync(() => new Config().RequireObject<Inspection>("inspection", WebJson)));
        Assert.Null(await ReadAsync(() => new Config().GetObject<Inspection>("missing")));
    }

    [Fact]
    public async Task The_legacy_config_key_form_is_accepted()
        => Assert.Equal("old-style", await ReadAsync(() => new Config().Get("legacy")));

    [Fact]
    public async Task Require_of_a_missing_key_stops_the_program_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => ReadAsync(() => new Config().Require("missing")));
        Assert.Contains("proj:missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_stops_the_program_naming_key_and_value()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => ReadAsync(() => new Config().GetInt32("name")));
        Assert.Contains("'proj:name' value 'net'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_getters_return_secret_outputs()
    {
        var secret = await ReadAsync(() => new Config().RequireSecret("password"));
        Assert.True(await Output.IsSecretAsync(secret));
        Assert.Equal("hunter2", await OutputUtilities.GetValueAsync(secret));
    }
}
