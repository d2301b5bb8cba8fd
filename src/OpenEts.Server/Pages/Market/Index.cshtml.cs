using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Exchange;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Market;

/// <summary>The market (行情), public: every listed instrument's ticker (a halted one says so, why and since when), and the published statistics.</summary>
[AllowAnonymous]
public sealed class IndexModel(MarketDataQueries market, ExchangeQueries exchange) : PageModel
{
    public IReadOnlyList<Ticker> Tickers { get; private set; } = [];

    /// <summary>Each halted instrument's halt, by code.</summary>
    public IReadOnlyDictionary<string, InstrumentHalt> Halts { get; private set; } = new Dictionary<string, InstrumentHalt>();

    /// <summary>
    /// Each instrument's official closing price (its rule's, at the end of day) over the latest ends of day kept, one line
    /// an instrument; null before the first end of day.
    /// </summary>
    public ChartSpec? CloseTrend { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tickers = new List<Ticker>();
        foreach (var (instrument, _) in await market.InstrumentsAsync(ct))
        {
            if (await market.TickerAsync(instrument, ct) is { } t)
            {
                tickers.Add(t);
            }
        }
        Tickers = tickers;
        Halts = await exchange.HaltsAsync(ct);
        var closes = await exchange.ClosesAsync(null, ct);
        if (closes.Count > 0)
        {
            var days = closes.Select(c => c.Close.Day).Distinct().Order().ToList();
            var byInstrument = closes.GroupBy(c => c.Instrument).OrderBy(g => g.Key, StringComparer.Ordinal);
            CloseTrend = new ChartSpec("line", [.. days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
                [.. byInstrument.Select(g =>
                {
                    var close = g.ToDictionary(c => c.Close.Day, c => c.Close.CloseFen);
                    return new ChartSeries(g.Key, [.. days.Select(d => close.TryGetValue(d, out var fen) ? fen / 100m : (decimal?)null)]);
                })],
                Text.T("market.axis.price"), Scale: true);
        }
    }
}
