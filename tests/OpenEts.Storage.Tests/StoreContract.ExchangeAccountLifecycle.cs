using OpenEts.Application.Cash;
using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Storage.Tests;

// A trading account's life through the exchange's use cases on every database: the member suspends its client's account
// (its resting orders cancelled, their cash and units released, new orders refused naming the rule), reinstates it; the
// exchange suspends any account and only it lifts that; an account closes only with nothing left on the exchange; a
// client moves to another member with both members' and the client's consent or by the exchange's decision; the offered member declines a
// move, or its member withdraws it, and the client stays.
public abstract partial class StoreContract<TDb>
{
    private static async Task<long> PowerAccountAsync(ExchangeMarket m) => (await m.Queries.AccountAsync(await m.ActorOf("power-a"), Ct))!.Id;

    private static async Task<long> CementAccountAsync(ExchangeMarket m) => (await m.Queries.AccountAsync(await m.ActorOf("cement-a"), Ct))!.Id;

    private static SuspendTradingAccount Suspend(long account, string reason = "") => new(account, reason);

    [Fact]
    public async Task ExchangeAccountLifecycle_MemberSuspendsClient_CancelsRestingOrdersReleasesThemAndRefusesNewOrders()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var steel = await m.HeldAsync("GD-HOLD-STEEL");
        var buy = Assert.IsType<ExchangeOutcome.Completed>(await ClientOrderAsync(m, "power-a", client, Side.Buy, 19.00m, 1_000, "cb1")).Order!.Id;
        var sell = Assert.IsType<ExchangeOutcome.Completed>(await ClientOrderAsync(m, "power-a", client, Side.Sell, 21.00m, 700, "cs1")).Order!.Id;
        var reservedBefore = (await m.CashOfAsync("steel-a")).Reserved;

        var suspended = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-b", Suspend(client, "margin call")));
        var order = await ClientOrderAsync(m, "power-a", client, Side.Buy, 19.00m, 100, "cb2");
        var cancelAfter = await m.RunAsync("power-a", new CancelOrder(buy));

        Assert.Equal(19_009.50m, reservedBefore);
        Assert.Equal((TradingAccountState.Suspended, false), (suspended.Account!.State, suspended.Account.SuspendedByExchange));
        var refused = Assert.IsType<ExchangeOutcome.Refused>(order);
        Assert.Equal((ExchangeRule.AccountSuspended, "account"), (refused.Rule, refused.Field));
        Assert.Equal(ExchangeRule.UnknownOrder, Assert.IsType<ExchangeOutcome.Refused>(cancelAfter).Rule);
        Assert.Equal(0m, (await m.CashOfAsync("steel-a")).Reserved);
        Assert.Equal((steel, 0L), (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-CLEARING")));
        var orders = await m.Queries.MyOrdersAsync(await m.ActorOf("power-a"), client, Ct);
        Assert.All(orders.Where(o => o.Id == buy || o.Id == sell), o => Assert.Equal((OrderStatus.Cancelled, "AccountSuspended"), (o.Status, o.Reason)));
        Assert.Equal(TradingAccountState.Suspended, Assert.Single(await m.Queries.ClientsAsync(await m.ActorOf("power-a"), Ct)).Account.State);
        var journal = await m.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: SuspendTradingAccount.Kind), 0, 10), Ct);
        Assert.Equal([("power-b", client.ToString(System.Globalization.CultureInfo.InvariantCulture))], journal.Select(e => (e.Actor, e.Subject)));
        using var restarted = new ExchangeService(m.Store, m.Registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        var rebuilt = await new ExchangeQueries(m.Store, restarted, m.Registry).DepthAsync("GDEA-2017", 5, Ct);
        Assert.Empty(rebuilt!.Bids);
        Assert.Empty(rebuilt.Asks);
    }

    [Fact]
    public async Task ExchangeAccountLifecycle_Reinstated_TakesOrdersAgainAndOnlyTheExchangeLiftsItsOwnSuspension()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);

        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", Suspend(client)));
        var twice = await m.RunAsync("power-a", Suspend(client));
        var reinstated = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new ReinstateTradingAccount(client, "")));
        var placed = await ClientOrderAsync(m, "power-a", client, Side.Buy, 19.00m, 100, "cb1");
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", Suspend(client, "inquiry")));
        var byMember = await m.RunAsync("power-a", new ReinstateTradingAccount(client, ""));
        var byExchange = await m.RunAsync("exchange", new ReinstateTradingAccount(client, ""));
        var notSuspended = await m.RunAsync("exchange", new ReinstateTradingAccount(client, ""));

        Assert.Equal(ExchangeRule.AccountState, Assert.IsType<ExchangeOutcome.Refused>(twice).Rule);
        Assert.Equal(TradingAccountState.Open, reinstated.Account!.State);
        Assert.IsType<ExchangeOutcome.Completed>(placed);
        Assert.Equal(ExchangeRule.NotOperator, Assert.IsType<ExchangeOutcome.Refused>(byMember).Rule);
        Assert.Equal(TradingAccountState.Open, Assert.IsType<ExchangeOutcome.Completed>(byExchange).Account!.State);
        Assert.Equal(ExchangeRule.AccountState, Assert.IsType<ExchangeOutcome.Refused>(notSuspended).Rule);
    }

    [Fact]
    public async Task ExchangeAccountLifecycle_SuspendingWhatIsNotYours_IsRefusedAndTheExchangeSuspendsAMember()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var power = await PowerAccountAsync(m);

        var otherMember = await m.RunAsync("cement-a", Suspend(client));
        var ownAccount = await m.RunAsync("power-a", Suspend(power));
        var byClient = await m.RunAsync("steel-a", Suspend(client));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", Suspend(power, "unpaid fees")));
        var own = await m.OrderAsync("power-a", Side.Sell, 21.00m, 100, "s1");
        var forClient = await ClientOrderAsync(m, "power-a", client, Side.Sell, 21.00m, 100, "cs1");

        Assert.Equal((ExchangeRule.NotYourClient, RefusalKind.Forbidden),
            (Assert.IsType<ExchangeOutcome.Refused>(otherMember).Rule, Assert.IsType<ExchangeOutcome.Refused>(otherMember).Kind));
        Assert.Equal(ExchangeRule.NotYourClient, Assert.IsType<ExchangeOutcome.Refused>(ownAccount).Rule);
        Assert.Equal(ExchangeRule.ClientAccount, Assert.IsType<ExchangeOutcome.Refused>(byClient).Rule);
        Assert.Equal(ExchangeRule.AccountSuspended, Assert.IsType<ExchangeOutcome.Refused>(own).Rule);
        Assert.Equal(ExchangeRule.AccountSuspended, Assert.IsType<ExchangeOutcome.Refused>(forClient).Rule);
        Assert.Equal(TradingAccountState.Open, Assert.Single(await m.Queries.ClientsAsync(await m.ActorOf("power-a"), Ct)).Account.State);
    }

    [Fact]
    public async Task ExchangeAccountLifecycle_CloseWithOrdersOrCashLeft_IsRefusedThenClosesWhenClear()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var buy = Assert.IsType<ExchangeOutcome.Completed>(await ClientOrderAsync(m, "power-a", client, Side.Buy, 19.00m, 100, "cb1")).Order!.Id;

        var withOrder = await m.RunAsync("power-a", new CloseTradingAccount(client));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new CancelOrder(buy)));
        var withCash = await m.RunAsync("power-a", new CloseTradingAccount(client));
        var steelId = (await m.ActorOf("steel-a")).OrganisationId!.Value;
        var steel = (await m.Store.ReadAsync(s => s.Organisations.FindByIdAsync(steelId), Ct))!;
        Assert.IsType<CashCommandOutcome.Completed>(await m.Cash.HandleAsync(await m.ActorOf("regulator"),
            new WithdrawCash(steel.Code, Yuan.From(500_000m), "to bank", IdempotencyKey.From("w-steel")), Ct));
        var closed = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new CloseTradingAccount(client)));
        var order = await ClientOrderAsync(m, "power-a", client, Side.Buy, 19.00m, 100, "cb2");
        var again = await m.RunAsync("power-a", new CloseTradingAccount(client));
        var memberWithCash = await m.RunAsync("exchange", new CloseTradingAccount(await CementAccountAsync(m)));

        var inUse = Assert.IsType<ExchangeOutcome.Refused>(withOrder);
        Assert.Equal(ExchangeRule.AccountInUse, inUse.Rule);
        Assert.Contains("1 resting order", inUse.Message, StringComparison.Ordinal);
        Assert.Contains("500000.00 yuan", Assert.IsType<ExchangeOutcome.Refused>(withCash).Message, StringComparison.Ordinal);
        Assert.Equal(TradingAccountState.Closed, closed.Account!.State);
        Assert.Equal(ExchangeRule.AccountClosed, Assert.IsType<ExchangeOutcome.Refused>(order).Rule);
        Assert.Equal(ExchangeRule.AccountClosed, Assert.IsType<ExchangeOutcome.Refused>(again).Rule);
        Assert.Equal(ExchangeRule.AccountInUse, Assert.IsType<ExchangeOutcome.Refused>(memberWithCash).Rule);
        Assert.Equal(TradingAccountState.Closed, Assert.Single(await m.Queries.ClientsAsync(await m.ActorOf("power-a"), Ct)).Account.State);
    }

    [Fact]
    public async Task ExchangeAccountLifecycle_MoveOfferedByTheMemberAndAccepted_MakesTheClientTheNewMembers()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var cement = await CementAccountAsync(m);

        var offered = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new TransferClientAccount(client, cement)));
        var waiting = await m.Queries.TransfersOfferedAsync(await m.ActorOf("cement-b"), Ct);
        var notOffered = await m.RunAsync("power-a", new AcceptClientTransfer(client));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("steel-a", new AnswerClientMove(client, Confirm: true)));
        var accepted = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-b", new AcceptClientTransfer(client)));
        var byOldMember = await ClientOrderAsync(m, "power-a", client, Side.Buy, 19.00m, 100, "cb1");
        var byNewMember = await ClientOrderAsync(m, "cement-a", client, Side.Buy, 19.00m, 100, "cb2");

        Assert.Equal((TransferClientAccount.OfferedKind, (long?)cement), (offered.Event, offered.Account!.TransferTo));
        Assert.Equal([client], waiting.Select(c => c.Account.Id));
        Assert.Equal(ExchangeRule.NotOfferedMember, Assert.IsType<ExchangeOutcome.Refused>(notOffered).Rule);
        Assert.Equal((TransferClientAccount.Kind, (long?)cement, (long?)null), (accepted.Event, accepted.Account!.Member, accepted.Account.TransferTo));
        Assert.Equal(ExchangeRule.NotYourClient, Assert.IsType<ExchangeOutcome.Refused>(byOldMember).Rule);
        Assert.Equal(client, Assert.IsType<ExchangeOutcome.Completed>(byNewMember).Order!.AccountId);
        Assert.Empty(await m.Queries.ClientsAsync(await m.ActorOf("power-a"), Ct));
        Assert.Equal([client], (await m.Queries.ClientsAsync(await m.ActorOf("cement-a"), Ct)).Select(c => c.Account.Id));
        Assert.Empty(await m.Queries.TransfersOfferedAsync(await m.ActorOf("cement-b"), Ct));
    }

    [Fact]
    public async Task ExchangeAccountLifecycle_MoveWithOrdersRestingOrToNoMember_IsRefusedAndTheExchangeMovesAtOnce()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var cement = await CementAccountAsync(m);
        var power = await PowerAccountAsync(m);
        var sell = Assert.IsType<ExchangeOutcome.Completed>(await ClientOrderAsync(m, "power-a", client, Side.Sell, 21.00m, 100, "cs1")).Order!.Id;

        var resting = await m.RunAsync("power-a", new TransferClientAccount(client, cement));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new CancelOrder(sell)));
        var toItself = await m.RunAsync("power-a", new TransferClientAccount(client, power));
        var toAClient = await m.RunAsync("power-a", new TransferClientAccount(client, client));
        var memberOwn = await m.RunAsync("exchange", new TransferClientAccount(power, cement));
        var decided = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new TransferClientAccount(client, cement)));

        var inUse = Assert.IsType<ExchangeOutcome.Refused>(resting);
        Assert.Equal((ExchangeRule.AccountInUse, "account"), (inUse.Rule, inUse.Field));
        Assert.Equal((ExchangeRule.ClientTransfer, "toMember"),
            (Assert.IsType<ExchangeOutcome.Refused>(toItself).Rule, Assert.IsType<ExchangeOutcome.Refused>(toItself).Field));
        Assert.Equal(ExchangeRule.ClientTransfer, Assert.IsType<ExchangeOutcome.Refused>(toAClient).Rule);
        Assert.Equal(ExchangeRule.ClientTransfer, Assert.IsType<ExchangeOutcome.Refused>(memberOwn).Rule);
        Assert.Equal((TransferClientAccount.Kind, (long?)cement), (decided.Event, decided.Account!.Member));
        var journal = await m.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: TransferClientAccount.Kind), 0, 10), Ct);
        Assert.Equal(["exchange"], journal.Select(e => e.Actor));
    }

    [Fact]
    public async Task ExchangeAccountLifecycle_MoveDeclinedByTheOfferedMember_EndsTheOfferAndALaterOfferIsAccepted()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var cement = await CementAccountAsync(m);

        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new TransferClientAccount(client, cement)));
        var byOfferingMember = await m.RunAsync("power-a", new DeclineClientTransfer(client, ""));
        var declined = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-b", new DeclineClientTransfer(client, "no capacity")));
        var twice = await m.RunAsync("cement-b", new DeclineClientTransfer(client, ""));
        var acceptAfter = await m.RunAsync("cement-a", new AcceptClientTransfer(client));
        var stillPowers = await ClientOrderAsync(m, "power-a", client, Side.Buy, 19.00m, 100, "cb1");
        var offeredAfter = await m.Queries.TransfersOfferedAsync(await m.ActorOf("cement-b"), Ct);
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new CancelOrder(((ExchangeOutcome.Completed)stillPowers).Order!.Id)));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new TransferClientAccount(client, cement)));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("steel-a", new AnswerClientMove(client, Confirm: true)));
        var accepted = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", new AcceptClientTransfer(client)));

        var notOffered = Assert.IsType<ExchangeOutcome.Refused>(byOfferingMember);
        Assert.Equal((ExchangeRule.NotOfferedMember, RefusalKind.Forbidden), (notOffered.Rule, notOffered.Kind));
        Assert.Equal((DeclineClientTransfer.Kind, (long?)null, (long?)await PowerAccountAsync(m)),
            (declined.Event, declined.Account!.TransferTo, declined.Account.Member));
        Assert.Equal(ExchangeRule.NoTransferOffer, Assert.IsType<ExchangeOutcome.Refused>(twice).Rule);
        Assert.Equal(ExchangeRule.NoTransferOffer, Assert.IsType<ExchangeOutcome.Refused>(acceptAfter).Rule);
        Assert.IsType<ExchangeOutcome.Completed>(stillPowers);
        Assert.Empty(offeredAfter);
        Assert.Equal((long?)cement, accepted.Account!.Member);
        var journal = await m.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: DeclineClientTransfer.Kind), 0, 10), Ct);
        var entry = Assert.Single(journal);
        Assert.Equal(("cement-b", client.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.Actor, entry.Subject));
        Assert.Contains("no capacity", entry.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeAccountLifecycle_MoveWithdrawnByItsMember_EndsTheOfferAndOnlyTheClientsMemberOrTheExchangeWithdraws()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var cement = await CementAccountAsync(m);

        var nothingOffered = await m.RunAsync("power-a", new WithdrawClientTransfer(client, ""));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new TransferClientAccount(client, cement)));
        var byOfferedMember = await m.RunAsync("cement-a", new WithdrawClientTransfer(client, ""));
        var withdrawn = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-b", new WithdrawClientTransfer(client, "client stays")));
        var acceptAfter = await m.RunAsync("cement-a", new AcceptClientTransfer(client));
        var declineAfter = await m.RunAsync("cement-a", new DeclineClientTransfer(client, ""));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new TransferClientAccount(client, cement)));
        var byExchange = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("exchange", new WithdrawClientTransfer(client, "")));

        Assert.Equal(ExchangeRule.NoTransferOffer, Assert.IsType<ExchangeOutcome.Refused>(nothingOffered).Rule);
        Assert.Equal(ExchangeRule.NotYourClient, Assert.IsType<ExchangeOutcome.Refused>(byOfferedMember).Rule);
        Assert.Equal((WithdrawClientTransfer.Kind, (long?)null), (withdrawn.Event, withdrawn.Account!.TransferTo));
        Assert.Equal(ExchangeRule.NoTransferOffer, Assert.IsType<ExchangeOutcome.Refused>(acceptAfter).Rule);
        Assert.Equal(ExchangeRule.NoTransferOffer, Assert.IsType<ExchangeOutcome.Refused>(declineAfter).Rule);
        Assert.Null(byExchange.Account!.TransferTo);
        Assert.Equal([client], (await m.Queries.ClientsAsync(await m.ActorOf("power-a"), Ct)).Select(c => c.Account.Id));
        Assert.Empty(await m.Queries.TransfersOfferedAsync(await m.ActorOf("cement-a"), Ct));
        var journal = await m.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: WithdrawClientTransfer.Kind), 0, 10), Ct);
        Assert.Equal(["exchange", "power-b"], journal.Select(e => e.Actor).Order(StringComparer.Ordinal));
    }
}
