using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenEts.Application.Allocation;

/// <summary>
/// One change to a figure of a plan document: the figure named by its JSON path (<c>$.sectors[1].products[0].benchmark</c>)
/// or by a short name (<c>benchmark.cement.clinker</c>, <c>heat.power.coal-I</c>, <c>factor.power.coal-I.cooling</c>,
/// <c>decline.steel.eaf</c>, <c>free.power</c>, <c>pre.share</c>, <c>shortfall</c>), its new value and the source of
/// that value. The what-if tool and the plan editor both edit plans this way.
/// </summary>
/// <param name="Target">The JSON path or short name as given.</param>
/// <param name="Value">The new value.</param>
/// <param name="Source">Where the new value comes from (the editor requires one; a what-if writes its own).</param>
public sealed record PlanEdit(string Target, decimal Value, string Source)
{
    /// <summary>Reads <c>name=value</c> (as <c>--set</c> takes it); <paramref name="source"/> is recorded with the value.</summary>
    public static bool TryParse(string? text, string source, [NotNullWhen(true)] out PlanEdit? edit, [NotNullWhen(false)] out string? reason)
    {
        edit = null;
        var eq = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (text is null || eq <= 0)
        {
            reason = $"'{text}': write name=value, e.g. benchmark.cement.clinker=0.85";
            return false;
        }
        if (!decimal.TryParse(text[(eq + 1)..].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            reason = $"'{text}': the value is not a number";
            return false;
        }
        edit = new PlanEdit(text[..eq].Trim(), value, source);
        reason = null;
        return true;
    }

    /// <summary>
    /// Applies <paramref name="edits"/> to <paramref name="document"/>: each figure gets the new value and source, its
    /// per-year values and its [UNCONFIRMED] flag are dropped. Errors name the target and why it does not resolve.
    /// </summary>
    public static bool TryApply(string document, IReadOnlyList<PlanEdit> edits, [NotNullWhen(true)] out string? edited,
        out IReadOnlyList<Domain.Organisations.FieldError> errors) => TryApply(document, edits, out edited, out _, out errors);

    /// <summary>As <see cref="TryApply(string, IReadOnlyList{PlanEdit}, out string?, out IReadOnlyList{Domain.Organisations.FieldError})"/>,
    /// with the JSON path each edit resolved to (<c>$.sectors[1].products[0].benchmark</c>), in order.</summary>
    public static bool TryApply(string document, IReadOnlyList<PlanEdit> edits, [NotNullWhen(true)] out string? edited,
        out IReadOnlyList<string> paths, out IReadOnlyList<Domain.Organisations.FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var resolved = new List<string>();
        paths = resolved;
        var root = JsonNode.Parse(document)!.AsObject();
        var problems = new List<Domain.Organisations.FieldError>();
        foreach (var edit in edits)
        {
            if (Resolve(root, edit.Target) is not JsonObject figure || figure["value"] is null)
            {
                problems.Add(new(edit.Target, "UnknownFigure", $"{edit.Target}: no figure of the plan has this name or path"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(edit.Source))
            {
                problems.Add(new(edit.Target, "SourceRequired", $"{edit.Target}: a new value needs its source"));
                continue;
            }
            resolved.Add(figure.GetPath());
            figure["value"] = edit.Value;
            figure["source"] = edit.Source.Trim();
            figure.Remove("years");
            figure.Remove("unconfirmed");
            figure.Remove("note");
        }
        errors = problems;
        edited = problems.Count == 0 ? root.ToJsonString(PlanJson.Options) : null;
        return edited is not null;
    }

    private static JsonNode? Resolve(JsonObject root, string target)
    {
        if (target.StartsWith('$'))
        {
            return ByPath(root, target);
        }
        var parts = target.Split('.');
        JsonObject? Product(string sector, string product) =>
            Sector(root, sector)?["products"]?.AsArray().OfType<JsonObject>().FirstOrDefault(p => (string?)p["id"] == product);
        return parts switch
        {
            ["benchmark", var s, var p] => Product(s, p)?["benchmark"],
            ["heat", var s, var p] => Product(s, p)?["heatBenchmark"],
            ["decline", var s, var p] => Product(s, p)?["decline"],
            ["factor", var s, var p, var f] => Product(s, p)?["factors"]?.AsArray().OfType<JsonObject>()
                .FirstOrDefault(x => (string?)x["id"] == f)?["value"],
            ["free", var s] => Sector(root, s)?["freeShare"],
            ["pre", "share"] => root["preAllocation"]?["share"],
            ["shortfall"] => root["power"]?["shortfallCap"],
            ["cap", var which] => root["cap"]?[which],
            _ => null,
        };
    }

    private static JsonObject? Sector(JsonObject root, string sector) =>
        root["sectors"]?.AsArray().OfType<JsonObject>().FirstOrDefault(s => string.Equals((string?)s["sector"], sector, StringComparison.OrdinalIgnoreCase));

    // $.a.b[2].c — the paths PlanFlag and validation errors name.
    private static JsonNode? ByPath(JsonNode root, string path)
    {
        JsonNode? node = root;
        var i = 1;
        while (node is not null && i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                var key = end < 0 ? path[(i + 1)..] : path[(i + 1)..end];
                node = node is JsonObject o ? o[key] : null;
                i = end < 0 ? path.Length : end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }
                node = node is JsonArray a && index < a.Count ? a[index] : null;
                i = end + 1;
            }
            else
            {
                return null;
            }
        }
        return node;
    }
}
