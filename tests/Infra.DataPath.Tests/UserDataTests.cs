using System.Text;
using System.Text.Json;
using Infra.DataPath.Tests.Support;
using Infra.Model.Appliances;

namespace Infra.DataPath.Tests;

/// <summary>The pass-through appliance's user data as text: what cloud-init will read from it.</summary>
public sealed class UserDataTests
{
    [Theory]
    [InlineData("TCP", 80, null)]
    [InlineData("HTTP", 8080, "/healthz")]
    [InlineData("https", 443, "/health")]
    public void User_data_is_cloud_config_writing_every_appliance_file_verbatim(string protocol, int port, string? path)
    {
        var userData = new UserData(PassThroughAppliance.RenderCloudInit(port, protocol, path));

        Assert.StartsWith("#cloud-config\n", userData.Text, StringComparison.Ordinal);
        Assert.Equal(["packages", "write_files", "runcmd"], userData.Keys);
        var expected = PassThroughAppliance.Files(port, protocol, path);
        Assert.Equal(expected.Select(f => f.Path), userData.Files.Keys);
        foreach (var file in expected)
        {
            Assert.Equal((file.Permissions, "root:root", file.Content), userData.Files[file.Path]);
        }
    }

    [Fact]
    public void First_boot_applies_the_kernel_settings_and_enables_both_units_which_bring_everything_back_at_every_boot()
    {
        var userData = new UserData(PassThroughAppliance.RenderCloudInit(80, "TCP", null));

        Assert.Equal(
        [
            ["sysctl", "-p", PassThroughAppliance.SysctlPath],
            ["systemctl", "daemon-reload"],
            ["systemctl", "enable", "--now", PassThroughAppliance.RulesUnitName, PassThroughAppliance.HealthCheckUnitName],
        ], userData.RunCommands);
        Assert.StartsWith("/etc/sysctl.d/", PassThroughAppliance.SysctlPath, StringComparison.Ordinal);

        var rules = userData.File("/etc/systemd/system/" + PassThroughAppliance.RulesUnitName);
        Assert.Contains($"ExecStart=/usr/sbin/nft -f {PassThroughAppliance.RuleSetPath}\n", rules, StringComparison.Ordinal);
        Assert.Contains("Before=network-pre.target", rules, StringComparison.Ordinal);
        Assert.Contains("WantedBy=multi-user.target", rules, StringComparison.Ordinal);

        var health = userData.File("/etc/systemd/system/" + PassThroughAppliance.HealthCheckUnitName);
        Assert.Contains(
            $"ExecStart=/usr/bin/python3 {PassThroughAppliance.HealthCheckScriptPath} {PassThroughAppliance.HealthCheckConfigPath}\n",
            health, StringComparison.Ordinal);
        Assert.Contains($"Requires={PassThroughAppliance.RulesUnitName}\n", health, StringComparison.Ordinal);
        Assert.Contains("DynamicUser=yes", health, StringComparison.Ordinal);
        Assert.Contains("WantedBy=multi-user.target", health, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TCP", new[] { "nftables" })]
    [InlineData("HTTP", new[] { "nftables" })]
    [InlineData("HTTPS", new[] { "nftables", "openssl" })]
    public void Packages_are_nftables_and_for_https_openssl(string protocol, string[] packages)
    {
        Assert.Equal(packages, new UserData(PassThroughAppliance.RenderCloudInit(443, protocol, null)).Packages);
    }

    [Fact]
    public void Kernel_settings_turn_forwarding_on_and_redirects_off()
    {
        Assert.Equal(
            "net.ipv4.ip_forward = 1\nnet.ipv4.conf.all.send_redirects = 0\nnet.ipv4.conf.default.send_redirects = 0\n",
            PassThroughAppliance.RenderSysctlConf());
    }

    [Fact]
    public void Rule_set_admits_the_health_check_port_and_hairpins_only_geneve()
    {
        var rules = PassThroughAppliance.RenderRuleSet(8080);

        Assert.Contains("tcp dport 8080 accept", rules, StringComparison.Ordinal);
        Assert.Contains("fib daddr type local udp dport 6081 dnat ip to ip saddr", rules, StringComparison.Ordinal);
        Assert.Contains("ct status dnat udp dport 6081 masquerade", rules, StringComparison.Ordinal);
        Assert.Contains("type filter hook input priority filter; policy drop;", rules, StringComparison.Ordinal);
        Assert.Contains("type filter hook forward priority filter; policy drop;", rules, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", rules, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TCP", "/ignored", null)]
    [InlineData("HTTP", null, "/")]
    [InlineData("HTTPS", "/a path/with \"quotes\"", "/a path/with \"quotes\"")]
    public void Health_check_configuration_is_json_the_responder_reads(string protocol, string? path, string? expectedPath)
    {
        using var config = JsonDocument.Parse(PassThroughAppliance.RenderHealthCheckConfig(1234, protocol, path));

        Assert.Equal(1234, config.RootElement.GetProperty("port").GetInt32());
        Assert.Equal(protocol, config.RootElement.GetProperty("protocol").GetString());
        Assert.Equal(expectedPath, config.RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public void User_data_stays_well_under_the_ec2_limit_even_with_the_longest_path()
    {
        // The settings allow a health-check path of up to 1024 characters.
        var longest = "/" + new string('h', 1023);
        var size = Encoding.UTF8.GetByteCount(PassThroughAppliance.RenderCloudInit(65535, "HTTPS", longest));

        Assert.Equal(16384, PassThroughAppliance.UserDataLimitBytes);
        Assert.True(size < PassThroughAppliance.UserDataLimitBytes / 2, $"The user data is {size} bytes.");
    }

    [Theory]
    [InlineData(0, "TCP", null)]
    [InlineData(65536, "TCP", null)]
    [InlineData(80, "UDP", null)]
    [InlineData(80, "HTTP", "health")]
    public void Bad_arguments_are_refused(int port, string protocol, string? path)
    {
        Assert.ThrowsAny<ArgumentException>(() => PassThroughAppliance.RenderCloudInit(port, protocol, path));
    }
}
