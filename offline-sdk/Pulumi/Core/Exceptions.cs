namespace Pulumi;

/// <summary>Stops the program with a message for the user, without a stack trace.</summary>
public class RunException : Exception
{
    public RunException(string message)
        : base(message)
    {
    }

    public RunException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An error attributed to a resource.</summary>
public class ResourceException : Exception
{
    public ResourceException(string message, Resource? resource, bool hideStack = false)
        : base(message)
    {
        Resource = resource;
        HideStack = hideStack;
    }

    internal Resource? Resource { get; }

    internal bool HideStack { get; }
}

/// <summary>Raised when a message could not be logged.</summary>
public class LogException : Exception
{
    public LogException(Exception exception)
        : base("Error occurred during logging", exception)
    {
    }
}
