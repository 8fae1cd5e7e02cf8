namespace Infra.Model.Appliances;

/// <summary>
/// How the program marks what software its inspection appliances run, so that the plan can tell a working default
/// from a vendor image the user vouches for: the tag <see cref="Key"/> on the instances and launch templates.
/// </summary>
public static class ApplianceTags
{
    /// <summary>The tag key.</summary>
    public const string Key = "Appliance";

    /// <summary>The pass-through default (<see cref="PassThroughAppliance"/>): returns every GENEVE packet, inspects nothing.</summary>
    public const string PassThrough = "pass-through";

    /// <summary>A custom AMI (<c>inspection.applianceAmi</c>): the user vouches that it answers the health check and returns the traffic.</summary>
    public const string Custom = "custom";
}
