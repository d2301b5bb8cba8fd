using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>How the exchange is set up: the registry clearing account its sell orders' units wait in, and its fees.</summary>
/// <param name="ClearingAccount">The registry's clearing account (交易所清算账户) of this exchange.</param>
/// <param name="Fees">The fee schedule.</param>
public sealed record ExchangeOptions(AccountNumber ClearingAccount, FeeSchedule Fees);
