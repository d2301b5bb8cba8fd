using OpenEts.Application.Exchange;
using OpenEts.Application.Journal;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Matching;

namespace OpenEts.Storage.Tests;

// One order's trades settle together in its transaction (their orders and cash keys read ahead, their journal entries
// stored together): all of them or none. A settlement that fails part-way leaves no trade, payment, delivery or journal
// entry behind, and the book keeps the orders it had.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Exchange_BuySweepingSeveralSells_SettlesEveryTradeInBothLedgersWithAnUnbrokenJournal()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var cement = await m.HeldAsync("GD-HOLD-CEMENT");
        for (var i = 0; i < 5; i++)
        {
            await m.PlaceAsync("power-a", Side.Sell, 20.00m + (i * 0.01m), 100, "s" + i);
        }

        var bought = Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Buy, 21.00m, 500, "b1"));
        var chain = await new JournalChain(m.Store).CheckAsync(Ct);
        var settled = await m.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter(KindPrefix: "exchange.trade.settled")), Ct);

        // 100 t at 20.00, 20.01, … 20.04: 10 010.00 yuan; each side's fee 0.05 % per trade, rounded down to the fen.
        Assert.Equal([1L, 2, 3, 4, 5], bought.Trades.Select(t => t.Id));
        Assert.Equal(OrderStatus.Filled, bought.Order!.Status);
        Assert.Equal(5, settled);
        Assert.Equal(cement + 500, await m.HeldAsync("GD-HOLD-CEMENT"));
        Assert.Equal(0L, await m.HeldAsync("GD-CLEARING"));
        var fees = bought.Trades.Sum(t => t.BuyerFeeFen + t.SellerFeeFen) / 100m;
        Assert.Equal(fees, await m.FeesAsync());
        Assert.Equal(10_010m - (bought.Trades.Sum(t => t.SellerFeeFen) / 100m), (await m.CashOfAsync("power-a")).Balance);
        Assert.Equal((1_000_000m - 10_010m - (bought.Trades.Sum(t => t.BuyerFeeFen) / 100m), 0m),
            ((await m.CashOfAsync("cement-a")).Balance, (await m.CashOfAsync("cement-a")).Reserved));
        Assert.Empty((await m.Queries.DepthAsync("GDEA-2017", 5, Ct))!.Asks);
        Assert.Null(chain.Break);
    }

    [Fact]
    public async Task Exchange_CashStatementsOfATrade_NameNeitherTheCounterpartysOrderNorItsAccountNorItsUser()
    {
        await using var m = await ExchangeMarketAsync(Db);
        await m.PlaceAsync("power-a", Side.Sell, 20.00m, 100, "s1");
        var bought = Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Buy, 20.00m, 100, "b1"));
        var trade = Assert.Single(bought.Trades);
        var queries = new OpenEts.Application.Cash.CashQueries(m.Store);
        var (seller, buyer, regulator) = (await m.ActorOf("power-a"), await m.ActorOf("cement-a"), await m.ActorOf("regulator"));

        var sellers = (await queries.OwnStatementAsync(seller, 0, Ct))!;
        var buyers = (await queries.OwnStatementAsync(buyer, 0, Ct))!;
        var overseen = (await queries.StatementAsync(regulator, sellers.Organisation.Code, 0, Ct))!;

        // The seller's payment in: from an undisclosed account, for the trade, set off by nobody named.
        var paid = Assert.Single(sellers.Entries, e => e.Kind == OpenEts.Application.Cash.CashEntryKind.Settlement);
        Assert.Equal((0L, $"exchange/trade/{trade.Id}", ""), (paid.From, paid.Reference, paid.Actor));
        Assert.All(sellers.Entries.Where(e => e.Kind == OpenEts.Application.Cash.CashEntryKind.Fee), e => Assert.Equal("", e.Actor));
        // The buyer's payment out: to an undisclosed account, under its own order.
        var paying = Assert.Single(buyers.Entries, e => e.Amount.Value == 2_000m);
        Assert.Equal(0L, paying.To);
        Assert.StartsWith("exchange/order/", paying.Reference, StringComparison.Ordinal);
        Assert.DoesNotContain(buyers.Entries, e => e.Actor == "power-a");
        // The regulator sees the movement as it was booked.
        var booked = Assert.Single(overseen.Entries, e => e.Kind == OpenEts.Application.Cash.CashEntryKind.Settlement);
        Assert.Equal(buyers.Account!.Id, booked.From);
        Assert.StartsWith("exchange/order/", booked.Reference, StringComparison.Ordinal);
    }

    // The counterparties of a settlement are stored together: each as the book left it, filled or still resting a part.
    [Fact]
    public async Task Exchange_BuySweepingPartOfTheBook_StoresEachCounterpartyAsTheBookLeftIt()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var sells = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            sells.Add(await m.PlaceAsync("power-a", Side.Sell, 20.00m + (i * 0.01m), 100, "s" + i));
        }

        var bought = Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Buy, 21.00m, 250, "b1"));
        var stored = await m.Store.ReadAsync(async s =>
        {
            var orders = new List<ExchangeOrder>();
            foreach (var id in sells)
            {
                orders.Add((await s.Exchange.FindOrderAsync(id))!);
            }
            return orders;
        }, Ct);

        Assert.Equal(3, bought.Trades.Count);
        Assert.Equal([OrderStatus.Filled, OrderStatus.Filled, OrderStatus.Open], stored.Select(o => o.Status));
        Assert.Equal([(100L, 0L), (100L, 0L), (50L, 50L)], stored.Select(o => (o.Filled, o.Resting)));
        Assert.Equal(50L, await m.HeldAsync("GD-CLEARING"));
    }

    [Fact]
    public async Task Exchange_SettlementFailingPartWay_RollsBackTheWholeOrderAndKeepsTheBook()
    {
        await using var m = await ExchangeMarketAsync(Db);
        for (var i = 0; i < 3; i++)
        {
            await m.PlaceAsync("power-a", Side.Sell, 20.00m, 100, "s" + i);
        }
        // The second trade's payment key already names another movement: that payment is refused, a bug the settlement
        // does not survive.
        await m.DepositAsync("steel-a", 1m, "exchange/trade/2/pay");
        var journal = await m.Store.ReadAsync(s => s.Journal.LastSequenceAsync(), Ct);
        var cement = await m.HeldAsync("GD-HOLD-CEMENT");
        var buyerCash = await m.CashOfAsync("cement-a");
        var sellerCash = await m.CashOfAsync("power-a");

        await Assert.ThrowsAnyAsync<Exception>(() => m.OrderAsync("cement-a", Side.Buy, 20.00m, 300, "b1"));
        var chain = await new JournalChain(m.Store).CheckAsync(Ct);

        Assert.Equal(journal, await m.Store.ReadAsync(s => s.Journal.LastSequenceAsync(), Ct));
        Assert.Empty(await m.Queries.TradePrintsAsync("GDEA-2017", Now.AddMinutes(-1), Now.AddMinutes(1), Ct));
        Assert.Equal(cement, await m.HeldAsync("GD-HOLD-CEMENT"));
        Assert.Equal(300L, await m.HeldAsync("GD-CLEARING"));
        Assert.Equal(buyerCash, await m.CashOfAsync("cement-a"));
        Assert.Equal(sellerCash, await m.CashOfAsync("power-a"));
        Assert.Equal(0m, await m.FeesAsync());
        Assert.Equal([new DepthLevel(2_000, 300, 3)], (await m.Queries.DepthAsync("GDEA-2017", 5, Ct))!.Asks);
        Assert.Null(chain.Break);
    }

    [Fact]
    public async Task Exchange_TradesOfASettlementStoredTogether_ReadBackAsSettledAndADuplicateNumberStoresNone()
    {
        await using var m = await ExchangeMarketAsync(Db);
        for (var i = 0; i < 12; i++)
        {
            await m.PlaceAsync("power-a", Side.Sell, 20.00m + (i % 3 * 0.01m), 100, "s" + i);
        }
        var bought = Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Buy, 21.00m, 1_200, "b1"));

        var stored = await m.Store.ReadAsync(s => s.Exchange.AllTradesAsync(), Ct);
        var again = bought.Trades[0] with { Id = 100 };
        await Assert.ThrowsAnyAsync<Exception>(() => m.Store.WriteAsync(async s =>
        {
            await s.Exchange.InsertTradesAsync([again, again]);
            return 0;
        }, Ct));
        var after = await m.Store.ReadAsync(s => s.Exchange.AllTradesAsync(), Ct);

        Assert.Equal(12, bought.Trades.Count);
        Assert.Equal(bought.Trades, stored);
        Assert.Equal(stored, after);
    }
}
