using OpenEts.Matching;

namespace OpenEts.Matching.Tests;

/// <summary>A book plus its trade buffer; each step returns the outcome and copies of its trades.</summary>
internal sealed class BookDriver
{
    private readonly TradeBuffer _trades = new(4);
    private long _seq;

    public BookDriver(InstrumentSettings settings) => Book = new OrderBook(settings, orderCapacity: 4);

    public BookDriver(OrderBook book) => Book = book;

    public OrderBook Book { get; }

    public List<Trade> Trades { get; } = [];

    public (Outcome Outcome, Trade[] Trades) Apply(Command command)
    {
        _trades.Clear();
        Outcome outcome = Book.Process(command, _trades);
        Trade[] made = _trades.AsSpan().ToArray();
        Assert.Equal(made.Length, outcome.TradeCount);
        Trades.AddRange(made);
        return (outcome, made);
    }

    public Outcome Buy(long id, long account, long price, long quantity, OrderType type = OrderType.Limit) =>
        Apply(Command.New(++_seq, id, account, Side.Buy, type, price, quantity)).Outcome;

    public Outcome Sell(long id, long account, long price, long quantity, OrderType type = OrderType.Limit) =>
        Apply(Command.New(++_seq, id, account, Side.Sell, type, price, quantity)).Outcome;

    public Outcome Cancel(long id, long account) => Apply(Command.Cancel(++_seq, id, account)).Outcome;

    public Outcome Amend(long id, long account, long price, long quantity) =>
        Apply(Command.Amend(++_seq, id, account, price, quantity)).Outcome;

    public Outcome Control(CommandKind kind) => Apply(new Command(kind, ++_seq, 0, 0, Side.Buy, OrderType.Limit, 0, 0)).Outcome;

    /// <summary>The book as "B id@price×qty" / "S …" in priority order.</summary>
    public string[] Orders() =>
        [.. Book.Snapshot().Orders.Select(o => $"{(o.Side == Side.Buy ? "B" : "S")}{o.OrderId}@{o.PriceFen}x{o.Quantity}")];

    /// <summary>New trades since the last call as "buy/sell@price×qty".</summary>
    public string[] TakeTrades()
    {
        string[] result = [.. Trades.Select(t => $"{t.BuyOrderId}/{t.SellOrderId}@{t.PriceFen}x{t.Quantity}")];
        Trades.Clear();
        return result;
    }
}
