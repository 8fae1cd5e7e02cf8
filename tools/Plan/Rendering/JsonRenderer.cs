using System.Text.Encodings.Web;
using System.Text.Json;
using Infra.Plan.Report;

namespace Infra.Plan.Rendering;

/// <summary>The plan as JSON, in the shape of <see cref="PlanReport"/> (documented in docs/plan.md).</summary>
public static class JsonRenderer
{
    /// <summary>The serializer settings of the report: camelCase names, indented, nulls written out.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The plan as JSON text.</summary>
    public static string Render(PlanResult plan, Sections sections) =>
        JsonSerializer.Serialize(PlanReport.From(plan, sections), Options) + "\n";
}
