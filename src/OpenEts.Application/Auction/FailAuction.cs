using OpenEts.Application.Cash;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Auction;

/// <summary>
/// Ends an allowance auction whose close could not deliver (<see cref="SettleAuction"/> refused
/// <see cref="ExchangeRule.DeliveryRefused"/> and rolled back, so nothing was paid or delivered): every
/// bid's reservation is released, no bid is awarded, and the auction is marked <see cref="AuctionStatus.Failed"/> with
/// <paramref name="Reason"/>; journalled as <c>auction.failed</c>. Bidders' cash is not held for a close that cannot
/// happen (the issuance account is read at the announcement only: it may be drained before the close).
/// </summary>
/// <param name="Auction">The auction.</param>
/// <param name="Reason">The registry's refusal, in words.</param>
internal sealed record FailAuction(long Auction, string Reason) : IExchangeCommand
{
    /// <summary>The journal kind of a failed auction.</summary>
    public const string Kind = "auction.failed";

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AuctionRoles.Regulator;

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session;
        var subject = AuctionService.Subject(Auction);
        // Only an auction still open: one left cleared by the earlier two-step close has been paid, and its awards are owed
        // (the refusal stands: close it again once the registry can deliver); one closed in between is as that close left it.
        if (await s.Auctions.FindAuctionAsync(Auction).ConfigureAwait(false) is not { Status: AuctionStatus.Open } auction)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.DeliveryRefused, "auction", Reason, RefusalKind.Conflict);
        }
        var bids = await ReleaseBidsAsync(work, auction).ConfigureAwait(false);
        await s.Auctions.UpdateAuctionAsync(auction with { Status = AuctionStatus.Failed, SoldTonnes = 0, ClearedAt = work.Now, Failure = Reason })
            .ConfigureAwait(false);
        await work.JournalAsync(Kind, subject, new { auction = auction.Id, reason = Reason, released = bids.Count }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, []);
    }

    /// <summary>
    /// Releases every bid's cash reservation of <paramref name="auction"/> and stores its bids unawarded (an auction that
    /// ends without a sale: failed or withdrawn); returns the bids as they were.
    /// </summary>
    internal static async Task<IReadOnlyList<AuctionBid>> ReleaseBidsAsync(ExchangeWork work, AuctionRecord auction)
    {
        var s = work.Session;
        var bids = await s.Auctions.BidsAsync(auction.Id).ConfigureAwait(false);
        var updated = new List<AuctionBid>(bids.Count);
        foreach (var bid in bids)
        {
            var bidder = await s.Organisations.FindByIdAsync(bid.OrganisationId).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"bid {bid.Id} names a missing organisation");
            if (await work.Cash.ReleaseAsync(bidder, bid.ReservationId).ConfigureAwait(false) is CashResult.Refused released)
            {
                throw new InvalidOperationException($"bid {bid.Id}'s reservation could not be released: {released.Message}");
            }
            updated.Add(bid with { Awarded = 0, Delivered = true });
        }
        await s.Auctions.UpdateBidsAsync(updated).ConfigureAwait(false);
        return bids;
    }
}
