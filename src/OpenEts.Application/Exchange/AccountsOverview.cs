using OpenEts.Domain.Cash;

namespace OpenEts.Application.Exchange;

/// <summary>Every trading account as the exchange's staff list them (<see cref="ExchangeQueries.AccountsOverviewAsync"/>).</summary>
/// <param name="Accounts">Every trading account.</param>
/// <param name="Holders">Each account's organisation's name, by account number.</param>
/// <param name="Cash">Each account's organisation's cash account, by account number (none for one without).</param>
public sealed record AccountsOverview(
    IReadOnlyList<TradingAccount> Accounts, IReadOnlyDictionary<long, string> Holders, IReadOnlyDictionary<long, CashAccount> Cash)
{
    /// <summary>
    /// The client accounts whose newest move (转托管) ended refused by the client or declined by the member offered, by
    /// account: what the exchange's staff see beside a client's member once no move is pending.
    /// </summary>
    public IReadOnlyDictionary<long, ClientMoveDeclined> Declined { get; init; } = new Dictionary<long, ClientMoveDeclined>();

    /// <summary>
    /// The cash that keeps an account from closing (销户) until it is withdrawn or moved, in yuan, or null when its cash
    /// account holds none (<see cref="CloseTradingAccount.CashLeft"/>, the rule the close itself applies). Its resting orders,
    /// listings and client accounts are checked when it is closed.
    /// </summary>
    public decimal? CashBlockingClose(long account) => CloseTradingAccount.CashLeft(Cash.GetValueOrDefault(account));
}
