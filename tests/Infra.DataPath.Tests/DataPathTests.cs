using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Infra.DataPath.Tests.Support;
using Infra.Model.Appliances;

namespace Infra.DataPath.Tests;

/// <summary>
/// The pass-through appliance's packet path for real: a "GWLB" namespace sends GENEVE to an "appliance" namespace that
/// runs exactly the files its user data writes (read back from the user data as cloud-init reads it), and the packets
/// must come back as the Gateway Load Balancer expects them; the health check must answer; nothing else may pass.
/// Each case first runs the same probes with forwarding on and no rules, to show that what the rules then stop would
/// otherwise pass.
/// </summary>
public sealed class DataPathTests
{
    private static readonly TimeSpan Arrives = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(500);

    [SkippableTheory]
    [InlineData("TCP", 80, null)]
    [InlineData("HTTP", 8080, "/healthz")]
    [InlineData("HTTPS", 443, "/health")]
    public async Task Appliance_returns_geneve_answers_its_health_check_and_passes_nothing_else(
        string protocol, int healthCheckPort, string? path)
    {
        NamespaceSupport.Require();
        var userData = new UserData(PassThroughAppliance.RenderCloudInit(healthCheckPort, protocol, path));
        using var lab = ApplianceLab.Create();
        using var applianceUdp = ApplianceLab.Udp(lab.ApplianceHost, ApplianceLab.Appliance, 9999);
        using var applianceTcp = ApplianceLab.TcpListener(lab.ApplianceHost, ApplianceLab.Appliance, 8443);
        using var beyondUdp = ApplianceLab.Udp(lab.BeyondHost, ApplianceLab.Beyond, 7000);
        using var beyondGeneve = ApplianceLab.Udp(lab.BeyondHost, ApplianceLab.Beyond, PassThroughAppliance.GenevePort);
        using var gwlbGeneve = ApplianceLab.Udp(lab.Gwlb, ApplianceLab.GwlbNode, PassThroughAppliance.GenevePort);
        using var otherZoneGeneve = ApplianceLab.Udp(lab.Gwlb, ApplianceLab.OtherZoneGwlbNode, PassThroughAppliance.GenevePort);
        using var sender = ApplianceLab.Udp(lab.Gwlb, ApplianceLab.GwlbNode, 0);

        // Before the rules, with forwarding on: everything the rules must stop gets through, and no GENEVE comes back.
        lab.ApplyKernelSettings(userData);
        Assert.Equal("1", lab.ApplianceHost.Exec("sysctl", "-n", "net.ipv4.ip_forward").Trim());
        Send(sender, ApplianceLab.Beyond, 7000, "forwarded");
        Assert.NotNull(ApplianceLab.Receive(beyondUdp, Arrives));
        Send(sender, ApplianceLab.Appliance, 9999, "to another port");
        Assert.NotNull(ApplianceLab.Receive(applianceUdp, Arrives));
        Assert.True(await lab.CanConnectAsync(8443, Arrives));
        sender.SendTo(GenevePacketFor(flow: 1, size: 100), new IPEndPoint(ApplianceLab.Appliance, PassThroughAppliance.GenevePort));
        Assert.Null(ApplianceLab.Receive(gwlbGeneve, Silence));

        lab.ApplyRules(userData);
        lab.ApplyRules(userData); // the boot unit may load it again: the rule set replaces itself
        Assert.Single(lab.ApplianceHost.Exec("nft", "list", "tables").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        lab.StartHealthCheck(userData);
        await lab.WaitForListenerAsync(healthCheckPort, TimeSpan.FromSeconds(15));

        // GENEVE from either zone's load balancer node comes back to that node, unchanged, from the appliance, to 6081.
        var flow = 0;
        foreach (var (node, receiver) in new[] { (ApplianceLab.GwlbNode, gwlbGeneve), (ApplianceLab.OtherZoneGwlbNode, otherZoneGeneve) })
        {
            using var nodeSender = ApplianceLab.Udp(lab.Gwlb, node, 0);
            var senderPort = ((IPEndPoint)nodeSender.LocalEndPoint!).Port;
            Assert.NotEqual(PassThroughAppliance.GenevePort, senderPort);
            foreach (var size in new[] { 64, 1400, 8000 })
            {
                var packet = GenevePacketFor(++flow, size);
                nodeSender.SendTo(packet, new IPEndPoint(ApplianceLab.Appliance, PassThroughAppliance.GenevePort));
                var back = ApplianceLab.Receive(receiver, Arrives);
                Assert.True(back is not null, $"GENEVE flow {flow} ({size} bytes) from {node} did not come back. {lab.ProcessErrors}");
                Assert.Equal(ApplianceLab.Appliance, back.Value.From.Address);
                Assert.Equal(senderPort, back.Value.From.Port);
                Assert.Equal(packet, back.Value.Data);
                var decoded = Geneve.Decode(back.Value.Data);
                Assert.Equal((uint)flow, BinaryPrimitives.ReadUInt32BigEndian(decoded.Options.Single(o => o.Type == Geneve.FlowCookieType).Data));
            }
        }

        Assert.Null(ApplianceLab.Receive(gwlbGeneve, TimeSpan.FromMilliseconds(50)));
        Assert.Null(ApplianceLab.Receive(otherZoneGeneve, TimeSpan.FromMilliseconds(50)));

        // The health check answers on its port and protocol.
        switch (protocol)
        {
            case "TCP":
                Assert.True(await lab.CanConnectAsync(healthCheckPort, Arrives));
                break;
            default:
                var tls = protocol == "HTTPS";
                Assert.Equal(200, await lab.GetStatusAsync(healthCheckPort, path!, tls, Arrives));
                Assert.Equal(404, await lab.GetStatusAsync(healthCheckPort, path + "-not", tls, Arrives));
                break;
        }

        // Nothing else passes: no forwarding (plain or GENEVE not addressed to the appliance), no other port.
        Send(sender, ApplianceLab.Beyond, 7000, "forwarded");
        Assert.Null(ApplianceLab.Receive(beyondUdp, Silence));
        sender.SendTo(GenevePacketFor(flow: 99, size: 100), new IPEndPoint(ApplianceLab.Beyond, PassThroughAppliance.GenevePort));
        Assert.Null(ApplianceLab.Receive(beyondGeneve, Silence));
        Assert.Null(ApplianceLab.Receive(gwlbGeneve, TimeSpan.FromMilliseconds(50)));
        Send(sender, ApplianceLab.Appliance, 9999, "to another port");
        Assert.Null(ApplianceLab.Receive(applianceUdp, Silence));
        Assert.False(await lab.CanConnectAsync(8443, Silence));

        // The probes that connect and leave (as the load balancer's TCP checks do) leave no tracebacks in the journal.
        Assert.True(string.IsNullOrWhiteSpace(lab.ProcessErrors), lab.ProcessErrors);
    }

    private static void Send(Socket socket, IPAddress address, int port, string text) =>
        socket.SendTo(Encoding.ASCII.GetBytes(text), new IPEndPoint(address, port));

    /// <summary>A GENEVE packet as the GWLB sends it: AWS options (the flow number as cookie) and an inner IPv4 packet.</summary>
    private static byte[] GenevePacketFor(int flow, int size)
    {
        var payload = new byte[size];
        new Random(flow).NextBytes(payload);
        // Inner addresses are documentation ranges (RFC 5737): bytes inside the payload, never sent anywhere.
        var inner = Geneve.Ipv4Udp(IPAddress.Parse("192.0.2.10"), IPAddress.Parse("203.0.113.20"),
            (ushort)(40000 + flow), 443, payload, (ushort)flow);
        return Geneve.Encapsulate(inner, vni: 0, Geneve.GwlbOptions(0x0123456789abcdef, 0xfedcba9876543210, (uint)flow));
    }
}
