namespace Pulumi;

/// <summary>Messages for the engine's log; in the offline SDK they go to the mock run's log and standard error.</summary>
public static class Log
{
    public static void Debug(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
        => Write(LogSeverity.Debug, message, resource);

    public static void Info(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
        => Write(LogSeverity.Info, message, resource);

    public static void Warn(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
        => Write(LogSeverity.Warning, message, resource);

    public static void Error(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
        => Write(LogSeverity.Error, message, resource);

    public static void Exception(Exception exception, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
        => Error(exception.ToString(), resource, streamId, ephemeral);

    private static void Write(LogSeverity severity, string message, Resource? resource)
    {
        if (DeploymentState.TryGetCurrent() is { } deployment)
        {
            deployment.Log(severity, message, resource);
        }
        else if (severity >= LogSeverity.Warning)
        {
            Console.Error.WriteLine($"{severity.ToString().ToLowerInvariant()}: {message}");
        }
    }
}

internal enum LogSeverity
{
    Debug,
    Info,
    Warning,
    Error,
}
