using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage.Tests;

// The public statistics are kept as batches, redemptions, donations and erasures are written (migration 0043): after any
// mix of them they must equal the sums over every citizen's own rows that the page used to compute.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Inclusion_PublicTotalsKeptAsWritten_EqualTheSumsOverEveryCitizen()
    {
        var (w, citizen) = await CitizenWithFuzhouCoinsAsync();
        await using var world = w;
        var regulator = await w.ActorOf("regulator");
        foreach (var name in new[] { "citizen-b", "citizen-c" })
        {
            await w.Store.WriteAsync(s => s.Users.InsertAsync(new UserRecord(0, name, name, Role.Citizen, null, "x", 0, null), InclusionNow), Ct);
        }
        RecordActions.ActionForm For(string user, string id, string behaviour, decimal quantity, string at = "2026-11-30T08:15:00+08:00") =>
            Ride(id, behaviour, quantity, at) with { User = user };
        // Two months, two behaviours, a repeat inside the batch and of an earlier one, a citizen acting in a month twice.
        var first = await RecordAsync(w, regulator, Batch("fuzhou-lvbao",
            For("citizen-b", "x1", "bus", 3m, "2026-10-31T20:00:00+08:00"), For("citizen-b", "x2", "bus", 3m), For("citizen-b", "x2", "bus", 3m),
            For("citizen-c", "c1", "walk", 20_000m), For("citizen", "b1", "bus", 3m), For("citizen-c", "c2", "bus", 3m, "2026-11-29T09:00:00+08:00")));
        var second = await RecordAsync(w, regulator, Batch("fuzhou-lvbao", For("citizen-b", "x3", "bus", 3m), For("citizen-c", "c3", "walk", 20_000m),
            For("citizen-b", "x1", "bus", 3m, "2026-10-31T20:00:00+08:00")));
        // Every action is counted but the two repeats: x2 inside the batch, and x1 from the same card counted before (b1 is
        // the card's own, beside the citizen's own b1 from their own source).
        Assert.Equal((7, 2, 0), (first.Counted + second.Counted, first.Duplicates + second.Duplicates, first.Refused + second.Refused));
        await RedeemTicketAsync(w, citizen);
        Assert.True(DonateCoins.TryParse(new DonateCoins.Form("fuzhou-lvbao", "tree-planting", 1, "d1"), InclusionProgrammes.Shipped, out var donate, out _));
        Assert.IsType<InclusionCommandOutcome.Completed>(await w.Handler.HandleAsync(citizen, donate, Ct));
        Assert.IsType<InclusionCommandOutcome.Completed>(await w.Handler.HandleAsync(regulator, new EraseCitizen("citizen-c", "citizen-c"), Ct));
        var (october, november) = (new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1));

        var kept = await w.Store.ReadAsync(s => s.Inclusion.ProgrammeMonthsAsync("fuzhou-lvbao", october, november), Ct);
        var scanned = await w.Store.ReadAsync(s => s.Inclusion.ProgrammeCitizensAsync("fuzhou-lvbao",
            [(october, november.AddDays(-1)), (november, november.AddMonths(1).AddDays(-1))]), Ct);
        var totals = await w.Store.ReadAsync(s => s.Inclusion.ProgrammeWalletTotalsAsync("fuzhou-lvbao"), Ct);
        var daily = await w.Store.ReadAsync(s => s.Inclusion.ProgrammeDailyAsync("fuzhou-lvbao", october, november.AddMonths(1)), Ct);
        var users = await w.Store.ReadAsync(s => s.Users.FindByNamesAsync(["citizen", "citizen-b", "citizen-c"]), Ct);
        var wallets = new List<InclusionWallet>();
        var rows = new List<DailyRollup>();
        foreach (var user in users)
        {
            var wallet = await w.Store.ReadAsync(s => s.Inclusion.WalletAsync(user.Id, "fuzhou-lvbao"), Ct);
            Assert.True(wallet is not null, $"{user.UserName} has no wallet");
            wallets.Add(wallet);
            rows.AddRange(await w.Store.ReadAsync(s => s.Inclusion.DailyAsync(user.Id, "fuzhou-lvbao", DateOnly.MinValue, DateOnly.MaxValue), Ct));
        }

        foreach (var (month, scan) in new[] { october, november }.Zip(scanned))
        {
            var mine = kept.Where(c => c.Month == month).ToList();
            Assert.Equal(scan.ByBehaviour.OrderBy(b => b.Key),
                mine.Where(c => c.Kind == MonthCellKind.Behaviour).ToDictionary(c => c.Behaviour, c => c.Citizens).OrderBy(b => b.Key));
            Assert.Equal((scan.Earners, scan.Redeemers), (mine.SingleOrDefault(c => c.Kind == MonthCellKind.Earners)?.Citizens ?? 0,
                mine.SingleOrDefault(c => c.Kind == MonthCellKind.Redeemers)?.Citizens ?? 0));
        }
        // November: one citizen redeemed a 105-coin ticket.
        Assert.Equal((1L, 105L), (scanned[1].Redeemers, kept.Single(c => c.Kind == MonthCellKind.Redeemers).Coins));
        Assert.Equal((3L, wallets.Sum(x => x.Credited), wallets.Sum(x => x.Redeemed), wallets.Sum(x => x.Expired), wallets.Sum(x => x.Reduction.Milligrams)),
            (totals.Citizens, totals.Credited, totals.Redeemed, totals.Expired, totals.Reduction.Milligrams));
        Assert.Equal(rows.GroupBy(r => (r.Day, r.Behaviour)).Select(g => (g.Key.Day, g.Key.Behaviour, g.Sum(r => r.Actions), g.Sum(r => r.Reduction.Milligrams),
                g.Sum(r => r.Coins))).Order(),
            daily.Select(d => (d.Day, d.Behaviour, d.Actions, d.Reduction.Milligrams, d.Coins)).Order());
    }

    [Fact]
    public async Task Inclusion_Aggregation_KeepsTheCitizensItsPeriodCovers()
    {
        var (w, aggregation, _) = await AggregatedReadingsAsync();

        var kept = await w.Store.ReadAsync(async s => (await s.Inclusion.AggregationsAsync("guangdong-tanpuhui"),
            await s.Inclusion.FindAggregationAsync(aggregation.Id)), Ct);

        Assert.Equal(1, aggregation.Citizens);
        Assert.Equal(1, Assert.Single(kept.Item1).Citizens);
        Assert.Equal(1, kept.Item2!.Citizens);
    }
}
