using Infra.Model.Routing;

namespace Infra.Tests.Support;

/// <summary>Renders routes as "destination → target kind and resource name", the vocabulary of the expected tables.</summary>
public static class RouteText
{
    public static string[] Of(IEnumerable<Route> routes) => routes.Select(Of).Order(StringComparer.Ordinal).ToArray();

    public static string Of(Route route) => $"{route.Destination.Text} → {Of(route.Target)}";

    private static string Of(Target target) => target.Kind switch
    {
        TargetKind.Local => "local",
        TargetKind.InternetGateway => $"internet gateway {target.ResourceName}",
        TargetKind.NatGateway => $"NAT gateway {target.ResourceName}",
        TargetKind.GatewayEndpoint => $"{ServiceLabel(target.ServiceName)} gateway endpoint {target.ResourceName}",
        TargetKind.GatewayLoadBalancerEndpoint => $"Gateway Load Balancer endpoint {target.ResourceName}",
        TargetKind.TransitGateway => $"transit gateway {target.ResourceName}",
        _ => $"{target.Kind} {target.ResourceName ?? target.Id}",
    };

    private static string ServiceLabel(string? serviceName) => serviceName?.Split('.').Last() switch
    {
        "s3" => "S3",
        "dynamodb" => "DynamoDB",
        var other => other ?? "unknown",
    };

    public static string[] Sorted(IEnumerable<string> lines) => lines.Order(StringComparer.Ordinal).ToArray();
}
