using Infra.Model.Policy.Rules;

namespace Infra.Model.Policy;

/// <summary>Settings of the rules that take any.</summary>
public sealed record PolicyOptions
{
    /// <summary>
    /// Ports a security group used only in the public tier may open to 0.0.0.0/0 or ::/0 (PC-NET-004); empty by
    /// default, because this project serves nothing to the internet.
    /// </summary>
    public IReadOnlyList<PortSpec> PublicIngressPorts { get; init; } = [];
}

/// <summary>Every guard rail, in the order reports list them.</summary>
public static class PolicyCatalog
{
    /// <summary>The rules with the default options.</summary>
    public static IReadOnlyList<IPolicyRule> Default { get; } = Create(new PolicyOptions());

    /// <summary>Every rule id, in catalogue order (what <c>policyWaivers</c> may name).</summary>
    public static IReadOnlyList<string> RuleIds { get; } = [.. Default.Select(r => r.Id)];

    /// <summary>The rules with the given options.</summary>
    public static IReadOnlyList<IPolicyRule> Create(PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new VpcFlowLogs(),
            new DefaultSecurityGroupClosed(),
            new NoPublicIpOutsidePublicTier(),
            new NoInternetIngress(options.PublicIngressPorts),
            new NoInternetGatewayRouteFromPrivateTiers(),
            new InterfaceEndpointHttpsFromVpcOnly(),
            new InterfaceEndpointPrivateDns(),
            new GatewayEndpointPolicyLeastPrivilege(),
            new BucketPublicAccessBlocked(),
            new BucketEncryptedWithKms(),
            new BucketRequiresTls(),
            new BucketOnlyThroughGatewayEndpoint(),
            new InstanceMetadataV2Required(),
            new VolumesEncrypted(),
            new GatewayLoadBalancerHealthCheck(),
            new EndpointServicePrincipalsRestricted(),
            new InspectionAttachmentApplianceMode(),
            new TransitGatewayDefaultRouteTablesOff(),
            new NoSpokeRouteBypassesInspection(),
            new NoOverlappingAttachedVpcs(),
        ];
    }
}
