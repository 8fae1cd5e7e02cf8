using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infra.Model.Appliances;

/// <summary>
/// The default appliance: boot configuration that turns a stock Amazon Linux 2023 instance into a Gateway Load
/// Balancer target that returns every GENEVE packet, unchanged, to the load balancer node it came from, answers the
/// target group's health check, and lets nothing else through. It inspects nothing; it is the pass-through a real
/// firewall replaces.
/// </summary>
/// <remarks>
/// Every piece (rule set, kernel settings, health-check responder and its configuration, systemd units) is rendered
/// here and nowhere else: the cloud-init user data embeds these texts, and the data-path test applies the very files
/// it reads back from that user data, so the two cannot drift apart.
/// </remarks>
public static class PassThroughAppliance
{
    /// <summary>
    /// The UDP port of GENEVE, on which the Gateway Load Balancer exchanges traffic with its targets
    /// (https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/gateway-load-balancers.html).
    /// </summary>
    public const int GenevePort = 6081;

    /// <summary>
    /// EC2 limits user data to 16 KB in raw form, before base64 encoding
    /// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html).
    /// </summary>
    public const int UserDataLimitBytes = 16 * 1024;

    /// <summary>The name of the nftables table that holds every rule of the appliance.</summary>
    public const string RuleTableName = "gwlb_passthrough";

    /// <summary>Where the user data writes the nftables rule set.</summary>
    public const string RuleSetPath = "/etc/gwlb-passthrough/rules.nft";

    /// <summary>Where the user data writes the kernel settings (applied at every boot by systemd-sysctl).</summary>
    public const string SysctlPath = "/etc/sysctl.d/90-gwlb-passthrough.conf";

    /// <summary>Where the user data writes the health-check responder's configuration.</summary>
    public const string HealthCheckConfigPath = "/etc/gwlb-passthrough/health-check.json";

    /// <summary>Where the user data writes the health-check responder.</summary>
    public const string HealthCheckScriptPath = "/usr/local/lib/gwlb-passthrough/health_check.py";

    /// <summary>The systemd unit that loads the rule set at every boot, before the network comes up.</summary>
    public const string RulesUnitName = "gwlb-passthrough-rules.service";

    /// <summary>The systemd unit that runs the health-check responder once the rules are loaded.</summary>
    public const string HealthCheckUnitName = "gwlb-health-check.service";

    /// <summary>
    /// The environment variable that names the responder's private directory (for the HTTPS certificate); systemd
    /// sets it from <c>StateDirectory=</c>.
    /// </summary>
    public const string StateDirectoryVariable = "STATE_DIRECTORY";

    /// <summary>The target group health check protocols the responder answers (HTTPS with a self-signed certificate).</summary>
    public static IReadOnlyList<string> HealthCheckProtocols { get; } = ["TCP", "HTTP", "HTTPS"];

    /// <summary>
    /// Kernel settings of the appliance, in the order they are applied. Forwarding is on so that the hairpinned GENEVE
    /// packets can leave again (the rule set's forward chain admits nothing else); redirects are off because the
    /// packets leave through the interface they came in on, where a redirect would only tell the load balancer node
    /// to send to itself.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> KernelSettings { get; } =
    [
        new("net.ipv4.ip_forward", "1"),
        new("net.ipv4.conf.all.send_redirects", "0"),
        new("net.ipv4.conf.default.send_redirects", "0"),
    ];

    /// <summary>
    /// The Amazon Linux 2023 packages the appliance needs beyond what cloud-init itself runs on (Python 3): nftables
    /// for the rules and, for an HTTPS health check, openssl to make the responder's self-signed certificate. Both are
    /// in the AL2023 repositories; cloud-init's <c>packages</c> module installs them when the image lacks them and
    /// does nothing when it has them.
    /// </summary>
    public static IReadOnlyList<string> RequiredPackages(string healthCheckProtocol) =>
        NormalizeProtocol(healthCheckProtocol) == "HTTPS" ? ["nftables", "openssl"] : ["nftables"];

    /// <summary>
    /// The nftables rule set, loadable with <c>nft -f</c> any number of times (it replaces its own table and touches no
    /// other). GENEVE arriving for this host is sent back to the address it came from (DNAT to the packet's own
    /// source, so no load balancer address is needed in advance, and packets from any zone's node go back to that
    /// node), leaving with this host's address as source (masquerade): the hairpin of AWS's Amazon Linux samples
    /// without their per-node rules. Input admits replies, loopback and the health-check port; forwarding admits only
    /// the hairpinned GENEVE packets; output is left open for Session Manager and package updates.
    /// </summary>
    public static string RenderRuleSet(int healthCheckPort)
    {
        ValidatePort(healthCheckPort);
        var port = healthCheckPort.ToString(CultureInfo.InvariantCulture);
        var geneve = GenevePort.ToString(CultureInfo.InvariantCulture);
        return $$"""
            table inet {{RuleTableName}}
            delete table inet {{RuleTableName}}
            table inet {{RuleTableName}} {
                chain prerouting {
                    type nat hook prerouting priority dstnat; policy accept;
                    fib daddr type local udp dport {{geneve}} dnat ip to ip saddr
                }

                chain postrouting {
                    type nat hook postrouting priority srcnat; policy accept;
                    ct status dnat udp dport {{geneve}} masquerade
                }

                chain input {
                    type filter hook input priority filter; policy drop;
                    ct state established,related accept
                    ct state invalid drop
                    iif "lo" accept
                    icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-advert } accept
                    tcp dport {{port}} accept
                }

                chain forward {
                    type filter hook forward priority filter; policy drop;
                    ct status dnat udp dport {{geneve}} accept
                }
            }

            """;
    }

    /// <summary>The kernel settings as a sysctl.d file.</summary>
    public static string RenderSysctlConf()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in KernelSettings)
        {
            text.Append(key).Append(" = ").Append(value).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The health-check responder's configuration (JSON): port, protocol and, for HTTP(S), the path.</summary>
    public static string RenderHealthCheckConfig(int healthCheckPort, string healthCheckProtocol, string? healthCheckPath)
    {
        ValidatePort(healthCheckPort);
        var protocol = NormalizeProtocol(healthCheckProtocol);
        var path = protocol == "TCP" ? null : healthCheckPath ?? "/";
        if (path is not null && !path.StartsWith('/'))
        {
            throw new ArgumentException($"The health check path must start with /, not {path}.", nameof(healthCheckPath));
        }

        return JsonSerializer.Serialize(new HealthCheckConfig(healthCheckPort, protocol, path), HealthCheckConfigJson.Default.HealthCheckConfig) + "\n";
    }

    /// <summary>
    /// The health-check responder (Python 3.9, the interpreter of Amazon Linux 2023, standard library only). Run it as
    /// <c>python3 health_check.py CONFIG</c>, with <see cref="StateDirectoryVariable"/> naming a writable directory when
    /// the protocol is HTTPS. TCP: accepts and closes connections. HTTP and HTTPS: 200 for the configured path, 404 for
    /// any other; HTTPS with a self-signed certificate made on first start (the load balancer does not validate it).
    /// </summary>
    public const string HealthCheckScript = """
        import http.server
        import json
        import os
        import socketserver
        import ssl
        import subprocess
        import sys

        CONNECTION_TIMEOUT_SECONDS = 5


        class TcpServer(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True


        class AcceptAndClose(socketserver.BaseRequestHandler):
            def handle(self):
                pass


        class HealthHandler(http.server.BaseHTTPRequestHandler):
            health_path = "/"
            timeout = CONNECTION_TIMEOUT_SECONDS

            def do_GET(self):
                self.answer(with_body=True)

            def do_HEAD(self):
                self.answer(with_body=False)

            def answer(self, with_body):
                healthy = self.path == self.health_path
                body = b"ok\n" if healthy else b"not found\n"
                self.send_response(200 if healthy else 404)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if with_body:
                    self.wfile.write(body)

            def log_message(self, format, *args):
                pass


        class HttpServer(http.server.ThreadingHTTPServer):
            allow_reuse_address = True
            daemon_threads = True
            tls = None

            def finish_request(self, request, client_address):
                if self.tls is None:
                    super().finish_request(request, client_address)
                    return
                # The TLS handshake runs here, in the connection's own thread, so a slow client holds up no other.
                request.settimeout(CONNECTION_TIMEOUT_SECONDS)
                with self.tls.wrap_socket(request, server_side=True) as tls_request:
                    super().finish_request(tls_request, client_address)

            def handle_error(self, request, client_address):
                # A client that leaves during the handshake or the request is no fault of the appliance: no traceback.
                if not isinstance(sys.exc_info()[1], OSError):
                    super().handle_error(request, client_address)


        def self_signed_certificate(directory):
            certificate = os.path.join(directory, "health-check.crt")
            key = os.path.join(directory, "health-check.key")
            if not (os.path.exists(certificate) and os.path.exists(key)):
                subprocess.run(
                    ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                     "-nodes", "-days", "3650", "-subj", "/CN=gwlb-health-check",
                     "-keyout", key, "-out", certificate],
                    check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return certificate, key


        def main():
            with open(sys.argv[1], encoding="utf-8") as config_file:
                config = json.load(config_file)
            address = ("0.0.0.0", int(config["port"]))
            protocol = config["protocol"]
            if protocol == "TCP":
                server = TcpServer(address, AcceptAndClose)
            else:
                HealthHandler.health_path = config["path"]
                server = HttpServer(address, HealthHandler)
                if protocol == "HTTPS":
                    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                    tls.load_cert_chain(*self_signed_certificate(os.environ["STATE_DIRECTORY"]))
                    server.tls = tls
            server.serve_forever()


        if __name__ == "__main__":
            main()

        """;

    /// <summary>
    /// The systemd unit that loads the rule set. It runs before <c>network-pre.target</c>, so the rules are in place
    /// before any interface is configured, at every boot.
    /// </summary>
    public static string RulesUnit { get; } = $"""
        [Unit]
        Description=GENEVE hairpin and filter rules of the pass-through Gateway Load Balancer appliance
        DefaultDependencies=no
        Wants=network-pre.target
        Before=network-pre.target shutdown.target
        Conflicts=shutdown.target

        [Service]
        Type=oneshot
        RemainAfterExit=yes
        ExecStart=/usr/sbin/nft -f {RuleSetPath}

        [Install]
        WantedBy=multi-user.target

        """;

    /// <summary>
    /// The systemd unit of the health-check responder: an unprivileged dynamic user that may bind only to its port,
    /// started only after (and stopped with) the rules, so an appliance whose hairpin is not in place never reports
    /// healthy.
    /// </summary>
    public static string HealthCheckUnit { get; } = $"""
        [Unit]
        Description=Answers the Gateway Load Balancer health check of the pass-through appliance
        Requires={RulesUnitName}
        After={RulesUnitName} network.target

        [Service]
        ExecStart=/usr/bin/python3 {HealthCheckScriptPath} {HealthCheckConfigPath}
        DynamicUser=yes
        StateDirectory=gwlb-health-check
        AmbientCapabilities=CAP_NET_BIND_SERVICE
        CapabilityBoundingSet=CAP_NET_BIND_SERVICE
        NoNewPrivileges=yes
        Restart=always
        RestartSec=2

        [Install]
        WantedBy=multi-user.target

        """;

    /// <summary>
    /// The cloud-init user data (plain text, not base64) of the pass-through appliance: the packages, every file above,
    /// and the commands that apply the kernel settings and enable both units on the first boot; the units and
    /// sysctl.d bring everything back at every later boot.
    /// </summary>
    /// <param name="healthCheckPort">The target group's health-check port, 1 to 65535.</param>
    /// <param name="healthCheckProtocol">TCP, HTTP or HTTPS (any case).</param>
    /// <param name="healthCheckPath">The HTTP(S) path, starting with /; <c>null</c> means /. Ignored for TCP.</param>
    public static string RenderCloudInit(int healthCheckPort, string healthCheckProtocol, string? healthCheckPath)
    {
        var protocol = NormalizeProtocol(healthCheckProtocol);
        var files = Files(healthCheckPort, protocol, healthCheckPath);

        var text = new StringBuilder();
        text.Append("#cloud-config\n");
        text.Append("# Pass-through Gateway Load Balancer appliance: returns every GENEVE packet unchanged to the load\n");
        text.Append("# balancer node it came from, answers the ").Append(protocol).Append(" health check on port ")
            .Append(healthCheckPort.ToString(CultureInfo.InvariantCulture)).Append(", and inspects nothing.\n");
        text.Append("packages:\n");
        foreach (var package in RequiredPackages(protocol))
        {
            text.Append("  - ").Append(package).Append('\n');
        }

        text.Append("write_files:\n");
        foreach (var file in files)
        {
            text.Append("  - path: ").Append(file.Path).Append('\n');
            text.Append("    owner: root:root\n");
            text.Append("    permissions: '").Append(file.Permissions).Append("'\n");
            text.Append("    content: |\n");
            foreach (var line in file.Content.TrimEnd('\n').Split('\n'))
            {
                text.Append(line.Length == 0 ? "" : "      " + line).Append('\n');
            }
        }

        text.Append("runcmd:\n");
        text.Append("  - [sysctl, -p, ").Append(SysctlPath).Append("]\n");
        text.Append("  - [systemctl, daemon-reload]\n");
        text.Append("  - [systemctl, enable, --now, ").Append(RulesUnitName).Append(", ").Append(HealthCheckUnitName).Append("]\n");
        return text.ToString();
    }

    /// <summary>Every file the user data writes, in the order it writes them.</summary>
    public static IReadOnlyList<ApplianceFile> Files(int healthCheckPort, string healthCheckProtocol, string? healthCheckPath) =>
    [
        new(SysctlPath, "0644", RenderSysctlConf()),
        new(RuleSetPath, "0644", RenderRuleSet(healthCheckPort)),
        new(HealthCheckConfigPath, "0644", RenderHealthCheckConfig(healthCheckPort, healthCheckProtocol, healthCheckPath)),
        new(HealthCheckScriptPath, "0755", HealthCheckScript),
        new("/etc/systemd/system/" + RulesUnitName, "0644", RulesUnit),
        new("/etc/systemd/system/" + HealthCheckUnitName, "0644", HealthCheckUnit),
    ];

    private static void ValidatePort(int port)
    {
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "The health check port must be from 1 to 65535.");
        }
    }

    private static string NormalizeProtocol(string protocol)
    {
        var normalized = protocol.ToUpperInvariant();
        if (!HealthCheckProtocols.Contains(normalized))
        {
            throw new ArgumentException($"The health check protocol must be TCP, HTTP or HTTPS, not {protocol}.", nameof(protocol));
        }

        return normalized;
    }
}

/// <summary>A file the appliance's user data writes.</summary>
/// <param name="Path">Absolute path on the appliance.</param>
/// <param name="Permissions">Octal mode, such as 0644.</param>
/// <param name="Content">The file's text, ending with a newline.</param>
public sealed record ApplianceFile(string Path, string Permissions, string Content);

/// <summary>The health-check responder's configuration file; <paramref name="Path"/> is null (written out) for TCP.</summary>
internal sealed record HealthCheckConfig(
    [property: JsonPropertyName("port")] int Port,
    [property: JsonPropertyName("protocol")] string Protocol,
    [property: JsonPropertyName("path")] string? Path);

/// <summary>The health-check configuration's JSON, generated at compile time.</summary>
[JsonSerializable(typeof(HealthCheckConfig))]
internal sealed partial class HealthCheckConfigJson : JsonSerializerContext;
