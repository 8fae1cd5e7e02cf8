using Infra.Model.Policy.Reading;

namespace Infra.Model.Policy.Rules;

/// <summary>PC-TGW-001: the transit gateway attachment of an inspection VPC has appliance mode on.</summary>
/// <remarks>
/// Without appliance mode a transit gateway keeps traffic in the AZ it entered the gateway in; with it, the gateway
/// picks one interface of the attachment per flow and uses it for the reply too ("Example: Appliance in a shared
/// services VPC", https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html). The centralized
/// architecture of AWS's GWLB samples turns it on for the appliance VPC's attachment for flow symmetry.
/// </remarks>
public sealed class InspectionAttachmentApplianceMode : PolicyRule
{
    public override string Id => "PC-TGW-001";

    public override string Title => "Every transit gateway attachment of a VPC with Gateway Load Balancer endpoints has appliance mode on";

    public override string Rationale => "Without appliance mode the transit gateway keeps each direction of a flow in the AZ it entered, so the reply of a flow between AZs reaches another zone's appliances, which drop it.";

    public override IReadOnlyList<string> Equivalents { get; } = [];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        foreach (var attachment in TransitRoles.InspectionAttachments(context.Routing).Where(a => !a.ApplianceMode))
        {
            var setting = Inputs.Show(context.ById(attachment.Id) is { } record ? Inputs.String(record.Inputs, "applianceModeSupport") : null);
            yield return Finding(
                attachment.Name,
                $"Attachment {attachment.Name} of inspection VPC {context.NameOf(attachment.VpcId!)} has applianceModeSupport {setting}; set it to enable so both directions of a flow pass the same AZ's appliances.");
        }
    }
}
