using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Json;

namespace Pulumi;

/// <summary>
/// Plain engine values (strings, numbers, bools, maps with string keys, lists, JSON) written as JSON, the same text
/// <see cref="JsonSerializer"/> writes for them, without discovering their shape by reflection at run time.
/// </summary>
internal static class PlainJson
{
    public static string Serialize(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static JsonElement ToElement(object? value)
    {
        using var document = JsonDocument.Parse(Serialize(value));
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case float number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case JsonElement json:
                json.WriteTo(writer);
                break;
            case IDictionary map when AllKeysAreStrings(map):
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName((string)entry.Key);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items and not IDictionary:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                // Anything else is not a plain value: the serializer's own rules, discovered at run time.
#pragma warning disable IL2026, IL3050
                JsonSerializer.Serialize(writer, value, value.GetType());
#pragma warning restore IL2026, IL3050
                break;
        }
    }

    private static bool AllKeysAreStrings(IDictionary map)
    {
        foreach (var key in map.Keys)
        {
            if (key is not string)
            {
                return false;
            }
        }

        return true;
    }
}
