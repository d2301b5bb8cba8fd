using OpenEts.Application.Cash;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The bidder withdraws one of its open bids before the auction's window closes: its cash reservation is released; a
/// client's bid (客户) is withdrawn by its member's trader.
/// Journalled as <c>exchange.auction.bid.withdrawn</c>. (Guangdong's allowance auctions do not allow this, guangdong.md §1.6;
/// the exchange's one-way auctions do, [UNCONFIRMED].)
/// </summary>
/// <param name="Bid">The bid number.</param>
public sealed record WithdrawOneWayBid(long Bid) : IExchangeCommand
{
    /// <summary>The journal kind of a withdrawn bid.</summary>
    public const string Kind = "exchange.auction.bid.withdrawn";

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session.Exchange;
        var (own, _, notHolder) = await work.ActorAccountAsync().ConfigureAwait(false);
        if (notHolder is not null)
        {
            return notHolder;
        }
        // The bidder's account is the actor's own or one of its member's clients'.
        if (await s.FindAuctionBidAsync(Bid).ConfigureAwait(false) is not { Status: OneWayBidStatus.Open } bid
            || !await work.ActsForAsync(own!, bid.AccountId).ConfigureAwait(false))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownAuction, "bid", $"bid {Bid} is not an open bid of yours", RefusalKind.Conflict);
        }
        var auction = await s.FindAuctionAsync(bid.Auction).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"bid {Bid} names a missing auction");
        if (work.Now >= auction.Terms.Closes)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.AuctionWindow, "bid", $"auction {auction.Id}'s bidding has closed: its bids stand",
                RefusalKind.Conflict);
        }
        var done = await EndAsync(work, auction, bid).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, OneWayBid.Subject(Bid), false, null, [], Auction: auction, AuctionBids: [done]);
    }

    /// <summary>Withdraws an open bid: releases its cash reservation, stores and journals it.</summary>
    internal static async Task<OneWayBid> EndAsync(ExchangeWork work, OneWayAuction auction, OneWayBid bid)
    {
        var (_, organisation) = await work.OrganisationOfAsync(bid.AccountId).ConfigureAwait(false);
        if (await work.Cash.ReleaseAsync(organisation, bid.ReservationId).ConfigureAwait(false) is CashResult.Refused released)
        {
            throw new InvalidOperationException($"bid {bid.Id}'s reservation could not be released: {released.Message}");
        }
        var done = bid with { Status = OneWayBidStatus.Withdrawn, UpdatedAt = work.Now };
        await work.Session.Exchange.SaveAuctionBidAsync(done).ConfigureAwait(false);
        await work.JournalAsync(Kind, OneWayBid.Subject(bid.Id), new { bid = bid.Id, auction = auction.Id, by = work.Actor.UserName }).ConfigureAwait(false);
        return done;
    }
}
