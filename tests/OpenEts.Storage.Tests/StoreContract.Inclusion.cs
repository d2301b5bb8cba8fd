using System.Globalization;
using OpenEts.Application.Demo;
using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage.Tests;

// Carbon inclusion through its use cases, on every database: actions counted once however often replayed, caps across
// batches, coins conserved through redemption, and a period aggregated into a PHCER monitoring report via offsets.
public abstract partial class StoreContract<TDb>
{
    private static readonly DateTimeOffset InclusionNow = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    private sealed record InclusionWorld(SqlStore Store, RegistryService Registry, InclusionCommandHandler Handler, InclusionQueries Queries,
        Func<string, Task<Actor>> ActorOf) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Registry.Dispose();
            await Store.DisposeAsync();
        }
    }

    private async Task<InclusionWorld> InclusionWorldAsync(bool offsets = false)
    {
        var (store, actorOf) = await MrvMarketAsync(Db);
        var registry = new RegistryService(store);
        if (offsets)
        {
            await new DemoRegistry(registry).SeedIfEmptyAsync(Now, Ct);
            await new DemoOffsets(store, registry).SeedIfEmptyAsync(Ct);
        }
        var clock = new FixedClock(InclusionNow);
        var handler = InclusionCommandHandler.Over(store, registry, clock);
        return new InclusionWorld(store, registry, handler, new InclusionQueries(store, InclusionProgrammes.Shipped, clock), actorOf);
    }

    private static RecordActions Batch(string programme, params RecordActions.ActionForm[] actions)
    {
        Assert.True(RecordActions.TryParse(new RecordActions.Form(programme, actions), InclusionProgrammes.Shipped, out var command, out var errors),
            string.Join("; ", errors.Select(e => e.Message)));
        return command;
    }

    // A tap without a duration: such rides at one time never overlap one another (StoreContract.InclusionTrips.cs gives durations).
    private static RecordActions.ActionForm Ride(string id, string behaviour, decimal km, string at = "2026-11-30T08:15:00+08:00", string source = "card-1") =>
        new(id, source, behaviour, at, km);

    private static async Task<RecordedActions> RecordAsync(InclusionWorld w, Actor actor, RecordActions batch) =>
        (RecordedActions)((InclusionCommandOutcome.Completed)await w.Handler.HandleAsync(actor, batch, Ct)).Result;

    [Fact]
    public async Task Inclusion_ReplayedUpload_CountsEachEventOnce()
    {
        await using var w = await InclusionWorldAsync();
        var citizen = await w.ActorOf("citizen");
        var batch = Batch("shenzhen-tanpuhui", Ride("e1", "bus", 12.5m), Ride("e2", "metro", 10m), Ride("e2", "metro", 10m));

        var first = await RecordAsync(w, citizen, batch);
        var replay = await RecordAsync(w, citizen, batch);
        var statement = (await w.Queries.StatementAsync(citizen, null, Ct))!.Programmes.Single();

        Assert.Equal([ActionStatus.Counted, ActionStatus.Counted, ActionStatus.Duplicate], first.Items.Select(i => i.Status).ToArray());
        Assert.All(replay.Items, i => Assert.Equal(ActionStatus.Duplicate, i.Status));
        // 26.9 × 12.5 = 336.25 g; 46.7 × 10 = 467 g; 1 coin per 100 g: 3 + 4
        Assert.Equal(336.25m + 467m, statement.Reduction.Grams);
        Assert.Equal(7, statement.Credited);
        Assert.Equal(7, statement.Spendable);
        Assert.Equal(2, statement.Actions);
    }

    [Fact]
    public async Task Inclusion_SixthMetroRideOfTheDayInALaterBatch_IsRefusedByTheCap()
    {
        await using var w = await InclusionWorldAsync();
        var citizen = await w.ActorOf("citizen");
        await RecordAsync(w, citizen, Batch("guangdong-tanpuhui", [.. Enumerable.Range(1, 4).Select(i => Ride($"m{i}", "metro", 1m))]));

        var later = await RecordAsync(w, citizen, Batch("guangdong-tanpuhui", Ride("m5", "metro", 1m), Ride("m6", "metro", 1m)));
        var statement = (await w.Queries.StatementAsync(citizen, null, Ct))!.Programmes.Single();

        Assert.Equal(ActionStatus.Counted, later.Items[0].Status);
        Assert.Equal("ActionCap", later.Items[1].Rule);
        Assert.Equal(5 * 515.5m, statement.Reduction.Grams);
    }

    [Fact]
    public async Task Inclusion_RidesPastTheDailyCoinCap_TheDaysRowKeepsTheCoinsTheCapCut_OverBatches()
    {
        await using var w = await InclusionWorldAsync();
        var citizen = await w.ActorOf("citizen");
        // Shenzhen metro: 46.7 g a person-km × 20 km = 934 g → 9 coins (1 per 100 g, whole coins); at most 50 coins a day.
        var first = await RecordAsync(w, citizen, Batch("shenzhen-tanpuhui",
            [.. Enumerable.Range(1, 6).Select(i => Ride($"r{i}", "metro", 20m))]));
        var afterFirst = (await w.Queries.StatementAsync(citizen, null, Ct))!.Programmes.Single().Daily.Single();

        var second = await RecordAsync(w, citizen, Batch("shenzhen-tanpuhui", Ride("r7", "metro", 20m)));
        var statement = (await w.Queries.StatementAsync(citizen, null, Ct))!.Programmes.Single();
        var row = statement.Daily.Single();

        // Five rides earn 45; the sixth 5 of its 9 (4 cut); the seventh, in a later batch, none of its 9.
        Assert.Equal([0L, 0, 0, 0, 0, 4], first.Items.Select(i => i.CoinsCut).ToArray());
        Assert.Equal((6L, 50L, 4L), (afterFirst.Actions, afterFirst.Coins, afterFirst.CoinsCut));
        Assert.Equal(9, second.Items.Single().CoinsCut);
        Assert.Equal((7L, 50L, 13L), (row.Actions, row.Coins, row.CoinsCut));
        Assert.Equal(7 * 934m, row.Reduction.Grams);
        Assert.Equal(50, statement.Credited);
        // The quality dashboard counts the two capped rides as accepted, apart: how often the cap binds.
        var quality = (await w.Queries.QualityAsync(await w.ActorOf("regulator"), "shenzhen-tanpuhui", new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30), Ct))!;
        Assert.Equal((7L, 2L, 0L), (quality.Accepted, quality.AcceptedCoinsCut, quality.Rejected));
    }

    [Fact]
    public async Task Inclusion_RedeemMovieTicket_SpendsOnceAndConservesCoins()
    {
        await using var w = await InclusionWorldAsync();
        var citizen = await w.ActorOf("citizen");
        await RecordAsync(w, citizen, Batch("fuzhou-lvbao",
            new("w1", "phone", "walk", "2026-11-29T20:00:00+08:00", 100_000m), new("w2", "phone", "walk", "2026-11-30T07:00:00+08:00", 100_000m),
            Ride("k1", "bike", 20m, "2026-11-28T07:00:00+08:00") with { Minutes = 860m },
            Ride("b1", "bus", 3m), Ride("b2", "bus", 3m), Ride("b3", "bus", 3m), Ride("b4", "bus", 3m), Ride("b5", "bus", 3m),
            Ride("b6", "bus", 3m)));
        Assert.True(RedeemCoins.TryParse(new RedeemCoins.Form("fuzhou-lvbao", "movie-ticket", "k1"), InclusionProgrammes.Shipped, out var redeem, out _));

        var first = await w.Handler.HandleAsync(citizen, redeem, Ct);
        var retry = await w.Handler.HandleAsync(citizen, redeem, Ct);
        var otherItem = await w.Handler.HandleAsync(citizen, redeem with { Item = "bus-ride" }, Ct);
        var again = await w.Handler.HandleAsync(citizen, redeem with { Key = "k2" }, Ct);
        var statement = (await w.Queries.StatementAsync(citizen, null, Ct))!.Programmes.Single();

        var redemption = (CoinRedemption)((InclusionCommandOutcome.Completed)first).Result;
        Assert.Equal(redemption, ((InclusionCommandOutcome.Completed)retry).Result);
        Assert.Equal("KeyReused", Assert.IsType<InclusionCommandOutcome.Refused>(otherItem).Rule);
        Assert.Equal("InsufficientCoins", Assert.IsType<InclusionCommandOutcome.Refused>(again).Rule);
        // 2 × 7 coins for 100 000 steps (2000 steps a coin, at most 7 a day) + 86 for 860 minutes of shared bike (10 minutes a
        // coin) + 6 bus rides
        Assert.Equal(106, statement.Credited);
        Assert.Equal(105, statement.Redeemed);
        Assert.Equal(statement.Credited, statement.Spendable + statement.Pending + statement.Redeemed + statement.Expired);
        Assert.Equal(1, statement.Spendable);
    }

    [Fact]
    public async Task Inclusion_CitizenRecordingForSomeoneElse_IsRefusedAndCountsNothing()
    {
        await using var w = await InclusionWorldAsync();
        var citizen = await w.ActorOf("citizen");

        var result = await RecordAsync(w, citizen, Batch("shenzhen-tanpuhui", Ride("x1", "bus", 5m) with { User = "regulator" },
            Ride("x2", "bus", 5m, at: "2027-01-01T08:00:00+08:00"), Ride("x3", "bus", 500m)));

        Assert.Equal(["NotYourself", "FromTheFuture", "ImpossibleQuantity"], result.Items.Select(i => i.Rule ?? "").ToArray());
        Assert.Empty((await w.Queries.StatementAsync(citizen, null, Ct))!.Programmes);
    }

    [Fact]
    public async Task Inclusion_AggregateTheMonth_FilesAPhcerMonitoringReportThroughOffsets()
    {
        await using var w = await InclusionWorldAsync(offsets: true);
        var regulator = await w.ActorOf("regulator");
        await RecordAsync(w, regulator, Batch("guangdong-tanpuhui",
            [.. Enumerable.Range(1, 5).Select(i => Ride($"g{i}", "metro", 1m) with { User = "citizen" }),
                .. PvDays("citizen", 29)]));
        Assert.True(AggregatePeriod.TryParse(new AggregatePeriod.Form("guangdong-tanpuhui", "2026-11-01", "2026-11-30"), InclusionProgrammes.Shipped,
            out var aggregate, out _));

        var outcome = await w.Handler.AggregateAsync(await w.ActorOf("cement-a"), aggregate, Ct);
        var twice = await w.Handler.AggregateAsync(await w.ActorOf("cement-a"), aggregate, Ct);

        var saved = (InclusionAggregation)Assert.IsType<InclusionCommandOutcome.Completed>(outcome).Result;
        // 5 × 400 kWh × 570.3 g + 5 × 515.5 g = 1 143 177.5 g → 1.143 t claimed (rounded down to the kilogram)
        Assert.Equal(1_143_177.5m, saved.Reduction.Grams);
        Assert.Equal(1.143m, saved.ClaimedTonnes);
        var report = await w.Store.ReadAsync(s => s.Offsets.FindReportAsync(saved.Report), Ct);
        Assert.Equal(1.143m, report!.Claimed.Value);
        Assert.Equal("PeriodAggregated", Assert.IsType<InclusionCommandOutcome.Refused>(twice).Rule);
        Assert.Single((await w.Queries.AggregationsAsync(regulator, "guangdong-tanpuhui", Ct))!);
    }

    [Fact]
    public async Task AggregatePeriodEndingAfterToday_IsRefusedAndFilesNothing()
    {
        await using var w = await InclusionWorldAsync(offsets: true);
        var regulator = await w.ActorOf("regulator");
        await RecordAsync(w, regulator, Batch("guangdong-tanpuhui", [.. PvDays("citizen", 29)]));
        Assert.True(AggregatePeriod.TryParse(new AggregatePeriod.Form("guangdong-tanpuhui", "2026-11-01", "2026-12-31"), InclusionProgrammes.Shipped,
            out var year, out _));

        // Today is 2026-11-30 in Beijing: December holds nothing to verify yet.
        var outcome = await w.Handler.AggregateAsync(await w.ActorOf("cement-a"), year, Ct);

        var refused = Assert.IsType<InclusionCommandOutcome.Refused>(outcome);
        Assert.Equal(("PeriodInFuture", "periodEnd"), (refused.Rule, refused.Field));
        Assert.Empty((await w.Queries.AggregationsAsync(regulator, "guangdong-tanpuhui", Ct))!);
    }

    [Fact]
    public async Task AggregatePeriodUnderOneTonne_IsRefusedAndLeavesThePeriodFree()
    {
        await using var w = await InclusionWorldAsync(offsets: true);
        var regulator = await w.ActorOf("regulator");
        var owner = await w.ActorOf("cement-a");
        await RecordAsync(w, regulator, Batch("guangdong-tanpuhui",
            [.. Enumerable.Range(1, 5).Select(i => Ride($"g{i}", "metro", 1m) with { User = "citizen" })]));
        Assert.True(AggregatePeriod.TryParse(new AggregatePeriod.Form("guangdong-tanpuhui", "2026-11-30", "2026-11-30"), InclusionProgrammes.Shipped,
            out var day, out _));

        var small = await w.Handler.AggregateAsync(owner, day, Ct);
        await RecordAsync(w, regulator, Batch("guangdong-tanpuhui",
            [.. PvDays("citizen", 29)]));
        var longer = await w.Handler.AggregateAsync(owner, day with { PeriodStart = new DateOnly(2026, 11, 1) }, Ct);

        // 5 × 515.5 g = 2.578 kg: no PHCER can be issued for it, so no report is filed and November stays free.
        var refused = Assert.IsType<InclusionCommandOutcome.Refused>(small);
        Assert.Equal(("NothingToAggregate", "periodStart"), (refused.Rule, refused.Field));
        Assert.Contains("2.578 kg", refused.Message, StringComparison.Ordinal);
        Assert.Contains("under 1 t", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1.143m, ((InclusionAggregation)Assert.IsType<InclusionCommandOutcome.Completed>(longer).Result).ClaimedTonnes);
        Assert.Single((await w.Queries.AggregationsAsync(regulator, "guangdong-tanpuhui", Ct))!);
    }

    [Fact]
    public async Task DemoGuangdong_TheNextPeriodHoldsAtLeastOneTonneAndIsFiled()
    {
        await using var w = await InclusionWorldAsync(offsets: true);
        await w.Store.WriteAsync(async s =>
        {
            await new DemoInclusion(InclusionProgrammes.Shipped).SeedAsync(s, InclusionNow, "x");
            return 0;
        }, Ct);
        var owner = await w.ActorOf("cement-a");
        var (start, end) = AggregatePeriod.Next(InclusionTime.DayOf(InclusionNow), []);

        var outcome = await w.Handler.AggregateAsync(owner, new AggregatePeriod("guangdong-tanpuhui", start, end), Ct);

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 30)), (start, end));
        var saved = (InclusionAggregation)Assert.IsType<InclusionCommandOutcome.Completed>(outcome).Result;
        Assert.True(saved.ClaimedTonnes >= 1m, $"{saved.ClaimedTonnes} t");
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)), AggregatePeriod.Next(new DateOnly(2026, 12, 1), [saved]));
    }

    [Fact]
    public async Task EventOnADayAlreadyAggregated_EarnsCoinsAndIsAnsweredAsLeftOutOfPhcer()
    {
        await using var w = await InclusionWorldAsync(offsets: true);
        var regulator = await w.ActorOf("regulator");
        await RecordAsync(w, regulator, Batch("guangdong-tanpuhui",
            [.. PvDays("citizen", 28)]));
        Assert.True(AggregatePeriod.TryParse(new AggregatePeriod.Form("guangdong-tanpuhui", "2026-11-01", "2026-11-28"), InclusionProgrammes.Shipped,
            out var aggregate, out _));
        var report = ((InclusionAggregation)Assert.IsType<InclusionCommandOutcome.Completed>(
            await w.Handler.AggregateAsync(await w.ActorOf("cement-a"), aggregate, Ct)).Result).Report;

        var late = await RecordAsync(w, regulator, Batch("guangdong-tanpuhui",
            Ride("late", "metro", 1m, at: "2026-11-20T08:15:00+08:00") with { User = "citizen" },
            Ride("after", "metro", 1m, at: "2026-11-29T08:15:00+08:00") with { User = "citizen" }));
        var quality = (await w.Queries.QualityAsync(regulator, "guangdong-tanpuhui", new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30), Ct))!;

        // Both are counted and earn their coins; only the one inside the aggregated period is told it is left out of PHCER.
        Assert.Equal([ActionStatus.Counted, ActionStatus.Counted], late.Items.Select(i => i.Status).ToArray());
        Assert.All(late.Items, i => Assert.True(i.Coins > 0));
        Assert.Equal(("InAggregatedPeriod", "occurredAt"), (late.Items[0].Rule, late.Items[0].Field));
        Assert.Contains($"report {report}", late.Items[0].Message, StringComparison.Ordinal);
        Assert.Null(late.Items[1].Rule);
        Assert.Equal(1, quality.AcceptedOutsidePhcer);
        Assert.Equal(0, quality.Rejected);
    }

    // Five days of a household's rooftop PV, 400 kWh a day (the most one reading may be), ending on November's day last:
    // 2 000 kWh, 1 140.6 kg in all.
    private static IEnumerable<RecordActions.ActionForm> PvDays(string user, int last) =>
        Enumerable.Range(last - 4, 5).Select(d => new RecordActions.ActionForm(string.Create(CultureInfo.InvariantCulture, $"pv-{d}"), "pv-meter-7",
            "solar-pv", string.Create(CultureInfo.InvariantCulture, $"2026-11-{d:00}T19:00:00+08:00"), 400m) { User = user });
}
