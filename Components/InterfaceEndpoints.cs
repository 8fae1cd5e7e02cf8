using System.Collections.Immutable;
using Infra.Model.Configuration;
using Pulumi;
using Pulumi.Aws.Ec2;

namespace Infra.Components;

/// <summary>What an <see cref="InterfaceEndpoints"/> builds.</summary>
public sealed class InterfaceEndpointsArgs : ResourceArgs
{
    /// <summary>The VPC the endpoints belong to.</summary>
    [Input("vpcId", required: true)]
    public Input<string> VpcId { get; set; } = null!;

    /// <summary>The VPC's block: the only source the endpoints' security group admits (TCP 443).</summary>
    [Input("vpcCidr", required: true)]
    public Input<string> VpcCidr { get; set; } = null!;

    /// <summary>The VPC's region, such as eu-west-1.</summary>
    [Input("region", required: true)]
    public string Region { get; set; } = null!;

    /// <summary>One subnet per AZ (the private tier): each endpoint gets a network interface in each.</summary>
    [Input("subnetIds", required: true)]
    public InputList<string> SubnetIds { get; set; } = null!;

    /// <summary>Service short names, such as ssm, ssmmessages, ec2messages.</summary>
    [Input("services", required: true)]
    public List<string> Services { get; set; } = null!;

    /// <summary>Tags added to every resource.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>
/// Interface endpoints (AWS PrivateLink) with private DNS, so the services' public names resolve to the endpoints'
/// private addresses inside the VPC, behind one security group that admits HTTPS from the VPC only. Each endpoint is
/// billed per AZ-hour and per GB processed.
/// </summary>
public sealed class InterfaceEndpoints : ComponentResource
{
    public InterfaceEndpoints(string name, InterfaceEndpointsArgs args, ComponentResourceOptions? options = null)
        : base(PackageInfo.TypeToken(nameof(InterfaceEndpoints)), name, PackageInfo.WithFormerType(options, "infra:network:InterfaceEndpoints"))
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new InputErrors(nameof(InterfaceEndpoints), name);
        var region = errors.Required("region", args.Region);
        var services = errors.Required("services", args.Services);
        SettingRules.InterfaceEndpointServices(services, "services", (key, value, allowed) => errors.Error(key, value, allowed));
        _ = errors.Required("vpcId", args.VpcId);
        _ = errors.Required("vpcCidr", args.VpcCidr);
        _ = errors.Required("subnetIds", args.SubnetIds);

        var childOptions = new CustomResourceOptions { Parent = this };
        var securityGroup = new SecurityGroup($"{name}-sg", new SecurityGroupArgs
        {
            VpcId = args.VpcId,
            Description = "Interface endpoints: HTTPS from inside the VPC only",
            Tags = ResourceTags.For(args.Tags, $"{name}-sg"),
        }, childOptions);

        SecureDefaults.AllowIn($"{name}-https-from-vpc", securityGroup.Id, "tcp", 443, args.VpcCidr, "HTTPS from the VPC", childOptions);

        var endpoints = services.ToImmutableSortedDictionary(
            service => service,
            service => new VpcEndpoint($"{name}-{service.Replace('.', '-')}", new VpcEndpointArgs
            {
                VpcId = args.VpcId,
                ServiceName = AwsPartition.EndpointServiceName(region, service),
                VpcEndpointType = "Interface",
                PrivateDnsEnabled = true,
                SubnetIds = args.SubnetIds,
                SecurityGroupIds = { securityGroup.Id },
                Tags = ResourceTags.For(args.Tags, $"{name}-{service}"),
            }, childOptions));

        SecurityGroupId = securityGroup.Id;
        EndpointIds = ByService(endpoints.ToDictionary(e => e.Key, e => e.Value.Id));
        DnsNames = ByService(endpoints.ToDictionary(
            e => e.Key,
            e => e.Value.DnsEntries.Apply(entries => entries.IsDefaultOrEmpty ? string.Empty : entries[0].DnsName ?? string.Empty)));
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["securityGroupId"] = SecurityGroupId,
            ["endpointIds"] = EndpointIds,
            ["dnsNames"] = DnsNames,
        });
    }

    /// <summary>The endpoints' security group.</summary>
    [Output("securityGroupId")]
    public Output<string> SecurityGroupId { get; private set; }

    /// <summary>Each service's endpoint id, by short name.</summary>
    [Output("endpointIds")]
    public Output<Dictionary<string, string>> EndpointIds { get; private set; }

    /// <summary>Each service's regional endpoint DNS name, by short name.</summary>
    [Output("dnsNames")]
    public Output<Dictionary<string, string>> DnsNames { get; private set; }

    private static Output<Dictionary<string, string>> ByService(Dictionary<string, Output<string>> values)
    {
        var services = values.Keys.Order(StringComparer.Ordinal).ToList();
        return Output.All(services.Select(s => values[s]))
            .Apply(resolved => services.Select((service, i) => (service, value: resolved[i])).ToDictionary(x => x.service, x => x.value));
    }
}
