using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Application.Demo;

/// <summary>
/// The demo's traded share of the Fujian forestry credits (FFCER): offsets-and-inclusion.md §4.2 says 274 200 t of FFCER
/// were traded for 5.25 M yuan by 2017-11-30 [confirmed]. The demo replays that volume and value on the exchange: the two
/// issued demo projects' classes (<see cref="Instruments"/>) are listed, the paper company (their owner) opens a trading
/// account, and <see cref="Trades"/> are placed as a sell by the paper company and a matching buy by the power or cement
/// company, each settled delivery versus payment through the registry and the cash ledger, all through the exchange's use
/// cases. The split into trades, the days (the five Beijing days before the demo is first seeded, so that /Market's K-line shows
/// them), the prices (≈ 19.15 yuan/t on average) and the 19.00 yuan listing price are demo choices. Each seeded day is
/// ended (<see cref="EndOfDay"/>), so the demo opens on the last seeded close (FJ0001 19.45, FJ0002 19.48), as a market
/// that had run those days would. The demo's GDEA-2017 trades (<see cref="DemoAllowanceTrades"/>) are played with them, day
/// by day, before each day's end.
/// </summary>
public sealed class DemoForestryTrades(ExchangeService exchange, RegistryService registry, IStore store)
{
    /// <summary>The listing price of both instruments, the first seeded day's reference: 19.00 yuan/t (a demo choice near the traded average).</summary>
    public const long ReferencePriceFen = 1_900;

    /// <summary>The selling company (credit code's first 17 characters), its holding account and its trader.</summary>
    public static (string Company, string HoldingAccount, string Trader) Seller { get; } = ("91440600MA5CY1004", "GD-HOLD-PAPER", "paper-a");

    /// <summary>The listed FFCER classes: FJ0001 (issued by the demo registry) and FJ0002 (issued by the demo offsets).</summary>
    public static IReadOnlyList<UnitClass> Instruments { get; } = [UnitClass.Parse("FFCER-FJ0001-2016"), UnitClass.Parse("FFCER-FJ0002-2016")];

    /// <summary>
    /// The trades: days before the demo's start, instrument, buyer's trader, tonnes, price in fen. Together 274 200 t and
    /// 5 250 000.00 yuan (§4.2's figures exactly); FJ0001 142 000 t of the owner's 144 000, FJ0002 132 200 t of 133 141.
    /// </summary>
    public static IReadOnlyList<(int DaysBefore, UnitClass Class, string Buyer, long Tonnes, long PriceFen)> Trades { get; } =
    [
        (5, Instruments[0], "power-a", 30_000, 1_860),
        (5, Instruments[0], "cement-a", 12_000, 1_875),
        (4, Instruments[0], "power-a", 25_000, 1_890),
        (4, Instruments[1], "cement-a", 20_000, 1_895),
        (3, Instruments[0], "power-a", 40_000, 1_920),
        (3, Instruments[1], "power-a", 35_000, 1_915),
        (2, Instruments[0], "cement-a", 35_000, 1_945),
        (2, Instruments[1], "power-a", 40_000, 1_930),
        (1, Instruments[1], "cement-a", 23_100, 1_940),
        (1, Instruments[1], "power-a", 14_100, 1_960),
    ];

    /// <summary>
    /// When the FFCER instruments are listed and the seller's trading account opened: 09:00 Beijing time on the day before
    /// the first seeded trade (the demo's exchange opens then, <see cref="DemoTimeline.ExchangeOpens"/>).
    /// </summary>
    public static DateTimeOffset ListedAt(DateTimeOffset now) =>
        BeijingTime.StartOf(BeijingTime.TradingDay(now).AddDays(-Trades.Max(t => t.DaysBefore) - 1)).AddHours(9);

    /// <summary>
    /// Seeds when the demo exchange is listed, no FFCER instrument is, and the demo's FFCER credits are issued; true when it
    /// seeded. The FFCER and the GDEA-2017 trades are placed at 10:00 + n minutes Beijing time on the days before
    /// <paramref name="now"/>; the two sellers' trading accounts (the paper and the aviation company) open when the FFCER
    /// instruments are listed.
    /// </summary>
    public async Task<bool> SeedIfEmptyAsync(DateTimeOffset now, CancellationToken ct)
    {
        var listed = await store.ReadAsync(s => s.Exchange.InstrumentsAsync(), ct).ConfigureAwait(false);
        var issued = await registry.QueryAsync((l, _) => Instruments.All(c => l.TotalIssued(c).Value > 0), ct).ConfigureAwait(false);
        if (listed.Count == 0 || !issued || listed.Any(i => i.Instrument.Class.Type == UnitType.Ffcer))
        {
            return false;
        }
        var staff = await ActorAsync(DemoRegistry.ExchangeRepresentatives[0], ct).ConfigureAwait(false);
        var firstDay = ListedAt(now);
        foreach (var c in Instruments)
        {
            var instrument = new Instrument(c.ToString(), c, ReferencePriceFen, 1, 1, Instrument.NationalMaxOrderTonnes,
                Instrument.NationalBandBasisPoints, TradingCalendar.AllDay.Name);
            Ensure(await exchange.HandleAsync(staff, new ListInstrument(instrument), firstDay, ct).ConfigureAwait(false));
        }
        foreach (var (company, holding, _) in (IEnumerable<(string, string, string)>)[Seller, DemoAllowanceTrades.Seller])
        {
            if (!OpenTradingAccount.TryParse(new(company + CreditCode.CheckCharacter(company), holding), out var open, out _))
            {
                throw new InvalidOperationException($"the demo seller {company}'s trading account does not parse");
            }
            Ensure(await exchange.HandleAsync(staff, open, firstDay, ct).ConfigureAwait(false));
        }
        var today = BeijingTime.TradingDay(now);
        var schedule = Schedule();
        for (var i = 0; i < schedule.Count; i++)
        {
            var (daysBefore, code, seller, buyer, tonnes, price, key) = schedule[i];
            var day = today.AddDays(-daysBefore);
            if (i > 0 && schedule[i - 1].DaysBefore != daysBefore)
            {
                await EndDayAsync(staff, today.AddDays(-schedule[i - 1].DaysBefore), ct).ConfigureAwait(false);
            }
            var at = new DateTimeOffset(day.Year, day.Month, day.Day, 10, i, 0, BeijingTime.Offset);
            Ensure(await exchange.HandleAsync(await ActorAsync(seller, ct).ConfigureAwait(false), Order(code, Side.Sell, tonnes, price, $"{key}sell-{i}"), at, ct)
                .ConfigureAwait(false));
            var bought = await exchange.HandleAsync(await ActorAsync(buyer, ct).ConfigureAwait(false),
                Order(code, Side.Buy, tonnes, price, $"{key}buy-{i}"), at.AddSeconds(30), ct).ConfigureAwait(false);
            if (bought is not ExchangeOutcome.Completed { Trades: [{ } trade] } || trade.Quantity != tonnes)
            {
                throw new InvalidOperationException($"Demo {code} trade {i} did not fill: {bought}");
            }
        }
        await EndDayAsync(staff, today.AddDays(-schedule[^1].DaysBefore), ct).ConfigureAwait(false);
        return true;
    }

    // The FFCER and the GDEA-2017 trades (DemoAllowanceTrades) day by day, earliest first, so that each day's trades come
    // before its end of day and every account's history reads forward.
    private static List<(int DaysBefore, string Code, string Seller, string Buyer, long Tonnes, long PriceFen, string Key)> Schedule() =>
        Trades.Select(t => (t.DaysBefore, t.Class.ToString(), Seller.Trader, t.Buyer, t.Tonnes, t.PriceFen, "ffcer-"))
            .Concat(DemoAllowanceTrades.Trades.Select(t => (t.DaysBefore, DemoAllowanceTrades.Instrument.ToString(), DemoAllowanceTrades.Seller.Trader,
                DemoAllowanceTrades.Buyer, t.Tonnes, t.PriceFen, "gdea-")))
            .OrderByDescending(t => t.DaysBefore)
            .ToList();

    // Each seeded day is ended as the exchange would end it, at 15:30 Beijing time: its close (by the instrument's rule)
    // becomes the next day's reference and band, so the market opens on the last seeded close, not on the listing price.
    private async Task EndDayAsync(Actor staff, DateOnly day, CancellationToken ct) =>
        Ensure(await exchange.HandleAsync(staff, new EndOfDay(day), new DateTimeOffset(day.Year, day.Month, day.Day, 15, 30, 0, BeijingTime.Offset), ct)
            .ConfigureAwait(false));

    private static PlaceOrder Order(string instrument, Side side, long tonnes, long priceFen, string key) =>
        new(instrument, side, OrderType.Limit, priceFen, tonnes, IdempotencyKey.From("demo-" + key));

    private Task<Actor> ActorAsync(string userName, CancellationToken ct) => DemoActors.FindAsync(store, userName, ct);

    private static void Ensure(ExchangeOutcome outcome)
    {
        if (outcome is not ExchangeOutcome.Completed)
        {
            throw new InvalidOperationException($"Demo trades seeding was refused: {outcome}");
        }
    }
}
