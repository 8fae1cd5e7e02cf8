namespace Infra.Model.Configuration;

/// <summary>
/// The interface endpoint services this program knows, by short name (what <c>interfaceEndpoints</c> lists).
/// The full service name is <c>com.amazonaws.&lt;region&gt;.&lt;suffix&gt;</c>; the suffix is the short name
/// except where AWS spells it differently (e.g. <c>firehose</c> → <c>kinesis-firehose</c>).
/// Not every service exists in every region.
/// </summary>
public static class InterfaceEndpointCatalog
{
    private static readonly Dictionary<string, string> Suffixes = new(StringComparer.Ordinal)
    {
        ["acm-pca"] = "acm-pca",
        ["application-autoscaling"] = "application-autoscaling",
        ["appconfig"] = "appconfig",
        ["appconfigdata"] = "appconfigdata",
        ["athena"] = "athena",
        ["autoscaling"] = "autoscaling",
        ["backup"] = "backup",
        ["batch"] = "batch",
        ["cloudformation"] = "cloudformation",
        ["cloudtrail"] = "cloudtrail",
        ["codeartifact.api"] = "codeartifact.api",
        ["codeartifact.repositories"] = "codeartifact.repositories",
        ["codebuild"] = "codebuild",
        ["codecommit"] = "codecommit",
        ["codedeploy"] = "codedeploy",
        ["codepipeline"] = "codepipeline",
        ["config"] = "config",
        ["datasync"] = "datasync",
        ["ebs"] = "ebs",
        ["ec2"] = "ec2",
        ["ec2messages"] = "ec2messages",
        ["ecr.api"] = "ecr.api",
        ["ecr.dkr"] = "ecr.dkr",
        ["ecs"] = "ecs",
        ["ecs-agent"] = "ecs-agent",
        ["ecs-telemetry"] = "ecs-telemetry",
        ["eks"] = "eks",
        ["eks-auth"] = "eks-auth",
        ["elasticache"] = "elasticache",
        ["elasticbeanstalk"] = "elasticbeanstalk",
        ["elasticfilesystem"] = "elasticfilesystem",
        ["elasticloadbalancing"] = "elasticloadbalancing",
        ["elasticmapreduce"] = "elasticmapreduce",
        ["events"] = "events",
        ["execute-api"] = "execute-api",
        ["firehose"] = "kinesis-firehose",
        ["git-codecommit"] = "git-codecommit",
        ["glue"] = "glue",
        ["imagebuilder"] = "imagebuilder",
        ["kinesis-firehose"] = "kinesis-firehose",
        ["kinesis-streams"] = "kinesis-streams",
        ["kms"] = "kms",
        ["lambda"] = "lambda",
        ["logs"] = "logs",
        ["monitoring"] = "monitoring",
        ["rds"] = "rds",
        ["rds-data"] = "rds-data",
        ["redshift"] = "redshift",
        ["redshift-data"] = "redshift-data",
        ["sagemaker.api"] = "sagemaker.api",
        ["sagemaker.runtime"] = "sagemaker.runtime",
        ["secretsmanager"] = "secretsmanager",
        ["securityhub"] = "securityhub",
        ["servicecatalog"] = "servicecatalog",
        ["servicediscovery"] = "servicediscovery",
        ["sns"] = "sns",
        ["sqs"] = "sqs",
        ["ssm"] = "ssm",
        ["ssm-contacts"] = "ssm-contacts",
        ["ssm-incidents"] = "ssm-incidents",
        ["ssmmessages"] = "ssmmessages",
        ["states"] = "states",
        ["storagegateway"] = "storagegateway",
        ["sts"] = "sts",
        ["synthetics"] = "synthetics",
        ["transfer"] = "transfer",
        ["xray"] = "xray",
    };

    /// <summary>The endpoints created when <c>interfaceEndpoints</c> is not set (what Session Manager needs).</summary>
    public static IReadOnlyList<string> Defaults { get; } = ["ssm", "ssmmessages", "ec2messages"];

    /// <summary>Every known short name, sorted.</summary>
    public static IReadOnlyList<string> ShortNames { get; } = [.. Suffixes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="shortName"/> is in the catalogue (exact, lower case).</summary>
    public static bool IsKnown(string shortName) => Suffixes.ContainsKey(shortName);

    /// <summary>The full service name, e.g. <c>com.amazonaws.eu-west-1.ssm</c>.</summary>
    /// <exception cref="KeyNotFoundException">The short name is not in the catalogue.</exception>
    public static string ServiceName(string region, string shortName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return Suffixes.TryGetValue(shortName, out var suffix)
            ? $"com.amazonaws.{region}.{suffix}"
            : throw new KeyNotFoundException($"'{shortName}' is not a catalogued interface endpoint service.");
    }
}
