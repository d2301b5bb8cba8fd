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
        var book = new OrderBook(settings, orderCapacity: 1 << 12);
        var trades = new TradeBuffer(1 << 12);
        Replay(book, trades, stream);
        book = new OrderBook(settings, orderCapacity: 1 << 12);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Replay(book, trades, stream);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

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
