using Infra.Model.Policy.Reading;
using Infra.Model.Routing;

namespace Infra.Model.Policy.Rules;

/// <summary>
/// PC-EC2-002: every EBS volume is encrypted: instances' root and EBS block devices, launch templates' EBS mappings and
/// stand-alone volumes.
/// </summary>
public sealed class VolumesEncrypted : PolicyRule
{
    public override string Id => "PC-EC2-002";

    public override string Title => "Every EBS volume is encrypted: instance root and EBS block devices, launch template mappings, stand-alone volumes";

    public override string Rationale => "An unencrypted volume leaks its data through every snapshot and copy of it, whoever they are shared with.";

    public override IReadOnlyList<string> Equivalents { get; } = ["CKV_AWS_8", "AwsSolutions-EC26"];

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        foreach (var instance in context.OfType(AwsTypes.Instance))
        {
            var root = Inputs.Boolean(Inputs.Map(instance.Inputs, "rootBlockDevice"), "encrypted");
            if (root != true)
            {
                yield return Finding(instance.Name, $"The root volume of instance {instance.Name} is not encrypted (rootBlockDevice.encrypted is {Inputs.Show(root)}).");
            }

            foreach (var device in Inputs.Maps(instance.Inputs, "ebsBlockDevices"))
            {
                var encrypted = Inputs.Boolean(device, "encrypted");
                if (encrypted != true)
                {
                    yield return Finding(
                        instance.Name,
                        $"EBS block device {Inputs.Show(Inputs.String(device, "deviceName"))} of instance {instance.Name} is not encrypted (encrypted is {Inputs.Show(encrypted)}).");
                }
            }
        }

        foreach (var template in context.OfType(AwsTypes.LaunchTemplate))
        {
            foreach (var mapping in Inputs.Maps(template.Inputs, "blockDeviceMappings"))
            {
                var ebs = Inputs.Map(mapping, "ebs");
                var encrypted = Inputs.Boolean(ebs, "encrypted");
                if (ebs is not null && encrypted != true)
                {
                    yield return Finding(
                        template.Name,
                        $"Block device {Inputs.Show(Inputs.String(mapping, "deviceName"))} of launch template {template.Name} is not encrypted (ebs.encrypted is {Inputs.Show(encrypted)}).");
                }
            }
        }

        foreach (var volume in context.OfType(AwsTypes.EbsVolume))
        {
            var encrypted = Inputs.Boolean(volume.Inputs, "encrypted");
            if (encrypted != true)
            {
                yield return Finding(volume.Name, $"EBS volume {volume.Name} is not encrypted (encrypted is {Inputs.Show(encrypted)}).");
            }
        }
    }
}
