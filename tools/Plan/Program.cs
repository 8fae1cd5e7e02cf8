using System.Text;
using Infra.Plan;

// The plan tool: see docs/plan.md, or run with --help.
Console.OutputEncoding = new UTF8Encoding(false);

// The console's own writer passes every write straight to the system: a plan of thousands of lines would make as many
// calls. The plan is buffered and written when it is complete (errors still go out at once).
var width = Terminal.Width();
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var code = await PlanApp.RunAsync(args, output, Console.Error, width);
await output.FlushAsync();
return code;

/// <summary>What the standard output is connected to.</summary>
internal static class Terminal
{
    /// <summary>The terminal's width when the standard output is a terminal; null when it is redirected.</summary>
    public static int? Width()
    {
        if (Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
