using System.Globalization;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;

namespace OpenEts.Application.Exchange;

/// <summary>
/// What the commands of a trading account's life share past their preamble (<see cref="AccountCommand"/>): the journal
/// subject, what the account still has in the market, and cancelling what rests.
/// </summary>
internal static class AccountLifecycle
{
    /// <summary>The journal subject of a trading account: its number.</summary>
    public static string Subject(long account) => account.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// What the account still has in the market, in words, or null for nothing: resting orders, open listings, open one-way
    /// bids, one-way auctions it sells that are not cleared, and cash reserved (by any of these or an allowance auction bid).
    /// </summary>
    public static async Task<string?> CommitmentsAsync(ExchangeWork work, TradingAccount account)
    {
        var s = work.Session.Exchange;
        var parts = new List<string>();
        var orders = (await s.OpenOrdersAsync().ConfigureAwait(false)).Count(o => o.AccountId == account.Id);
        Add(parts, orders, "resting order", "resting orders");
        var listings = (await s.OpenListingsAsync(null).ConfigureAwait(false)).Count(l => l.AccountId == account.Id);
        Add(parts, listings, "open listing", "open listings");
        var (selling, bids) = (0, 0);
        foreach (var auction in await s.AnnouncedAuctionsAsync().ConfigureAwait(false))
        {
            selling += auction.AccountId == account.Id ? 1 : 0;
            bids += (await s.AuctionBidsAsync(auction.Id).ConfigureAwait(false)).Count(b => b.AccountId == account.Id && b.Status == OneWayBidStatus.Open);
        }
        Add(parts, selling, "one-way auction it sells", "one-way auctions it sells");
        Add(parts, bids, "open one-way bid", "open one-way bids");
        if (await work.Session.Cash.FindMemberAccountAsync(account.OrganisationId).ConfigureAwait(false) is { Reserved: > 0 } cash)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{cash.Reserved:0.00} yuan of cash reserved"));
        }
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>
    /// Takes the account out of the market: cancels each resting order (its cash released, its units back from the clearing
    /// account, the cancel journalled as an input of its book), withdraws each open listing, and withdraws each open one-way
    /// bid whose window has not closed (a bid of a closed window stands for the clearing). Returns what it ended.
    /// </summary>
    public static async Task<(long[] Orders, long[] Listings, long[] Bids)> EndRestingAsync(ExchangeWork work, TradingAccount account, string reason)
    {
        var s = work.Session.Exchange;
        var orders = new List<long>();
        foreach (var order in (await s.OpenOrdersAsync().ConfigureAwait(false)).Where(o => o.AccountId == account.Id))
        {
            await CancelOrder.CancelRestingAsync(work, order, reason).ConfigureAwait(false);
            orders.Add(order.Id);
        }
        var listings = new List<long>();
        foreach (var listing in (await s.OpenListingsAsync(null).ConfigureAwait(false)).Where(l => l.AccountId == account.Id))
        {
            var listed = await s.FindInstrumentAsync(listing.Instrument).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"listing {listing.Id} names an unlisted instrument");
            await WithdrawListing.EndAsync(work, listed, listing, ListingStatus.Withdrawn).ConfigureAwait(false);
            listings.Add(listing.Id);
        }
        var bids = new List<long>();
        foreach (var auction in (await s.AnnouncedAuctionsAsync().ConfigureAwait(false)).Where(a => work.Now < a.Terms.Closes))
        {
            foreach (var bid in (await s.AuctionBidsAsync(auction.Id).ConfigureAwait(false))
                .Where(b => b.AccountId == account.Id && b.Status == OneWayBidStatus.Open))
            {
                await WithdrawOneWayBid.EndAsync(work, auction, bid).ConfigureAwait(false);
                bids.Add(bid.Id);
            }
        }
        return ([.. orders], [.. listings], [.. bids]);
    }

    private static void Add(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}"));
        }
    }
}
