using System.Globalization;
using Infra.Model.Aws;

namespace Infra.Model.Configuration;

public sealed partial record StackSettings
{
    /// <summary>
    /// Checks the settings that depend on the AWS region (<c>aws:region</c> itself: set, well formed, a region AWS
    /// offers; the partition of the principal ARNs; the region of a consumer's endpoint service), before any call to
    /// AWS, and returns the region.
    /// </summary>
    /// <exception cref="ConfigException">The first setting AWS would refuse in that region.</exception>
    public AwsRegion ValidateRegion(string? region)
    {
        if (region is null)
        {
            throw new ConfigException("Invalid config aws:region = (unset): set the AWS region, for example `pulumi config set aws:region eu-west-1`.");
        }

        var shown = region.Length == 0 ? "\"\"" : region;
        if (!AwsRegions.IsWellFormed(region))
        {
            // A capitalised code, stray spaces or an availability zone name (eu-west-1a) point at one region.
            var lowered = region.Trim().ToLowerInvariant();
            var meant = AwsRegions.Find(lowered)?.Code ?? AwsRegions.Find(lowered.TrimEnd('a', 'b', 'c', 'd', 'e', 'f'))?.Code;
            var hint = meant is not null ? $" (did you mean {meant}?)" : "";
            throw new ConfigException("aws", "region", shown, $"an AWS region code in lower case, such as eu-west-1{hint}");
        }

        var known = AwsRegions.Find(region);
        if (known is null)
        {
            var close = Suggestions.Closest(region, AwsRegions.All.Select(r => r.Code), 3);
            var hint = close.Count > 0 ? $"; closest: {string.Join(", ", close)}" : "";
            throw new ConfigException("aws", "region", shown, $"a region AWS offers (the program's list as of {AwsRegions.AsOf}){hint}");
        }

        for (var i = 0; i < Inspection.AllowedPrincipals.Count; i++)
        {
            var principal = Inspection.AllowedPrincipals[i];
            var partition = AwsRegions.PartitionOfArn(principal);
            if (partition != known.Partition)
            {
                // Endpoint service permissions name IAM principals of the service's own partition (IAM User Guide, "IAM ARNs").
                throw new ConfigException(
                    Namespace,
                    $"inspection.allowedPrincipals[{i}]",
                    principal,
                    $"a principal ARN of partition {known.Partition} (arn:{known.Partition}:iam::…), the partition of region {region}, and this one is of {partition}");
            }
        }

        if (Inspection.EndpointServiceName is { } serviceName)
        {
            var serviceRegion = AwsRegions.OfEndpointService(serviceName) ?? "";
            if (serviceRegion != region)
            {
                // AWS PrivateLink Guide, "Cross-Region connectivity": only interface endpoints reach endpoint services of
                // other regions; a Gateway Load Balancer endpoint needs a service of its own region.
                throw new ConfigException(
                    Namespace,
                    "inspection.endpointServiceName",
                    serviceName,
                    $"an endpoint service in region {region}, where this stack deploys, because a Gateway Load Balancer endpoint connects only to a service of its own region and this one is in {serviceRegion}");
            }
        }

        return known;
    }

    /// <summary>
    /// The settings that only fail together: a demo instance Session Manager cannot reach, and more interface
    /// endpoints than the private subnets have addresses for.
    /// </summary>
    private void ValidateCombinations()
    {
        if (!WorkloadVpcEnabled)
        {
            return;
        }

        if (Demo.Bucket && Demo.Instance && NatStrategy == NatStrategy.None)
        {
            var missing = SessionManagerEndpoints.Where(e => !InterfaceEndpoints.Contains(e)).ToList();
            if (missing.Count > 0)
            {
                throw new ConfigException(
                    Namespace,
                    "demo.instance",
                    "true",
                    $"false unless Session Manager can reach the test instance: with natStrategy none it needs the interface endpoints {string.Join(", ", SessionManagerEndpoints)}, and interfaceEndpoints lacks {string.Join(", ", missing)}");
            }
        }

        // Each interface endpoint puts one network interface in every private subnet; the test instance takes one more.
        var needed = InterfaceEndpoints.Count + (Demo.Bucket && Demo.Instance ? 1 : 0);
        var prefix = SubnetPrefixLengths.Private;
        var usable = VpcRules.UsableAddresses(prefix);
        if (needed > usable)
        {
            var fits = VpcRules.LongestPrefixFor(needed);
            var instance = Demo.Bucket && Demo.Instance ? " and the test instance" : "";
            throw new ConfigException(
                Namespace,
                "interfaceEndpoints",
                $"a list of {InterfaceEndpoints.Count.ToString(CultureInfo.InvariantCulture)} services",
                $"no more endpoints than a private subnet has addresses for: they{instance} need {needed} addresses in each private subnet, and a /{prefix} has {usable} (AWS reserves {VpcRules.ReservedAddressesPerSubnet} of {VpcRules.AddressCount(prefix)}); remove endpoints or set subnetPrefixLengths.private to {fits} or less");
        }
    }
}
