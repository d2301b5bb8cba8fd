using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A trading account (交易账户): a member organisation's account on the exchange, linking its registry holding account
/// (units) and its cash account (the organisation's member account in the cash ledger). One per organisation (the
/// national market allows each entity one trading account, trading.md §5.1 [confirmed]).
/// </summary>
/// <param name="Id">Its number, also the matching engine's account id.</param>
/// <param name="OrganisationId">The organisation that trades on it; its users are the traders.</param>
/// <param name="HoldingAccount">The registry account its units come from and go to.</param>
/// <param name="Open">False once suspended: no new orders.</param>
/// <param name="OpenedAt">When it was opened.</param>
public sealed record TradingAccount(long Id, long OrganisationId, AccountNumber HoldingAccount, bool Open, DateTimeOffset OpenedAt);
