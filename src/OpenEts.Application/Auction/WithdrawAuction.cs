using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;

namespace OpenEts.Application.Auction;

/// <summary>
/// The regulator withdraws an allowance auction it announced before its close (撤销拍卖): every bid's cash reservation is
/// released, no bid is awarded, and the auction is marked <see cref="AuctionStatus.Withdrawn"/>, so its volume is no longer
/// spoken for in the issuance account (<see cref="AuctionQueries.OfferedAsync"/>); journalled as <c>auction.withdrawn</c>
/// with the reason given. A withdrawn auction takes no bid and is not closed (<c>AuctionWithdrawn</c>); withdrawn again it
/// answers as a duplicate; one already closed (settled, cleared or failed) is refused <c>AuctionEnded</c>.
/// </summary>
/// <param name="Auction">The auction.</param>
/// <param name="Reason">Why, as the regulator gives it (may be empty).</param>
public sealed record WithdrawAuction(long Auction, string? Reason) : IExchangeCommand
{
    /// <summary>The journal kind of a withdrawn auction.</summary>
    public const string Kind = "auction.withdrawn";

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => AuctionRoles.Regulator;

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session;
        if (await s.Auctions.FindAuctionAsync(Auction).ConfigureAwait(false) is not { } auction)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownAuction, "auction", $"there is no auction {Auction}", RefusalKind.Conflict);
        }
        var subject = AuctionService.Subject(auction.Id);
        if (auction.Status == AuctionStatus.Withdrawn)
        {
            return new ExchangeOutcome.Completed(Kind, subject, true, null, []);
        }
        if (auction.Status != AuctionStatus.Open)
        {
            return ExchangeOutcome.Refused.Of(ExchangeRule.AuctionEnded, "auction",
                $"auction {auction.Id} is closed already: only an auction not yet closed can be withdrawn",
                RefusalKind.Conflict);
        }
        var bids = await FailAuction.ReleaseBidsAsync(work, auction).ConfigureAwait(false);
        var reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        await s.Auctions.UpdateAuctionAsync(auction with { Status = AuctionStatus.Withdrawn, SoldTonnes = 0, ClearedAt = work.Now, Failure = reason })
            .ConfigureAwait(false);
        await work.JournalAsync(Kind, subject, new { auction = auction.Id, reason, released = bids.Count }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, []);
    }
}
