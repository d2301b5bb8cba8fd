using OpenEts.Matching;

namespace OpenEts.Matching.Tests;

/// <summary>Not a timing test: counts bytes, which are exact. Steady state must allocate nothing per input.</summary>
public sealed class OrderBookAllocationTests
{
    [Fact]
    public void Process_SteadyStateMixedInputs_AllocatesNothing()
    {
        InstrumentSettings settings = CommandStream.Settings(0);
        List<Command> commands = CommandStream.Decode([.. Enumerable.Range(0, 20_000).Select(i => i * 7919)], settings);
        Command[] stream = [.. commands];
        var trades = new TradeBuffer(1 << 12);
        Replay(new OrderBook(settings, orderCapacity: 1 << 12), trades, stream);

        // The fewest bytes over three measured passes: an allocation on the path of an input shows in every pass (20 000
        // inputs), while the runtime's own one-off work on this thread (tiering, on-stack replacement under a loaded
        // machine) shows in one pass at most.
        long allocated = long.MaxValue;
        for (int pass = 0; pass < 3; pass++)
        {
            var book = new OrderBook(settings, orderCapacity: 1 << 12);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Replay(book, trades, stream);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
    }

    private static void Replay(OrderBook book, TradeBuffer trades, Command[] stream)
    {
        for (int i = 0; i < stream.Length; i++)
        {
            trades.Clear();
            book.Process(stream[i], trades);
        }
    }
}
