using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>How the exchange is set up: the registry clearing account its sell orders' units wait in, its fees, and how long a one-way auction may run.</summary>
/// <param name="ClearingAccount">The registry's clearing account (交易所清算账户) of this exchange.</param>
/// <param name="Fees">The fee schedule.</param>
/// <param name="MaxAuctionDays">
/// How many days ahead of its announcement a one-way auction (单向竞价) may close, 1 or more; null: <see cref="DefaultMaxAuctionDays"/>.
/// </param>
public sealed record ExchangeOptions(AccountNumber ClearingAccount, FeeSchedule Fees, int? MaxAuctionDays = null)
{
    /// <summary>
    /// A one-way auction closes at most 7 days after its announcement unless configured otherwise: the seller's units are
    /// frozen in clearing for the whole window and cannot be withdrawn. No source gives a limit: ours, [UNCONFIRMED].
    /// </summary>
    public const int DefaultMaxAuctionDays = 7;

    /// <summary>The longest a one-way auction may run from its announcement.</summary>
    public TimeSpan MaxAuctionWindow => TimeSpan.FromDays(Math.Max(1, MaxAuctionDays ?? DefaultMaxAuctionDays));
}
