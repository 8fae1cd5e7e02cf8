using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Ec2;

namespace Infra.Components;

/// <summary>What an <see cref="InterfaceEndpoints"/> builds.</summary>
public sealed class InterfaceEndpointsArgs
{
    public required Input<string> VpcId { get; init; }

    /// <summary>The VPC's CIDR: the only source the endpoints' security group admits (TCP 443).</summary>
    public required string VpcCidr { get; init; }

    public required string Region { get; init; }

    /// <summary>One subnet per AZ (the private tier): each endpoint gets a network interface in each.</summary>
    public required IReadOnlyList<Input<string>> SubnetIds { get; init; }

    /// <summary>Service short names, e.g. <c>ssm</c>, <c>ssmmessages</c>, <c>ec2messages</c>.</summary>
    public required IReadOnlyList<string> Services { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>
/// Interface endpoints (AWS PrivateLink) with private DNS, so the services' public names resolve to the endpoints'
/// private addresses inside the VPC, behind one security group that admits HTTPS from the VPC only. Each endpoint is
/// billed per AZ-hour and per GB processed.
/// </summary>
public sealed class InterfaceEndpoints : ComponentResource
{
    public InterfaceEndpoints(string name, InterfaceEndpointsArgs args, ComponentResourceOptions? options = null)
        : base("infra:network:InterfaceEndpoints", name, options)
    {
        var childOptions = new CustomResourceOptions { Parent = this };
        SecurityGroup = new SecurityGroup($"{name}-sg", new SecurityGroupArgs
        {
            VpcId = args.VpcId,
            Description = "Interface endpoints: HTTPS from inside the VPC only",
            Tags = ResourceTags.For(args.Tags, $"{name}-sg"),
        }, childOptions);

        SecureDefaults.AllowIn($"{name}-https-from-vpc", SecurityGroup.Id, "tcp", 443, args.VpcCidr, "HTTPS from the VPC", childOptions);

        var subnetIds = new InputList<string>();
        foreach (var subnetId in args.SubnetIds)
        {
            subnetIds.Add(subnetId);
        }

        Endpoints = args.Services.ToImmutableSortedDictionary(
            service => service,
            service => new VpcEndpoint($"{name}-{service.Replace('.', '-')}", new VpcEndpointArgs
            {
                VpcId = args.VpcId,
                ServiceName = AwsPartition.EndpointServiceName(args.Region, service),
                VpcEndpointType = "Interface",
                PrivateDnsEnabled = true,
                SubnetIds = subnetIds,
                SecurityGroupIds = { SecurityGroup.Id },
                Tags = ResourceTags.For(args.Tags, $"{name}-{service}"),
            }, childOptions));

        EndpointIds = Endpoints.ToImmutableSortedDictionary(e => e.Key, e => e.Value.Id);
        DnsNames = Endpoints.ToImmutableSortedDictionary(
            e => e.Key,
            e => e.Value.DnsEntries.Apply(entries => entries.IsDefaultOrEmpty ? string.Empty : entries[0].DnsName ?? string.Empty));
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["securityGroupId"] = SecurityGroup.Id,
            ["endpointIds"] = EndpointIds,
            ["dnsNames"] = DnsNames,
        });
    }

    public SecurityGroup SecurityGroup { get; }

    public ImmutableSortedDictionary<string, VpcEndpoint> Endpoints { get; }

    public ImmutableSortedDictionary<string, Output<string>> EndpointIds { get; }

    public ImmutableSortedDictionary<string, Output<string>> DnsNames { get; }
}
