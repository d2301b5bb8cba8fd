using OpenEts.Matching;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A member's daily report (会员日报): its trades of every kind (book, block, listing, one-way auction) settled on one
/// Beijing trading day from its own side, the tonnes and money
/// bought and sold, the fees it paid, and its position and cash as they stand when the report is read; for a member that
/// acts for clients (客户), the same report for each client account, one per client. Money in fen except the cash
/// ledger's balances (yuan).
/// </summary>
public sealed record MemberDayReport(
    TradingAccount Account, string Organisation, DateOnly Day, IReadOnlyList<MemberTrade> Trades, IReadOnlyList<PositionLine> Positions,
    decimal CashBalance, decimal CashReserved, IReadOnlyList<MemberDayReport> Clients)
{
    /// <summary>Tonnes bought that day.</summary>
    public long BoughtTonnes => Trades.Where(t => t.Side == Side.Buy).Sum(t => t.Quantity);

    /// <summary>Tonnes sold that day.</summary>
    public long SoldTonnes => Trades.Where(t => t.Side == Side.Sell).Sum(t => t.Quantity);

    /// <summary>Money paid for what was bought, fen.</summary>
    public long BoughtFen => Trades.Where(t => t.Side == Side.Buy).Sum(t => t.ValueFen);

    /// <summary>Money received for what was sold, fen.</summary>
    public long SoldFen => Trades.Where(t => t.Side == Side.Sell).Sum(t => t.ValueFen);

    /// <summary>The fees the member paid that day, fen.</summary>
    public long FeesFen => Trades.Sum(t => t.FeeFen);
}

/// <summary>One trade from a member's side: its kind, buy or sell, its value and that side's fee (fen).</summary>
/// <param name="Trade">Its number within its kind (book trade, block trade, listing trade, auction bid).</param>
public sealed record MemberTrade(
    long Trade, string Instrument, DateTimeOffset At, Side Side, long PriceFen, long Quantity, long ValueFen, long FeeFen, TradeKind Kind = TradeKind.Book)
{
    /// <summary>The trade as <paramref name="account"/> took part in it.</summary>
    public static MemberTrade Of(DayTrade trade, long account)
    {
        ArgumentNullException.ThrowIfNull(trade);
        var buyer = trade.BuyAccount == account;
        return new MemberTrade(trade.Id, trade.Instrument, trade.At, buyer ? Side.Buy : Side.Sell, trade.PriceFen, trade.Quantity, trade.ValueFen,
            buyer ? trade.BuyerFeeFen : trade.SellerFeeFen, trade.Kind);
    }
}
