using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenEts.Server.Pages.Shared;

/// <summary>
/// The data of one chart as wwwroot/js/charts.js reads it: a kind ("bar", "line", "stacked"), the category axis, the
/// series and the unit. Pages render it into a <c>&lt;script type="application/json"&gt;</c> block; no script runs inline.
/// <paramref name="Scale"/> fits the value axis to the data instead of starting it at 0 (prices, whose moves a scale from 0
/// flattens).
/// </summary>
public sealed record ChartSpec(string Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string Unit, bool? Scale = null)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// 16 colours told apart from each other, for a chart of more series than ECharts' own palette of 9 (which repeats):
    /// series <c>i</c> takes <c>Distinct[i % 16]</c>.
    /// </summary>
    public static IReadOnlyList<string> Distinct { get; } =
    [
        "#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4",
        "#ea7ccc", "#8c564b", "#17becf", "#bcbd22", "#393b79", "#e377c2", "#7f7f7f", "#637939",
    ];

    /// <summary>The JSON for the page; HTML-safe (System.Text.Json escapes &lt;, &gt; and &amp;).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
