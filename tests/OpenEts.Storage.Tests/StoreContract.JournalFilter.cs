using OpenEts.Application.Storage;

namespace OpenEts.Storage.Tests;

// The audit log's filters: a kind picked from its list matches that kind only, a prefix every kind it starts.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Journal_FilteredByKind_MatchesThatKindOnlyAndByPrefixEveryKindItStarts()
    {
        await using var store = await Db.CreateStoreAsync();
        await store.WriteAsync(s => s.Journal.AppendManyAsync([
            (Now, "tester", "exchange.auction.bid", "exchange/auction/1", "{}"),
            (Now, "tester", "exchange.auction.bid.withdrawn", "exchange/auction/1", "{}"),
            (Now, "other", "exchange.auction.bid", "exchange/auction/2", "{}"),
        ]), Ct);

        var (exact, prefix, both) = await store.ReadAsync(async s => (
            await s.Journal.CountAsync(new JournalFilter(Kind: "exchange.auction.bid")),
            await s.Journal.CountAsync(new JournalFilter(KindPrefix: "exchange.auction.bid")),
            await s.Journal.PageAsync(new JournalFilter(Actor: "tester", Kind: "exchange.auction.bid"), 0, 10)), Ct);

        Assert.Equal((2L, 3L), (exact, prefix));
        Assert.Equal(["exchange/auction/1"], both.Select(e => e.Subject));
    }
}
