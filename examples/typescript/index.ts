// The seed's scenario in TypeScript, from the private-connectivity component package: a workload VPC, an S3 gateway
// endpoint on its private route tables, an SSM interface endpoint with private DNS, and Gateway Load Balancer
// inspection (a security VPC with the load balancer and its appliances, GWLB endpoints in the workload VPC).
//   pulumi package add ../../provider     (generates sdks/private-connectivity and adds it to package.json)
//   npm install && pulumi config set aws:region eu-west-1 && pulumi up
import * as pulumi from "@pulumi/pulumi";
import * as pc from "@pulumi/private-connectivity";

const config = new pulumi.Config("aws");
const region = config.require("region");

const workload = new pc.VpcNetwork("workload", {
    cidrBlock: "10.0.0.0/16",
    availabilityZoneCount: 2,
    tiers: ["public", "private", "application", "endpoint"],
    natStrategy: "none",
    tags: { team: "network" },
});

const s3Endpoint = new pc.GatewayEndpoint("s3", {
    vpcId: workload.vpcId,
    region: region,
    service: "s3",
    routeTableIds: workload.routeTableIds.apply(tables => tables["private"]),
});

const ssmEndpoints = new pc.InterfaceEndpoints("ssm", {
    vpcId: workload.vpcId,
    vpcCidr: workload.cidrBlock,
    region: region,
    subnetIds: workload.subnetIds.apply(ids => ids["private"]),
    services: ["ssm", "ssmmessages", "ec2messages"],
});

const security = new pc.VpcNetwork("security", {
    cidrBlock: "10.100.0.0/16",
    availabilityZoneCount: 2,
    tiers: ["appliance"],
    internetGateway: false,
});

const inspection = new pc.InspectionProvider("inspection", {
    vpcId: security.vpcId,
    vpcCidr: security.cidrBlock,
    applianceSubnetIds: security.subnetIds.apply(ids => ids["appliance"]),
    applianceRouteTableIds: security.routeTableIds.apply(tables => tables["appliance"]),
    availabilityZoneCount: 2,
    region: region,
    applianceFleet: "autoScaling",
    fleetDesiredCapacity: 2,
});

const inspected = new pc.InspectionConsumer("inspected", {
    vpcId: workload.vpcId,
    availabilityZoneCount: 2,
    internetGatewayId: workload.internetGatewayId.apply(id => id!),
    endpointSubnetIds: workload.subnetIds.apply(ids => ids["endpoint"]),
    endpointRouteTableIds: workload.routeTableIds.apply(tables => tables["endpoint"]),
    applicationRouteTableIds: workload.routeTableIds.apply(tables => tables["application"]),
    applicationSubnetCidrs: workload.subnetCidrs.apply(cidrs => cidrs["application"]),
    endpointServiceName: inspection.endpointServiceName,
});

export const vpcId = workload.vpcId;
export const s3PrefixListId = s3Endpoint.prefixListId;
export const interfaceEndpointDnsNames = ssmEndpoints.dnsNames;
export const endpointServiceName = inspection.endpointServiceName;
export const gwlbEndpointIds = inspected.gwlbEndpointIds;
