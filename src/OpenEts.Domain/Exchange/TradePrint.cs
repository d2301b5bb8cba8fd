namespace OpenEts.Domain.Exchange;

/// <summary>
/// One published trade (成交) of an instrument: its number in the instrument's one series of prints (book trades and
/// listing picks together: unique and increasing per instrument), when it happened, its price
/// in integer fen (0.01 元) per tonne and its quantity in whole tonnes.
/// </summary>
public sealed record TradePrint(long Sequence, string Instrument, DateTimeOffset At, long PriceFen, long Quantity);
