using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OpenEts.Matching;

namespace OpenEts.Bench.Matching;

/// <summary>
/// BenchmarkDotNet with <see cref="MemoryDiagnoserAttribute"/>: each benchmark runs 1 000 operations on a warm book
/// whose size stays constant, so "Allocated" is the steady-state allocation per operation (expected: 0 B).
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private const int Ops = 1_000;
    private readonly TradeBuffer _trades = new(1_024);
    private OrderBook _book = null!;
    private long _nextId;
    private long _seq;
    private bool _flip;

    public static int Run(string[] args)
    {
        // In-process: no generated project to build (so it runs from any directory); artifacts go to the temp folder.
        IConfig config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "openets-bench"));
        BenchmarkSwitcher.FromTypes([typeof(MatchingBenchmarks)]).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return 0;
    }

    [GlobalSetup]
    public void Setup()
    {
        _book = new OrderBook(Workloads.MixSettings, 1 << 16);
        for (long id = 1; id <= 1_000; id++)
        {
            bool buy = id % 2 == 0;
            _book.Process(Command.Limit(++_seq, id, id, buy ? Side.Buy : Side.Sell, buy ? 9_990 - (id % 20) : 10_010 + (id % 20), 10), _trades);
        }

        _nextId = 1_000_000;
    }

    /// <summary>A resting order moved to another price (loses priority) and back: one input per operation.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public long Amend()
    {
        long sum = 0;
        _flip = !_flip;
        for (int i = 1; i <= Ops; i++)
        {
            _trades.Clear();
            // The odd ids 1, 3, …, 999 of the 1 000 resting orders (sells): every input finds its order.
            long id = ((((i - 1) % 500) * 2) + 1);
            // Each order is moved twice per invocation, so the second move goes back: always a new price.
            long price = 10_010 + (id % 20) + ((_flip ^ (i > 500)) ? 1 : 0);
            sum += _book.Process(Command.Amend(++_seq, id, id, price, 10), _trades).Resting;
        }

        return sum;
    }

    /// <summary>A new resting limit order and its cancel: two inputs per operation.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public long NewAndCancel()
    {
        long sum = 0;
        for (int i = 0; i < Ops; i++)
        {
            _trades.Clear();
            long id = ++_nextId;
            sum += _book.Process(Command.Limit(++_seq, id, 7, Side.Buy, 9_950 - (i % 30), 10), _trades).Resting;
            sum += _book.Process(Command.Cancel(++_seq, id, 7), _trades).Cancelled;
        }

        return sum;
    }

    /// <summary>A sell at the best bid's price followed by an IOC buy that trades with it: two inputs, one trade.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public long RestThenTrade()
    {
        long sum = 0;
        for (int i = 0; i < Ops; i++)
        {
            _trades.Clear();
            long id = ++_nextId;
            _book.Process(Command.Limit(++_seq, id, 8, Side.Sell, 10_000, 10), _trades);
            sum += _book.Process(Command.New(++_seq, ++_nextId, 9, Side.Buy, OrderType.Ioc, 10_000, 10), _trades).Filled;
        }

        return sum;
    }
}
