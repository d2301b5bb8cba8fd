using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenEts.Server.Pages.Shared;

/// <summary>
/// The data of one chart as wwwroot/js/charts.js reads it: a kind ("bar", "line", "stacked"), the category axis, the
/// series and the unit. Pages render it into a <c>&lt;script type="application/json"&gt;</c> block; no script runs inline.
/// </summary>
public sealed record ChartSpec(string Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string Unit)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The JSON for the page; HTML-safe (System.Text.Json escapes &lt;, &gt; and &amp;).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
