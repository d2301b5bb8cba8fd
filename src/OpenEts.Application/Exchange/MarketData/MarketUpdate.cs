using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Application.Exchange.MarketData;

/// <summary>
/// What a live subscriber receives after each change of an instrument: its ticker, the top of its book, and the open
/// 1-minute and 1-day bars (null before the first trade of the minute or day). Prices are integer fen.
/// </summary>
public sealed record MarketUpdate(string Instrument, long Version, Ticker Ticker, BookDepth? Depth, Bar? Minute, Bar? Day);
