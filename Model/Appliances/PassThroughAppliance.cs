namespace Infra.Model.Appliances;

/// <summary>The boot configuration of the default inspection appliance.</summary>
public static class PassThroughAppliance
{
    /// <summary>The cloud-init user data (plain text) of the pass-through appliance.</summary>
    public static string RenderCloudInit(int healthCheckPort, string healthCheckProtocol, string? healthCheckPath) =>
        $"#cloud-config\n# pass-through appliance: health check {healthCheckProtocol} {healthCheckPort} {healthCheckPath}\n";
}
