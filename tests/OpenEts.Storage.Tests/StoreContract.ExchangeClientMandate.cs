using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Matching;

namespace OpenEts.Storage.Tests;

// The client's mandate to a member (客户委托) on every database: a client account a member opened awaits its client, and
// nothing is entered for it until a representative of the client's holding account confirms; only the client answers; a
// declined or withdrawn account is deleted, so the client can be opened again or have its own trading account.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task ExchangeClientMandate_Unconfirmed_RefusesEverythingForTheAccountAndMovesNothing()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await OpenClientAsync(m, "power-a", SteelClientCode, "GD-HOLD-STEEL");
        await m.DepositAsync("steel-a", 500_000m);
        var steel = await m.HeldAsync("GD-HOLD-STEEL");
        var cement = await AccountOfAsync(m, "cement-a");

        var sell = await ClientOrderAsync(m, "power-a", client, Side.Sell, 20.00m, 1_000, "await-s1");
        var buy = await ClientOrderAsync(m, "power-b", client, Side.Buy, 20.00m, 1_000, "await-b1");
        var listing = await m.RunAsync("power-a", new PostListing("GDEA-2017", Side.Sell, 2_000, 1_000, null, IdempotencyKey.From("await-l1"), client));
        var block = await m.RunAsync("power-a", ClientBlock(Side.Sell, cement, 2_000, 100_000, "await-k1", client));
        var suspend = await m.RunAsync("power-a", new SuspendTradingAccount(client, ""));
        var reinstate = await m.RunAsync("exchange", new ReinstateTradingAccount(client, ""));
        var move = await m.RunAsync("power-a", new TransferClientAccount(client, cement));

        foreach (var refused in new[] { sell, buy, listing, block, suspend, reinstate, move })
        {
            Assert.Equal((ExchangeRule.AwaitingClient, "account"), (Assert.IsType<ExchangeOutcome.Refused>(refused).Rule, ((ExchangeOutcome.Refused)refused).Field));
        }
        Assert.Equal((steel, 0L), (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-CLEARING")));
        Assert.Equal((500_000m, 0m), ((await m.CashOfAsync("steel-a")).Balance, (await m.CashOfAsync("steel-a")).Reserved));
        Assert.Empty(await m.Queries.MyOrdersAsync(await m.ActorOf("power-a"), client, Ct));
        var listed = Assert.Single(await m.Queries.ClientsAsync(await m.ActorOf("power-a"), Ct));
        Assert.Equal((TradingAccountState.AwaitingClient, false, null), (listed.Account.State, listed.Account.Open, listed.Cash));
        // Nor does the member read the client's holdings, cash or report before the client confirms.
        var member = await m.ActorOf("power-b");
        Assert.Null(await m.Queries.PositionAsync(member, client, Ct));
        Assert.Empty(await m.Queries.ConfirmedClientsAsync(member, Ct));
        Assert.Empty((await m.Queries.MemberReportAsync(member, BeijingTime.TradingDay(m.At), null, Ct))!.Clients);
    }

    [Fact]
    public async Task ExchangeClientMandate_AnsweredByAnyoneButTheClient_IsRefusedNotTheClient()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await OpenClientAsync(m, "power-a", SteelClientCode, "GD-HOLD-STEEL");

        var outcomes = new List<ExchangeOutcome>();
        foreach (var user in new[] { "power-a", "cement-a", "paper-a", "exchange" })
        {
            outcomes.Add(await m.RunAsync(user, new AnswerClientMandate(client, Confirm: true)));
            outcomes.Add(await m.RunAsync(user, new AnswerClientMandate(client, Confirm: false)));
        }
        outcomes.Add(await m.RunAsync("steel-a", new AnswerClientMandate(client + 100, Confirm: true)));

        Assert.All(outcomes, o => Assert.Equal((ExchangeRule.NotTheClient, RefusalKind.Forbidden),
            (Assert.IsType<ExchangeOutcome.Refused>(o).Rule, ((ExchangeOutcome.Refused)o).Kind)));
        Assert.Equal(TradingAccountState.AwaitingClient, (await m.Queries.AccountAsync(await m.ActorOf("steel-a"), Ct))!.State);
        Assert.Null(await m.Queries.MandateAsync(await m.ActorOf("power-a"), Ct));
    }

    [Fact]
    public async Task ExchangeClientMandate_WithdrawnAfterTheClientConfirmed_IsRefusedAndLeavesTheAccountOpen()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await OpenClientAsync(m, "power-a", SteelClientCode, "GD-HOLD-STEEL");

        // The member's "withdraw the mandate" reaches the exchange just after the client's confirmation.
        await m.RunAsync("steel-b", new AnswerClientMandate(client, Confirm: true));
        var withdrawn = await m.RunAsync("power-a", new CloseTradingAccount(client, WithdrawOnly: true));
        var account = await m.Store.ReadAsync(s => s.Exchange.FindAccountAsync(client), Ct);

        Assert.Equal(ExchangeRule.AccountState, Assert.IsType<ExchangeOutcome.Refused>(withdrawn).Rule);
        Assert.Equal((TradingAccountState.Open, true), (account!.State, account.Open));
    }

    [Fact]
    public async Task ExchangeClientMandate_ConfirmedByTheClient_OpensTheAccountForTheMembersOrders()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await OpenClientAsync(m, "power-a", SteelClientCode, "GD-HOLD-STEEL");
        var power = await AccountOfAsync(m, "power-a");
        var waiting = await m.Queries.MandateAsync(await m.ActorOf("steel-b"), Ct);

        var confirmed = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("steel-b", new AnswerClientMandate(client, Confirm: true)));
        var again = await m.RunAsync("steel-a", new AnswerClientMandate(client, Confirm: true));
        var declineAfter = await m.RunAsync("steel-a", new AnswerClientMandate(client, Confirm: false));
        await ClientOrderAsync(m, "power-a", client, Side.Sell, 20.50m, 1_000, "conf-s1");
        var bought = Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Buy, 21.00m, 600, "conf-b1"));

        Assert.NotNull(waiting);
        Assert.Equal((client, power, "珠江示范发电有限公司", "GD-HOLD-STEEL", true),
            (waiting.Account.Id, waiting.MemberAccount, waiting.MemberName, waiting.Account.HoldingAccount.Value, waiting.MayAnswer));
        Assert.Equal((AnswerClientMandate.ConfirmedKind, TradingAccountState.Open, true), (confirmed.Event, confirmed.Account!.State, confirmed.Account.Open));
        Assert.Equal(ExchangeRule.AccountState, Assert.IsType<ExchangeOutcome.Refused>(again).Rule);
        Assert.Equal(ExchangeRule.AccountState, Assert.IsType<ExchangeOutcome.Refused>(declineAfter).Rule);
        Assert.Equal((client, 600L), (Assert.Single(bought.Trades).SellAccount, bought.Trades[0].Quantity));
        Assert.Null(await m.Queries.MandateAsync(await m.ActorOf("steel-b"), Ct));
        var journal = await m.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: AnswerClientMandate.ConfirmedKind), 0, 10), Ct);
        Assert.Equal([("steel-b", client.ToString(System.Globalization.CultureInfo.InvariantCulture))], journal.Select(e => (e.Actor, e.Subject)));
    }

    [Fact]
    public async Task ExchangeClientMandate_Declined_DeletesTheAccountSoTheClientCanBeOpenedAgainOrHaveItsOwn()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var first = await OpenClientAsync(m, "power-a", SteelClientCode, "GD-HOLD-STEEL");

        var declined = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("steel-a", new AnswerClientMandate(first, Confirm: false)));
        var gone = await m.Queries.AccountAsync(await m.ActorOf("steel-a"), Ct);
        var powersClients = await m.Queries.ClientsAsync(await m.ActorOf("power-a"), Ct);
        var second = await OpenClientAsync(m, "cement-a", SteelClientCode, "GD-HOLD-STEEL");
        var withdrawn = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", new CloseTradingAccount(second)));
        var answerWithdrawn = await m.RunAsync("steel-a", new AnswerClientMandate(second, Confirm: true));
        var steelCode = SteelClientCode + CreditCode.CheckCharacter(SteelClientCode);
        Assert.True(OpenTradingAccount.TryParse(new(steelCode, "GD-HOLD-STEEL"), out var own, out _));
        var ownOpened = await m.RunAsync("exchange", own);

        Assert.Equal(AnswerClientMandate.DeclinedKind, declined.Event);
        Assert.Null(gone);
        Assert.Empty(powersClients);
        Assert.NotEqual(first, second);
        Assert.Equal(CloseTradingAccount.WithdrawnKind, withdrawn.Event);
        Assert.Equal(ExchangeRule.NotTheClient, Assert.IsType<ExchangeOutcome.Refused>(answerWithdrawn).Rule);
        Assert.IsType<ExchangeOutcome.Completed>(ownOpened);
        var steelOwn = (await m.Queries.AccountAsync(await m.ActorOf("steel-a"), Ct))!;
        Assert.Equal((TradingAccountState.Open, false), (steelOwn.State, steelOwn.IsClient));
        var journal = await m.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "exchange.client."), 0, 10), Ct);
        Assert.Equal([CloseTradingAccount.WithdrawnKind, OpenClientAccount.Kind, AnswerClientMandate.DeclinedKind, OpenClientAccount.Kind],
            journal.Select(e => e.Kind));
    }
}
