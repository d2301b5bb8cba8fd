using OpenEts.Application.Cash;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Storage.Tests;

// A group commit of orders looks up its orders' idempotency keys and its buys' reservation keys at once, and stores its new
// orders together: every later lookup in the transaction answers as its own statement would, and what is stored is what
// was inserted.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Exchange_OrderKeysLookedUpAheadInAWrite_AnswerEachLookupAsItsOwnStatementWould()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var cements = await m.PlaceAsync("cement-a", Side.Buy, 19.00m, 100, "ahead/cement");
        var old = await m.PlaceAsync("power-a", Side.Sell, 21.00m, 100, "ahead/old");
        var account = (await m.Store.ReadAsync(s => s.Exchange.FindOrderAsync(old), Ct))!.AccountId;
        var placed = new ExchangeOrder(old + 1, "GDEA-2017", account, "power-a", Side.Sell, OrderType.Limit, 2_150, 200, 0, 200, 0,
            OrderStatus.Open, null, null, Now, Now, "ahead/new");

        var (found, before, after, byId, unused, otherUser, open) = await m.Store.WriteAsync(async s =>
        {
            // Two users' keys in one look-up: each user's own orders, and cement-a's "ahead/old" is not power-a's order of that key.
            var found = await s.Exchange.FindOrdersByKeyAsync(
            [
                ("power-a", "ahead/old"), ("power-a", "ahead/new"), ("cement-a", "ahead/old"), ("cement-a", "ahead/cement"),
                ("power-a", "ahead/unused"), ("power-a", "ahead/new"), ("power-a", "ahead/cement"),
            ]);
            var before = await s.Exchange.FindOrderAsync("power-a", "ahead/new");
            await s.Exchange.InsertOrderAsync(placed);
            var after = await s.Exchange.FindOrderAsync("power-a", "ahead/new");
            var byId = await s.Exchange.FindOrderAsync(placed.Id);
            return (found, before, after, byId, await s.Exchange.FindOrderAsync("power-a", "ahead/unused"),
                await s.Exchange.FindOrderAsync("cement-a", "ahead/old"), await s.Exchange.OpenOrdersAsync());
        }, Ct);

        Assert.Equal([cements, old], found.Select(o => o.Id).Order());
        Assert.Null(before);
        Assert.Equal(placed, after);
        Assert.Equal(placed, byId);
        Assert.Null(unused);
        Assert.Null(otherUser);
        Assert.Equal([cements, old, placed.Id], open.Select(o => o.Id));
        Assert.Equal(placed, await m.Store.ReadAsync(s => s.Exchange.FindOrderAsync("power-a", "ahead/new"), Ct));
    }

    [Fact]
    public async Task Exchange_OrdersInsertedInAWrite_AreStoredBeforeATradeNamesThemAndAtTheCommit()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var first = await m.PlaceAsync("power-a", Side.Sell, 21.00m, 100, "stored/1");
        var account = (await m.Store.ReadAsync(s => s.Exchange.FindOrderAsync(first), Ct))!.AccountId;
        var orders = Enumerable.Range(1, 5).Select(i => new ExchangeOrder(first + i, "GDEA-2017", account, "power-a", Side.Sell, OrderType.Limit,
            i % 2 == 0 ? null : 2_100 + i, 100 * i, 0, 100 * i, 0, OrderStatus.Open, i == 3 ? "a reason" : null, null, Now.AddSeconds(i),
            Now.AddSeconds(i + 1), $"stored/{i + 1}")).ToList();

        var last = await m.Store.WriteAsync(async s =>
        {
            foreach (var order in orders)
            {
                await s.Exchange.InsertOrderAsync(order);
            }
            return await s.Exchange.LastNumbersAsync();
        }, Ct);

        // Asked for by id, one asked twice and one never placed: each stored order answered once, the unknown one not at all.
        var stored = await m.Store.ReadAsync(s => s.Exchange.FindOrdersAsync([.. orders.Select(o => o.Id), orders[2].Id, first + 99]), Ct);
        Assert.Equal(first + 5, last.Order);
        Assert.Equal(orders, stored.OrderBy(o => o.Id));
    }

    [Fact]
    public async Task Exchange_AnAccountsOrders_AreTheNewestAndEveryOlderOneStillOpen()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var first = await m.PlaceAsync("power-a", Side.Sell, 21.00m, 100, "listed/1");
        var account = (await m.Store.ReadAsync(s => s.Exchange.FindOrderAsync(first), Ct))!.AccountId;
        // Orders 2–6 after the first: the third and fifth still open, the rest filled.
        var orders = Enumerable.Range(1, 5).Select(i => new ExchangeOrder(first + i, "GDEA-2017", account, "power-a", Side.Sell,
            OrderType.Limit, 2_100, 100, i is 2 or 4 ? 0 : 100, i is 2 or 4 ? 100 : 0, 0, i is 2 or 4 ? OrderStatus.Open : OrderStatus.Filled,
            null, null, Now.AddSeconds(i), Now.AddSeconds(i), $"listed/{i + 1}")).ToList();
        await m.Store.WriteAsync(async s =>
        {
            foreach (var order in orders)
            {
                await s.Exchange.InsertOrderAsync(order);
            }
            return orders.Count;
        }, Ct);

        var (newestTwo, all, open) = await m.Store.ReadAsync(async s => (await s.Exchange.OrdersAsync(account, 2),
            await s.Exchange.OrdersAsync(account, 100), await s.Exchange.OpenOrdersOfAsync(account)), Ct);

        // The newest two (6, 5), then the older open ones newest first (3, then the first order, resting since it was placed).
        Assert.Equal([first + 5, first + 4, first + 2, first], newestTwo.Select(o => o.Id));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => first + 5 - i), all.Select(o => o.Id));
        Assert.Equal([first, first + 2, first + 4], open.Select(o => o.Id));
    }

    [Fact]
    public async Task Exchange_KeysUsedBeforeAServiceStartedOrByAnotherProcess_AreAnsweredAsRepeats()
    {
        // A key used before the service started, or since by another process on the same database, is answered as the
        // order it placed, in a batch and alone.
        await using var m = await ExchangeMarketAsync(Db);
        var old = await m.PlaceAsync("cement-a", Side.Buy, 19.00m, 100, "keys/old");
        PlaceOrder Buy(decimal price, string key) => new("GDEA-2017", Side.Buy, OrderType.Limit, (long)(price * 100m), 100,
            IdempotencyKey.From(key));
        var cement = await m.ActorOf("cement-a");
        using var other = new ExchangeService(m.Store, new RegistryService(m.Store), new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));

        var byOther = await other.HandleManyAsync(cement, [Buy(19.00m, "keys/old"), Buy(19.10m, "keys/other")], m.At, Ct);
        var alone = await other.HandleAsync(cement, Buy(19.00m, "keys/old"), m.At, Ct);
        var back = await m.Exchange.HandleManyAsync(cement, [Buy(19.10m, "keys/other"), Buy(19.20m, "keys/back")], m.At, Ct);
        var backAlone = await m.Exchange.HandleAsync(cement, Buy(19.10m, "keys/other"), m.At, Ct);

        var repeatOld = Assert.IsType<ExchangeOutcome.Completed>(byOther[0]);
        var placedByOther = Assert.IsType<ExchangeOutcome.Completed>(byOther[1]);
        Assert.Equal((old, true), (repeatOld.Order!.Id, repeatOld.Duplicate));
        Assert.Equal((old, true), (Assert.IsType<ExchangeOutcome.Completed>(alone).Order!.Id, ((ExchangeOutcome.Completed)alone).Duplicate));
        Assert.False(placedByOther.Duplicate);
        var repeatOther = Assert.IsType<ExchangeOutcome.Completed>(back[0]);
        Assert.Equal((placedByOther.Order!.Id, true), (repeatOther.Order!.Id, repeatOther.Duplicate));
        Assert.False(Assert.IsType<ExchangeOutcome.Completed>(back[1]).Duplicate);
        Assert.True(Assert.IsType<ExchangeOutcome.Completed>(backAlone).Duplicate);
        // Three orders placed, each reserved once: 100 t at 19.00, 19.10 and 19.20 plus each one's maximum fee.
        Assert.Equal(1_900m + 0.95m + 1_910m + 0.95m + 1_920m + 0.96m, (await m.CashOfAsync("cement-a")).Reserved);
    }

    [Fact]
    public async Task Exchange_ABuysEntry_RecordsItsCashReservation_WhichNoEntryOfItsOwnRepeats()
    {
        // An auditor reads what a buy held in the order's own input entry; a sell's entry names no cash.
        await using var m = await ExchangeMarketAsync(Db);
        var cashBefore = await m.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter(KindPrefix: "cash.")), Ct);
        var buy = await m.PlaceAsync("cement-a", Side.Buy, 19.00m, 100, "entry/buy");
        var sell = await m.PlaceAsync("power-a", Side.Sell, 21.00m, 100, "entry/sell");

        var entries = await m.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: ExchangeInput.Placed), 0, 10), Ct);
        var buyEntry = ExchangeInput.FromJson(entries.Single(e => e.Subject == PlaceOrder.Subject(buy)).Payload);
        var sellEntry = entries.Single(e => e.Subject == PlaceOrder.Subject(sell)).Payload;
        var sellInput = ExchangeInput.FromJson(sellEntry);
        var reservation = await m.Store.ReadAsync(s => s.Cash.FindReservationAsync(PlaceOrder.CashKey(buy).Value), Ct);
        // 100 t × 19.00 yuan plus the maximum fee (0.05 %): 1 900.95 yuan held.
        Assert.Equal((reservation!.Id, 1_900.95m), (buyEntry.Reservation, buyEntry.Reserved));
        Assert.Equal(1_900.95m, reservation.Original.Value);
        Assert.Equal((null, null), (sellInput.Reservation, sellInput.Reserved));
        Assert.DoesNotContain("\"reserved\"", sellEntry, StringComparison.Ordinal);
        Assert.Equal(cashBefore, await m.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter(KindPrefix: "cash.")), Ct));
    }

    [Fact]
    public async Task Exchange_BatchRepeatingKeys_AnswersEachRepeatAsItWouldHaveBeenAnsweredSingly()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var earlier = await m.PlaceAsync("cement-a", Side.Buy, 19.00m, 100, "batch/old");
        PlaceOrder Buy(decimal price, long quantity, string key) => new("GDEA-2017", Side.Buy, OrderType.Limit, (long)(price * 100m), quantity,
            IdempotencyKey.From(key));

        var outcomes = await m.Exchange.HandleManyAsync(await m.ActorOf("cement-a"),
            [Buy(19.00m, 100, "batch/old"), Buy(19.10m, 200, "batch/new"), Buy(19.10m, 200, "batch/new"), Buy(19.20m, 200, "batch/new"),
                Buy(19.30m, 300, "batch/other")], m.At, Ct);

        var repeatOld = Assert.IsType<ExchangeOutcome.Completed>(outcomes[0]);
        var placed = Assert.IsType<ExchangeOutcome.Completed>(outcomes[1]);
        var repeatNew = Assert.IsType<ExchangeOutcome.Completed>(outcomes[2]);
        var other = Assert.IsType<ExchangeOutcome.Completed>(outcomes[4]);
        Assert.True(repeatOld.Duplicate);
        Assert.Equal(earlier, repeatOld.Order!.Id);
        Assert.False(placed.Duplicate);
        Assert.Equal(earlier + 1, placed.Order!.Id);
        Assert.True(repeatNew.Duplicate);
        Assert.Equal(placed.Order, repeatNew.Order);
        Assert.Equal(ExchangeRule.KeyReused, Assert.IsType<ExchangeOutcome.Refused>(outcomes[3]).Rule);
        Assert.Equal((earlier + 2, false), (other.Order!.Id, other.Duplicate));
        // 100 × 19.00 + 200 × 19.10 + 300 × 19.30 = 11 510 yuan, plus each order's maximum fee (0.05 %, rounded down to the fen).
        Assert.Equal(11_510m + 0.95m + 1.91m + 2.89m, (await m.CashOfAsync("cement-a")).Reserved);
    }

    [Fact]
    public async Task Cash_AReservationInTheCallersEntry_HoldsTheMoneyWithoutAnEntry_AndOneWhoseKeyWasUsedFailsItsWholeWrite()
    {
        // The exchange reserves a buy's cash under its new order number's key without looking the key up, and records the
        // reservation in the order's own entry; the store's unique key index is what stands behind the first promise.
        var (store, member) = await CashStoreAsync(Db);
        await using var _ = store;
        await CashAsync(store, l => l.DepositAsync(member, Yuan.From(1_000m), "slip", IdempotencyKey.From("d1")));
        await CashAsync(store, l => l.ReserveAsync(member, Yuan.From(10m), "ref/old", IdempotencyKey.From("res/old")));

        var fresh = await CashAsync(store, l => l.ReserveInCallersEntryAsync(member, Yuan.From(20m), "ref/new", IdempotencyKey.From("res/new")));
        var failed = await Record.ExceptionAsync(() => store.WriteAsync(async s =>
        {
            var ledger = new CashLedger(s, "regulator", Now);
            await ledger.ReserveInCallersEntryAsync(member, Yuan.From(5m), "ref/first", IdempotencyKey.From("res/first"));
            return await ledger.ReserveInCallersEntryAsync(member, Yuan.From(30m), "ref/again", IdempotencyKey.From("res/old"));
        }, Ct));

        Assert.NotNull(Assert.IsType<CashResult.Done>(fresh).Reservation);
        Assert.NotNull(failed);
        Assert.Equal(30m, (await store.ReadAsync(s => s.Cash.FindMemberAccountAsync(member.Id), Ct))!.Reserved);
        Assert.Null(await store.ReadAsync(s => s.Cash.FindReservationAsync("res/first"), Ct));
        Assert.Equal(10m, (await store.ReadAsync(s => s.Cash.FindReservationAsync("res/old"), Ct))!.Amount.Value);
        var journal = await store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "cash."), 0, 10), Ct);
        Assert.Equal(["cash.reserved", "cash.deposited"], journal.Select(e => e.Kind));
    }
}
