using System.Diagnostics.CodeAnalysis;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Domain.Exchange;

/// <summary>
/// A listed instrument (交易品种): one order book, trading one registry unit class. Prices are integer fen (0.01 元) per
/// tonne, quantities whole tonnes. The band is ±<see cref="BandBasisPoints"/> of <see cref="ReferencePriceFen"/> (the
/// previous close), rounded inwards to the tick by the matching engine (<see cref="InstrumentSettings"/>).
/// </summary>
/// <param name="Code">The instrument's code: ASCII letters, digits and <c>-</c>, at most 32, e.g. <c>GDEA-2017</c>, <c>CEA-2024</c>.</param>
/// <param name="Class">The registry unit class it trades.</param>
/// <param name="ReferencePriceFen">The reference price (the previous close), fen per tonne, ≥ 1.</param>
/// <param name="TickFen">The price step in fen, ≥ 1.</param>
/// <param name="LotTonnes">The quantity step in tonnes, ≥ 1.</param>
/// <param name="MaxOrderTonnes">The largest order, tonnes, inclusive.</param>
/// <param name="BandBasisPoints">The daily price band in basis points of the reference (1 000 = ±10 %).</param>
/// <param name="Calendar">The name of its trading calendar (<see cref="TradingCalendar.Named"/>).</param>
public sealed record Instrument(
    string Code, UnitClass Class, long ReferencePriceFen, long TickFen, long LotTonnes, long MaxOrderTonnes, int BandBasisPoints,
    string Calendar)
{
    /// <summary>The longest instrument code.</summary>
    public const int MaxCodeLength = 32;

    /// <summary>Listed orders must be under 100 000 t: at most 99 999 t (trading.md §5.1, national market, [confirmed]).</summary>
    public const long NationalMaxOrderTonnes = 99_999;

    /// <summary>±10 % of the previous close (trading.md §5.1, national 挂牌协议, [confirmed]).</summary>
    public const int NationalBandBasisPoints = 1_000;

    /// <summary>
    /// The national allowance (CEA) of a vintage: tick 0.01 元, lot 1 t, under 100 000 t per order, ±10 % band, the national
    /// hours (trading.md §5.1, all [confirmed]).
    /// </summary>
    public static Instrument Cea(int vintage, long referencePriceFen) => new(
        "CEA-" + vintage.ToString(System.Globalization.CultureInfo.InvariantCulture), UnitClass.Allowance(UnitClass.National, vintage),
        referencePriceFen, 1, 1, NationalMaxOrderTonnes, NationalBandBasisPoints, TradingCalendar.National.Name);

    /// <summary>
    /// A Guangdong allowance (GDEA) of a vintage. Guangzhou's band, lot, maximum and hours were not found (guangdong.md
    /// §1.7): the national figures are used, [UNCONFIRMED]; the 0.01 元 tick is Hubei's (trading.md §5.2, [confirmed] for
    /// Hubei), [UNCONFIRMED] for Guangzhou.
    /// </summary>
    public static Instrument Gdea(int vintage, long referencePriceFen, string calendar) => new(
        "GDEA-" + vintage.ToString(System.Globalization.CultureInfo.InvariantCulture), UnitClass.Allowance(GuangdongJurisdiction, vintage),
        referencePriceFen, 1, 1, NationalMaxOrderTonnes, NationalBandBasisPoints, calendar);

    /// <summary>
    /// The T+1 resale restriction (<see cref="ResaleCheck"/>): when true, units bought on a Beijing trading day cannot be
    /// sold on the same day. Off by default; the operator switches it per instrument. The national settlement cycle (T+1)
    /// was not retrieved (trading.md §5.1, [UNCONFIRMED]).
    /// </summary>
    public bool ResaleNextDay { get; init; }

    /// <summary>
    /// The national 挂牌协议 rule (trading.md §5.1, [confirmed]): an order trades at the counterparty's price within the best
    /// 5 price levels of the other side (<see cref="InstrumentSettings.NationalMatchLevels"/>); what would still cross
    /// the 6th is cancelled (docs/matching.md, "Best 5 levels"). Off by default; the operator switches it per instrument.
    /// </summary>
    public bool BestFiveLevels { get; init; }

    /// <summary>Which of the instrument's figures come from no retrieved source (shown as "unconfirmed").</summary>
    public bool IsUnconfirmed => !Code.StartsWith("CEA-", StringComparison.Ordinal);

    /// <summary>The matching engine's settings for the book (throws when the figures are out of the engine's bounds).</summary>
    public InstrumentSettings Settings() => InstrumentSettings.Create(
        Code, ReferencePriceFen, TickFen, LotTonnes, MaxOrderTonnes, BandBasisPoints, SelfTradePrevention.CancelIncoming,
        BestFiveLevels ? InstrumentSettings.NationalMatchLevels : 0);

    /// <summary>
    /// True when <paramref name="settings"/> (an order book's) state this instrument's figures as <see cref="Settings"/>
    /// would make them: its code, reference price, tick, lot, maximum order, band and matching levels.
    /// </summary>
    public bool IsStatedBy(InstrumentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Code == Code && settings.ReferencePriceFen == ReferencePriceFen && settings.TickFen == TickFen
            && settings.LotTonnes == LotTonnes && settings.MaxOrderTonnes == MaxOrderTonnes && settings.BandBasisPoints == BandBasisPoints
            && settings.MatchLevels == (BestFiveLevels ? InstrumentSettings.NationalMatchLevels : 0)
            && settings.SelfTradePrevention == SelfTradePrevention.CancelIncoming;
    }

    /// <summary>
    /// How its official close is set: Guangzhou's 挂牌点选 rule for a Guangdong allowance (GDEA), which only 广碳所 trades,
    /// whatever its hours, and for any instrument on the Guangzhou calendar (guangdong.md §1.7 [confirmed]: the rule covers
    /// GDEA, CCER and PHCER at 广碳所); else the national VWAP rule (trading.md §5.1 [confirmed]). The close reads the
    /// day's 挂牌点选 trades with the book's trades beside them: [UNCONFIRMED] as a reading.
    /// </summary>
    public MarketData.ClosingRule ClosingRule =>
        Calendar == TradingCalendar.Guangzhou.Name || Class is { Type: UnitType.Allowance, Jurisdiction: GuangdongJurisdiction }
            ? MarketData.ClosingRule.GuangzhouClickListing
            : MarketData.ClosingRule.NationalVwap;

    // The registry's jurisdiction code of Guangdong's allowances (GDEA).
    private const string GuangdongJurisdiction = "GD";

    /// <summary>The trading calendar (the demo's all-day one when the name is unknown).</summary>
    public TradingCalendar TradingCalendar => TradingCalendar.Named(Calendar) ?? TradingCalendar.AllDay;

    /// <summary>Checks the figures of an instrument a person typed; the reason names the figure.</summary>
    public static bool TryCreate(
        string? code, UnitClass unitClass, long referencePriceFen, long tickFen, long lotTonnes, long maxOrderTonnes, int bandBasisPoints,
        string? calendar, [NotNullWhen(true)] out Instrument? instrument, [NotNullWhen(false)] out string? reason)
    {
        instrument = null;
        // Each figure's own rule, its field first ("lot: …"), so that the refusal names what to change.
        reason = code is null || code.Length is 0 or > MaxCodeLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? $"code: ASCII letters, digits and '-', 1 to {MaxCodeLength} characters"
            : TradingCalendar.Named(calendar) is null ? "calendar: one of national, guangzhou, all-day"
            : referencePriceFen is < 1 or > InstrumentSettings.MaxReferencePriceFen
                ? $"referencePrice: from 0.01 to {InstrumentSettings.MaxReferencePriceFen / 100m:0.00} yuan"
            : tickFen < 1 ? "tick: at least 0.01 yuan"
            : lotTonnes < 1 ? "lot: whole tonnes, at least 1"
            : maxOrderTonnes < lotTonnes ? $"maxOrder: at least one lot ({lotTonnes} t), not {maxOrderTonnes} t"
            : maxOrderTonnes > InstrumentSettings.MaxOrderTonnesLimit ? $"maxOrder: at most {InstrumentSettings.MaxOrderTonnesLimit} t"
            : null;
        if (reason is not null)
        {
            return false;
        }
        try
        {
            var candidate = new Instrument(code!, unitClass, referencePriceFen, tickFen, lotTonnes, maxOrderTonnes, bandBasisPoints, calendar!);
            _ = candidate.Settings();
            instrument = candidate;
            return true;
        }
        catch (ArgumentException e)
        {
            // What remains is the tick against the band: no price of the grid within it, or too many.
            var message = e.Message.Split(" (Parameter", 2)[0];
            reason = e.ParamName == "tickFen" ? $"tick: {message}" : $"{e.ParamName ?? "code"}: {message}";
            return false;
        }
    }
}
