using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OpenEts.Application;

/// <summary>Builds journal payloads: compact JSON, keys in the order given, Chinese text unescaped.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    // A payload's values with their enums by name ("category":"Forestry", not 1), as the audit log reads them; the stored
    // JSON read back with Options is written by Serialize, unchanged.
    private static readonly JsonSerializerOptions PayloadOptions = new(Options) { Converters = { new JsonStringEnumConverter() } };

    public static string Object(params (string Key, object? Value)[] fields)
    {
        var o = new JsonObject();
        foreach (var (key, value) in fields)
        {
            o[key] = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), PayloadOptions);
        }
        return o.ToJsonString(Options);
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
