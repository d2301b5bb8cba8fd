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
        Walk(JsonNode.Parse(document), "$", flags);
        return flags;
    }

    private static void Walk(JsonNode? node, string path, List<PlanFlag> flags)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["unconfirmed"] is JsonValue flag && flag.TryGetValue<bool>(out var unconfirmed) && unconfirmed)
                {
                    flags.Add(new PlanFlag(path, o["value"]?.ToJsonString(), o["source"]?.GetValue<string>() ?? "", o["note"]?.GetValue<string>()));
                }
                foreach (var (key, child) in o)
                {
                    Walk(child, path + "." + key, flags);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], $"{path}[{i}]", flags);
                }
                break;
        }
    }
}
