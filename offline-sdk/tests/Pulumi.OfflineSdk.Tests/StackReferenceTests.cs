using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace OfflineSdk.Tests;

public class StackReferenceTests
{
    private static readonly TestOptions Preview = new() { ProjectName = "proj", StackName = "dev" };
    private static readonly TestOptions Update = new() { ProjectName = "proj", StackName = "dev", IsPreview = false };

    /// <summary>
    /// Answers the read of a stack reference like a test of a two-stack program would: with the outputs of the stack
    /// it names (the id the SDK reads it by), and the secret ones listed.
    /// </summary>
    private sealed class StackOutputsMocks(IReadOnlyDictionary<string, object> outputs, params string[] secretNames) : IMocks
    {
        public List<MockResourceArgs> Resources { get; } = new();

        public bool ListSecretNames { get; init; } = true;

        public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            lock (Resources)
            {
                Resources.Add(args);
            }

            if (args.Type != "pulumi:pulumi:StackReference")
            {
                return Task.FromResult<(string?, object)>(($"{args.Name}-id", args.Inputs));
            }

            var state = new Dictionary<string, object>
            {
                ["name"] = args.Id!,
                ["outputs"] = outputs.ToDictionary(o => o.Key, o => secretNames.Contains(o.Key) ? Output.CreateSecret(o.Value) : o.Value),
            };
            if (ListSecretNames)
            {
                state["secretOutputNames"] = secretNames;
            }

            // Mocks often return an id of their own; a read keeps the id it asked for.
            return Task.FromResult<(string?, object)>(("mock-id", state));
        }

        public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);
    }

    private static readonly Dictionary<string, object> ProviderStackOutputs = new()
    {
        ["endpointServiceName"] = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
        ["azCount"] = 2,
        ["subnetIds"] = new[] { "subnet-a", "subnet-b" },
        ["adminPassword"] = "hunter2",
    };

    private static StackOutputsMocks Mocks(bool listSecretNames = true)
        => new(ProviderStackOutputs, "adminPassword") { ListSecretNames = listSecretNames };

    [Fact]
    public async Task Registers_as_a_read_of_the_named_stack_and_keeps_that_name_as_its_id()
    {
        var mocks = Mocks();
        StackReference? reference = null;
        await Deployment.TestAsync(mocks, Preview, () =>
        {
            reference = new StackReference("provider", new StackReferenceArgs { Name = "acme/network/prod" });
        });

        var read = Assert.Single(mocks.Resources);
        Assert.Equal("pulumi:pulumi:StackReference", read.Type);
        Assert.Equal("provider", read.Name);
        Assert.Equal("acme/network/prod", read.Id);
        Assert.Equal(ImmutableDictionary<string, object>.Empty.Add("name", "acme/network/prod"), read.Inputs);
        Assert.Equal("acme/network/prod", await OutputUtilities.GetValueAsync(reference!.Id));
        Assert.Equal("acme/network/prod", await OutputUtilities.GetValueAsync(reference.Name));
        Assert.Equal("urn:pulumi:dev::proj::pulumi:pulumi:Stack$pulumi:pulumi:StackReference::provider", await OutputUtilities.GetValueAsync(reference.Urn));
    }

    [Fact]
    public async Task Without_args_the_resource_name_is_the_referenced_stack()
    {
        var mocks = Mocks();
        await Deployment.TestAsync(mocks, Preview, () => { _ = new StackReference("acme/network/prod"); });

        var read = Assert.Single(mocks.Resources);
        Assert.Equal("acme/network/prod", read.Id);
        Assert.Equal("acme/network/prod", read.Inputs["name"]);
    }

    [Fact]
    public async Task Outputs_come_back_as_the_engine_sends_them_and_feed_other_resources()
    {
        var mocks = Mocks();
        StackReference? reference = null;
        await Deployment.TestAsync(mocks, Preview, () =>
        {
            reference = new StackReference("acme/network/prod");
            var serviceName = reference.RequireOutput("endpointServiceName").Apply(value => (string)value);
            _ = new Widget("consumer", new WidgetArgs { Size = 1, Label = serviceName });
        });

        Assert.Equal("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0", mocks.Resources.Single(r => r.Name == "consumer").Inputs["label"]);
        Assert.Equal(2.0, await OutputUtilities.GetValueAsync(reference!.GetOutput("azCount")));
        Assert.Equal(new object[] { "subnet-a", "subnet-b" }, Assert.IsType<ImmutableArray<object>>(await reference.RequireValueAsync("subnetIds")).AsEnumerable());
        Assert.Equal(4, (await OutputUtilities.GetValueAsync(reference.Outputs)).Count);
    }

    [Fact]
    public async Task GetOutput_and_GetValueAsync_of_a_missing_output_give_null()
    {
        StackReference? reference = null;
        await Deployment.TestAsync(Mocks(), Preview, () => { reference = new StackReference("acme/network/prod"); });

        Assert.Null(await OutputUtilities.GetValueAsync(reference!.GetOutput("nothing")));
        Assert.Null(await reference.GetValueAsync("nothing"));
        var details = await reference.GetOutputDetailsAsync("nothing");
        Assert.Null(details.Value);
        Assert.Null(details.SecretValue);
    }

    [Fact]
    public async Task RequireOutput_of_a_missing_output_fails_the_run_with_a_KeyNotFoundException()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(Mocks(), Preview, () =>
        {
            var reference = new StackReference("provider", new StackReferenceArgs { Name = "acme/network/prod" });
            _ = new Widget("consumer", new WidgetArgs { Size = 1, Label = reference.RequireOutput("endpointServicName").Apply(v => (string)v) });
        }));

        Assert.Contains("System.Collections.Generic.KeyNotFoundException", error.Message, StringComparison.Ordinal);
        Assert.Contains("Required output 'endpointServicName' does not exist on stack 'provider'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireValueAsync_of_a_missing_output_throws_KeyNotFoundException()
    {
        StackReference? reference = null;
        await Deployment.TestAsync(Mocks(), Preview, () => { reference = new StackReference("acme/network/prod"); });

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => reference!.RequireValueAsync("missing"));
        Assert.Equal("Required output 'missing' does not exist on stack 'acme/network/prod'.", error.Message);
    }

    [Fact]
    public async Task Only_the_outputs_the_stack_lists_as_secret_are_secret()
    {
        StackReference? reference = null;
        await Deployment.TestAsync(Mocks(), Update, () => { reference = new StackReference("acme/network/prod"); });

        Assert.True(await Output.IsSecretAsync(reference!.Outputs));
        Assert.True(await Output.IsSecretAsync(reference.GetOutput("adminPassword")));
        Assert.True(await Output.IsSecretAsync(reference.RequireOutput("adminPassword")));
        Assert.False(await Output.IsSecretAsync(reference.GetOutput("endpointServiceName")));
        Assert.False(await Output.IsSecretAsync(reference.RequireOutput("endpointServiceName")));
        Assert.Equal(new[] { "adminPassword" }, (await OutputUtilities.GetValueAsync(reference.SecretOutputNames)).AsEnumerable());

        var secret = await reference.GetOutputDetailsAsync("adminPassword");
        Assert.Equal("hunter2", secret.SecretValue);
        Assert.Null(secret.Value);
        var plain = await reference.GetOutputDetailsAsync("endpointServiceName");
        Assert.Equal("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0", plain.Value);
        Assert.Null(plain.SecretValue);
    }

    [Fact]
    public async Task The_value_methods_refuse_secret_outputs()
    {
        StackReference? reference = null;
        await Deployment.TestAsync(Mocks(), Update, () => { reference = new StackReference("acme/network/prod"); });

        await Assert.ThrowsAsync<InvalidOperationException>(() => reference!.GetValueAsync("adminPassword"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => reference!.RequireValueAsync("adminPassword"));
        Assert.Equal("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0", await reference!.GetValueAsync("endpointServiceName"));
    }

    [Fact]
    public async Task Without_the_list_of_secret_names_a_preview_makes_every_output_as_secret_as_the_map()
    {
        StackReference? reference = null;
        await Deployment.TestAsync(Mocks(listSecretNames: false), Preview, () => { reference = new StackReference("acme/network/prod"); });

        Assert.True(await Output.IsSecretAsync(reference!.GetOutput("endpointServiceName")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => reference.GetValueAsync("endpointServiceName"));
    }
}
