using System.Text.Json.Nodes;

namespace OpenEts.Application.Allocation;

/// <summary>
/// A figure of a plan flagged [UNCONFIRMED]: its JSON path, value, source and note. Pages and exports that show a plan
/// or a calculation list these.
/// </summary>
public sealed record PlanFlag(string Path, string? Value, string Source, string? Note)
{
    /// <summary>Every object flagged <c>"unconfirmed": true</c> in <paramref name="document"/>, in document order.</summary>
    public static IReadOnlyList<PlanFlag> Of(string document)
    {
        var flags = new List<PlanFlag>();
        var root = JsonNode.Parse(document);
        Walk(root, root, "$", flags);
        return flags;
    }

    private static void Walk(JsonNode? root, JsonNode? node, string path, List<PlanFlag> flags)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["unconfirmed"] is JsonValue flag && flag.TryGetValue<bool>(out var unconfirmed) && unconfirmed)
                {
                    flags.Add(new PlanFlag(path, o["value"]?.ToJsonString(), o["source"]?.GetValue<string>() ?? "", o["note"]?.GetValue<string>()));
                }
                // The compliance and auction sections say "confirmed": false; a compliance source names its field.
                if (o["confirmed"] is JsonValue confirmed && confirmed.TryGetValue<bool>(out var isConfirmed) && !isConfirmed)
                {
                    var field = o["field"]?.GetValue<string>();
                    var at = field is null ? path : "$.compliance." + field;
                    var value = field is null ? null : Find(root ?? o, at)?.ToJsonString();
                    flags.Add(new PlanFlag(at, value, (o["reference"] ?? o["source"])?.GetValue<string>() ?? "", null));
                }
                foreach (var (key, child) in o)
                {
                    Walk(root, child, path + "." + key, flags);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(root, a[i], $"{path}[{i}]", flags);
                }
                break;
        }
    }

    private static JsonNode? Find(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var key in path.Split('.').Skip(1))
        {
            node = node is JsonObject o ? o[key] : null;
        }
        return node;
    }
}
