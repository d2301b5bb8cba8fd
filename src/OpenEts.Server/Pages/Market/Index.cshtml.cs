using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Exchange;
using OpenEts.Application.Exchange.MarketData;
using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Server.Pages.Market;

/// <summary>The market (行情), public: every listed instrument's ticker (a halted one says so, why and since when), and the published statistics.</summary>
[AllowAnonymous]
public sealed class IndexModel(MarketDataQueries market, ExchangeQueries exchange) : PageModel
{
    public IReadOnlyList<Ticker> Tickers { get; private set; } = [];

    /// <summary>Each halted instrument's halt, by code.</summary>
    public IReadOnlyDictionary<string, InstrumentHalt> Halts { get; private set; } = new Dictionary<string, InstrumentHalt>();

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
    }
}
