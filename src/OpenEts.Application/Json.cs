using System.Text.Json;
using System.Text.Json.Nodes;

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

    public static string Object(params (string Key, object? Value)[] fields)
    {
        var o = new JsonObject();
        foreach (var (key, value) in fields)
        {
            o[key] = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), Options);
        }
        return o.ToJsonString(Options);
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
