using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A trading account (交易账户): an organisation's account on the exchange, linking its registry holding account (units)
/// and its cash account (the organisation's member account in the cash ledger). One per organisation (the national market
/// allows each entity one trading account, trading.md §5.1 [confirmed]): either the organisation's own, opened by the
/// exchange's staff for a member (会员) that trades for itself, or a client account (客户账户) that a member opened for
/// the organisation, whose orders the member's traders enter.
/// </summary>
/// <param name="Id">Its number, also the matching engine's account id.</param>
/// <param name="OrganisationId">The organisation whose account it is; for its own account its users are the traders.</param>
/// <param name="HoldingAccount">The registry account its units come from and go to.</param>
/// <param name="Open">False once suspended: no new orders.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="Member">For a client account, the trading account of the member that acts for it; null for a member's own.</param>
public sealed record TradingAccount(long Id, long OrganisationId, AccountNumber HoldingAccount, bool Open, DateTimeOffset OpenedAt, long? Member = null)
{
    /// <summary>True for a member's client account (客户账户).</summary>
    public bool IsClient => Member is not null;
}
