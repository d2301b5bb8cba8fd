using OpenEts.Application.Exchange;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Exchange;

namespace OpenEts.Storage.Tests;

// The client's own confirmation of its move to another member (转托管) on every database: the present member offers, the
// client confirms or refuses, and only then does the new member's acceptance make the move.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task ExchangeClientMove_AcceptedBeforeTheClientConfirms_IsRefusedAndTheClientStaysUntilItConfirms()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var cement = await CementAccountAsync(m);
        var power = await PowerAccountAsync(m);

        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new TransferClientAccount(client, cement)));
        var early = await m.RunAsync("cement-a", new AcceptClientTransfer(client));
        var stillPowers = (await m.Queries.ClientsAsync(await m.ActorOf("power-a"), Ct)).Select(c => c.Account.Id).ToList();
        var byMember = await m.RunAsync("power-a", new AnswerClientMove(client, Confirm: true));
        var byNewMember = await m.RunAsync("cement-a", new AnswerClientMove(client, Confirm: true));
        var waiting = await m.Queries.ClientMoveAsync(await m.ActorOf("steel-a"), Ct);
        var confirmed = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("steel-a", new AnswerClientMove(client, Confirm: true)));
        var twice = await m.RunAsync("steel-b", new AnswerClientMove(client, Confirm: true));
        var accepted = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("cement-a", new AcceptClientTransfer(client)));
        var afterMove = await m.Queries.ClientMoveAsync(await m.ActorOf("steel-a"), Ct);

        var refused = Assert.IsType<ExchangeOutcome.Refused>(early);
        Assert.Equal((ExchangeRule.ClientMoveUnconfirmed, RefusalKind.Conflict), (refused.Rule, refused.Kind));
        Assert.Equal([client], stillPowers);
        Assert.Equal(ExchangeRule.NotTheClient, Assert.IsType<ExchangeOutcome.Refused>(byMember).Rule);
        Assert.Equal(ExchangeRule.NotTheClient, Assert.IsType<ExchangeOutcome.Refused>(byNewMember).Rule);
        Assert.Equal((client, (long?)power, cement, false, true),
            (waiting!.Account.Id, waiting.Account.Member, waiting.ToMember, waiting.Account.TransferConfirmed, waiting.MayAnswer));
        Assert.Equal((AnswerClientMove.ConfirmedKind, true, (long?)power), (confirmed.Event, confirmed.Account!.TransferConfirmed, confirmed.Account.Member));
        Assert.Equal(ExchangeRule.AccountState, Assert.IsType<ExchangeOutcome.Refused>(twice).Rule);
        Assert.Equal(((long?)cement, (long?)null, false), (accepted.Account!.Member, accepted.Account.TransferTo, accepted.Account.TransferConfirmed));
        Assert.Null(afterMove);
        var journal = await m.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: AnswerClientMove.ConfirmedKind), 0, 10), Ct);
        Assert.Equal(["steel-a"], journal.Select(e => e.Actor));
    }

    [Fact]
    public async Task ExchangeClientMove_RefusedByTheClient_EndsTheOfferAndANewOfferAsksTheClientAgain()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var client = await SteelClientOfPowerAsync(m);
        var cement = await CementAccountAsync(m);

        var nothingOffered = await m.RunAsync("steel-a", new AnswerClientMove(client, Confirm: true));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new TransferClientAccount(client, cement)));
        var refused = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("steel-a", new AnswerClientMove(client, Confirm: false)));
        var acceptAfter = await m.RunAsync("cement-a", new AcceptClientTransfer(client));
        var offeredAfter = await m.Queries.TransfersOfferedAsync(await m.ActorOf("cement-a"), Ct);
        var shownToMember = (await m.Queries.DeclinedMovesAsync(await m.ActorOf("power-a"), Ct)).GetValueOrDefault(client);
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new TransferClientAccount(client, cement)));
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("steel-a", new AnswerClientMove(client, Confirm: true)));
        var offeredAgain = Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("power-a", new TransferClientAccount(client, cement)));
        var acceptUnconfirmed = await m.RunAsync("cement-a", new AcceptClientTransfer(client));

        Assert.Equal(ExchangeRule.NoTransferOffer, Assert.IsType<ExchangeOutcome.Refused>(nothingOffered).Rule);
        Assert.Equal((AnswerClientMove.RefusedKind, (long?)null, (long?)await PowerAccountAsync(m)),
            (refused.Event, refused.Account!.TransferTo, refused.Account.Member));
        Assert.Equal(ExchangeRule.NoTransferOffer, Assert.IsType<ExchangeOutcome.Refused>(acceptAfter).Rule);
        Assert.Empty(offeredAfter);
        Assert.Equal((cement, true, (string?)null), (shownToMember!.ToMember, shownToMember.ByClient, shownToMember.Reason));
        Assert.False(offeredAgain.Account!.TransferConfirmed);
        Assert.Equal(ExchangeRule.ClientMoveUnconfirmed, Assert.IsType<ExchangeOutcome.Refused>(acceptUnconfirmed).Rule);
    }

    // Each client's newest move read with every other client's in one read: the member's client list and the exchange's list
    // of trading accounts show, beside each client, only the decline or refusal that ended its newest move.
    [Fact]
    public async Task ExchangeClientMove_ManyClients_EachShowsTheAnswerThatEndedItsOwnNewestMove()
    {
        await using var m = await ExchangeMarketAsync(Db);
        var steel = await SteelClientOfPowerAsync(m);
        var paper = await OpenClientAsync(m, "power-a", PaperClientCode, "GD-HOLD-PAPER");
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("paper-a", new AnswerClientMandate(paper, Confirm: true)));
        var aviation = await OpenClientAsync(m, "power-a", "91440101MA5CY1005", "GD-HOLD-AVIATION");
        Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync("aviation-a", new AnswerClientMandate(aviation, Confirm: true)));
        var cement = await CementAccountAsync(m);
        async Task StepAsync(int minute, string user, IExchangeCommand command)
        {
            m.At = Now.AddMinutes(minute);
            Assert.IsType<ExchangeOutcome.Completed>(await m.RunAsync(user, command));
        }

        await StepAsync(1, "power-a", new TransferClientAccount(steel, cement));
        await StepAsync(2, "power-a", new TransferClientAccount(paper, cement));
        await StepAsync(3, "power-a", new TransferClientAccount(aviation, cement));
        await StepAsync(4, "cement-a", new DeclineClientTransfer(aviation, "先不承接"));
        await StepAsync(5, "steel-a", new AnswerClientMove(steel, Confirm: false));
        await StepAsync(6, "cement-a", new DeclineClientTransfer(paper, "暂无承接能力"));
        await StepAsync(7, "power-a", new TransferClientAccount(aviation, cement));
        await StepAsync(8, "power-a", new WithdrawClientTransfer(aviation, ""));
        var member = await m.Queries.DeclinedMovesAsync(await m.ActorOf("power-a"), Ct);
        var overview = await m.Queries.AccountsOverviewAsync(await m.ActorOf("exchange"), Ct);

        var cementOrganisation = (await m.ActorOf("cement-a")).OrganisationId!.Value;
        var name = (await m.Store.ReadAsync(s => s.Organisations.FindByIdAsync(cementOrganisation), Ct))!.Name;
        var expected = new Dictionary<long, ClientMoveDeclined>
        {
            [steel] = new(steel, cement, name, null, Now.AddMinutes(5), ByClient: true),
            [paper] = new(paper, cement, name, "暂无承接能力", Now.AddMinutes(6)),
        };
        Assert.Equal(expected.OrderBy(d => d.Key), member.OrderBy(d => d.Key));
        Assert.Equal(expected.OrderBy(d => d.Key), overview.Declined.OrderBy(d => d.Key));
        Assert.Equal(3, overview.Accounts.Count(a => a.Member is not null));
    }
}
