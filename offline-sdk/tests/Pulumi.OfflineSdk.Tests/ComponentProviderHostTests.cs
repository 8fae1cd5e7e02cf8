using Pulumi.Experimental.Provider;

namespace OfflineSdk.Tests;

public class ComponentProviderHostTests
{
    [Fact]
    public async Task Serve_in_the_offline_build_says_it_cannot_serve_and_sets_a_nonzero_exit_code()
    {
        var error = new StringWriter();
        var original = Console.Error;
        var originalExitCode = Environment.ExitCode;
        Console.SetError(error);
        int exitCode;
        try
        {
            await ComponentProviderHost.Serve([], typeof(Tiny).Assembly, "tiny");
            exitCode = Environment.ExitCode;
        }
        finally
        {
            Console.SetError(original);
            Environment.ExitCode = originalExitCode;
        }

        Assert.Equal(1, exitCode);
        Assert.Contains("cannot serve a component provider", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("pulumi package add", error.ToString(), StringComparison.Ordinal);
    }
}
