using System.Collections.Immutable;
using Pulumi.Testing;

namespace Pulumi;

/// <summary>
/// Entry point of a Pulumi program. In the offline SDK only the mocked test entry points work: the deploy entry
/// points stop at once and explain how to deploy.
/// </summary>
public sealed class Deployment
{
    internal const string OfflineMessage =
        "This program was built with the offline Pulumi SDK stand-in (PulumiSdk=offline), which can only run mocked " +
        "tests and cannot deploy. Build it with the real Pulumi packages (the default build) and run it through the " +
        "Pulumi CLI: pulumi preview, pulumi up.";

    private static readonly AsyncLocal<DeploymentInstance?> CurrentInstance = new();

    private Deployment()
    {
    }

    public static DeploymentInstance Instance => CurrentInstance.Value
        ?? throw new InvalidOperationException("Trying to acquire Deployment.Instance before 'Run' was called.");

    public static Task<int> RunAsync(Action action) => Offline();

    public static Task<int> RunAsync(Func<IDictionary<string, object?>> func) => Offline();

    public static Task<int> RunAsync(Func<Task> func) => Offline();

    public static Task<int> RunAsync(Func<Task<IDictionary<string, object?>>> func, StackOptions? options = null) => Offline();

    public static Task<int> RunAsync<TStack>()
        where TStack : Stack, new() => Offline();

    public static Task<ImmutableArray<Resource>> TestAsync<TStack>(IMocks mocks, TestOptions? options = null)
        where TStack : Stack, new()
        => TestCoreAsync(mocks, options, state =>
        {
            var stack = new TStack();
            stack.RegisterPropertyOutputs();
            return Task.CompletedTask;
        }, includeStack: true);

    public static async Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> TestAsync(
        IMocks testMocks, TestOptions testOptions, Func<Task<IDictionary<string, object?>>> createResources)
    {
        Stack? stack = null;
        var resources = await TestCoreAsync(testMocks, testOptions, state =>
        {
            stack = new Stack();
            return stack.RunBodyAsync(createResources);
        }, includeStack: false).ConfigureAwait(false);
        return (resources, stack!.Outputs);
    }

    public static Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> TestAsync(
        IMocks testMocks, TestOptions testOptions, Func<IDictionary<string, object?>> createResources)
        => TestAsync(testMocks, testOptions, () => Task.FromResult(createResources()));

    public static Task<ImmutableArray<Resource>> TestAsync(IMocks testMocks, TestOptions testOptions, Func<Task> createResources)
        => TestResourcesOnlyAsync(testMocks, testOptions, async () =>
        {
            await createResources().ConfigureAwait(false);
            return ImmutableDictionary<string, object?>.Empty;
        });

    public static Task<ImmutableArray<Resource>> TestAsync(IMocks testMocks, TestOptions testOptions, Action createResources)
        => TestResourcesOnlyAsync(testMocks, testOptions, () =>
        {
            createResources();
            return Task.FromResult<IDictionary<string, object?>>(ImmutableDictionary<string, object?>.Empty);
        });

    private static async Task<ImmutableArray<Resource>> TestResourcesOnlyAsync(
        IMocks mocks, TestOptions options, Func<Task<IDictionary<string, object?>>> createResources)
        => (await TestAsync(mocks, options, createResources).ConfigureAwait(false)).Resources;

    // Must stay async: the AsyncLocal current deployment is scoped to this call and the work it starts.
    private static async Task<ImmutableArray<Resource>> TestCoreAsync(
        IMocks mocks, TestOptions? options, Func<DeploymentState, Task> program, bool includeStack)
    {
        var state = new DeploymentState(mocks, options);
        DeploymentState.Enter(state);
        CurrentInstance.Value = new DeploymentInstance(state);
        state.Run(() => program(state));
        await state.WaitForIdleAsync().ConfigureAwait(false);

        var errors = state.Errors;
        if (errors.Count == 1)
        {
            throw new RunException(errors[0]);
        }

        if (errors.Count > 1)
        {
            throw new AggregateException(errors.Select(error => new RunException(error)));
        }

        return includeStack
            ? state.Resources
            : state.Resources.Where(resource => !ReferenceEquals(resource, state.Stack)).ToImmutableArray();
    }

    private static Task<int> Offline()
    {
        Console.Error.WriteLine(OfflineMessage);
        return Task.FromResult(1);
    }
}
