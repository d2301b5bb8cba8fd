using OpenEts.Domain.Exchange;

namespace OpenEts.Domain.Tests.Exchange.MarketData;

/// <summary>Trade prints at Beijing times, for the market-data tests.</summary>
internal static class Prints
{
    private static long _sequence;

    /// <summary>A trade at <paramref name="beijing"/> (yyyy-MM-dd HH:mm:ss, Beijing time) of CEA-2026.</summary>
    public static TradePrint At(string beijing, long priceFen, long quantity) =>
        new(Interlocked.Increment(ref _sequence), "CEA-2026",
            DateTimeOffset.ParseExact(beijing + " +08:00", "yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture),
            priceFen, quantity);
}
