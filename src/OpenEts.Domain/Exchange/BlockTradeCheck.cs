using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Domain.Exchange;

/// <summary>
/// The checks on a block trade's terms (大宗协议): a trade two members negotiate off the book and report to the exchange,
/// which settles it delivery versus payment like any trade. In this order: the instrument halted, its day already closed,
/// the block-trade hours of its calendar, the price (positive, on the tick, inside ±<see cref="PriceBand.NationalBlockPercent"/> % of the
/// reference), the quantity (a whole number of lots, at least <see cref="MinimumTonnes"/>).
/// </summary>
/// <remarks>
/// Sources (shared/reference/trading.md §5.1, national market): block trades are a mode of 协议转让 [confirmed]; the
/// minimum of 100 000 t follows from the rule that a listed order is under 100 000 t (the reference draws that inference);
/// the ±30 % band is [UNCONFIRMED]; the national 大宗协议 hours are 13:00–15:00 [confirmed]: the calendar holds them as
/// its <see cref="TradingCalendar.BlockSessions"/> (Guangzhou's were not found: the national ones, [UNCONFIRMED]).
/// </remarks>
public static class BlockTradeCheck
{
    /// <summary>The smallest block trade, tonnes: 100 000 t, the first size a listed order may not have (trading.md §5.1).</summary>
    public const long MinimumTonnes = 100_000;

    /// <summary>The first rule the block trade's terms break at <paramref name="now"/>, or null.</summary>
    /// <param name="instrument">The instrument with its current reference price (the previous close).</param>
    /// <param name="halted">True while the instrument is halted.</param>
    /// <param name="closedThrough">The last trading day the end of day closed for the instrument; null if none.</param>
    /// <param name="now">The instant of the proposal or the acceptance.</param>
    /// <param name="priceFen">Fen per tonne.</param>
    /// <param name="quantity">Tonnes.</param>
    public static PreTradeRefusal? Check(Instrument instrument, bool halted, DateOnly? closedThrough, DateTimeOffset now, long priceFen, long quantity)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (halted)
        {
            return new(ExchangeRule.InstrumentHalted, "instrument", $"{instrument.Code} is halted: only cancels are accepted");
        }
        if (PreTradeCheck.DayClosed(instrument.Code, closedThrough, now) is { } closed)
        {
            return closed;
        }
        if (!instrument.TradingCalendar.IsOpenForBlocks(now))
        {
            return PreTradeRefusal.Of(ExchangeRule.BlockTradeHours, "instrument",
                $"{instrument.Code} takes block trades {instrument.TradingCalendar.BlockSessionsText} Beijing time on trading days; it is {now.ToOffset(TradingCalendar.Beijing):yyyy-MM-dd HH:mm} there");
        }
        if (priceFen <= 0)
        {
            return new(ExchangeRule.BadPrice, "price", "the price must be positive");
        }
        if (priceFen % instrument.TickFen != 0)
        {
            return PreTradeRefusal.Of(ExchangeRule.Tick, "price", $"the price must be a multiple of the tick, {PreTradeCheck.Yuan(instrument.TickFen)} yuan");
        }
        var band = Band(instrument);
        if (!band.Contains(priceFen))
        {
            return PreTradeRefusal.Of(ExchangeRule.BlockTradeBand, "price",
                $"a block trade's price must be within {PreTradeCheck.Yuan(band.LowerFen)}–{PreTradeCheck.Yuan(band.UpperFen)} yuan (±{PriceBand.NationalBlockPercent} % of {PreTradeCheck.Yuan(band.ReferenceFen)}, unconfirmed)");
        }
        if (quantity <= 0 || quantity % instrument.LotTonnes != 0)
        {
            return PreTradeRefusal.Of(ExchangeRule.Lot, "quantity", $"the quantity must be a positive multiple of the lot, {instrument.LotTonnes} t");
        }
        if (quantity < MinimumTonnes)
        {
            return PreTradeRefusal.Of(ExchangeRule.BlockTradeSize, "quantity", $"a block trade is at least {MinimumTonnes} t; smaller orders trade on the book");
        }
        return null;
    }

    /// <summary>The block trade band of the instrument's day: ±30 % of its reference, limits rounded inwards to the fen.</summary>
    public static PriceBand Band(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return PriceBand.Around(instrument.ReferencePriceFen, PriceBand.NationalBlockPercent);
    }
}
