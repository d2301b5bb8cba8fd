using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Json.Schema;
using OpenEts.Domain.Allocation;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Allocation;

/// <summary>
/// Reads and writes plan documents: checks a document against the published schema (plans/schema/plan.schema.json)
/// and the rules a schema cannot state, then reads it into an <see cref="AllocationPlan"/>. Every problem names the
/// JSON path (<c>$.sectors[1].products[0].benchmark.value</c>) and the rule (the schema keyword or ours).
/// </summary>
public static class PlanJson
{
    /// <summary>The serializer options of plan documents: camelCase names and enum values, numbers as numbers.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Lazy<string> SchemaTextLazy = new(() => Resource("OpenEts.Plans.Schema.plan.schema.json"));

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaTextLazy.Value));

    private static readonly Lazy<JsonNode> SchemaNode = new(() => JsonNode.Parse(SchemaTextLazy.Value)!);

    // One options object for every evaluation: JsonSchema.Net 7 rebuilds a schema's cached constraints when it is given
    // options it has not seen, and two plans checked at once with options of their own could each see the other's half-
    // built constraints and pass an invalid plan (json-everything issue 929; seen here as a negative benchmark accepted
    // once under the parallel test run).
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The published schema, as served at <c>/api/v1/allocation/schema</c>.</summary>
    public static string SchemaText => SchemaTextLazy.Value;

    /// <summary>The ids of the plans shipped with the platform (plans/*.json).</summary>
    public static IReadOnlyList<string> ShippedPlans { get; } = [.. typeof(PlanJson).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("OpenEts.Plans.", StringComparison.Ordinal) && !n.StartsWith("OpenEts.Plans.Schema.", StringComparison.Ordinal))
        .Select(n => n["OpenEts.Plans.".Length..^".json".Length]).Order(StringComparer.Ordinal)];

    /// <summary>The shipped document of plan <paramref name="id"/> (e.g. <c>guangdong-2017</c>).</summary>
    public static string Shipped(string id) => Resource($"OpenEts.Plans.{id}.json");

    /// <summary>Checks and reads <paramref name="json"/>; on failure <paramref name="problems"/> names each path and rule.</summary>
    public static bool TryRead(string? json, [NotNullWhen(true)] out AllocationPlan? plan, out IReadOnlyList<FieldError> problems)
    {
        plan = null;
        JsonNode? node;
        try
        {
            node = string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            problems = [new FieldError("$", "Json", $"$: not JSON ({e.Message})")];
            return false;
        }
        if (node is not JsonObject)
        {
            problems = [new FieldError("$", "type", "$: a plan is a JSON object")];
            return false;
        }
        var result = Schema.Value.Evaluate(node, Evaluation);
        if (!result.IsValid)
        {
            problems = SchemaProblems(result);
            return false;
        }
        plan = node.Deserialize<AllocationPlan>(Options) ?? throw new InvalidOperationException("a valid plan read as null");
        problems = PlanRules.Check(plan);
        if (problems.Count > 0)
        {
            plan = null;
            return false;
        }
        return true;
    }

    /// <summary>The document of <paramref name="plan"/> (indented, camelCase).</summary>
    public static string Write(AllocationPlan plan) => JsonSerializer.Serialize(plan, Options);

    /// <summary>A JSON pointer (<c>/sectors/1/benchmark</c>) as a path (<c>$.sectors[1].benchmark</c>).</summary>
    public static string PathOf(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var path = new System.Text.StringBuilder("$");
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path.Append(int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"[{segment}]" : "." + segment);
        }
        return path.ToString();
    }

    private static List<FieldError> SchemaProblems(EvaluationResults result)
    {
        var problems = new List<FieldError>();
        // A failing "if" only picks the branch: what it reports is not a problem of the document.
        foreach (var detail in result.Details.Where(d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Split('/').Contains("if")))
        {
            var path = PathOf(detail.InstanceLocation.ToString());
            foreach (var (key, message) in detail.Errors!)
            {
                // A false schema (additionalProperties: false) reports no keyword: the rule is the keyword that led to it.
                var keyword = key.Length > 0 ? key : detail.EvaluationPath.ToString().Split('/')[^1];
                // "allOf"/"$ref" only repeat what the nested results say; keep the rule that failed.
                if (keyword is "allOf" or "$ref" or "if" or "then")
                {
                    continue;
                }
                problems.Add(new FieldError(path, keyword, $"{path}: {message}") { Figures = Bounds(keyword, detail.SchemaLocation) });
            }
        }
        return problems.Count > 0 ? [.. problems.DistinctBy(p => (p.Field, p.Rule, p.Message))] : [new FieldError("$", "schema", "$: the document does not match the plan schema")];
    }

    // A broken minimum or maximum carries the bounds of its figure, lower then upper ("" for none), so that the plan
    // editor can say both (a free share is from 0 to 1); other keywords carry none.
    private static IReadOnlyList<string> Bounds(string keyword, Uri location)
    {
        if (keyword is not ("minimum" or "maximum"))
        {
            return [];
        }
        JsonNode? schema = SchemaNode.Value;
        foreach (var raw in Uri.UnescapeDataString(location.Fragment.TrimStart('#')).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            schema = schema is JsonObject o ? o[segment] : null;
        }
        return schema is JsonObject bounds
            ? [bounds["minimum"]?.ToJsonString() ?? "", bounds["maximum"]?.ToJsonString() ?? ""]
            : [];
    }

    private static string Resource(string name)
    {
        using var stream = typeof(PlanJson).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
