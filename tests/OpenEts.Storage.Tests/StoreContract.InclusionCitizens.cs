using OpenEts.Application.Demo;
using OpenEts.Application.Identity;
using OpenEts.Application.Audit;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// The demo citizens of carbon inclusion, seeded inside the demo market's transaction on every database.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task DemoInclusion_SeededWithTheMarket_GivesEachCitizenCoinsAndTheMetroCommuterHisExactWallet()
    {
        await using var store = await Db.CreateStoreAsync();
        var demo = new DemoMarket(store, new FakeHashing(), new DemoInclusion(InclusionProgrammes.Shipped));
        await demo.SeedIfEmptyAsync(Now, Ct);
        var queries = new InclusionQueries(store, InclusionProgrammes.Shipped, new FixedClock(Now));

        var statements = new List<CitizenStatement>();
        foreach (var (userName, _, _, _, _) in DemoInclusion.Citizens)
        {
            var user = await store.ReadAsync(s => s.Users.FindByNameAsync(userName), Ct);
            statements.Add((await queries.StatementAsync(new Actor(user!.Id, user.UserName, user.Role, null), null, Ct))!);
        }

        // citizen-gz: 21 days hold exactly 15 weekdays, two metro trips each; Guangzhou's mean method 0.5155 kg a trip
        // → 515.5 g, 1 碳币 per 100 g → 5 coins a trip: 150 credited, 50 spent on the bus-fare coupon.
        var gz = Assert.Single(statements[0].Programmes);
        Assert.Equal(30, gz.Actions);
        Assert.Equal(15_465m, gz.Reduction.Grams);
        Assert.Equal(150, gz.Credited);
        Assert.Equal(50, gz.Redeemed);
        Assert.Equal(100, gz.Spendable);
        Assert.Single(statements[0].Redemptions);
        Assert.All(statements, s => Assert.True(Assert.Single(s.Programmes).Credited > 0));
        Assert.All(statements.SelectMany(s => s.Programmes), p => Assert.Equal(p.Credited, p.Spendable + p.Pending + p.Redeemed + p.Expired));
    }

    [Fact]
    public async Task Citizen_SignUpRecordExportWithdrawErase_KeepsTheTotalsAndLeavesNoPersonalData()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        var signUp = new CitizenSignUpHandler(w.Store, new FakeHashing(), new FixedClock(InclusionNow));
        Assert.True(SignUpCitizen.TryParse(new("小林", "13800138000", "walk-to-work-2026", ConsentNotice.Current.Version, true), out var form, out _));
        var signedUp = (CitizenSignedUp)Assert.IsType<InclusionCommandOutcome.Completed>(await signUp.HandleAsync(form, Ct)).Result;
        var me = await w.ActorOf(signedUp.UserName);
        await RecordAsync(w, me, Batch("guangdong-tanpuhui", Ride("e1", "metro", 1m), Ride("e2", "metro", 1m)));
        var month = (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var before = (await w.Queries.PeriodTotalsAsync(regulator, "guangdong-tanpuhui", month.Item1, month.Item2, Ct))!;

        var export = (await w.Queries.CitizenDataAsync(me, null, Ct))!;
        Assert.True(CitizenPseudonym.TryParse(signedUp.UserName, out _));
        Assert.Equal(("小林", "13800138000"), (export.Profile!.Nickname, export.Profile.Contact));
        Assert.Equal(2, export.Events.Count);
        Assert.Contains(export.Journal, j => j.Kind == SignUpCitizen.JournalKind);
        Assert.Contains("13800138000", CitizenDataExport.ToJson(export), StringComparison.Ordinal);
        Assert.Null(await w.Queries.CitizenDataAsync(await w.ActorOf("auditor"), signedUp.UserName, Ct));

        Assert.True(ChangeConsent.TryParse(new("withdraw", null), out var withdraw, out _));
        Assert.IsType<InclusionCommandOutcome.Completed>(await w.Handler.HandleAsync(me, withdraw, Ct));
        var refused = await RecordAsync(w, me, Batch("guangdong-tanpuhui", Ride("e3", "metro", 1m)));
        Assert.Equal("NoConsent", Assert.Single(refused.Items).Rule);

        Assert.True(EraseCitizen.TryParse(new(null, signedUp.UserName), out var erase, out _));
        var erased = (CitizenErased)Assert.IsType<InclusionCommandOutcome.Completed>(await w.Handler.HandleAsync(me, erase, Ct)).Result;

        // Two Guangzhou metro trips: 2 × 515.5 g → 5 coins each; all 10 were still held, so all are forfeited.
        Assert.Equal((2L, 10L), (erased.EventsDeleted, erased.CoinsForfeited));
        var after = (await w.Queries.PeriodTotalsAsync(regulator, "guangdong-tanpuhui", month.Item1, month.Item2, Ct))!;
        Assert.Equal(before, after);
        var left = (await w.Queries.CitizenDataAsync(regulator, signedUp.UserName, Ct))!;
        Assert.Equal((null, null), (left.Profile!.Nickname, left.Profile.Contact));
        Assert.Empty(left.Events);
        Assert.NotNull(left.DisabledAt);
        Assert.Equal(signedUp.UserName, left.DisplayName);
        var wallet = Assert.Single(left.Programmes).Wallet;
        Assert.Equal(wallet.Credited, wallet.Redeemed + wallet.Expired);
        var journal = await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(), 0, 10_000), Ct);
        Assert.DoesNotContain(journal, j => j.Payload.Contains("小林", StringComparison.Ordinal) || j.Payload.Contains("13800138000", StringComparison.Ordinal));
        Assert.Null((await new AuditLog(w.Store).VerifyAsync(Ct)).Break);
        Assert.Equal("AccountErased", Assert.IsType<InclusionCommandOutcome.Refused>(await w.Handler.HandleAsync(regulator,
            new EraseCitizen(signedUp.UserName, signedUp.UserName), Ct)).Rule);
    }

    [Fact]
    public async Task DemoInclusion_PublicTotals_SumEveryCitizenOfTheProgramme()
    {
        await using var store = await Db.CreateStoreAsync();
        await new DemoMarket(store, new FakeHashing(), new DemoInclusion(InclusionProgrammes.Shipped)).SeedIfEmptyAsync(Now, Ct);
        // Every cell shown (k = 1), to check the sums themselves.
        var unsuppressed = new InclusionProgrammes(InclusionProgrammes.Shipped.All.Select(p => p with { PublicMinimum = new MinimumGroup(1, "test", true) }));
        var queries = new InclusionQueries(store, unsuppressed, new FixedClock(Now));

        var totals = (await queries.PublicTotalsAsync("guangdong-tanpuhui", Ct))!;

        // Guangdong's demo citizens: citizen-gz (30 metro trips × 515.5 g) and citizen-fs (bus, meter and rooftop), each
        // spending 50 coins on a bus-fare coupon, and ten of the crowd, five of whom (crowd-gd-02, 04, …) buy the same
        // coupon by metro commutes and five (crowd-gd-01, 03, …) give 5 + i coins (6 + 8 + 10 + 12 + 14 = 50) to tree planting.
        Assert.Equal(2 + DemoInclusion.CrowdSize, totals.Citizens);
        Assert.Equal(7 * 50, totals.Redeemed);
        Assert.Equal(7 * 50, totals.CoinsRedeemed.Sum());
        Assert.Equal(50, totals.Donated);
        var metro = totals.Reductions.Single(b => b.Behaviour == Behaviour.Metro).Reduction.Sum(g => g.Milligrams);
        Assert.True(metro > 15_465_000m, $"the crowd's metro trips add to citizen-gz's 15 465 g: {metro} mg");
        Assert.Equal(0m, metro % 515_500m);
        Assert.Equal(totals.Credited, totals.CoinsIssued.Sum());
        Assert.Equal(totals.Reduction.Milligrams, totals.Reductions.Sum(b => b.Reduction.Sum(g => g.Milligrams)));
        Assert.Null(await queries.PublicTotalsAsync("no-such-programme", Ct));
    }

    [Fact]
    public async Task DemoInclusion_PublicTotals_PublishTheCrowdAndWithholdTheRooftopOnlyOneCitizenReports()
    {
        await using var store = await Db.CreateStoreAsync();
        await new DemoMarket(store, new FakeHashing(), new DemoInclusion(InclusionProgrammes.Shipped)).SeedIfEmptyAsync(Now, Ct);
        var queries = new InclusionQueries(store, InclusionProgrammes.Shipped, new FixedClock(Now));

        foreach (var programme in DemoInclusion.Crowd.Select(c => c.Programme))
        {
            var totals = (await queries.PublicTotalsAsync(programme, Ct))!;

            // Ten or more citizens in each programme, k = 5 (the shipped programmes' [UNCONFIRMED] choice): the headline
            // totals, a month of redemptions and the donations are published.
            Assert.False(totals.TotalsSuppressed, programme);
            Assert.True(totals.Citizens >= DemoInclusion.CrowdSize, programme);
            Assert.True(totals.Redeemed >= 5 * 50, programme);
            Assert.Contains(false, totals.RedeemedSuppressed);
            Assert.False(totals.DonatedSuppressed, programme);
            Assert.Contains(totals.Reductions, b => b.Suppressed.Contains(false));
        }
        // Five donors each in Guangdong and Fuzhou; Shenzhen's cause has none yet.
        var donors = await Task.WhenAll(DemoInclusion.Crowd.Select(async c =>
            (await queries.PublicTotalsAsync(c.Programme, Ct))!.Donations.Sum(d => d.Donors)));
        Assert.Equal([5L, 0L, 5L], donors);

        // Guangdong's rooftop PV: one citizen (citizen-fs) reports it, so every month of it is withheld and shows no figure.
        var guangdong = (await queries.PublicTotalsAsync("guangdong-tanpuhui", Ct))!;
        var pv = guangdong.Reductions.Single(b => b.Behaviour == Behaviour.SolarPv);
        Assert.Equal(0, pv.Reduction.Sum(g => g.Milligrams));
        Assert.Contains(true, pv.Suppressed);
    }

    [Fact]
    public async Task DemoInclusion_Crowd_EachCitizenEarnsAndKeepsTheirCoinsConserved()
    {
        await using var store = await Db.CreateStoreAsync();
        await new DemoMarket(store, new FakeHashing(), new DemoInclusion(InclusionProgrammes.Shipped)).SeedIfEmptyAsync(Now, Ct);
        var queries = new InclusionQueries(store, InclusionProgrammes.Shipped, new FixedClock(Now));

        var names = DemoInclusion.CrowdUserNames.ToList();
        Assert.Equal(DemoInclusion.Crowd.Count * DemoInclusion.CrowdSize, names.Distinct().Count());
        Assert.Equal(names.Count, DemoInclusion.CrowdNicknames.Distinct().Count());
        foreach (var (userName, nickname) in names.Zip(DemoInclusion.CrowdNicknames))
        {
            var user = await store.ReadAsync(s => s.Users.FindByNameAsync(userName), Ct);
            // Signed up as any citizen: a nickname, no contact, the consent in force.
            var profile = await store.ReadAsync(s => s.Inclusion.CitizenAsync(user!.Id), Ct);
            Assert.Equal((nickname, null, ConsentNotice.Current.Version), (profile!.Nickname, profile.Contact, profile.ConsentVersion));
            var statement = (await queries.StatementAsync(new Actor(user!.Id, user.UserName, user.Role, null), null, Ct))!;
            var wallet = Assert.Single(statement.Programmes);
            Assert.True(wallet.Credited > 0, userName);
            Assert.Equal(wallet.Credited, wallet.Spendable + wallet.Pending + wallet.Redeemed + wallet.Expired + wallet.Donated);
        }
    }
}
