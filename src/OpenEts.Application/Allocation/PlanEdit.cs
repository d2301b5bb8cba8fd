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
    /// <summary>
    /// The request's own name for this edit (<c>edits[0].value</c>, <c>set[2]</c>): a problem of the edited plan at this
    /// figure is named by it. Null names the edit by <see cref="Target"/>.
    /// </summary>
    public string? Field { get; init; }

    /// <summary>
    /// The request's own name for the figure this edit names (<c>edits[0].path</c>, <c>set[2]</c>): a target that names
    /// no figure of the plan is refused at it. Null names it as <see cref="Field"/> does.
    /// </summary>
    public string? TargetField { get; init; }

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

    /// <summary>The figure a <c>NAME=VALUE</c> line names (its NAME, trimmed); null for a line that names none.</summary>
    public static string? TargetOf(string? line)
    {
        var eq = line?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        return eq > 0 ? line![..eq].Trim() : null;
    }

    /// <summary>
    /// Reads a what-if's <c>NAME=VALUE</c> lines as typed (the API's <c>set</c> list, the page's box one a line): a blank
    /// line is skipped, and each edit and each line that does not read is named by its position among the lines
    /// (<c>set[2]</c> for the third), so that the API, the page and the confirmation name a line alike. Every bad line is
    /// reported (rule <c>SetFigure</c>), not only the first.
    /// </summary>
    public static bool TryParseLines(IReadOnlyList<string?>? lines, string source, out IReadOnlyList<PlanEdit> edits,
        out IReadOnlyList<Domain.Organisations.FieldError> errors)
    {
        var read = new List<PlanEdit>();
        var problems = new List<Domain.Organisations.FieldError>();
        for (var i = 0; i < (lines?.Count ?? 0); i++)
        {
            var line = lines![i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var field = $"set[{i}]";
            if (TryParse(line.Trim(), source, out var edit, out var reason))
            {
                read.Add(edit with { Field = field, TargetField = field });
            }
            else
            {
                problems.Add(new Domain.Organisations.FieldError(field, "SetFigure", $"{field}: {reason}"));
            }
        }
        edits = read;
        errors = problems;
        return problems.Count == 0;
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
                var field = edit.TargetField ?? edit.Field ?? edit.Target;
                problems.Add(new(field, "UnknownFigure",
                    $"{(field == edit.Target ? "" : field + ": ")}{edit.Target}: no figure of the plan has this name or path"));
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

    /// <summary>
    /// Applies <paramref name="edits"/> to <paramref name="document"/> and checks the edited plan (schema and plan rules);
    /// a problem at an edited figure (a free share above 1) is named as the edit (<see cref="Named"/>).
    /// </summary>
    public static bool TryApplyAndRead(string document, IReadOnlyList<PlanEdit> edits, [NotNullWhen(true)] out string? edited,
        out IReadOnlyList<Domain.Organisations.FieldError> errors)
    {
        if (!TryApply(document, edits, out edited, out var paths, out errors))
        {
            return false;
        }
        if (!PlanJson.TryRead(edited, out _, out errors))
        {
            errors = Named(edits, paths, errors);
            edited = null;
            return false;
        }
        return true;
    }

    /// <summary>
    /// The problems of an edited plan, each one at a figure that an edit changed named as that edit: its field
    /// (<see cref="Field"/>), and for a value out of the schema's bounds the platform's rule with its figures — value,
    /// lower and upper bound (<c>FigureRange</c>), value and lower bound (<c>FigureMinimum</c>), value and upper bound
    /// (<c>TooLarge</c>). <paramref name="paths"/> are the JSON paths the edits resolved to, in order. Other problems stay
    /// as the plan names them.
    /// </summary>
    public static IReadOnlyList<Domain.Organisations.FieldError> Named(IReadOnlyList<PlanEdit> edits, IReadOnlyList<string> paths,
        IReadOnlyList<Domain.Organisations.FieldError> problems)
    {
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(problems);
        var named = new List<Domain.Organisations.FieldError>();
        foreach (var problem in problems)
        {
            // The last edit of a figure is the one whose value the plan holds.
            var at = -1;
            for (var i = 0; i < Math.Min(edits.Count, paths.Count); i++)
            {
                if (problem.Field == paths[i] || problem.Field.StartsWith(paths[i] + ".", StringComparison.Ordinal))
                {
                    at = i;
                }
            }
            named.Add(at < 0 ? problem : AsEdit(edits[at], paths[at], problem));
        }
        return named;
    }

    private static Domain.Organisations.FieldError AsEdit(PlanEdit edit, string path, Domain.Organisations.FieldError problem)
    {
        var field = edit.Field ?? edit.Target;
        var value = edit.Value.ToString(CultureInfo.InvariantCulture);
        if (problem is not { Rule: "minimum" or "maximum", Figures: [var low, var high] })
        {
            return problem with { Field = field, Message = $"{field}: {problem.Message}" };
        }
        var (rule, figures, says) = (low.Length > 0, high.Length > 0) switch
        {
            (true, true) => ("FigureRange", new[] { value, low, high }, $"{value} is outside the allowed range, {low} to {high}"),
            (true, false) => ("FigureMinimum", new[] { value, low }, $"{value} is less than {low}, the least allowed"),
            _ => ("TooLarge", new[] { value, high }, $"{value} is more than {high}, the largest allowed"),
        };
        return new Domain.Organisations.FieldError(field, rule, $"{field} ({path}): {says}") { Figures = figures };
    }

    /// <summary>The JSON path of the figure <paramref name="target"/> names in <paramref name="document"/>; null when none.</summary>
    public static string? PathOf(string document, string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return JsonNode.Parse(document) is JsonObject root && Resolve(root, target.Trim()) is JsonObject figure && figure["value"] is not null
            ? figure.GetPath()
            : null;
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
