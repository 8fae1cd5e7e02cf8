using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Infra.Plan.Report;

namespace Infra.Plan.Rendering;

/// <summary>The plan as JSON, in the shape of <see cref="PlanReport"/> (documented in docs/plan.md).</summary>
public static class JsonRenderer
{
    /// <summary>
    /// The serializer settings of the report: camelCase names, indented, nulls written out; the report's shape is read
    /// from code generated at compile time, not discovered by reflection at run time.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = PlanReportJson.Default.WithAddedModifier(OmitTransitBeforeVersion3),
    };

    private static readonly JsonTypeInfo<PlanReport> Report = (JsonTypeInfo<PlanReport>)Options.GetTypeInfo(typeof(PlanReport));

    /// <summary>
    /// A plan of a stack without a transit gateway stays schemaVersion 2, byte for byte: its <c>transit</c> field is
    /// not written at all (with one, schemaVersion 3, it is written, null when the section is left out).
    /// </summary>
    private static void OmitTransitBeforeVersion3(JsonTypeInfo info)
    {
        if (info.Type != typeof(PlanReport))
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Name == "transit"))
        {
            property.ShouldSerialize = (report, _) => ((PlanReport)report).SchemaVersion >= PlanReport.TransitSchemaVersion;
        }
    }

    /// <summary>The plan as JSON text.</summary>
    public static string Render(PlanResult plan, Sections sections) =>
        JsonSerializer.Serialize(PlanReport.From(plan, sections), Report) + "\n";
}

/// <summary>The report's JSON metadata, generated at compile time.</summary>
[JsonSerializable(typeof(PlanReport))]
internal sealed partial class PlanReportJson : JsonSerializerContext;
