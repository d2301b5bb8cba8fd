using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Identity;

namespace OpenEts.Storage.Tests;

// A batch is decided in memory from one read per table and written in bulk: on every database it must come out as the
// same actions recorded one at a time (caps crossed mid-batch, duplicates inside the batch and from earlier batches,
// several citizens and months, refusals mixed in).
public abstract partial class StoreContract<TDb>
{
    [Fact]
    public async Task Inclusion_BatchOfManyCitizens_DecidesEachActionAsRecordedOneByOne()
    {
        await using var batched = await InclusionWorldAsync();
        await using var single = await InclusionWorldAsync();
        var regulator = await batched.ActorOf("regulator");
        var earlier = Batch("guangdong-tanpuhui", Ride("old-1", "metro", 1m) with { User = "citizen" });
        RecordActions.ActionForm For(string user, string id, string behaviour, decimal km, string at = "2026-11-30T08:15:00+08:00",
            string source = "card-1") => Ride(id, behaviour, km, at, source) with { User = user };
        // Seven metro rides of one citizen on one day cross the daily cap of five in the middle of the batch; e-3 and old-1
        // are duplicates (inside the batch, and of an earlier batch); a second citizen rides in October and November.
        RecordActions.ActionForm[] actions =
        [
            For("citizen", "e-1", "metro", 1m), For("citizen-b", "b-1", "bus", 7m, at: "2026-10-31T09:00:00+08:00"),
            For("citizen", "e-2", "metro", 1m), For("citizen", "e-3", "metro", 1m), For("citizen", "e-3", "metro", 1m),
            For("nobody", "n-1", "bus", 3m), For("citizen-b", "b-2", "bus", 7m), For("citizen", "old-1", "metro", 1m),
            For("citizen", "e-4", "metro", 1m), For("citizen", "e-5", "metro", 1m, source: "card-2"), For("citizen", "e-6", "metro", 1m),
            For("citizen", "e-7", "metro", 1m), For("citizen-b", "b-3", "bus", 500m), For("citizen", "w-1", "walk", 30_000m, source: "phone"),
        ];
        foreach (var w in new[] { batched, single })
        {
            await w.Store.WriteAsync(s => s.Users.InsertAsync(new UserRecord(0, "citizen-b", "citizen b", Role.Citizen, null, "x", 0, null), InclusionNow),
                Ct);
            await RecordAsync(w, regulator, earlier);
        }

        var together = await RecordAsync(batched, regulator, Batch("guangdong-tanpuhui", actions));
        var alone = new List<ActionResult>();
        foreach (var action in actions)
        {
            alone.Add((await RecordAsync(single, regulator, Batch("guangdong-tanpuhui", action))).Items.Single());
        }

        Assert.Equal(alone.Select(r => (r.Status, r.Rule, r.Reduction, r.Coins)), together.Items.Select(r => (r.Status, r.Rule, r.Reduction, r.Coins)));
        Assert.Contains(together.Items, r => r.Rule == "ActionCap");
        Assert.Equal(2, together.Items.Count(r => r.Status == ActionStatus.Duplicate));
        foreach (var name in new[] { "citizen", "citizen-b" })
        {
            var fromBatch = await StatementOfAsync(batched, name);
            var fromSingles = await StatementOfAsync(single, name);
            Assert.Equal((fromSingles.Credited, fromSingles.Spendable, fromSingles.Pending, fromSingles.Reduction, fromSingles.Actions),
                (fromBatch.Credited, fromBatch.Spendable, fromBatch.Pending, fromBatch.Reduction, fromBatch.Actions));
            Assert.Equal(fromSingles.Daily, fromBatch.Daily);
        }
    }

    // A batch reads each citizen's own days, trips and lots, not the span of the whole batch: one citizen's window must
    // not bring in another's rows, nor their own rows outside it.
    [Fact]
    public async Task Inclusion_BatchReads_AnswerEachCitizenWithinTheirOwnWindow()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        await w.Store.WriteAsync(s => s.Users.InsertAsync(new UserRecord(0, "citizen-b", "citizen b", Role.Citizen, null, "x", 0, null), InclusionNow), Ct);
        RecordActions.ActionForm For(string user, string id, string at) => Ride(id, "bus", 5m, at) with { User = user };
        await RecordAsync(w, regulator, Batch("guangdong-tanpuhui",
            For("citizen", "a-1", "2026-11-20T08:00:00+08:00"), For("citizen", "a-2", "2026-11-25T08:00:00+08:00"),
            For("citizen", "a-3", "2026-11-29T08:00:00+08:00"), For("citizen-b", "b-1", "2026-11-20T09:00:00+08:00"),
            For("citizen-b", "b-2", "2026-11-29T09:00:00+08:00")));
        var (a, b) = ((await w.ActorOf("citizen")).UserId, (await w.ActorOf("citizen-b")).UserId);
        var (daily, trips, lots) = await w.Store.ReadAsync(async s => (
            await s.Inclusion.DailyAsync([(a, new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 29)), (b, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20))],
                "guangdong-tanpuhui"),
            await s.Inclusion.TripsAsync([
                (a, new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)),
                (b, new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero))]),
            await s.Inclusion.LotsAsync([(a, new DateOnly(2026, 11, 25)), (b, new DateOnly(2026, 11, 29))], "guangdong-tanpuhui")), Ct);

        Assert.Equal([(a, new DateOnly(2026, 11, 25)), (a, new DateOnly(2026, 11, 29)), (b, new DateOnly(2026, 11, 20))],
            daily.Select(d => (d.UserId, d.Rollup.Day)).Order());
        Assert.Equal([(a, new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)), (a, new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)),
                (b, new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero))],
            trips.Select(t => (t.UserId, t.Trip.Start)).Order());
        // Guangdong's coins never lapse (no expiry date), so a lot earned before the citizen's day is none of a batch's business.
        Assert.Equal([(a, new DateOnly(2026, 11, 25)), (a, new DateOnly(2026, 11, 29)), (b, new DateOnly(2026, 11, 29))],
            lots.Select(l => (l.UserId, l.Lot.Earned)).Order());
        Assert.Empty(await w.Store.ReadAsync(s => s.Inclusion.DailyAsync([], "guangdong-tanpuhui"), Ct));
    }

    // A batch creates the rows it read absent with a plain insert (COPY on PostgreSQL): a row that exists after all must
    // fail the write, never be overwritten or added to twice.
    [Fact]
    public async Task Inclusion_NewRowsThatExistAfterAll_FailTheWriteAndChangeNothing()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        await RecordAsync(w, regulator, Batch("guangdong-tanpuhui", Ride("x-1", "metro", 1m) with { User = "citizen" }));
        var citizen = await w.ActorOf("citizen");
        var before = await StatementOfAsync(w, "citizen");
        var (daily, lots, wallets) = await w.Store.ReadAsync(async s => (
            await s.Inclusion.DailyAsync([(citizen.UserId, DateOnly.MinValue, DateOnly.MaxValue)], "guangdong-tanpuhui"),
            await s.Inclusion.LotsAsync([(citizen.UserId, DateOnly.MinValue)], "guangdong-tanpuhui"),
            await s.Inclusion.WalletsAsync([citizen.UserId], "guangdong-tanpuhui")), Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => w.Store.WriteAsync(async s =>
        {
            await s.Inclusion.InsertDailyAsync("guangdong-tanpuhui", daily);
            return 0;
        }, Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => w.Store.WriteAsync(async s =>
        {
            await s.Inclusion.InsertLotsAsync("guangdong-tanpuhui", lots);
            return 0;
        }, Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => w.Store.WriteAsync(async s =>
        {
            await s.Inclusion.InsertWalletsAsync(wallets);
            return 0;
        }, Ct));

        var after = await StatementOfAsync(w, "citizen");
        Assert.Equal((before.Credited, before.Spendable, before.Pending, before.Reduction, before.Actions),
            (after.Credited, after.Spendable, after.Pending, after.Reduction, after.Actions));
        Assert.Equal(before.Daily, after.Daily);
        Assert.NotEmpty(daily);
        Assert.NotEmpty(lots);
        Assert.Single(wallets);
    }

    [Fact]
    public async Task Inclusion_EventResentWithATimeInAnotherMonth_IsADuplicateAndCountsOnce()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        RecordActions.ActionForm Bus(string id, string at) => Ride(id, "bus", 3m, at) with { User = "citizen" };

        var october = await RecordAsync(w, regulator, Batch("guangdong-tanpuhui", Bus("m-1", "2026-10-31T20:00:00+08:00")));
        // The same key in November (another month's partition on PostgreSQL; the October ride is within the 30 days
        // counted), alone, and twice within one batch beside a new one.
        var november = await RecordAsync(w, regulator, Batch("guangdong-tanpuhui", Bus("m-1", "2026-11-30T09:00:00+08:00")));
        var mixed = await RecordAsync(w, regulator, Batch("guangdong-tanpuhui", Bus("m-2", "2026-11-30T10:00:00+08:00"),
            Bus("m-2", "2026-10-31T21:00:00+08:00"), Bus("m-1", "2026-11-30T11:00:00+08:00")));
        var statement = await StatementOfAsync(w, "citizen");

        Assert.Equal(ActionStatus.Counted, Assert.Single(october.Items).Status);
        Assert.Equal(("DuplicateEvent", ActionStatus.Duplicate), (Assert.Single(november.Items).Rule, november.Items[0].Status));
        Assert.Equal([ActionStatus.Counted, ActionStatus.Duplicate, ActionStatus.Duplicate], mixed.Items.Select(i => i.Status).ToArray());
        Assert.Equal(2L, statement.Actions);
        Assert.Equal(october.Items[0].Coins + mixed.Items[0].Coins, statement.Credited);
    }

    private static async Task<ProgrammeStatement> StatementOfAsync(InclusionWorld w, string name)
    {
        var user = (await w.Store.ReadAsync(s => s.Users.FindByNameAsync(name), Ct))!;
        return (await w.Queries.StatementAsync(new Actor(user.Id, name, Role.Citizen, null), null, Ct))!.Programmes.Single();
    }

    [Fact]
    public async Task Inclusion_CitizensOwnSources_NeverCollideWithAnothersOrPassForAPartners()
    {
        await using var w = await InclusionWorldAsync();
        await w.Store.WriteAsync(s => s.Users.InsertAsync(new UserRecord(0, "citizen-b", "citizen-b", Role.Citizen, null, "x", 0, null), InclusionNow), Ct);
        var citizen = await w.ActorOf("citizen");
        var other = await w.ActorOf("citizen-b");
        var regulator = await w.ActorOf("regulator");

        // Two citizens name their phone alike and number their events alike; one also tries a partner's and a card's name.
        var mine = await RecordAsync(w, citizen, Batch("guangdong-tanpuhui", Ride("w1", "bus", 3m, source: "phone"),
            Ride("gz-card-0001", "bus", 2m, at: "2026-11-30T09:00:00+08:00", source: "yct-upload")));
        var theirs = await RecordAsync(w, other, Batch("guangdong-tanpuhui", Ride("w1", "bus", 3m, source: "phone")));
        // The card operator's file, uploaded by the regulator, holds the same id from the card's own source: not blocked.
        var upload = await RecordAsync(w, regulator, Batch("guangdong-tanpuhui",
            Ride("gz-card-0001", "bus", 2m, at: "2026-11-30T09:00:00+08:00", source: "yct-upload") with { User = "citizen-b" },
            Ride("g-1", "bus", 2m, source: "p1/gate-12") with { User = "citizen-b" },
            Ride("g-2", "bus", 2m, source: "c7/phone") with { User = "citizen-b" }));

        Assert.All(mine.Items, i => Assert.Equal(ActionStatus.Counted, i.Status));
        Assert.Equal(ActionStatus.Counted, Assert.Single(theirs.Items).Status);
        Assert.Equal(ActionStatus.Counted, upload.Items[0].Status);
        Assert.Equal([("ReservedSource", "source"), ("ReservedSource", "source")],
            upload.Items.Skip(1).Select(i => (i.Rule, i.Field)).ToList());
    }
}
