using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>PC-GWLB-001: every GENEVE target group (a Gateway Load Balancer's) has an enabled health check with a protocol and port.</summary>
public sealed class GatewayLoadBalancerHealthCheck : PolicyRule
{
    public override string Id => "PC-GWLB-001";

    public override string Title => "Every Gateway Load Balancer (GENEVE) target group has an enabled health check with its protocol and port set";

    public override string Rationale => "Without a health check the load balancer keeps sending flows to a failed appliance, which drops the inspected traffic.";

    public override IReadOnlyList<string> Equivalents { get; } = ["CKV_AWS_261"];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        foreach (var group in context.OfType(AwsTypes.TargetGroup).Where(g => Inputs.String(g.Inputs, "protocol") == "GENEVE"))
        {
            var check = Inputs.Map(group.Inputs, "healthCheck");
            if (check is null)
            {
                yield return Finding(group.Name, $"Target group {group.Name} of the Gateway Load Balancer has no health check, so flows keep going to failed appliances.");
                continue;
            }

            if (Inputs.Boolean(check, "enabled") == false)
            {
                yield return Finding(group.Name, $"Target group {group.Name} of the Gateway Load Balancer has its health check disabled, so flows keep going to failed appliances.");
                continue;
            }

            var unset = new[] { "protocol", "port" }.Where(key => Inputs.String(check, key) is null && Inputs.Number(check, key) is null).ToList();
            if (unset.Count > 0)
            {
                yield return Finding(group.Name, $"The health check of target group {group.Name} does not set its {Wording.And(unset)}.");
            }
        }
    }
}
