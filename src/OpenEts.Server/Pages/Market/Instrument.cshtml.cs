using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Exchange;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Server.Api;

namespace OpenEts.Server.Pages.Market;

/// <summary>
/// One instrument's market, public: the ticker, the top 5 levels of the book, and the K-line and volume chart (1 minute
/// or 1 day), drawn by wwwroot/js/market.js from the bars the server renders into the page; a halted instrument says so,
/// why and since when.
/// </summary>
[AllowAnonymous]
public sealed class InstrumentModel(MarketDataQueries market, ExchangeQueries exchange) : PageModel
{
    public string Code { get; private set; } = "";

    public Ticker? Ticker { get; private set; }

    public BookDepth? Depth { get; private set; }

    /// <summary>The instrument's halt when it is halted, else null.</summary>
    public InstrumentHalt? Halt { get; private set; }

    public string IntervalName { get; private set; } = "1m";

    public IReadOnlyList<Bar> Bars { get; private set; } = [];

    /// <summary>The interval asked for that is not one of 1m and 1d, or null.</summary>
    public string? IntervalRefused { get; private set; }

    /// <summary>True when the address names no listed instrument: the page says so (404) and lists those that are.</summary>
    public bool Unlisted { get; private set; }

    /// <summary>The listed instruments' codes, shown when the address names none of them.</summary>
    public IReadOnlyList<string> Listed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, string? interval, CancellationToken ct)
    {
        // An interval the market does not draw is said so, and the 1-minute chart (what the parse answers then) shown in its place.
        var known = MarketDataQueries.TryParseInterval(interval, out var i);
        IntervalRefused = known || string.IsNullOrEmpty(interval) ? null : interval;
        if (await market.TickerAsync(code, ct) is not { } ticker)
        {
            // A code typed with other letter case (gdea-2017) goes to its instrument; any other is said so, with the listed
            // codes to pick from, rather than a bare 404.
            if (await market.ListedCodeAsync(code, ct) is { } listed)
            {
                return RedirectToPage(new { code = listed, interval });
            }
            (Code, Unlisted) = (code, true);
            Listed = [.. (await market.InstrumentsAsync(ct)).Select(l => l.Instrument)];
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        (i, Bars) = string.IsNullOrEmpty(interval) && await market.OpeningChartAsync(code, ct) is { } opening
            ? opening
            : (i, await market.KLinesAsync(code, i, ct) ?? []);
        (Code, Ticker, IntervalName) = (code, ticker, MarketDataQueries.IntervalName(i));
        Depth = await market.DepthAsync(code, ct);
        Halt = Depth is { Halted: true } ? (await exchange.HaltsAsync(ct)).GetValueOrDefault(code) : null;
        return Page();
    }

    /// <summary>The chart's data for market.js: the instrument, the interval and the bars as the API shows them.</summary>
    public string ChartJson() => JsonSerializer.Serialize(new KLinesChart(Code, IntervalName, [.. Bars.Select(MarketEndpoints.View)]),
        JsonSerializerOptions.Web);

    private sealed record KLinesChart(string Instrument, string Interval, IReadOnlyList<MarketEndpoints.BarView> Bars);
}
