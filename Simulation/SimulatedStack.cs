using Pulumi;

namespace Infra.Simulation;

/// <summary>
/// The stack of a mocked run: runs a program as its body, and records through a stack transformation (public Pulumi
/// API, so it works with the real SDK as with the offline one) which parent each resource names. Neither the mocks'
/// view of a registration nor a mocked URN says which component instance a resource belongs to.
/// </summary>
public sealed class SimulatedStack : Stack
{
    private static readonly AsyncLocal<Run?> Current = new();

    public SimulatedStack()
        : base(new StackOptions { ResourceTransformations = { RecordParent } })
    {
        var run = Current.Value ?? throw new InvalidOperationException("A SimulatedStack is created by StackRun, which gives it the program to run.");
        Body = run.Program();
        RegisterOutputs(Body);
    }

    /// <summary>The program's stack outputs.</summary>
    internal Task<IDictionary<string, object?>> Body { get; }

    /// <summary>Runs <paramref name="program"/> under <paramref name="mocks"/> as the body of a stack.</summary>
    internal static async Task<(IReadOnlyList<Resource> Resources, IDictionary<string, object?> Outputs, IReadOnlyDictionary<Resource, Resource?> Parents, IReadOnlyDictionary<Resource, IReadOnlyList<Input<Alias>>> Aliases, IReadOnlyDictionary<Resource, InputList<Resource>> DependsOn)> RunAsync(
        Func<Task<IDictionary<string, object?>>> program, Pulumi.Testing.IMocks mocks, Pulumi.Testing.TestOptions options)
    {
        var run = new Run(program);
        Current.Value = run;
        try
        {
            var resources = await Deployment.TestAsync<SimulatedStack>(mocks, options).ConfigureAwait(false);
            var stack = resources.OfType<SimulatedStack>().Single();
            var outputs = await stack.Body.ConfigureAwait(false);
            return ([.. resources.Where(r => r is not SimulatedStack)], outputs, run.Parents, run.Aliases, run.DependsOn);
        }
        finally
        {
            Current.Value = null;
        }
    }

    private static ResourceTransformationResult? RecordParent(ResourceTransformationArgs args)
    {
        if (Current.Value is { } run && args.Resource is not SimulatedStack)
        {
            lock (run.Parents)
            {
                // A resource that names no parent belongs to the stack, which the tree shows as the root.
                run.Parents[args.Resource] = args.Options.Parent is SimulatedStack ? null : args.Options.Parent;
                if (args.Options.Aliases.Count > 0)
                {
                    run.Aliases[args.Resource] = [.. args.Options.Aliases];
                }

                run.DependsOn[args.Resource] = args.Options.DependsOn;
            }
        }

        return null;
    }

    private sealed record Run(Func<Task<IDictionary<string, object?>>> Program)
    {
        public Dictionary<Resource, Resource?> Parents { get; } = new(ReferenceEqualityComparer.Instance);

        public Dictionary<Resource, IReadOnlyList<Input<Alias>>> Aliases { get; } = new(ReferenceEqualityComparer.Instance);

        public Dictionary<Resource, InputList<Resource>> DependsOn { get; } = new(ReferenceEqualityComparer.Instance);
    }
}
