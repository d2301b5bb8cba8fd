using OpenEts.Application.Exchange;
using OpenEts.Matching;

namespace OpenEts.Storage.Tests;

// A member's lists stop at the newest (ExchangeQueries.ListLimit), but what still waits for the member — a listing open,
// a block trade proposed — is listed whatever its age, so that it can still be withdrawn, accepted or declined.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Exchange_AnAccountsListings_AreTheNewestAndEveryOlderOneStillOpen()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var account = await AccountOfAsync(m, "power-a", "older-open/listing");
        // Six listings: the first, third and fifth still open, the rest filled, withdrawn or expired.
        var statuses = new[] { ListingStatus.Open, ListingStatus.Filled, ListingStatus.Open, ListingStatus.Withdrawn, ListingStatus.Open, ListingStatus.Expired };
        var ids = await m.Store.WriteAsync(async s =>
        {
            var made = new List<long>();
            for (var i = 0; i < statuses.Length; i++)
            {
                made.Add((await s.Exchange.InsertListingAsync(new ExchangeListing(0, "GDEA-2017", account, "power-a", Side.Sell, 2_100, 100, 100,
                    statuses[i] == ListingStatus.Filled ? 100 : 0, statuses[i], Now.AddSeconds(i), Now.AddSeconds(i), null, $"older-open/l{i}"))).Id);
            }
            return made;
        }, Ct);

        var (newestTwo, all) = await m.Store.ReadAsync(async s => (await s.Exchange.ListingsOfAsync(account, 2), await s.Exchange.ListingsOfAsync(account, 100)), Ct);

        // The newest two (the sixth, expired, and the fifth, open), then the older open ones newest first (the third, the first).
        Assert.Equal([ids[5], ids[4], ids[2], ids[0]], newestTwo.Select(l => l.Id));
        Assert.Equal(ids.AsEnumerable().Reverse(), all.Select(l => l.Id));
    }

    [Fact]
    public async Task Exchange_AnAccountsBlockTrades_AreTheNewestAndEveryOlderOneStillProposedEitherWay()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var power = await AccountOfAsync(m, "power-a", "older-open/block-power");
        var cement = await AccountOfAsync(m, "cement-a", "older-open/block-cement");
        // Six block trades of the power company's: proposed by it (even) or to it by the cement company (odd); the first two
        // still proposed, the rest settled, declined or withdrawn.
        var statuses = new[]
        {
            BlockTradeStatus.Proposed, BlockTradeStatus.Proposed, BlockTradeStatus.Settled, BlockTradeStatus.Declined, BlockTradeStatus.Withdrawn,
            BlockTradeStatus.Settled,
        };
        var ids = await m.Store.WriteAsync(async s =>
        {
            var made = new List<long>();
            for (var i = 0; i < statuses.Length; i++)
            {
                var (proposer, user, counterparty) = i % 2 == 0 ? (power, "power-a", cement) : (cement, "cement-a", power);
                made.Add((await s.Exchange.InsertBlockTradeAsync(new BlockTrade(0, "GDEA-2017", proposer, user, Side.Sell, counterparty, 2_100, 100_000,
                    statuses[i], Now.AddSeconds(i), Now.AddSeconds(i), null, 0, 0, $"older-open/b{i}"))).Id);
            }
            return made;
        }, Ct);

        var (newestTwo, all) = await m.Store.ReadAsync(async s => (await s.Exchange.BlockTradesOfAsync(power, 2), await s.Exchange.BlockTradesOfAsync(power, 100)), Ct);

        // The newest two (the sixth and fifth), then the older ones still proposed, newest first: the second (proposed to it)
        // and the first (proposed by it).
        Assert.Equal([ids[5], ids[4], ids[1], ids[0]], newestTwo.Select(b => b.Id));
        Assert.Equal(ids.AsEnumerable().Reverse(), all.Select(b => b.Id));
    }

    // The trading account of a user's organisation, as an order it places names it (the power company sells what it holds,
    // the cement company buys with its cash).
    private static async Task<long> AccountOfAsync(ExchangeMarket m, string user, string key)
    {
        var order = user == "power-a" ? await m.PlaceAsync(user, Side.Sell, 21.00m, 100, key) : await m.PlaceAsync(user, Side.Buy, 19.00m, 100, key);
        return (await m.Store.ReadAsync(s => s.Exchange.FindOrderAsync(order), Ct))!.AccountId;
    }
}
