using System.Diagnostics;
using System.Globalization;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Bench.MarketData;

/// <summary>
/// Plain harness for market data: K-line aggregation of N trade prints (1 000 000) into 1-minute and 1-day bars, the
/// trades spread over 20 trading days of the national hours (4 h a day, a trade every ~0.3 s), and the official close
/// (VWAP) of one day's trades.
/// </summary>
internal static class KLineBench
{
    public static int Run(string[] args)
    {
        var count = Option(args, "--trades", 1_000_000);
        Print($"market-data bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var trades = Trades(count);
        foreach (var interval in new[] { KLineInterval.OneMinute, KLineInterval.OneDay })
        {
            var samples = new List<double>();
            var bars = 0;
            for (var run = 0; run < 13; run++)
            {
                var time = Stopwatch.StartNew();
                bars = KLines.Aggregate(trades, interval).Count;
                if (run >= 3)
                {
                    samples.Add(time.Elapsed.TotalMilliseconds);
                }
            }
            samples.Sort();
            var median = samples[samples.Count / 2];
            Print($"{count:N0} trades → {bars:N0} {interval} bars: median {median:F1} ms, max {samples[^1]:F1} ms over {samples.Count} runs ({count / median / 1000:F1} M trades/s)");
        }
        var day = BeijingTime.TradingDay(trades[0].At);
        var oneDay = trades.TakeWhile(t => BeijingTime.TradingDay(t.At) == day).ToList();
        var close = Stopwatch.StartNew();
        var result = DailyClose.Compute(ClosingRule.NationalVwap, day, 6_000, oneDay);
        Print($"official close (VWAP) of {oneDay.Count:N0} trades of {day:yyyy-MM-dd}: {close.Elapsed.TotalMilliseconds:F1} ms, close {result.CloseFen / 100m} yuan/t");
        return 0;
    }

    private static List<TradePrint> Trades(int count)
    {
        var r = new Random(12);
        var list = new List<TradePrint>(count);
        var perDay = Math.Max(1, count / 20);
        var session = TimeSpan.FromHours(4).Ticks / perDay;
        var price = 6_000L;
        for (var i = 0; i < count; i++)
        {
            var day = new DateTimeOffset(2026, 11, 2, 9, 30, 0, BeijingTime.Offset).AddDays(i / perDay);
            price = Math.Clamp(price + r.Next(-3, 4), 5_400, 6_600);
            list.Add(new TradePrint(i + 1, "CEA-2026", day.AddTicks((i % perDay) * session), price, r.Next(1, 1_000)));
        }
        return list;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Print(FormattableString s) => Console.WriteLine(s.ToString(CultureInfo.InvariantCulture));
}
