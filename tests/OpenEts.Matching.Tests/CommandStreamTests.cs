using OpenEts.Matching;

namespace OpenEts.Matching.Tests;

/// <summary>Guards the property tests' generator: random streams must reach every rule, or the properties prove little.</summary>
public sealed class CommandStreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Decode_ManyStreams_ReachEveryOutcomeReasonAndAuctionTrades(int variant)
    {
        InstrumentSettings settings = CommandStream.Settings(variant);
        var reasons = new HashSet<Reason>();
        var aggressors = new HashSet<Aggressor>();
        var trades = new TradeBuffer();
        var r = new Random(variant);
        for (int stream = 0; stream < 100; stream++)
        {
            var book = new OrderBook(settings);
            int[] seeds = [.. Enumerable.Range(0, 300).Select(_ => r.Next())];
            foreach (Command c in CommandStream.Decode(seeds, settings))
            {
                trades.Clear();
                reasons.Add(book.Process(c, trades).Reason);
                foreach (Trade t in trades.AsSpan())
                {
                    aggressors.Add(t.Aggressor);
                }
            }
        }

        Reason[] expected =
        [
            Reason.None, Reason.BadPrice, Reason.OutsideBand, Reason.BadQuantity, Reason.TooLarge, Reason.UnknownOrder,
            Reason.NotOwner, Reason.Halted, Reason.FokNotFillable, Reason.DuplicateOrderId, Reason.NotAllowedInCallPhase,
            Reason.SelfTrade, Reason.NotInCallPhase, Reason.AlreadyInCallPhase, Reason.AlreadyHalted, Reason.NotHalted,
            Reason.SelfTradePrevented, Reason.UnfilledRemainderCancelled,
        ];
        Assert.Empty(expected.Except(reasons));
        Assert.Equal([Aggressor.Auction, Aggressor.Buy, Aggressor.Sell], aggressors.Order());
        if (variant == 3)
        {
            Assert.Contains(Reason.BeyondBestLevels, reasons);
        }

        if (variant == 1)
        {
            Assert.Contains(Reason.OffTick, reasons);
            Assert.Contains(Reason.OffLot, reasons);
        }
    }
}
