using System.Text;
using Infra.Plan;

// The plan tool: see docs/plan.md, or run with --help.
Console.OutputEncoding = new UTF8Encoding(false);
return await PlanApp.RunAsync(args, Console.Out, Console.Error, Terminal.Width());

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
