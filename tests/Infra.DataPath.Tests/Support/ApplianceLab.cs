using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Infra.Model.Appliances;

namespace Infra.DataPath.Tests.Support;

/// <summary>
/// Three namespaces joined by veth pairs, with addresses from the benchmarking range 198.18.0.0/15 that exist only
/// inside them:
/// <code>
///   gwlb  198.18.0.1 (node of one zone), 198.18.0.3 (node of another zone, as with cross-zone load balancing)
///     │ veth, MTU 9001 as on EC2
///   appliance  eth0 198.18.0.2 │ eth1 198.18.1.1
///     │ veth
///   beyond  198.18.1.2 (a host behind the appliance, to catch forwarding)
/// </code>
/// The appliance namespace gets exactly the files the user data writes; everything is deleted on dispose.
/// </summary>
public sealed class ApplianceLab : IDisposable
{
    public static readonly IPAddress GwlbNode = IPAddress.Parse("198.18.0.1");
    public static readonly IPAddress OtherZoneGwlbNode = IPAddress.Parse("198.18.0.3");
    public static readonly IPAddress Appliance = IPAddress.Parse("198.18.0.2");
    public static readonly IPAddress ApplianceInside = IPAddress.Parse("198.18.1.1");
    public static readonly IPAddress Beyond = IPAddress.Parse("198.18.1.2");

    private readonly List<NetworkNamespace> namespaces = [];
    private readonly List<Process> processes = [];
    private readonly StringBuilder processErrors = new();

    private ApplianceLab()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("passthrough-lab-").FullName;
    }

    public NetworkNamespace Gwlb { get; private set; } = null!;

    public NetworkNamespace ApplianceHost { get; private set; } = null!;

    public NetworkNamespace BeyondHost { get; private set; } = null!;

    /// <summary>Where the appliance's files are written for the namespace to use.</summary>
    public string Directory { get; }

    /// <summary>What the appliance's processes wrote on standard error, for failure messages.</summary>
    public string ProcessErrors
    {
        get
        {
            lock (processErrors)
            {
                return processErrors.ToString();
            }
        }
    }

    public static ApplianceLab Create()
    {
        var lab = new ApplianceLab();
        try
        {
            lab.Gwlb = lab.Add(NetworkNamespace.Create("gwlb"));
            lab.ApplianceHost = lab.Add(NetworkNamespace.Create("appl"));
            lab.BeyondHost = lab.Add(NetworkNamespace.Create("beyond"));

            lab.Gwlb.Ip("link", "add", "gwlb0", "mtu", "9001", "type", "veth", "peer", "name", "eth0", "mtu", "9001", "netns", lab.ApplianceHost.Name);
            lab.ApplianceHost.Ip("link", "add", "eth1", "type", "veth", "peer", "name", "eth0", "netns", lab.BeyondHost.Name);

            lab.Gwlb.Ip("addr", "add", GwlbNode + "/24", "dev", "gwlb0");
            lab.Gwlb.Ip("addr", "add", OtherZoneGwlbNode + "/24", "dev", "gwlb0");
            lab.Gwlb.Ip("link", "set", "gwlb0", "up");
            lab.Gwlb.Ip("route", "add", "198.18.1.0/24", "via", Appliance.ToString());

            lab.ApplianceHost.Ip("addr", "add", Appliance + "/24", "dev", "eth0");
            lab.ApplianceHost.Ip("addr", "add", ApplianceInside + "/24", "dev", "eth1");
            lab.ApplianceHost.Ip("link", "set", "eth0", "up");
            lab.ApplianceHost.Ip("link", "set", "eth1", "up");

            lab.BeyondHost.Ip("addr", "add", Beyond + "/24", "dev", "eth0");
            lab.BeyondHost.Ip("link", "set", "eth0", "up");
            lab.BeyondHost.Ip("route", "add", "default", "via", ApplianceInside.ToString());
            return lab;
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    /// <summary>Writes a file of the user data into the lab directory and returns its path there.</summary>
    public string WriteFile(UserData userData, string pathOnAppliance)
    {
        var local = Path.Combine(Directory, Path.GetFileName(pathOnAppliance));
        File.WriteAllText(local, userData.File(pathOnAppliance));
        return local;
    }

    /// <summary>
    /// A command of the user data (a runcmd entry or a unit's ExecStart) as the lab runs it: every argument that names
    /// a file the user data writes is replaced by the lab's copy of that file, and nothing else changes.
    /// </summary>
    public IReadOnlyList<string> Localize(UserData userData, IEnumerable<string> command) =>
        command.Select(argument => userData.Files.ContainsKey(argument) ? WriteFile(userData, argument) : argument).ToList();

    /// <summary>Applies the kernel settings with the user data's own first-boot command (sysctl -p on its sysctl.d file).</summary>
    public void ApplyKernelSettings(UserData userData) =>
        ApplianceHost.Exec([.. Localize(userData, userData.RunCommands.Single(c => c[0] == "sysctl"))]);

    /// <summary>Loads the rule set with the rules unit's own ExecStart, as at every boot.</summary>
    public void ApplyRules(UserData userData) =>
        ApplianceHost.Exec([.. Localize(userData, userData.ExecStart(PassThroughAppliance.RulesUnitName))]);

    /// <summary>
    /// Starts the health-check responder with the health-check unit's own ExecStart, and a private directory in the
    /// variable systemd sets from the unit's StateDirectory.
    /// </summary>
    public void StartHealthCheck(UserData userData)
    {
        var state = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "state")).FullName;
        var process = ApplianceHost.Start(
            new Dictionary<string, string> { [PassThroughAppliance.StateDirectoryVariable] = state },
            [.. Localize(userData, userData.ExecStart(PassThroughAppliance.HealthCheckUnitName))]);
        processes.Add(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (processErrors)
            {
                processErrors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    /// <summary>Opens a UDP socket in a namespace, bound to an address and port (0: an ephemeral one).</summary>
    public static Socket Udp(NetworkNamespace where, IPAddress address, int port)
    {
        var socket = where.OpenSocket(SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, port));
        return socket;
    }

    /// <summary>Opens a TCP listener in a namespace.</summary>
    public static Socket TcpListener(NetworkNamespace where, IPAddress address, int port)
    {
        var socket = where.OpenSocket(SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, port));
        socket.Listen();
        return socket;
    }

    /// <summary>The next datagram on a socket and where it came from, or null when none comes within the time.</summary>
    public static (byte[] Data, IPEndPoint From)? Receive(Socket socket, TimeSpan within)
    {
        socket.ReceiveTimeout = (int)within.TotalMilliseconds;
        var buffer = new byte[65536];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            var length = socket.ReceiveFrom(buffer, ref from);
            return (buffer[..length], (IPEndPoint)from);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            return null;
        }
    }

    /// <summary>Whether a TCP connection from the GWLB side to the appliance is accepted within the time.</summary>
    public async Task<bool> CanConnectAsync(int port, TimeSpan within)
    {
        using var socket = Gwlb.OpenSocket(SocketType.Stream, ProtocolType.Tcp);
        return await TryConnectAsync(socket, port, within);
    }

    /// <summary>
    /// Sends an HTTP GET for a path from the GWLB side, over TLS without validating the certificate when asked (as the
    /// Gateway Load Balancer's HTTPS health check does), and returns the status code.
    /// </summary>
    public async Task<int> GetStatusAsync(int port, string path, bool tls, TimeSpan within)
    {
        using var socket = Gwlb.OpenSocket(SocketType.Stream, ProtocolType.Tcp);
        if (!await TryConnectAsync(socket, port, within))
        {
            throw new InvalidOperationException($"Nothing accepted a connection on {Appliance}:{port}.");
        }

        using var cancel = new CancellationTokenSource(within);
        Stream stream = new NetworkStream(socket, ownsSocket: false);
        if (tls)
        {
            var secure = new SslStream(stream, leaveInnerStreamOpen: false);
#pragma warning disable CA5359 // The load balancer's HTTPS health check does not validate certificates; neither does this probe.
            await secure.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = Appliance.ToString(),
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            }, cancel.Token);
#pragma warning restore CA5359
            stream = secure;
        }

        await using (stream)
        {
            var request = $"GET {path} HTTP/1.1\r\nHost: {Appliance}:{port}\r\nUser-Agent: ELB-HealthChecker/2.0\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancel.Token);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var statusLine = await reader.ReadLineAsync(cancel.Token) ?? "";
            var parts = statusLine.Split(' ');
            return parts.Length >= 2 && int.TryParse(parts[1], out var status)
                ? status
                : throw new InvalidOperationException($"Not an HTTP status line: {statusLine}");
        }
    }

    /// <summary>Waits until the appliance accepts connections on a port (the responder has started).</summary>
    public async Task WaitForListenerAsync(int port, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await CanConnectAsync(port, TimeSpan.FromMilliseconds(500)))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The health-check responder did not listen on {port} within {within.TotalSeconds} s: {ProcessErrors}");
    }

    public void Dispose()
    {
        foreach (var process in processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // It has already exited.
            }

            process.Dispose();
        }

        foreach (var space in namespaces)
        {
            space.Dispose();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private NetworkNamespace Add(NetworkNamespace space)
    {
        namespaces.Add(space);
        return space;
    }

    private static async Task<bool> TryConnectAsync(Socket socket, int port, TimeSpan within)
    {
        using var cancel = new CancellationTokenSource(within);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(Appliance, port), cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
