namespace Infra.Plan;

/// <summary>The exit codes of the plan tool.</summary>
public static class ExitCodes
{
    /// <summary>The plan (or benchmark) was printed.</summary>
    public const int Success = 0;

    /// <summary>The command line is wrong: an unknown option, a bad option value.</summary>
    public const int Usage = 1;

    /// <summary>
    /// The stack cannot be planned: no project file, an unknown stack, a missing or invalid stack or price file, an
    /// invalid setting (the program's own <c>Invalid config …</c> sentence), or the program failing under mocks.
    /// </summary>
    public const int InvalidStack = 2;

    /// <summary>The tool itself failed (a bug): the message says what happened, without a stack trace.</summary>
    public const int InternalError = 3;

    /// <summary>The plan was printed, and with <c>--policy</c> a guard rail failed that no waiver covers.</summary>
    public const int PolicyFailed = 4;
}

/// <summary>A failure the user can fix, with the one-sentence message to show and the exit code.</summary>
public sealed class PlanException : Exception
{
    public PlanException()
    {
    }

    public PlanException(string message)
        : this(message, ExitCodes.InvalidStack)
    {
    }

    public PlanException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.InvalidStack;
    }

    public PlanException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code for this failure.</summary>
    public int ExitCode { get; } = ExitCodes.InvalidStack;

    /// <summary>A problem with the stack, its files or its settings (exit code 2).</summary>
    public static PlanException Input(string message) => new(message, ExitCodes.InvalidStack);

    /// <summary>A problem with the command line (exit code 1).</summary>
    public static PlanException Usage(string message) => new(message, ExitCodes.Usage);
}
