using OpenEts.Application.Inclusion;
using OpenEts.Domain.Inclusion;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

// A citizen's rank in their programme's month, read from the month totals and their bands (migrations 0061, 0062) on every database.
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Rankings_CitizensAcrossBandsAndATie_EachRankIsOnePlusThoseWhoReducedMore()
    {
        await using var w = await InclusionWorldAsync();
        var signUp = new CitizenSignUpHandler(w.Store, new FakeHashing(), new FixedClock(InclusionNow));
        // Shenzhen's metro: 46.7 g a km. 1 km, 2 km twice (a tie), 9 km, 10 km, 25 km, and one citizen whose second ride
        // moves their total from the 46.7 g band up past the 10 km citizen (46.7 g + 934 g).
        decimal[][] rides = [[1m], [2m], [2m], [9m], [10m], [25m], [1m, 20m]];
        var citizens = new List<(OpenEts.Application.Identity.Actor Actor, decimal Km)>();
        for (var i = 0; i < rides.Length; i++)
        {
            Assert.True(SignUpCitizen.TryParse(new(i == 5 ? "冠军" : null, i == 5 ? "13800138000" : null, $"rank-walker-2026-{i}", ConsentNotice.Current.Version, true),
                out var form, out _));
            var signedUp = (CitizenSignedUp)Assert.IsType<InclusionCommandOutcome.Completed>(await signUp.HandleAsync(form, Ct)).Result;
            var me = await w.ActorOf(signedUp.UserName);
            for (var r = 0; r < rides[i].Length; r++)
            {
                await RecordAsync(w, me, Batch("shenzhen-tanpuhui", Ride($"rank-{i}-{r}", "metro", rides[i][r], $"2026-11-{10 + r}T08:15:00+08:00")));
            }
            citizens.Add((me, rides[i].Sum()));
        }

        var ranks = new List<CitizenRank>();
        foreach (var (actor, _) in citizens)
        {
            ranks.Add(Assert.Single(await w.Queries.RankingsAsync(actor, Ct)));
        }

        Assert.Equal([7, 5, 5, 4, 3, 1, 2], ranks.Select(r => r.Rank));
        Assert.All(ranks, r => Assert.Equal(7, r.Citizens));
        Assert.All(ranks, r => Assert.Equal(new DateOnly(2026, 11, 1), r.Month));
        Assert.Equal(980_700, ranks[6].Reduction.Milligrams);
        Assert.Equal(14.3m, ranks[5].TopPercent);
        Assert.Equal(100m, ranks[0].TopPercent);
        var top = ranks[0].Top;
        Assert.Equal([1, 2, 3, 4, 5, 5, 7], top.Select(t => t.Rank));
        Assert.Equal(["冠军", null, null, null, null, null, null], top.Select(t => t.Nickname));
        Assert.True(top[^1].Own);
        Assert.Equal(1, top.Count(t => t.Own));
    }

    [Fact]
    public async Task Rankings_ACitizensSecondRideMovesThemIntoABandAnotherHolds_BothAreCountedAndTied()
    {
        await using var w = await InclusionWorldAsync();
        var signUp = new CitizenSignUpHandler(w.Store, new FakeHashing(), new FixedClock(InclusionNow));
        // 10 km in one ride (467 g), and 1 km then 9 km in two batches: the second batch moves its citizen's month total
        // from the 46.7 g band into the 467 g band the first citizen's row already made.
        decimal[][] rides = [[10m], [1m, 9m]];
        var actors = new List<OpenEts.Application.Identity.Actor>();
        for (var i = 0; i < rides.Length; i++)
        {
            Assert.True(SignUpCitizen.TryParse(new(null, null, $"band-mover-2026-{i}", ConsentNotice.Current.Version, true), out var form, out _));
            var signedUp = (CitizenSignedUp)Assert.IsType<InclusionCommandOutcome.Completed>(await signUp.HandleAsync(form, Ct)).Result;
            var me = await w.ActorOf(signedUp.UserName);
            foreach (var (km, r) in rides[i].Select((km, r) => (km, r)))
            {
                await RecordAsync(w, me, Batch("shenzhen-tanpuhui", Ride($"band-{i}-{r}", "metro", km, $"2026-11-{10 + r}T08:15:00+08:00")));
            }
            actors.Add(me);
        }

        var first = Assert.Single(await w.Queries.RankingsAsync(actors[0], Ct));
        var mover = Assert.Single(await w.Queries.RankingsAsync(actors[1], Ct));

        Assert.Equal((467_000L, 467_000L), (first.Reduction.Milligrams, mover.Reduction.Milligrams));
        Assert.Equal((1, 1), (first.Rank, mover.Rank));
        Assert.Equal((2, 2), (first.Citizens, mover.Citizens));
    }

    [Fact]
    public async Task Rankings_TotalsWithinAHundredthOfEachOther_RankInOrderAcrossTheirBands()
    {
        await using var w = await InclusionWorldAsync();
        var signUp = new CitizenSignUpHandler(w.Store, new FakeHashing(), new FixedClock(InclusionNow));
        // Shenzhen's metro, 46.7 g a km: 10 km is 467 g, 10.05 km 469.335 g, 10.1 km 471.67 g (twice) and 10.2 km 476.34 g —
        // one band of two leading digits (46…), and the bands of three leading digits 467, 469, 471 and 476.
        decimal[] km = [10m, 10.05m, 10.1m, 10.2m, 10.1m];
        var actors = new List<OpenEts.Application.Identity.Actor>();
        for (var i = 0; i < km.Length; i++)
        {
            Assert.True(SignUpCitizen.TryParse(new(null, null, $"fine-band-2026-{i}", ConsentNotice.Current.Version, true), out var form, out _));
            var signedUp = (CitizenSignedUp)Assert.IsType<InclusionCommandOutcome.Completed>(await signUp.HandleAsync(form, Ct)).Result;
            var me = await w.ActorOf(signedUp.UserName);
            await RecordAsync(w, me, Batch("shenzhen-tanpuhui", Ride($"fine-{i}", "metro", km[i], "2026-11-10T08:15:00+08:00")));
            actors.Add(me);
        }

        var ranks = new List<CitizenRank>();
        foreach (var actor in actors)
        {
            ranks.Add(Assert.Single(await w.Queries.RankingsAsync(actor, Ct)));
        }

        Assert.Equal([467_000L, 469_335L, 471_670L, 476_340L, 471_670L], ranks.Select(r => r.Reduction.Milligrams));
        Assert.Equal([5, 4, 2, 1, 2], ranks.Select(r => r.Rank));
        Assert.All(ranks, r => Assert.Equal(5, r.Citizens));
    }
}
