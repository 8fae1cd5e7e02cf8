using System.Runtime.InteropServices;
using Infra.Model.Appliances;

namespace Infra.DataPath.Tests.Support;

/// <summary>
/// Whether this machine can run the namespace tests: root, iproute2, nftables, python3 and openssl. Where it cannot,
/// the tests are skipped with the reason, unless REQUIRE_NETNS_TESTS=1 (CI sets it), which turns the skip into a
/// failure.
/// </summary>
public static partial class NamespaceSupport
{
    public const string RequireVariable = "REQUIRE_NETNS_TESTS";

    private static readonly Lazy<string?> MissingReason = new(FindMissing);

    /// <summary>Skips the calling test (or fails it, when required) when namespaces cannot be used here.</summary>
    public static void Require()
    {
        if (MissingReason.Value is not { } reason)
        {
            return;
        }

        var message = $"Network namespace tests need {reason}.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail(message + $" {RequireVariable}=1 requires them to run here (bash .ci/run installs the packages).");
        }

        Skip.If(true, message + $" Skipped; set {RequireVariable}=1 to make this a failure.");
    }

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Linux";
        }

        if (GetEffectiveUserId() != 0)
        {
            return "root (they create namespaces and veth pairs)";
        }

        // The programs the tests call by name, and those the appliance's units name by absolute path (nft, python3).
        var userData = new UserData(PassThroughAppliance.RenderCloudInit(443, "HTTPS", null));
        var missing = new[] { "ip", "sysctl", "openssl" }.Where(p => !Command.Exists(p))
            .Concat(new[] { PassThroughAppliance.RulesUnitName, PassThroughAppliance.HealthCheckUnitName }
                .Select(unit => userData.ExecStart(unit)[0]).Where(p => !File.Exists(p)))
            .ToList();
        if (missing.Count > 0)
        {
            return $"{string.Join(", ", missing)} (Debian: apt-get install iproute2 procps nftables python3 openssl)";
        }

        try
        {
            using var probe = NetworkNamespace.Create("probe");
        }
        catch (InvalidOperationException e)
        {
            return $"permission to create network namespaces ({e.Message})";
        }

        return null;
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
