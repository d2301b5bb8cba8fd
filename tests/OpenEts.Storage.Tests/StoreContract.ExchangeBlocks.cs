using FsCheck;
using FsCheck.Fluent;
using OpenEts.Application.Exchange;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Block trades (大宗协议) through their use cases on every database: proposed, accepted and settled delivery versus
// payment in both ledgers with the fees; refusals naming their rule; the book's last price untouched; and random
// sessions of block trades conserving units and cash.
public abstract partial class StoreContract<TDb>
{
    private static async Task<long> AccountOfAsync(ExchangeMarket m, string user) => (await m.Queries.AccountAsync(await m.ActorOf(user), Ct))!.Id;

    private static ProposeBlockTrade Block(Side side, long counterparty, long priceFen, long quantity, string key) =>
        new("GDEA-2017", side, counterparty, priceFen, quantity, IdempotencyKey.From(key));

    [Fact]
    public async Task BlockTrade_ProposedThenAccepted_SettlesUnitsCashAndFeesAndLeavesTheBookAlone()
    {
        await using var m = await ExchangeMarketAsync(Db);
        await m.DepositAsync("cement-a", 2_000_000m, "dep-block");
        var power = await m.HeldAsync("GD-HOLD-POWER");
        var cement = await m.HeldAsync("GD-HOLD-CEMENT");
        var cementAccount = await AccountOfAsync(m, "cement-a");

        var proposed = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", Block(Side.Sell, cementAccount, 2_500, 100_000, "blk-1")));
        var accepted = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", new AcceptBlockTrade(proposed.Block!.Id)));

        // 100 000 t × 25.00 = 2 500 000.00 yuan; each side's fee 0.05 % = 1 250.00 yuan.
        Assert.Equal(BlockTradeStatus.Proposed, proposed.Block.Status);
        Assert.Equal((BlockTradeStatus.Settled, 125_000L, 125_000L), (accepted.Block!.Status, accepted.Block.BuyerFeeFen, accepted.Block.SellerFeeFen));
        Assert.Equal(power - 100_000, await m.HeldAsync("GD-HOLD-POWER"));
        Assert.Equal(cement + 100_000, await m.HeldAsync("GD-HOLD-CEMENT"));
        Assert.Equal(0L, await m.HeldAsync("GD-CLEARING"));
        var buyer = await m.CashOfAsync("cement-a");
        Assert.Equal((3_000_000m - 2_500_000m - 1_250m, 0m), (buyer.Balance, buyer.Reserved));
        Assert.Equal(2_500_000m - 1_250m, (await m.CashOfAsync("power-a")).Balance);
        Assert.Equal(2_500m, await m.FeesAsync());
        // Off the book: no trade print, so no last price; the day's block volume shows it.
        Assert.Empty(await m.Queries.TradePrintsAsync("GDEA-2017", Now.AddMinutes(-1), Now.AddMinutes(1), Ct));
        Assert.Equal([new TradePrint(1, "GDEA-2017", Now, 2_500, 100_000)],
            await m.Queries.BlockPrintsAsync("GDEA-2017", Now.AddMinutes(-1), Now.AddMinutes(1), Ct));
        Assert.Single(await m.Queries.MyBlockTradesAsync(await m.ActorOf("power-a"), Ct));
    }

    [Fact]
    public async Task BlockTrade_TermsOutsideTheRules_AreRefusedNamingTheRule()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var cementAccount = await AccountOfAsync(m, "cement-a");
        var powerAccount = await AccountOfAsync(m, "power-a");

        // Reference 20.00: the block band is 14.00–26.00 (±30 %, unconfirmed); the minimum is 100 000 t.
        var small = await m.RunAsync("power-a", Block(Side.Sell, cementAccount, 2_000, 99_999, "blk-small"));
        var high = await m.RunAsync("power-a", Block(Side.Sell, cementAccount, 2_601, 100_000, "blk-high"));
        var edge = await m.RunAsync("power-a", Block(Side.Sell, cementAccount, 2_600, 100_000, "blk-edge"));
        var self = await m.RunAsync("power-a", Block(Side.Sell, powerAccount, 2_000, 100_000, "blk-self"));
        var noCash = await m.RunAsync("cement-a", new AcceptBlockTrade(Assert.IsType<ExchangeOutcome.Completed>(edge).Block!.Id));
        var byProposer = await m.RunAsync("power-a", new AcceptBlockTrade(((ExchangeOutcome.Completed)edge).Block!.Id));

        Assert.Equal(ExchangeRule.BlockTradeSize, Assert.IsType<ExchangeOutcome.Refused>(small).Rule);
        Assert.Equal(ExchangeRule.BlockTradeBand, Assert.IsType<ExchangeOutcome.Refused>(high).Rule);
        Assert.Equal(ExchangeRule.UnknownCounterparty, Assert.IsType<ExchangeOutcome.Refused>(self).Rule);
        // 100 000 t × 26.00 = 2 600 000 yuan > the 1 000 000 deposited: nothing moved, the proposal still waits.
        Assert.Equal(ExchangeRule.InsufficientCash, Assert.IsType<ExchangeOutcome.Refused>(noCash).Rule);
        Assert.Equal(ExchangeRule.UnknownProposal, Assert.IsType<ExchangeOutcome.Refused>(byProposer).Rule);
        Assert.Equal(0L, await m.HeldAsync("GD-CLEARING"));
        Assert.Equal((1_000_000m, 0m), ((await m.CashOfAsync("cement-a")).Balance, (await m.CashOfAsync("cement-a")).Reserved));
        Assert.Equal(BlockTradeStatus.Proposed, Assert.Single(await m.Queries.MyBlockTradesAsync(await m.ActorOf("cement-a"), Ct)).Status);
    }

    [Fact]
    public async Task BlockTrade_BuyerProposesSellerShort_RefusesTheAcceptanceAndRollsTheCashBack()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var powerAccount = await AccountOfAsync(m, "power-a");
        await m.DepositAsync("cement-a", 100_000_000m, "dep-block");
        var power = await m.HeldAsync("GD-HOLD-POWER");

        // The cement company buys more than the power company holds (3 000 001 t × 20.00 = 60 000 020 yuan: the cash is there).
        var proposed = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", Block(Side.Buy, powerAccount, 2_000, power + 1, "blk-big")));
        var accepted = await m.RunAsync("power-a", new AcceptBlockTrade(proposed.Block!.Id));
        var declined = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new CancelBlockTrade(proposed.Block.Id)));

        Assert.Equal(ExchangeRule.InsufficientUnits, Assert.IsType<ExchangeOutcome.Refused>(accepted).Rule);
        Assert.Equal(0m, (await m.CashOfAsync("cement-a")).Reserved);
        Assert.Equal(power, await m.HeldAsync("GD-HOLD-POWER"));
        Assert.Equal(BlockTradeStatus.Declined, declined.Block!.Status);
        Assert.Equal(ExchangeRule.UnknownProposal, Assert.IsType<ExchangeOutcome.Refused>(await m.RunAsync("power-a", new AcceptBlockTrade(proposed.Block.Id))).Rule);
    }

    [Fact]
    public async Task BlockTrade_AfterTheDaysEndOfDay_LapsesAndNewOnesAreRefusedAsDayClosed()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var cementAccount = await AccountOfAsync(m, "cement-a");
        var proposed = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", Block(Side.Sell, cementAccount, 2_000, 100_000, "blk-eod")));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));

        var again = await m.RunAsync("power-a", Block(Side.Sell, cementAccount, 2_000, 100_000, "blk-eod-2"));
        m.At = Now.AddDays(1);
        var late = await m.RunAsync("cement-a", new AcceptBlockTrade(proposed.Block!.Id));

        Assert.Equal(ExchangeRule.DayClosed, Assert.IsType<ExchangeOutcome.Refused>(again).Rule);
        Assert.Equal(ExchangeRule.UnknownProposal, Assert.IsType<ExchangeOutcome.Refused>(late).Rule);
        Assert.Equal(BlockTradeStatus.Expired, Assert.Single(await m.Queries.MyBlockTradesAsync(await m.ActorOf("cement-a"), Ct)).Status);
    }

    [Fact]
    public async Task EndOfDay_BlockTradeDeliveryMissingInTheRegistry_HaltsTheInstrumentAndNamesTheBlockTrade()
    {
        await using var m = await ExchangeMarketAsync(Db);
        await m.DepositAsync("cement-a", 2_000_000m, "dep-block");
        var proposed = Assert.IsType<ExchangeOutcome.Completed>(
            await m.RunAsync("power-a", Block(Side.Sell, await AccountOfAsync(m, "cement-a"), 2_000, 100_000, "blk-rec")));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", new AcceptBlockTrade(proposed.Block!.Id)));
        await using (var connection = await m.Store.OpenConnectionAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM registry_keys WHERE key = 'exchange/block/1/deliver'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }

        var done = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));

        Assert.Equal("GDEA-2017 block trade 1 units.delivered: expected 100000, found 0", Assert.Single(done.EndOfDay!.Mismatches).ToString());
        Assert.True((await m.Queries.InstrumentAsync("GDEA-2017", Ct))!.Halted);
    }

    [Fact]
    public async Task EndOfDay_SettledBlockTrade_ReconcilesAndLeavesTheCloseToTheBook()
    {
        await using var m = await ExchangeMarketAsync(Db);
        await m.DepositAsync("cement-a", 2_000_000m, "dep-block");
        var proposed = Assert.IsType<ExchangeOutcome.Completed>(
            await m.RunAsync("power-a", Block(Side.Sell, await AccountOfAsync(m, "cement-a"), 2_500, 100_000, "blk-close")));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", new AcceptBlockTrade(proposed.Block!.Id)));

        var done = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new EndOfDay(TradingDay)));

        // No book trade: the close is the previous close (20.00), however far the block trade's 25.00 was from it.
        Assert.Empty(done.EndOfDay!.Mismatches);
        var close = Assert.Single(done.EndOfDay.Closed).Close;
        Assert.Equal((2_000L, 0L, true), (close.CloseFen, close.Volume, close.ReferenceKept));
    }

    private sealed record BlockOp(bool PowerProposes, bool ProposerBuys, int Ticks, int Thousands, bool Accept);

    [Fact]
    public void BlockTrade_RandomSessions_ConserveUnitsAndCash()
    {
        if (Db is PostgresDb)
        {
            PostgresDb.RequireOrSkip();
        }
        var op = from power in Gen.Elements(true, false)
                 from buys in Gen.Elements(true, false)
                 from ticks in Gen.Choose(-650, 650)
                 from thousands in Gen.Choose(100, 400)
                 from accept in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
                 select new BlockOp(power, buys, ticks, thousands, accept);
        var cases = from count in Gen.Choose(1, 6) from ops in op.ArrayOf(count) select ops;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(ExchangeCases).WithQuietOnSuccess(true),
            Prop.ForAll(Arb.From(cases), (BlockOp[] ops) => Task.Run(() => BlockSessionAsync(ops), Ct).GetAwaiter().GetResult()));
    }

    private async Task BlockSessionAsync(BlockOp[] ops)
    {
        await using var m = await ExchangeMarketAsync(Db);
        await m.DepositAsync("power-a", 5_000_000m);
        string[] traders = ["power-a", "cement-a"];
        string[] holdings = ["GD-HOLD-POWER", "GD-HOLD-CEMENT"];
        var accounts = new[] { await AccountOfAsync(m, traders[0]), await AccountOfAsync(m, traders[1]) };
        var unitsBefore = await m.HeldAsync(holdings[0]) + await m.HeldAsync(holdings[1]);
        var cashBefore = (await m.CashOfAsync(traders[0])).Balance + (await m.CashOfAsync(traders[1])).Balance;
        var settledValue = 0L;
        for (var i = 0; i < ops.Length; i++)
        {
            var o = ops[i];
            var (proposer, counterparty) = o.PowerProposes ? (0, 1) : (1, 0);
            // Prices 13.50–26.50 around the 20.00 reference: some outside the ±30 % band, refused with nothing moved.
            var outcome = await m.RunAsync(traders[proposer], Block(o.ProposerBuys ? Side.Buy : Side.Sell, accounts[counterparty], 2_000 + o.Ticks,
                o.Thousands * 1_000L, "p" + i));
            if (outcome is ExchangeOutcome.Completed { Block: { } block } && o.Accept
                && await m.RunAsync(traders[counterparty], new AcceptBlockTrade(block.Id)) is ExchangeOutcome.Completed { Block: { } settled })
            {
                settledValue += settled.ValueFen;
            }
        }
        var unitsAfter = await m.HeldAsync(holdings[0]) + await m.HeldAsync(holdings[1]);
        var cashAfter = 0m;
        foreach (var t in traders)
        {
            var c = await m.CashOfAsync(t);
            Assert.True(c.Balance >= 0 && c.Reserved == 0);
            cashAfter += c.Balance;
        }
        Assert.Equal(unitsBefore, unitsAfter);
        Assert.Equal(0L, await m.HeldAsync("GD-CLEARING"));
        Assert.Equal(cashBefore, cashAfter + await m.FeesAsync());
        // Each settled block trade paid 0.05 % a side, rounded down to the fen: never more than 0.1 % of the value.
        Assert.True(await m.FeesAsync() <= settledValue / 100m * 0.001m);
    }
}
