using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;
using OpenEts.Matching;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Members trading for clients (客户) through the exchange's use cases on every database: a member opens a client account
// linked to the client's own holding account and cash; the member's traders enter the client's orders, which hold the
// client's cash or units and settle into the client's accounts with the client paying the fees; a member acts only for
// its own clients; the client's users read their account and enter nothing.
public abstract partial class StoreContract<TDb>
{
    private const string SteelClientCode = "91440200MA5CY1003";
    private const string PaperClientCode = "91440600MA5CY1004";

    private static OpenClientAccount ClientOf(string first17, string holding)
    {
        Assert.True(OpenClientAccount.TryParse(new(first17 + CreditCode.CheckCharacter(first17), holding), out var open, out var errors),
            string.Join("; ", errors.Select(e => e.Message)));
        return open;
    }

    // The market of ExchangeMarketAsync with the steel company as the power company's client (its own GD-HOLD-STEEL and
    // 500 000 yuan of its own cash), the client's mandate confirmed by its representative steel-a; returns the client's
    // trading account number.
    private static async Task<long> SteelClientOfPowerAsync(ExchangeMarket m)
    {
        var account = await OpenClientAsync(m, "power-a", SteelClientCode, "GD-HOLD-STEEL");
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("steel-a", new AnswerClientMandate(account, Confirm: true)));
        await m.DepositAsync("steel-a", 500_000m);
        return account;
    }

    // A member's trader opens a client account, which awaits the client's confirmation; returns its number.
    private static async Task<long> OpenClientAsync(ExchangeMarket m, string member, string first17, string holding)
    {
        var opened = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync(member, ClientOf(first17, holding)));
        Assert.Equal(TradingAccountState.AwaitingClient, opened.Account!.State);
        return long.Parse(opened.Subject, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<ExchangeOutcome> ClientOrderAsync(ExchangeMarket m, string user, long account, Side side, decimal price, long quantity,
        string key) =>
        await m.RunAsync(user, new PlaceOrder("GDEA-2017", side, OrderType.Limit, (long)(price * 100m), quantity, IdempotencyKey.From(key), account));

    [Fact]
    public async Task ExchangeClients_MemberOpensClientAccount_LinksTheClientsHoldingAccountAndIsJournalled()
    {
        await using var m = await ExchangeMarketAsync(Db);

        var account = await SteelClientOfPowerAsync(m);

        var power = (await m.Queries.AccountAsync(await m.ActorOf("power-a"), Ct))!;
        var client = Assert.Single(await m.Queries.ClientsAsync(await m.ActorOf("power-a"), Ct));
        Assert.Equal((account, power.Id, "GD-HOLD-STEEL"), (client.Account.Id, client.Account.Member!.Value, client.Account.HoldingAccount.Value));
        Assert.Equal("韶关示范钢铁有限公司", client.Name);
        Assert.Equal(account, (await m.Queries.AccountAsync(await m.ActorOf("steel-b"), Ct))!.Id);
        var journal = await m.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: OpenClientAccount.Kind), 0, 10), Ct);
        Assert.Equal([("power-a", client.Code.Value)], journal.Select(e => (e.Actor, e.Subject)));
    }

    [Fact]
    public async Task ExchangeClients_OpeningAgainstTheRules_IsRefusedNamingTheRule()
    {
        await using var m = await ExchangeMarketAsync(Db);

        var notTheirs = await m.RunAsync("power-a", ClientOf(SteelClientCode, "GD-HOLD-PAPER"));
        var hasAccount = await m.RunAsync("power-a", ClientOf("91441800MA5CY1002", "GD-HOLD-CEMENT"));
        var exchange = await m.RunAsync("power-a", ClientOf("91440101MA5CY0002", "GD-HOLD-STEEL"));
        await SteelClientOfPowerAsync(m);
        var secondMember = await m.RunAsync("cement-a", ClientOf(SteelClientCode, "GD-HOLD-STEEL"));
        var clientTakesClients = await m.RunAsync("steel-a", ClientOf(PaperClientCode, "GD-HOLD-PAPER"));
        var noAccount = await m.RunAsync("paper-a", ClientOf("91440101MA5CY1005", "GD-HOLD-AVIATION"));

        Assert.Equal(ExchangeRule.ClientHoldingAccount, Assert.IsType<ExchangeOutcome.Refused>(notTheirs).Rule);
        Assert.Equal(ExchangeRule.AlreadyOpen, Assert.IsType<ExchangeOutcome.Refused>(hasAccount).Rule);
        Assert.Equal(ExchangeRule.UnknownClient, Assert.IsType<ExchangeOutcome.Refused>(exchange).Rule);
        var twice = Assert.IsType<ExchangeOutcome.Refused>(secondMember);
        Assert.Equal(ExchangeRule.AlreadyOpen, twice.Rule);
        Assert.Contains("client account", twice.Message, StringComparison.Ordinal);
        Assert.Equal(ExchangeRule.ClientAccount, Assert.IsType<ExchangeOutcome.Refused>(clientTakesClients).Rule);
        Assert.Equal(ExchangeRule.NotAccountHolder, Assert.IsType<ExchangeOutcome.Refused>(noAccount).Rule);
        Assert.Single(await m.Queries.ClientsAsync(await m.ActorOf("power-b"), Ct));
        Assert.Empty(await m.Queries.ClientsAsync(await m.ActorOf("cement-a"), Ct));
    }

    [Fact]
    public async Task ExchangeClients_ClientBuy_ReservesTheClientsCashNotTheMembers()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);

        var placed = Assert.IsType<ExchangeOutcome.Completed>(await ClientOrderAsync(m, "power-a", client, Side.Buy, 19.00m, 1_000, "cb1"));

        // 1 000 t × 19.00 = 19 000 yuan plus the maximum fee 9.50 yuan, of the client's cash.
        Assert.Equal(client, placed.Order!.AccountId);
        Assert.Equal((500_000m, 19_009.50m), ((await m.CashOfAsync("steel-a")).Balance, (await m.CashOfAsync("steel-a")).Reserved));
        var powerOrganisation = (await m.ActorOf("power-a")).OrganisationId!.Value;
        Assert.Null(await m.Store.ReadAsync(s => s.Cash.FindMemberAccountAsync(powerOrganisation), Ct));
        Assert.Equal([placed.Order.Id], (await m.Queries.MyOrdersAsync(await m.ActorOf("power-b"), client, Ct)).Select(o => o.Id));
        Assert.Empty(await m.Queries.MyOrdersAsync(await m.ActorOf("power-b"), Ct));
    }

    [Fact]
    public async Task ExchangeClients_ClientSellThenCancel_HoldsAndReturnsTheClientsUnits()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var steel = await m.HeldAsync("GD-HOLD-STEEL");
        var power = await m.HeldAsync("GD-HOLD-POWER");

        var sell = Assert.IsType<ExchangeOutcome.Completed>(await ClientOrderAsync(m, "power-a", client, Side.Sell, 21.00m, 700, "cs1")).Order!.Id;
        var held = (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-CLEARING"), await m.HeldAsync("GD-HOLD-POWER"));
        var amended = await m.RunAsync("power-b", new AmendOrder(sell, null, 500));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-b", new CancelOrder(sell)));

        Assert.Equal((steel - 700, 700L, power), held);
        Assert.Equal(500L, Assert.IsType<ExchangeOutcome.Completed>(amended).Order!.Resting);
        Assert.Equal((steel, 0L), (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-CLEARING")));
    }

    [Fact]
    public async Task ExchangeClients_TradeForAClient_SettlesIntoTheClientsAccountsAndTheClientSeesIt()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var steel = await m.HeldAsync("GD-HOLD-STEEL");
        var cement = await m.HeldAsync("GD-HOLD-CEMENT");

        await ClientOrderAsync(m, "power-a", client, Side.Sell, 20.50m, 1_000, "cs1");
        var bought = Assert.IsType<ExchangeOutcome.Completed>(await m.OrderAsync("cement-a", Side.Buy, 21.00m, 600, "b1"));
        var clientBuy = Assert.IsType<ExchangeOutcome.Completed>(await ClientOrderAsync(m, "power-b", client, Side.Buy, 20.50m, 100, "cb1"));

        // 600 t at 20.50 = 12 300.00 yuan to the client, less its fee 6.15; its own 100 t buy from its own resting sell is
        // prevented (the same trading account) and cancelled.
        var trade = Assert.Single(bought.Trades);
        Assert.Equal((client, 2_050L, 600L), (trade.SellAccount, trade.PriceFen, trade.Quantity));
        Assert.Equal("SelfTradePrevented", clientBuy.Order!.Reason);
        Assert.Equal((steel - 1_000, cement + 600, 400L),
            (await m.HeldAsync("GD-HOLD-STEEL"), await m.HeldAsync("GD-HOLD-CEMENT"), await m.HeldAsync("GD-CLEARING")));
        Assert.Equal((500_000m + 12_300m - 6.15m, 0m), ((await m.CashOfAsync("steel-a")).Balance, (await m.CashOfAsync("steel-a")).Reserved));
        var steelUser = await m.ActorOf("steel-b");
        Assert.Equal([trade.Id], (await m.Queries.MyTradesAsync(steelUser, Ct)).Select(t => t.Id));
        var position = (await m.Queries.PositionAsync(steelUser, Ct))!;
        Assert.Equal((client, 400L), (position.Account.Id, Assert.Single(position.Lines).InOpenSells));
        var report = (await m.Queries.MemberReportAsync(await m.ActorOf("power-a"), BeijingTime.TradingDay(m.At), null, Ct))!;
        Assert.Empty(report.Trades);
        var clientReport = Assert.Single(report.Clients);
        Assert.Equal((client, 600L, 1_230_000L, 615L), (clientReport.Account.Id, clientReport.SoldTonnes, clientReport.SoldFen, clientReport.FeesFen));
        using var restarted = new ExchangeService(m.Store, m.Registry, new ExchangeOptions(DemoRegistry.Clearing, FeeSchedule.Demo));
        var rebuilt = await new ExchangeQueries(m.Store, restarted, m.Registry).DepthAsync("GDEA-2017", 5, Ct);
        Assert.Equal([new DepthLevel(2_050, 400, 1)], rebuilt!.Asks);
    }

    [Fact]
    public async Task ExchangeClients_MemberForAnotherMembersClient_IsRefusedAsNotYourClient()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var paperOfCement = await OpenClientAsync(m, "cement-a", PaperClientCode, "GD-HOLD-PAPER");
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("paper-a", new AnswerClientMandate(paperOfCement, Confirm: true)));
        var paper = await m.HeldAsync("GD-HOLD-PAPER");
        var cementsOrder = Assert.IsType<ExchangeOutcome.Completed>(await ClientOrderAsync(m, "cement-a", paperOfCement, Side.Sell, 21.00m, 100, "ps1"));

        var order = await ClientOrderAsync(m, "power-a", paperOfCement, Side.Sell, 21.00m, 100, "x1");
        var cancel = await m.RunAsync("power-a", new CancelOrder(cementsOrder.Order!.Id));
        var byClient = await m.OrderAsync("paper-a", Side.Sell, 21.00m, 100, "x2");

        var refused = Assert.IsType<ExchangeOutcome.Refused>(order);
        Assert.Equal((ExchangeRule.NotYourClient, "account", RefusalKind.Forbidden), (refused.Rule, refused.Field, refused.Kind));
        Assert.Equal(ExchangeRule.UnknownOrder, Assert.IsType<ExchangeOutcome.Refused>(cancel).Rule);
        Assert.Equal(ExchangeRule.ClientAccount, Assert.IsType<ExchangeOutcome.Refused>(byClient).Rule);
        Assert.Equal(paper - 100, await m.HeldAsync("GD-HOLD-PAPER"));
        Assert.Empty(await m.Queries.MyOrdersAsync(await m.ActorOf("power-a"), paperOfCement, Ct));
        Assert.Null(await m.Queries.MemberReportAsync(await m.ActorOf("power-a"), BeijingTime.TradingDay(m.At), paperOfCement, Ct));
        Assert.Single(await m.Queries.MyOrdersAsync(await m.ActorOf("paper-b"), Ct));
    }

    // A member firm's trader holds the exchange-member role, as the exchange's own staff do; only the staff (an
    // organisation of kind exchange), the regulator and the auditor read every account.
    [Fact]
    public async Task ExchangeClients_MemberFirmsTraderWithTheExchangeMemberRole_ReadsNoOtherMembersAccount()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var cement = (await m.Queries.AccountAsync(await m.ActorOf("cement-a"), Ct))!;
        var memberFirm = await m.ActorOf("cement-a") with { Role = Domain.Identity.Role.ExchangeMember };
        var staff = await m.ActorOf("exchange");

        Assert.Null(await m.Queries.ReadableAccountAsync(memberFirm, client, Ct));
        Assert.Empty(await m.Queries.AccountsAsync(memberFirm, Ct));
        Assert.Null(await m.Queries.DayTradesAsync(memberFirm, BeijingTime.TradingDay(m.At), Ct));
        Assert.Equal(cement.Id, (await m.Queries.ReadableAccountAsync(memberFirm, cement.Id, Ct))!.Id);
        Assert.Equal(client, (await m.Queries.ReadableAccountAsync(staff, client, Ct))!.Id);
        Assert.NotEmpty(await m.Queries.AccountsAsync(staff, Ct));
        Assert.NotNull(await m.Queries.DayTradesAsync(staff, BeijingTime.TradingDay(m.At), Ct));
    }
}
