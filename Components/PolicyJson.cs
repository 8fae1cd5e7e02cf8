using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infra.Components;

/// <summary>
/// IAM policy documents as JSON: version 2012-10-17 and the statements in the order given, each element written only
/// when it is set, in the order IAM's documentation lists them (Sid, Effect, Principal, Action, Resource, Condition).
/// </summary>
internal static class PolicyJson
{
    /// <summary>The policy language version every document of this project uses.</summary>
    private const string Version = "2012-10-17";

    /// <summary>A policy document with these statements.</summary>
    public static string Document(IEnumerable<PolicyStatement> statements)
        => JsonSerializer.Serialize(new PolicyDocument(Version, [.. statements]), PolicyDocumentJson.Default.PolicyDocument);

    /// <summary>A policy document with these statements.</summary>
    public static string Document(params PolicyStatement[] statements) => Document((IEnumerable<PolicyStatement>)statements);

    /// <summary>
    /// A trust policy that lets one AWS service assume a role; with <paramref name="sourceAccount"/>, only on behalf of
    /// that account, so that another account's use of the service cannot borrow the role (the confused-deputy problem).
    /// </summary>
    public static string ServiceTrust(string servicePrincipal, string? sourceAccount = null) => Document(new PolicyStatement(
        "Allow",
        "sts:AssumeRole",
        Principal: new Dictionary<string, string> { ["Service"] = servicePrincipal },
        Condition: sourceAccount is null ? null : Condition("StringEquals", "aws:SourceAccount", sourceAccount)));

    /// <summary>A condition block with one operator and one key.</summary>
    public static Dictionary<string, Dictionary<string, string>> Condition(string conditionOperator, string key, string value)
        => new() { [conditionOperator] = new Dictionary<string, string> { [key] = value } };
}

/// <summary>A policy document: its version and statements.</summary>
internal sealed record PolicyDocument(string Version, IReadOnlyList<PolicyStatement> Statement);

/// <summary>
/// One statement of a policy document. <paramref name="Action"/> and <paramref name="Principal"/> are a string or
/// what IAM accepts in its place (a list of actions; a map of principal types), written as given.
/// </summary>
internal sealed record PolicyStatement(
    string Effect,
    object Action,
    IReadOnlyList<string>? Resource = null,
    string? Sid = null,
    object? Principal = null,
    Dictionary<string, Dictionary<string, string>>? Condition = null)
{
    // The element order of the JSON, whatever the order of the parameters.
    [JsonPropertyOrder(0)]
    public string? Sid { get; init; } = Sid;

    [JsonPropertyOrder(1)]
    public string Effect { get; init; } = Effect;

    [JsonPropertyOrder(2)]
    public object? Principal { get; init; } = Principal;

    [JsonPropertyOrder(3)]
    public object Action { get; init; } = Action;

    [JsonPropertyOrder(4)]
    public IReadOnlyList<string>? Resource { get; init; } = Resource;

    [JsonPropertyOrder(5)]
    public Dictionary<string, Dictionary<string, string>>? Condition { get; init; } = Condition;
}

/// <summary>The policy documents' JSON, generated at compile time (the default encoder, nothing indented).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PolicyDocument))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PolicyDocumentJson : JsonSerializerContext;
