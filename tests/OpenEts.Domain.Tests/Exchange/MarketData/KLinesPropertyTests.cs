using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;

namespace OpenEts.Domain.Tests.Exchange.MarketData;

/// <summary>
/// K-lines over random trade streams: the bars hold every trade exactly once (volume, turnover and count add up), each
/// bar's high and low bound its open and close, and bars run forward in time, one per interval.
/// </summary>
public sealed class KLinesPropertyTests
{
    private static readonly Arbitrary<int[]> Streams = Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf());

    [Theory]
    [InlineData(KLineInterval.OneMinute)]
    [InlineData(KLineInterval.OneDay)]
    public void Aggregate_RandomTrades_BarsConserveVolumeAndBoundPrices(KLineInterval interval) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Streams, (int[] seeds) =>
        {
            var at = new DateTimeOffset(2026, 11, 30, 1, 30, 0, TimeSpan.Zero);
            var trades = new List<TradePrint>();
            foreach (var seed in seeds)
            {
                var r = new Random(seed);
                var (gap, price, quantity) = (r.Next(0, 4_000), r.Next(1, 100_000), r.Next(1, 99_999));
                // Gaps of up to ~4 000 s × 40: trades in the same second, minute, day and days apart.
                at = at.AddSeconds(gap % 7 == 0 ? gap * 40 : gap % 90);
                trades.Add(new TradePrint(trades.Count + 1, "CEA-2026", at, price, quantity));
            }

            var bars = KLines.Aggregate(trades, interval);

            Assert.Equal(trades.Sum(t => t.Quantity), bars.Sum(b => b.Volume));
            Assert.Equal(trades.Sum(t => t.PriceFen * t.Quantity), bars.Sum(b => b.TurnoverFen));
            Assert.Equal(trades.Count, bars.Sum(b => b.Trades));
            foreach (var b in bars)
            {
                Assert.True(b.HighFen >= Math.Max(b.OpenFen, b.CloseFen) && b.LowFen <= Math.Min(b.OpenFen, b.CloseFen), $"{b}");
                Assert.True(b.LowFen > 0);
            }
            for (var i = 1; i < bars.Count; i++)
            {
                Assert.True(bars[i].Start > bars[i - 1].Start);
            }
            Assert.Equal(trades.Select(t => KLines.IntervalStart(t.At, interval)).Distinct().Count(), bars.Count);
        }));
}
