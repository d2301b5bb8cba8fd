using System.Globalization;
using OpenEts.Matching;

namespace OpenEts.Domain.Exchange;

/// <summary>A pre-trade check's refusal: the rule, the order's field at fault and a sentence (English) naming the figures.</summary>
public sealed record PreTradeRefusal(ExchangeRule Rule, string Field, string Message)
{
    /// <summary>The figures <see cref="Message"/> names (the band, the lot, the maximum), for a message in another language.</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    /// <summary>A refusal whose sentence names figures: the sentence in the invariant culture, and its figures.</summary>
    public static PreTradeRefusal Of(ExchangeRule rule, string field, FormattableString message) =>
        new(rule, field, Text.Figures.Sentence(message)) { Figures = Text.Figures.Of(message) };
}

/// <summary>
/// The exchange's pre-trade checks on an order's own terms (风控), before any money or unit is reserved, in this order:
/// the instrument halted, the trading day already closed by its end of day (日终), the trading hours, the price (positive, on the tick, inside the band), the quantity (a whole
/// number of lots, at most the maximum). Cash, units and account state are checked by the ledgers that hold them.
/// </summary>
public static class PreTradeCheck
{
    /// <summary>The first rule the order breaks, or null.</summary>
    /// <param name="instrument">The instrument with its current reference price.</param>
    /// <param name="halted">True while the operator (or a failed reconciliation) halts the instrument.</param>
    /// <param name="closedThrough">The last Beijing trading day the end of day closed for the instrument; null if none.</param>
    /// <param name="now">The instant the order arrives.</param>
    /// <param name="order">The order's terms.</param>
    public static PreTradeRefusal? Check(Instrument instrument, bool halted, DateOnly? closedThrough, DateTimeOffset now, OrderTerms order)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return Check(instrument, instrument.Settings(), halted, closedThrough, now, order);
    }

    /// <summary>
    /// The same checks with the engine's settings of <paramref name="instrument"/> already made (its book's, when they
    /// state the instrument's figures: <see cref="Instrument.IsStatedBy"/>), so that a check makes nothing.
    /// </summary>
    public static PreTradeRefusal? Check(
        Instrument instrument, InstrumentSettings settings, bool halted, DateOnly? closedThrough, DateTimeOffset now, OrderTerms order)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(order);
        if (!instrument.IsStatedBy(settings))
        {
            throw new ArgumentException($"the settings given are not {instrument.Code}'s", nameof(settings));
        }
        if (halted)
        {
            return new(ExchangeRule.InstrumentHalted, "instrument", $"{instrument.Code} is halted: only cancels are accepted");
        }
        if (DayClosed(instrument.Code, closedThrough, now) is { } closed)
        {
            return closed;
        }
        if (!instrument.TradingCalendar.IsOpen(now))
        {
            return PreTradeRefusal.Of(ExchangeRule.TradingHours, "instrument",
                $"{instrument.Code} trades {instrument.TradingCalendar.SessionsText} Beijing time on trading days; it is {now.ToOffset(TradingCalendar.Beijing):yyyy-MM-dd HH:mm} there");
        }
        if (order.PriceFen is { } price)
        {
            if (price <= 0)
            {
                return new(ExchangeRule.BadPrice, "price", "the price must be positive");
            }
            if (price % settings.TickFen != 0)
            {
                return PreTradeRefusal.Of(ExchangeRule.Tick, "price", $"the price must be a multiple of the tick, {Yuan(settings.TickFen)} yuan");
            }
            if (price < settings.LowerBandFen || price > settings.UpperBandFen)
            {
                return PreTradeRefusal.Of(ExchangeRule.PriceBand, "price",
                    $"the price must be within the band {Yuan(settings.LowerBandFen)}–{Yuan(settings.UpperBandFen)} yuan (±{settings.BandBasisPoints / 100m:0.##} % of {Yuan(settings.ReferencePriceFen)})");
            }
        }
        else if (order.Type != OrderType.Market)
        {
            return new(ExchangeRule.BadPrice, "price", "a limit, IOC or FOK order needs a price");
        }
        if (order.Quantity <= 0 || order.Quantity % settings.LotTonnes != 0)
        {
            return PreTradeRefusal.Of(ExchangeRule.Lot, "quantity", $"the quantity must be a positive multiple of the lot, {settings.LotTonnes} t");
        }
        if (order.Quantity > settings.MaxOrderTonnes)
        {
            return PreTradeRefusal.Of(ExchangeRule.MaxOrderSize, "quantity", $"an order is at most {settings.MaxOrderTonnes} t");
        }
        return null;
    }

    /// <summary>
    /// Refuses trading on a day its end of day has already closed: after the end of day of trading day D (its closes and
    /// the next reference are final), nothing more may trade on D, or on an earlier day, until the next trading day
    /// begins in Beijing. Null when <paramref name="now"/> falls on a day after <paramref name="closedThrough"/>.
    /// </summary>
    public static PreTradeRefusal? DayClosed(string instrument, DateOnly? closedThrough, DateTimeOffset now)
    {
        var day = MarketData.BeijingTime.TradingDay(now);
        return closedThrough is { } closed && day <= closed
            ? PreTradeRefusal.Of(ExchangeRule.DayClosed, "instrument",
                $"{instrument}'s trading day {closed:yyyy-MM-dd} is closed (its end of day has run): orders are accepted again on the next trading day")
            : null;
    }

    /// <summary>Fen as yuan with two decimals.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
