using System.Runtime.CompilerServices;

namespace OpenEts.Matching;

/// <summary>
/// The order book of one instrument for one trading day (撮合引擎): price-time priority, a fixed daily price band,
/// self-trade prevention, an opening call auction and halts. Pure and deterministic: the outcome of every input
/// depends only on the inputs before it, so the journal of inputs rebuilds the book.
/// </summary>
/// <remarks>
/// Hot-path layout: orders are structs in one pooled array addressed by <see cref="int"/> slot (a free list recycles
/// slots); each price level is an intrusive doubly linked FIFO of slots; levels are indexed directly by tick offset
/// from the band's lower edge (the band bounds the book); a bitmap per side finds the next best level; an
/// open-addressing map finds an order's slot by id. Trades go into the caller's <see cref="TradeBuffer"/>.
/// After warm-up, processing an input allocates nothing. Not thread-safe: one thread owns a book (books of different
/// instruments are independent and can run on different threads).
/// </remarks>
public sealed partial class OrderBook
{
    private const int None = -1;

    private readonly InstrumentSettings _settings;
    private readonly long _tick;
    private readonly long _lot;
    private readonly long _maxQuantity;
    private readonly long _lowFen;
    private readonly long _highFen;
    private readonly int _levelCount;
    private readonly bool _stp;
    private readonly int _matchLevels;
    private readonly Level[] _bids;
    private readonly Level[] _asks;
    private readonly LevelBitmap _bidBits;
    private readonly LevelBitmap _askBits;
    private readonly OrderIdMap _ids;
    private Node[] _nodes;
    private int _used;
    private int _free = None;
    private int _orderCount;
    private int _bestBid = None;
    private int _bestAsk = int.MaxValue;
    private TradingPhase _phase;
    private bool _halted;

    /// <param name="orderCapacity">Resting orders to make room for up front (the pools grow by doubling beyond it).</param>
    public OrderBook(InstrumentSettings settings, int orderCapacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orderCapacity);
        _settings = settings;
        _tick = settings.TickFen;
        _lot = settings.LotTonnes;
        _maxQuantity = settings.MaxOrderTonnes;
        _lowFen = settings.LowerBandFen;
        _highFen = settings.UpperBandFen;
        _levelCount = settings.LevelCount;
        _stp = settings.SelfTradePrevention == SelfTradePrevention.CancelIncoming;
        _matchLevels = settings.MatchLevels == 0 ? int.MaxValue : settings.MatchLevels;
        _bids = new Level[_levelCount];
        _asks = new Level[_levelCount];
        _bids.AsSpan().Fill(Level.Empty);
        _asks.AsSpan().Fill(Level.Empty);
        _bidBits = new LevelBitmap(_levelCount);
        _askBits = new LevelBitmap(_levelCount);
        _ids = new OrderIdMap(orderCapacity);
        _nodes = new Node[orderCapacity];
        Pages.Touch(_nodes);
    }

    public InstrumentSettings Settings => _settings;

    public TradingPhase Phase => _phase;

    public bool IsHalted => _halted;

    /// <summary>Number of resting orders.</summary>
    public int OrderCount => _orderCount;

    /// <summary>Best bid in fen, or 0 when there is none.</summary>
    public long BestBidFen => _bestBid == None ? 0 : PriceOf(_bestBid);

    /// <summary>Best ask in fen, or 0 when there is none.</summary>
    public long BestAskFen => _bestAsk == int.MaxValue ? 0 : PriceOf(_bestAsk);

    public bool TryGetOrder(long orderId, out RestingOrder order)
    {
        int n = orderId > 0 ? _ids.Get(orderId) : None;
        if (n == None)
        {
            order = default;
            return false;
        }

        ref Node o = ref _nodes[n];
        order = new RestingOrder(o.Id, o.Account, o.Side, PriceOf(o.Level), o.Remaining);
        return true;
    }

    /// <summary>Applies one input; trades are appended to <paramref name="trades"/>.</summary>
    public Outcome Process(in Command command, TradeBuffer trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        return command.Kind switch
        {
            CommandKind.New => Submit(command, trades),
            CommandKind.Cancel => Cancel(command),
            CommandKind.Amend => Amend(command, trades),
            CommandKind.Halt => Halt(command),
            CommandKind.Resume => Resume(command),
            CommandKind.OpenAuction => OpenAuction(command),
            CommandKind.Uncross => Uncross(command, trades),
            _ => Outcome.Reject(command.Sequence, command.OrderId, Reason.BadCommand),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long PriceOf(int level) => _lowFen + (level * _tick);

    private Reason CheckQuantity(long quantity)
    {
        if (quantity <= 0)
        {
            return Reason.BadQuantity;
        }

        if (_lot != 1 && quantity % _lot != 0)
        {
            return Reason.OffLot;
        }

        return quantity > _maxQuantity ? Reason.TooLarge : Reason.None;
    }

    private Reason CheckLimitPrice(long priceFen, out int level)
    {
        level = None;
        if (priceFen <= 0)
        {
            return Reason.BadPrice;
        }

        if (priceFen >= _lowFen && priceFen <= _highFen)
        {
            // The band edges are on the tick grid, so the offset from the lower edge divides exactly iff the price does.
            // One division (none for a 1-fen tick) instead of a remainder and a quotient: division is slow.
            if (_tick == 1)
            {
                level = (int)(priceFen - _lowFen);
                return Reason.None;
            }

            (long index, long remainder) = Math.DivRem(priceFen - _lowFen, _tick);
            if (remainder != 0)
            {
                return Reason.OffTick;
            }

            level = (int)index;
            return Reason.None;
        }

        return priceFen % _tick != 0 ? Reason.OffTick : Reason.OutsideBand;
    }

    private int AllocateNode()
    {
        int n = _free;
        if (n != None)
        {
            _free = _nodes[n].Next;
            return n;
        }

        if (_used == _nodes.Length)
        {
            GrowNodes();
        }

        return _used++;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowNodes()
    {
        var nodes = new Node[checked(_nodes.Length * 2)];
        Pages.Touch(nodes);
        _nodes.CopyTo(nodes, 0);
        _nodes = nodes;
    }

    private void FreeNode(int n)
    {
        _nodes[n].Next = _free;
        _free = n;
        _orderCount--;
    }

    /// <summary>Puts a new resting order at the back of its level.</summary>
    private void AddResting(long orderId, long account, Side side, int level, long quantity)
    {
        int n = AllocateNode();
        ref Node o = ref _nodes[n];
        o.Id = orderId;
        o.Account = account;
        o.Side = side;
        o.Remaining = quantity;
        _ids.Add(orderId, n);
        _orderCount++;
        LinkTail(n, level);
    }

    private void LinkTail(int n, int level)
    {
        ref Node o = ref _nodes[n];
        o.Level = level;
        o.Next = None;
        bool buy = o.Side == Side.Buy;
        ref Level lv = ref (buy ? _bids : _asks)[level];
        o.Prev = lv.Tail;
        if (lv.Tail == None)
        {
            lv.Head = n;
            if (buy)
            {
                _bidBits.Set(level);
                if (level > _bestBid)
                {
                    _bestBid = level;
                }
            }
            else
            {
                _askBits.Set(level);
                if (level < _bestAsk)
                {
                    _bestAsk = level;
                }
            }
        }
        else
        {
            _nodes[lv.Tail].Next = n;
        }

        lv.Tail = n;
        lv.Count++;
        lv.Quantity += o.Remaining;
    }

    /// <summary>Takes an order out of its level (the slot and id stay allocated).</summary>
    private void Unlink(int n)
    {
        ref Node o = ref _nodes[n];
        bool buy = o.Side == Side.Buy;
        int level = o.Level;
        ref Level lv = ref (buy ? _bids : _asks)[level];
        if (o.Prev == None)
        {
            lv.Head = o.Next;
        }
        else
        {
            _nodes[o.Prev].Next = o.Next;
        }

        if (o.Next == None)
        {
            lv.Tail = o.Prev;
        }
        else
        {
            _nodes[o.Next].Prev = o.Prev;
        }

        lv.Count--;
        lv.Quantity -= o.Remaining;
        if (lv.Head == None)
        {
            LevelEmptied(buy, level);
        }
    }

    private void LevelEmptied(bool buy, int level)
    {
        if (buy)
        {
            _bidBits.Clear(level);
            if (level == _bestBid)
            {
                _bestBid = _bidBits.PrevAtOrBelow(level - 1);
            }
        }
        else
        {
            _askBits.Clear(level);
            if (level == _bestAsk)
            {
                _bestAsk = _askBits.NextAtOrAbove(level + 1);
            }
        }
    }

    private struct Node
    {
        public long Id;
        public long Account;
        public long Remaining;
        public int Prev;
        public int Next;
        public int Level;
        public Side Side;
    }

    private struct Level
    {
        public static readonly Level Empty = new() { Head = None, Tail = None };

        public int Head;
        public int Tail;
        public int Count;
        public long Quantity;
    }
}
