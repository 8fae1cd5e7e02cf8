namespace Infra.Model.Aws;

/// <summary>
/// Address rules of VPCs and subnets. Source: Amazon VPC User Guide, "VPC CIDR blocks" and "Subnet CIDR blocks"
/// (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html): IPv4 blocks from /16 to /28, a subnet inside
/// its VPC's block and not overlapping another subnet of the VPC, and the first four and the last address of every
/// subnet reserved by AWS.
/// </summary>
public static class VpcRules
{
    public const int LargestBlock = 16;
    public const int SmallestBlock = 28;
    public const int ReservedAddressesPerSubnet = 5;

    /// <summary>Addresses in a block of that prefix length.</summary>
    public static long AddressCount(int prefixLength) => 1L << (32 - prefixLength);

    /// <summary>Addresses left for network interfaces in a subnet of that prefix length.</summary>
    public static long UsableAddresses(int prefixLength) => AddressCount(prefixLength) - ReservedAddressesPerSubnet;

    /// <summary>The longest prefix length whose subnets hold <paramref name="interfaces"/> network interfaces.</summary>
    public static int LongestPrefixFor(int interfaces)
    {
        var prefix = SmallestBlock;
        while (prefix > LargestBlock && UsableAddresses(prefix) < interfaces)
        {
            prefix--;
        }

        return prefix;
    }
}
