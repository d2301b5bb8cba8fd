using OpenEts.Application.Audit;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// Carbon inclusion's merchants, donations, partners' keys and retention, through their use cases on every database.
public abstract partial class StoreContract<TDb>
{
    private async Task<(InclusionWorld World, Actor Citizen)> CitizenWithFuzhouCoinsAsync()
    {
        var w = await InclusionWorldAsync();
        var citizen = await w.ActorOf("citizen");
        // Fuzhou 2024: 100 000 steps on each of two days = 7 coins a day (2000 steps a coin, at most 7 a day), 860 minutes of
        // shared bike = 86 (10 minutes a coin), plus 6 bus rides = 106 coins.
        await RecordAsync(w, citizen, Batch("fuzhou-lvbao",
            new("w1", "phone", "walk", "2026-11-29T20:00:00+08:00", 100_000m), new("w2", "phone", "walk", "2026-11-30T07:00:00+08:00", 100_000m),
            Ride("k1", "bike", 20m, "2026-11-28T07:00:00+08:00") with { Minutes = 860m },
            Ride("b1", "bus", 3m), Ride("b2", "bus", 3m), Ride("b3", "bus", 3m), Ride("b4", "bus", 3m), Ride("b5", "bus", 3m), Ride("b6", "bus", 3m)));
        return (w, citizen);
    }

    private static async Task<Merchant> ListMerchantAsync(InclusionWorld w, Actor representative, string items = "", string programme = "fuzhou-lvbao")
    {
        var regulator = await w.ActorOf("regulator");
        var organisation = await w.Store.ReadAsync(s => s.Organisations.FindByIdAsync(representative.OrganisationId!.Value), Ct);
        Assert.True(RegisterMerchant.TryParse(new RegisterMerchant.Form(programme, organisation!.Code.Value, "示范影城", items),
            InclusionProgrammes.Shipped, out var register, out var errors), string.Join("; ", errors.Select(e => e.Message)));
        return (Merchant)((InclusionCommandOutcome.Completed)await w.Handler.HandleAsync(regulator, register, Ct)).Result;
    }

    private static async Task<CoinRedemption> RedeemTicketAsync(InclusionWorld w, Actor citizen, string key = "k1")
    {
        Assert.True(RedeemCoins.TryParse(new RedeemCoins.Form("fuzhou-lvbao", "movie-ticket", key), InclusionProgrammes.Shipped, out var redeem, out _));
        return (CoinRedemption)((InclusionCommandOutcome.Completed)await w.Handler.HandleAsync(citizen, redeem, Ct)).Result;
    }

    [Fact]
    public async Task Inclusion_MerchantConfirmsACode_TakesTheCoinsOnceAndSettlesThem()
    {
        var (w, citizen) = await CitizenWithFuzhouCoinsAsync();
        await using var world = w;
        var shop = await w.ActorOf("cement-a");
        var merchant = await ListMerchantAsync(w, shop, "movie-ticket");
        var redemption = await RedeemTicketAsync(w, citizen);
        Assert.True(ConfirmRedemption.TryParse(new ConfirmRedemption.Form(redemption.Code.ToLowerInvariant()[..6] + "-" + redemption.Code[6..]),
            out var confirm, out _));

        var first = await w.Handler.HandleAsync(shop, confirm, Ct);
        var replay = await w.Handler.HandleAsync(shop, confirm, Ct);
        var byCitizen = await w.Handler.HandleAsync(citizen, confirm, Ct);
        var statement = Assert.Single(await w.Queries.MerchantsAsync(shop, Ct));
        var own = (await w.Queries.StatementAsync(citizen, null, Ct))!;
        var journal = await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "inclusion.redemption."), 0, 10), Ct);

        var taken = (MerchantConfirmation)Assert.IsType<InclusionCommandOutcome.Completed>(first).Result;
        Assert.Equal((merchant.Id, 105L), (taken.Merchant.Id, taken.Voucher.Coins));
        Assert.Equal("CodeUsed", Assert.IsType<InclusionCommandOutcome.Refused>(replay).Rule);
        Assert.IsType<InclusionCommandOutcome.Forbidden>(byCitizen);
        // The citizen's 105 redeemed coins are the merchant's 105 settled coins.
        Assert.Equal((1L, 105L), (statement.Confirmed, statement.Coins));
        Assert.Equal(own.Programmes.Single().Redeemed, statement.Coins);
        Assert.Equal(105, Assert.Single(statement.ByMonth).Coins);
        Assert.Equal(merchant.Id, Assert.Single(own.Redemptions).MerchantId);
        Assert.Single(journal);
    }

    [Fact]
    public async Task Inclusion_MerchantNotListedOrNotHonouringTheItem_IsRefused()
    {
        var (w, citizen) = await CitizenWithFuzhouCoinsAsync();
        await using var world = w;
        var shop = await w.ActorOf("cement-a");
        var redemption = await RedeemTicketAsync(w, citizen);
        Assert.True(ConfirmRedemption.TryParse(new ConfirmRedemption.Form(redemption.Code), out var confirm, out _));

        var unlisted = await w.Handler.HandleAsync(shop, confirm, Ct);
        await ListMerchantAsync(w, shop, "bus-fare-discount", "guangdong-tanpuhui");
        var wrongItem = await w.Handler.HandleAsync(shop, confirm, Ct);
        var unknown = await w.Handler.HandleAsync(shop, new ConfirmRedemption("000000000000"), Ct);

        Assert.Equal("NotAMerchant", Assert.IsType<InclusionCommandOutcome.Refused>(unlisted).Rule);
        Assert.Equal("NotAccepted", Assert.IsType<InclusionCommandOutcome.Refused>(wrongItem).Rule);
        Assert.Equal("UnknownCode", Assert.IsType<InclusionCommandOutcome.Refused>(unknown).Rule);
    }

    [Fact]
    public async Task Inclusion_DonateToTreePlanting_SpendsOnceConservesCoinsAndCountsForTheCause()
    {
        var (w, citizen) = await CitizenWithFuzhouCoinsAsync();
        await using var world = w;
        Assert.True(DonateCoins.TryParse(new DonateCoins.Form("fuzhou-lvbao", "tree-planting", 40, "d1"), InclusionProgrammes.Shipped, out var donate, out _));

        var first = await w.Handler.HandleAsync(citizen, donate, Ct);
        var retry = await w.Handler.HandleAsync(citizen, donate, Ct);
        var otherGift = await w.Handler.HandleAsync(citizen, donate with { Coins = 7 }, Ct);
        var tooMuch = await w.Handler.HandleAsync(citizen, donate with { Coins = 67, Key = "d2" }, Ct);
        var unknownCause = await w.Handler.HandleAsync(citizen, donate with { Cause = "no-such-cause", Key = "d3" }, Ct);
        var wallet = await w.Store.ReadAsync(s => s.Inclusion.WalletAsync(citizen.UserId, "fuzhou-lvbao"), Ct);
        var causes = await w.Store.ReadAsync(s => s.Inclusion.CauseTotalsAsync("fuzhou-lvbao"), Ct);
        var statement = (await w.Queries.StatementAsync(citizen, null, Ct))!.Programmes.Single();

        Assert.Equal(((InclusionCommandOutcome.Completed)first).Result, ((InclusionCommandOutcome.Completed)retry).Result);
        // The key sent again for another amount is named, not answered with the first gift as if it were this one.
        Assert.Equal(("KeyReused", "idempotencyKey"), (((InclusionCommandOutcome.Refused)otherGift).Rule, ((InclusionCommandOutcome.Refused)otherGift).Field));
        Assert.Equal("InsufficientCoins", Assert.IsType<InclusionCommandOutcome.Refused>(tooMuch).Rule);
        Assert.Equal("UnknownCause", Assert.IsType<InclusionCommandOutcome.Refused>(unknownCause).Rule);
        // 106 credited − 40 given = 66 spendable: not enough for the 105-coin ticket.
        Assert.Equal((106L, 40L, 0L), (wallet!.Credited, wallet.Donated, wallet.Redeemed));
        Assert.Equal(66, statement.Spendable);
        Assert.Equal(wallet.Credited, statement.Spendable + statement.Pending + wallet.Redeemed + wallet.Donated + statement.Expired);
        Assert.Equal(new CauseTotal("tree-planting", 1, 1, 40), Assert.Single(causes));
    }

    [Fact]
    public async Task ProgrammeCitizens_SeveralPeriodsInOneQuery_CountsEachPeriodsDistinctCitizens()
    {
        var (w, citizen) = await CitizenWithFuzhouCoinsAsync();
        await using var world = w;
        var signUp = new CitizenSignUpHandler(w.Store, new FakeHashing(), new FixedClock(InclusionNow));
        Assert.True(SignUpCitizen.TryParse(new(null, null, "walk-to-work-2026", ConsentNotice.Current.Version, true), out var form, out _));
        var other = await w.ActorOf(((CitizenSignedUp)Assert.IsType<InclusionCommandOutcome.Completed>(await signUp.HandleAsync(form, Ct)).Result).UserName);
        await RecordAsync(w, other, Batch("fuzhou-lvbao", Ride("o1", "bus", 3m), Ride("o2", "bus", 3m, at: "2026-11-29T09:00:00+08:00")));
        await RedeemTicketAsync(w, citizen);
        var (day29, day30) = (new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 30));

        var cells = await w.Store.ReadAsync(s => s.Inclusion.ProgrammeCitizensAsync("fuzhou-lvbao",
            [(day29, day29), (day30, day30), (new DateOnly(2026, 11, 1), day30), (new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31))]), Ct);

        // The 29th: the citizen walked, the other rode a bus; the 30th: both rode, the citizen walked and redeemed.
        Assert.Equal(4, cells.Count);
        Assert.Equal((1L, 1L, 2L, 0L), (cells[0].ByBehaviour[Behaviour.Walk], cells[0].ByBehaviour[Behaviour.Bus], cells[0].Earners, cells[0].Redeemers));
        Assert.Equal((1L, 2L, 2L, 1L), (cells[1].ByBehaviour[Behaviour.Walk], cells[1].ByBehaviour[Behaviour.Bus], cells[1].Earners, cells[1].Redeemers));
        Assert.Equal((1L, 2L, 2L, 1L), (cells[2].ByBehaviour[Behaviour.Walk], cells[2].ByBehaviour[Behaviour.Bus], cells[2].Earners, cells[2].Redeemers));
        Assert.Equal((0, 0L, 0L), (cells[3].ByBehaviour.Count, cells[3].Earners, cells[3].Redeemers));
        Assert.Empty(await w.Store.ReadAsync(s => s.Inclusion.ProgrammeCitizensAsync("fuzhou-lvbao", []), Ct));
    }

    [Fact]
    public async Task Inclusion_PartnerKey_SubmitsItsBehavioursOnlyAndNothingOnceRevoked()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        var citizen = await w.ActorOf("citizen");
        var partners = new PartnerActionsHandler(w.Store, w.Handler);
        Assert.True(IssuePartnerKey.TryParse(new IssuePartnerKey.Form("深圳通（演示）", "shenzhen-tanpuhui", "metro, bus"), InclusionProgrammes.Shipped,
            out var issue, out _));
        var issued = (PartnerKeyIssued)((InclusionCommandOutcome.Completed)await w.Handler.HandleAsync(regulator, issue, Ct)).Result;
        var batch = Batch("shenzhen-tanpuhui", Ride("t1", "metro", 10m) with { User = "citizen" }, Ride("t2", "bike", 3m) with { User = "citizen" });

        var recorded = (RecordedActions)((InclusionCommandOutcome.Completed)await partners.HandleAsync(issued.Key, batch, Ct)).Result;
        var otherProgramme = await partners.HandleAsync(issued.Key, Batch("fuzhou-lvbao", Ride("t3", "bus", 3m) with { User = "citizen" }), Ct);
        var revoked = await w.Handler.HandleAsync(regulator, new RevokePartnerKey(issued.Partner.Id), Ct);
        var afterRevoke = await partners.HandleAsync(issued.Key, Batch("shenzhen-tanpuhui", Ride("t4", "metro", 10m) with { User = "citizen" }), Ct);
        var stored = Assert.Single((await w.Queries.PartnersAsync(regulator, Ct))!);
        var events = await w.Store.ReadAsync(s => s.Inclusion.RecentEventsAsync(citizen.UserId, 10), Ct);

        Assert.Equal([ActionStatus.Counted, ActionStatus.Refused], recorded.Items.Select(i => i.Status).ToArray());
        Assert.Equal("OutOfScope", recorded.Items[1].Rule);
        Assert.Equal("OutOfScope", Assert.IsType<InclusionCommandOutcome.Refused>(otherProgramme).Rule);
        Assert.IsType<InclusionCommandOutcome.Completed>(revoked);
        Assert.Equal("PartnerKey", Assert.IsType<InclusionCommandOutcome.Refused>(afterRevoke).Rule);
        // Only the hash is kept; the source carries the partner.
        Assert.NotEqual(issued.Key, stored.KeyHash);
        Assert.Equal(PartnerKey.Hash(issued.Key), stored.KeyHash);
        Assert.False(stored.Active);
        Assert.Equal($"p{stored.Id}/card-1", Assert.Single(events).Source);
        Assert.Null(await w.Queries.PartnersAsync(citizen, Ct));
    }

    [Fact]
    public async Task Inclusion_DataPartnerActor_MayRecordWithinItsScopeAndNothingARegulatorMay()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        var partner = Actor.ForPartner(7, new PartnerScope("shenzhen-tanpuhui", [Behaviour.Metro]));
        Assert.True(IssuePartnerKey.TryParse(new IssuePartnerKey.Form("冒名合作方", "fuzhou-lvbao", "walk"), InclusionProgrammes.Shipped,
            out var issue, out _));

        var recorded = await w.Handler.HandleAsync(partner, Batch("shenzhen-tanpuhui", Ride("m1", "metro", 10m) with { User = "citizen" }), Ct);
        IInclusionCommand[] regulatorsOnly = [PurgeRawActions.Default, new EraseCitizen("citizen", "citizen"), issue, new RevokePartnerKey(1)];

        Assert.Equal(ActionStatus.Counted, Assert.Single(((RecordedActions)Assert.IsType<InclusionCommandOutcome.Completed>(recorded).Result).Items).Status);
        foreach (var command in regulatorsOnly)
        {
            Assert.IsType<InclusionCommandOutcome.Forbidden>(await w.Handler.HandleAsync(partner, command, Ct));
        }
        Assert.Null(await w.Queries.PartnersAsync(partner, Ct));
        Assert.Null(await w.Queries.CitizenDataAsync(partner, "citizen", Ct));
        Assert.Null(await w.Queries.StatementAsync(partner, "citizen", Ct));
        Assert.Null(await w.Queries.PeriodTotalsAsync(partner, "shenzhen-tanpuhui", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Ct));
        // The regulator could: the same purge runs for it.
        Assert.IsType<InclusionCommandOutcome.Completed>(await w.Handler.HandleAsync(regulator, PurgeRawActions.Default, Ct));
        var journal = await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(Actor: "partner-7"), 0, 10), Ct);
        Assert.Equal("inclusion.actions.recorded", Assert.Single(journal).Kind);
    }

    [Fact]
    public async Task Inclusion_PurgeRawActionsPastRetention_DeletesThemAndKeepsTotalsAndTheJournalChain()
    {
        await using var w = await InclusionWorldAsync();
        var citizen = await w.ActorOf("citizen");
        var regulator = await w.ActorOf("regulator");
        // Rides 460 days before now (a month wholly past the 400-day window: on PostgreSQL its partition is dropped) and 420
        // days before (a month the window cuts: deleted row by row), each recorded then; one ride now.
        foreach (var (id, days) in new[] { ("older", -460), ("old", -420) })
        {
            var then = InclusionNow.AddDays(days);
            var thenText = then.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            await InclusionCommandHandler.Over(w.Store, w.Registry, new FixedClock(then))
                .HandleAsync(citizen, Batch("shenzhen-tanpuhui", Ride(id, "metro", 10m, thenText)), Ct);
        }
        await RecordAsync(w, citizen, Batch("shenzhen-tanpuhui", Ride("new", "metro", 10m)));
        var walletBefore = await w.Store.ReadAsync(s => s.Inclusion.WalletAsync(citizen.UserId, "shenzhen-tanpuhui"), Ct);
        var dailyBefore = await w.Store.ReadAsync(s => s.Inclusion.DailyAsync(citizen.UserId, "shenzhen-tanpuhui", DateOnly.MinValue, DateOnly.MaxValue), Ct);

        var purged = (PurgedActions)((InclusionCommandOutcome.Completed)await w.Handler.HandleAsync(regulator, PurgeRawActions.Default, Ct)).Result;
        var again = (PurgedActions)((InclusionCommandOutcome.Completed)await w.Handler.HandleAsync(regulator, PurgeRawActions.Default, Ct)).Result;
        var byCitizen = await w.Handler.HandleAsync(citizen, PurgeRawActions.Default, Ct);
        var events = await w.Store.ReadAsync(s => s.Inclusion.RecentEventsAsync(citizen.UserId, 10), Ct);

        Assert.Equal((2L, false), (purged.Deleted, purged.More));
        Assert.Equal(new DateOnly(2025, 10, 26), purged.FirstKept);
        Assert.Equal(0, again.Deleted);
        Assert.IsType<InclusionCommandOutcome.Forbidden>(byCitizen);
        Assert.Equal("new", Assert.Single(events).EventId);
        Assert.Equal(walletBefore, await w.Store.ReadAsync(s => s.Inclusion.WalletAsync(citizen.UserId, "shenzhen-tanpuhui"), Ct));
        Assert.Equal(dailyBefore, await w.Store.ReadAsync(s => s.Inclusion.DailyAsync(citizen.UserId, "shenzhen-tanpuhui", DateOnly.MinValue, DateOnly.MaxValue), Ct));
        Assert.Null((await new AuditLog(w.Store).VerifyAsync(Ct)).Break);
    }
}
