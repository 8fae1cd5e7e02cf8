using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Infra.DataPath.Tests.Support;

/// <summary>
/// A Linux network namespace made with <c>ip netns add</c> and deleted on dispose. Commands run in it through
/// <c>ip netns exec</c>; sockets are opened in it by a short-lived thread that joins the namespace (setns), so the
/// sockets belong to the namespace while the test process itself stays where it is.
/// </summary>
public sealed partial class NetworkNamespace : IDisposable
{
    private const int CloneNewNet = 0x40000000;
    private static int counter;

    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>Creates a namespace with a unique name and its loopback up.</summary>
    public static NetworkNamespace Create(string role)
    {
        var name = $"pt-{role}-{Environment.ProcessId}-{Interlocked.Increment(ref counter)}";
        Command.Run("ip", "netns", "add", name);
        var created = new NetworkNamespace(name);
        try
        {
            created.Ip("link", "set", "lo", "up");
            return created;
        }
        catch
        {
            created.Dispose();
            throw;
        }
    }

    /// <summary>Runs <c>ip</c> with its arguments in this namespace.</summary>
    public string Ip(params string[] arguments) => Command.Run("ip", ["-n", Name, .. arguments]);

    /// <summary>Runs a program in this namespace and returns its standard output; throws when it fails.</summary>
    public string Exec(params string[] command) => Command.Run("ip", ["netns", "exec", Name, .. command]);

    /// <summary>Starts a long-running program in this namespace.</summary>
    public Process Start(IReadOnlyDictionary<string, string> environment, params string[] command) =>
        Command.Start(environment, "ip", ["netns", "exec", Name, .. command]);

    /// <summary>Opens a socket that lives in this namespace.</summary>
    public Socket OpenSocket(SocketType type, ProtocolType protocol)
    {
        Socket? socket = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle("/run/netns/" + Name, FileMode.Open, FileAccess.Read);
                if (SetNamespace((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new IOException($"setns into {Name} failed with errno {Marshal.GetLastPInvokeError()}.");
                }

                socket = new Socket(AddressFamily.InterNetwork, type, protocol);
            }
            catch (IOException e)
            {
                failure = e;
            }
            catch (SocketException e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        return socket ?? throw new InvalidOperationException($"Could not open a socket in {Name}.", failure);
    }

    public void Dispose()
    {
        try
        {
            Command.Run("ip", "netns", "delete", Name);
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing left to clean up.
        }
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNamespace(int fd, int namespaceType);
}
