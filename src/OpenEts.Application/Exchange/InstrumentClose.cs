using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Application.Exchange;

/// <summary>
/// An instrument's end of day as stored: the official open and close by its rule (<see cref="DailyClose"/>; the close is
/// the next day's reference price), how many day orders expired, and when the day was closed.
/// </summary>
public sealed record InstrumentClose(string Instrument, DailyClose Close, int ExpiredOrders, DateTimeOffset ClosedAt);
