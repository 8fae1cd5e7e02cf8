using Infra.Tests.Support;

namespace Infra.Tests;

public class SmokeTests
{
    [Fact]
    public async Task Default_stack_prints()
    {
        var run = await StackRun.RunAsync(new Dictionary<string, object> { ["inspection"] = new { mode = "combined" }, ["natStrategy"] = "single" });
        Console.WriteLine(run.Routing.Describe());
        Assert.NotEmpty(run.Records);
    }
}
