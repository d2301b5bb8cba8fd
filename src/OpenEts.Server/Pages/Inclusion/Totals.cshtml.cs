using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// A programme's public statistics (公开统计), no sign-in: reductions by behaviour and month, coins issued and redeemed by
/// month (ECharts, wwwroot/js/charts.js), the totals, coins given to causes, and the PHCER aggregated. Sums over all
/// citizens only; a cell of fewer citizens than the programme's minimum group is withheld (a gap in the charts).
/// </summary>
[AllowAnonymous]
public sealed class TotalsModel(InclusionQueries queries) : InclusionPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public IReadOnlyList<InclusionProgramme> Programmes { get; private set; } = [];

    public PublicTotals? Totals { get; private set; }

    public ChartSpec? ReductionChart { get; private set; }

    public ChartSpec? CoinChart { get; private set; }

    /// <summary>What a chart can show: figures, figures with withheld gaps, only withheld cells, or nothing at all.</summary>
    public enum ChartContent
    {
        Figures,
        FiguresWithGaps,
        Withheld,
        Empty,
    }

    /// <summary>What <paramref name="chart"/> holds: a chart of withheld cells alone is replaced by a note, not drawn as empty axes.</summary>
    public static ChartContent ContentOf(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var shown = chart.Series.Any(s => s.Data.Any(v => v is not null and not 0m));
        var withheld = chart.Series.Any(s => s.Data.Any(v => v is null));
        return (shown, withheld) switch
        {
            (true, true) => ChartContent.FiguresWithGaps,
            (true, false) => ChartContent.Figures,
            (false, true) => ChartContent.Withheld,
            _ => ChartContent.Empty,
        };
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Programmes = queries.InForce();
        Totals = await queries.PublicTotalsAsync(string.IsNullOrWhiteSpace(Id) && Programmes.Count > 0 ? Programmes[0].Code : Id, ct);
        if (Totals is not { } t)
        {
            return NotFound();
        }
        Id = t.Programme.Code;
        ReductionChart = new ChartSpec("stacked", t.Months,
            [.. t.Reductions.Select(b => new ChartSeries(Text.T("incl.b." + Behaviours.CodeOf(b.Behaviour)),
                [.. b.Reduction.Select((_, i) => b.Shown(i) is { } g ? g.Grams / 1000m : (decimal?)null)]))],
            "kg CO₂");
        CoinChart = new ChartSpec("bar", t.Months,
        [
            new ChartSeries(Text.T("incl.totals.issued"), [.. t.CoinsIssued.Select((c, i) => t.IssuedSuppressed[i] ? null : (decimal?)c)]),
            new ChartSeries(Text.T("incl.totals.redeemed"), [.. t.CoinsRedeemed.Select((c, i) => t.RedeemedSuppressed[i] ? null : (decimal?)c)]),
        ], Text.T("incl.coinunit"));
        return Page();
    }
}
