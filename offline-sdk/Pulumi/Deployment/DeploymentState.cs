using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Pulumi.Testing;

namespace Pulumi;

/// <summary>
/// The state of one mocked run: settings, config, the mocks that answer for the engine, the resources registered,
/// the work still in flight, and the errors logged. One instance per <c>Deployment.TestAsync</c> call.
/// </summary>
internal sealed class DeploymentState
{
    private static readonly AsyncLocal<DeploymentState?> CurrentState = new();

    private readonly IMocks _mocks;
    private readonly object _gate = new();
    private readonly HashSet<Task> _inFlight = new();
    private readonly List<Resource> _resources = new();
    private readonly List<Exception> _exceptions = new();
    private readonly List<string> _errors = new();
    private Stack? _stack;

    public DeploymentState(IMocks mocks, TestOptions? options)
    {
        _mocks = mocks;
        IsDryRun = options?.IsPreview ?? true;
        StackName = options?.StackName ?? "stack";
        ProjectName = options?.ProjectName ?? "project";
        OrganizationName = options?.OrganizationName ?? "organization";
        RootDirectory = options?.RootDirectory ?? Directory.GetCurrentDirectory();
        AllConfig = ParseConfig();
        ConfigSecretKeys = ParseConfigSecretKeys();
    }

    public static DeploymentState Current => CurrentState.Value
        ?? throw new InvalidOperationException("Trying to acquire Deployment.Instance before 'Run' was called.");

    public bool IsDryRun { get; }

    public string StackName { get; }

    public string ProjectName { get; }

    public string OrganizationName { get; }

    public string RootDirectory { get; }

    public ImmutableDictionary<string, string> AllConfig { get; }

    public ImmutableHashSet<string> ConfigSecretKeys { get; }

    public Stack? Stack
    {
        get => _stack;
        set => _stack ??= value;
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToList();
            }
        }
    }

    public ImmutableArray<Resource> Resources
    {
        get
        {
            lock (_gate)
            {
                return _resources.ToImmutableArray();
            }
        }
    }

    public static DeploymentState? TryGetCurrent() => CurrentState.Value;

    public static void Enter(DeploymentState state) => CurrentState.Value = state;

    /// <summary>Keeps the run alive until <paramref name="task"/> ends; a failure becomes a logged error.</summary>
    public void Track(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return;
        }

        lock (_gate)
        {
            _inFlight.Add(task);
        }

        task.ContinueWith(
            finished =>
            {
                // Record the failure before the task leaves the in-flight set, so that a run seen idle has its errors.
                if (finished.Exception is { } error)
                {
                    RecordException(error);
                }

                lock (_gate)
                {
                    _inFlight.Remove(finished);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Runs one unit of program work, turning a synchronous failure into a logged error too.</summary>
    public void Run(Func<Task> work)
    {
        Task task;
        try
        {
            task = work();
        }
        catch (Exception e)
        {
            task = Task.FromException(e);
        }

        Track(task);
    }

    /// <summary>Waits until no registration, apply or program task is left.</summary>
    public async Task WaitForIdleAsync()
    {
        while (true)
        {
            Task[] pending;
            lock (_gate)
            {
                pending = _inFlight.ToArray();
            }

            if (pending.Length == 0)
            {
                return;
            }

            try
            {
                await Task.WhenAll(pending).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Failures are recorded by Track's continuation; keep waiting for the rest.
            }

            // Let Track's continuations remove the finished tasks before looking again.
            await Task.Yield();
        }
    }

    public void Log(LogSeverity severity, string message, Resource? resource)
    {
        if (severity == LogSeverity.Error)
        {
            lock (_gate)
            {
                _errors.Add(message);
            }
        }
        else if (severity == LogSeverity.Warning)
        {
            Console.Error.WriteLine($"warning: {message}");
        }

        _ = resource;
    }

    public void RegisterResource(Resource resource, bool custom, ResourceArgs args, ResourceOptions options)
        => Track(ResourceRegistration.RegisterAsync(this, resource, custom, args, options));

    public void RegisterResourceOutputs(Resource resource, Output<IDictionary<string, object?>> outputs)
        => Track(RegisterResourceOutputsAsync(resource, outputs));

    public void AddResource(Resource resource)
    {
        lock (_gate)
        {
            _resources.Add(resource);
        }
    }

    public Task<(string? Id, object State)> NewResourceAsync(MockResourceArgs args) => _mocks.NewResourceAsync(args);

    public Task<object> CallAsync(MockCallArgs args) => _mocks.CallAsync(args);

    /// <summary>Builds a URN the way Pulumi's mock monitor does: the parent's root type qualifies the child's type.</summary>
    public string NewUrn(string? parentUrn, string type, string name)
    {
        if (!string.IsNullOrEmpty(parentUrn))
        {
            var parentQualifiedType = parentUrn.Split("::")[2];
            type = parentQualifiedType.Split('$')[0] + "$" + type;
        }

        return "urn:pulumi:" + string.Join("::", StackName, ProjectName, type, name);
    }

    private void RecordException(Exception exception)
    {
        foreach (var single in Flatten(exception))
        {
            lock (_gate)
            {
                if (_exceptions.Contains(single))
                {
                    continue;
                }

                _exceptions.Add(single);
            }

            Log(LogSeverity.Error, DescribeFailure(single), null);
        }
    }

    private static IEnumerable<Exception> Flatten(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Flatten),
        TargetInvocationException { InnerException: { } inner } => Flatten(inner),
        _ => new[] { exception },
    };

    private static string DescribeFailure(Exception exception) => exception switch
    {
        RunException => exception.Message,
        ResourceException { HideStack: true } => exception.Message,
        _ => $"Running program '{Assembly.GetEntryAssembly()?.Location}' failed with an unhandled exception:\n{exception}",
    };

    private async Task RegisterResourceOutputsAsync(Resource resource, Output<IDictionary<string, object?>> outputs)
    {
        var urn = await resource.Urn.DataTask.ConfigureAwait(false);
        var data = await outputs.DataTask.ConfigureAwait(false);
        var builder = ImmutableDictionary.CreateBuilder<string, Output<object?>>();
        if (data.IsKnown && data.Value is not null)
        {
            foreach (var (key, value) in data.Value)
            {
                var serialized = await Serializer.SerializeAsync(value).ConfigureAwait(false);
                if (serialized.IsKnown && serialized.Value is not null)
                {
                    builder[key] = Output.Create<object?>(serialized.Value);
                }
            }
        }

        await _mocks.RegisterResourceOutputs(new MockRegisterResourceOutputsRequest(urn.Value, builder.ToImmutable()))
            .ConfigureAwait(false);
    }

    private static ImmutableDictionary<string, string> ParseConfig()
    {
        var config = ImmutableDictionary.CreateBuilder<string, string>();
        var raw = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        if (!string.IsNullOrEmpty(raw))
        {
            using var document = JsonDocument.Parse(raw);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                config[CleanKey(property.Name)] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
        }

        return config.ToImmutable();
    }

    private static ImmutableHashSet<string> ParseConfigSecretKeys()
    {
        var raw = Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS");
        if (string.IsNullOrEmpty(raw))
        {
            return ImmutableHashSet<string>.Empty;
        }

        using var document = JsonDocument.Parse(raw);
        return document.RootElement.EnumerateArray().Select(e => e.GetString()!).ToImmutableHashSet();
    }

    /// <summary>Accepts the legacy <c>project:config:key</c> spelling as <c>project:key</c>.</summary>
    private static string CleanKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        const string legacy = "config:";
        return colon > 0 && key.AsSpan(colon + 1).StartsWith(legacy, StringComparison.Ordinal)
            ? key[..colon] + ":" + key[(colon + 1 + legacy.Length)..]
            : key;
    }
}
