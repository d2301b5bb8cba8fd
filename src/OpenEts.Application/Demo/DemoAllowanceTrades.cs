using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Demo;

/// <summary>
/// The demo's GDEA-2017 trading history, so that the allowance market (the demo's flagship instrument) opens with a recent
/// price trend: <see cref="Trades"/> are placed as a sell by the aviation company (which opens a trading account when the
/// demo's exchange opens) and a matching buy by the paper company, each settled delivery versus payment, on the same five
/// Beijing days as the FFCER trades and ended at 15:30 with them (<see cref="DemoForestryTrades"/> plays both day by day,
/// so that every account's history reads forward). All of it is a demo choice, not market data: the counterparties (the
/// two companies the exchange tests trade least), the split into trades, the tonnes (290 000 t in all) and the prices
/// (a gentle rise from 15.72 to 16.09 yuan/t, ending on the listing price, <see cref="DemoExchange.ReferencePriceFen"/>,
/// well inside its ±10 % band).
/// </summary>
public static class DemoAllowanceTrades
{
    /// <summary>The traded instrument: GDEA-2017, listed by <see cref="DemoExchange"/>.</summary>
    public static UnitClass Instrument => DemoRegistry.Allowances;

    /// <summary>The selling company (credit code's first 17 characters), its holding account and its trader.</summary>
    public static (string Company, string HoldingAccount, string Trader) Seller { get; } = ("91440101MA5CY1005", "GD-HOLD-AVIATION", "aviation-a");

    /// <summary>The buying trader: the paper company's, whose trading account the FFCER seeding opens.</summary>
    public const string Buyer = "paper-a";

    /// <summary>
    /// The trades: days before the demo's start, tonnes, price in fen. Together 290 000 t for 4 614 000.00 yuan, from
    /// 50 000 to 80 000 t a day (demo choices). The last day's VWAP (16.086 → 16.09) and its last trade are both 16.09
    /// yuan/t, so that the demo opens on its documented 16.09 previous close and band (14.49–17.69). Two trades on each of
    /// the last two days: fewer minute bars in the 1-minute chart's two days than the five days traded, so the market page
    /// opens on the daily chart (a thin market's, <see cref="Exchange.MarketData.MarketDataQueries.MinuteBarsForTheMinuteChart"/>).
    /// </summary>
    public static IReadOnlyList<(int DaysBefore, long Tonnes, long PriceFen)> Trades { get; } =
    [
        (5, 30_000, 1_572),
        (5, 20_000, 1_578),
        (4, 25_000, 1_580),
        (4, 40_000, 1_586),
        (4, 15_000, 1_583),
        (3, 35_000, 1_590),
        (3, 20_000, 1_595),
        (2, 30_000, 1_598),
        (2, 25_000, 1_603),
        (1, 10_000, 1_607),
        (1, 40_000, 1_609),
    ];
}
