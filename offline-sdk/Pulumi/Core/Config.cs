using System.Globalization;
using System.Text.Json;

namespace Pulumi;

/// <summary>
/// Reads the stack's configuration (<c>Pulumi.&lt;stack&gt;.yaml</c>), which the engine passes in the
/// <c>PULUMI_CONFIG</c> environment variable, under one namespace (the project name unless given).
/// </summary>
public sealed class Config
{
    private readonly string _name;

    public Config(string? name = null)
    {
        _name = name ?? DeploymentState.Current.ProjectName;
        if (_name.EndsWith(":config", StringComparison.Ordinal))
        {
            _name = _name[..^":config".Length];
        }
    }

    public string? Get(string key) => DeploymentState.Current.AllConfig.GetValueOrDefault(FullKey(key));

    public Output<string>? GetSecret(string key) => Secret(Get(key));

    public bool? GetBoolean(string key) => Parse(key, ParseBoolean, "a boolean (true or false)");

    public Output<bool>? GetSecretBoolean(string key) => SecretValue(GetBoolean(key));

    public int? GetInt32(string key) => Parse(key, ParseInt32, "a whole number");

    public Output<int>? GetSecretInt32(string key) => SecretValue(GetInt32(key));

    public double? GetDouble(string key) => Parse(key, ParseDouble, "a number");

    public Output<double>? GetSecretDouble(string key) => SecretValue(GetDouble(key));

    public T? GetObject<T>(string key) => GetObject<T>(key, null);

    public T? GetObject<T>(string key, JsonSerializerOptions? options)
    {
        var value = Get(key);
        if (value is null)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(value, options);
        }
        catch (JsonException e)
        {
            throw new RunException($"Configuration '{FullKey(key)}' value '{value}' is not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }

    public Output<T>? GetSecretObject<T>(string key) => GetSecretObject<T>(key, null);

    public Output<T>? GetSecretObject<T>(string key, JsonSerializerOptions? options)
        => Get(key) is null ? null : Output.CreateSecret(GetObject<T>(key, options)!);

    public string Require(string key) => Get(key) ?? throw Missing(key);

    public Output<string> RequireSecret(string key) => Output.CreateSecret(Require(key));

    public bool RequireBoolean(string key) => GetBoolean(key) ?? throw Missing(key);

    public Output<bool> RequireSecretBoolean(string key) => Output.CreateSecret(RequireBoolean(key));

    public int RequireInt32(string key) => GetInt32(key) ?? throw Missing(key);

    public Output<int> RequireSecretInt32(string key) => Output.CreateSecret(RequireInt32(key));

    public double RequireDouble(string key) => GetDouble(key) ?? throw Missing(key);

    public Output<double> RequireSecretDouble(string key) => Output.CreateSecret(RequireDouble(key));

    public T RequireObject<T>(string key) => RequireObject<T>(key, null);

    public T RequireObject<T>(string key, JsonSerializerOptions? options)
        => Get(key) is null ? throw Missing(key) : GetObject<T>(key, options)!;

    public Output<T> RequireSecretObject<T>(string key) => RequireSecretObject<T>(key, null);

    public Output<T> RequireSecretObject<T>(string key, JsonSerializerOptions? options)
        => Output.CreateSecret(RequireObject<T>(key, options));

    private string FullKey(string key) => $"{_name}:{key}";

    private static Output<string>? Secret(string? value) => value is null ? null : Output.CreateSecret(value);

    private static Output<T>? SecretValue<T>(T? value)
        where T : struct
        => value is null ? null : Output.CreateSecret(value.Value);

    private T? Parse<T>(string key, Func<string, T?> parse, string expected)
        where T : struct
    {
        var value = Get(key);
        if (value is null)
        {
            return null;
        }

        return parse(value) ?? throw new RunException($"Configuration '{FullKey(key)}' value '{value}' is not {expected}.");
    }

    private static bool? ParseBoolean(string value) => bool.TryParse(value, out var result) ? result : null;

    private static int? ParseInt32(string value)
        => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) ? result : null;

    private static double? ParseDouble(string value)
        => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) ? result : null;

    private RunException Missing(string key)
        => new($"Missing required configuration variable '{FullKey(key)}'; set it with `pulumi config set {FullKey(key)} <value>`.");
}
