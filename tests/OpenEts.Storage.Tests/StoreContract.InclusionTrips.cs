using OpenEts.Application.Inclusion;

namespace OpenEts.Storage.Tests;

// Overlapping trips: one citizen rides one vehicle at a time, whichever partner, source or programme reports the trip.
// A trip overlapping a counted one by more than the tolerance is refused OverlappingTrip, answered item by item, kept
// (so that its replay is a duplicate) and counted on the quality dashboard.
public abstract partial class StoreContract<TDb>
{
    private static RecordActions.ActionForm Trip(string id, string behaviour, decimal km, string at, decimal minutes, string source = "card-1") =>
        new(id, source, behaviour, $"2026-11-30T{at}:00+08:00", km, minutes, User: "citizen");

    [Fact]
    public async Task Inclusion_OverlappingTrips_AreRefusedAcrossPartnersAndBatchesAndCountedOnTheDashboard()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");
        var citizen = await w.ActorOf("citizen");
        var partners = new PartnerActionsHandler(w.Store, w.Handler);
        Assert.True(IssuePartnerKey.TryParse(new IssuePartnerKey.Form("深圳通（行程）", "shenzhen-tanpuhui", "metro, bus"), InclusionProgrammes.Shipped,
            out var issue, out _));
        var issued = (PartnerKeyIssued)((InclusionCommandOutcome.Completed)await w.Handler.HandleAsync(regulator, issue, Ct)).Result;

        // The partner's metro ride 08:00–08:30.
        var metro = (RecordedActions)((InclusionCommandOutcome.Completed)await partners.HandleAsync(issued.Key,
            Batch("shenzhen-tanpuhui", Trip("m1", "metro", 10m, "08:00", 30m, "gate-1")), Ct)).Result;
        // Another source's file: a bus during the ride, a transfer tapped a minute before the tap-out, a ride during the
        // transfer's ride in the same batch, and an instant tap well inside the metro ride.
        var file = await RecordAsync(w, regulator, Batch("shenzhen-tanpuhui",
            Trip("b1", "bus", 5m, "08:10", 15m), Trip("b2", "bus", 5m, "08:29", 20m), Trip("b3", "metro", 8m, "08:40", 10m),
            Trip("b4", "bus", 2m, "08:15", 0m), Trip("b5", "bus", 5m, "09:00", 20m)));
        var replay = await RecordAsync(w, regulator, Batch("shenzhen-tanpuhui", Trip("b1", "bus", 5m, "08:10", 15m)));
        var quality = await w.Store.ReadAsync(s => s.Inclusion.QualityAsync(null, null, DateOnly.MinValue, DateOnly.MaxValue), Ct);
        var statement = (await w.Queries.StatementAsync(citizen, null, Ct))!.Programmes.Single();

        Assert.Equal(ActionStatus.Counted, Assert.Single(metro.Items).Status);
        Assert.Equal([ActionStatus.Refused, ActionStatus.Counted, ActionStatus.Refused, ActionStatus.Refused, ActionStatus.Counted],
            file.Items.Select(i => i.Status).ToArray());
        Assert.All(file.Items.Where(i => i.Status == ActionStatus.Refused), i => Assert.Equal("OverlappingTrip", i.Rule));
        Assert.Contains("another counted trip", file.Items[0].Message, StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Duplicate, Assert.Single(replay.Items).Status);
        Assert.Equal(3, statement.Actions);
        Assert.Equal(3L, quality.Single(q => q.Partner == QualityCount.Direct && q.Outcome == "OverlappingTrip").Events);
        Assert.Equal(1L, quality.Single(q => q.Partner == issued.Partner.Id && q.Outcome == QualityCount.Accepted).Events);
    }

    [Fact]
    public async Task Inclusion_TripOverlappingOnlyARefusedOrAnotherDaysTrip_IsCounted()
    {
        await using var w = await InclusionWorldAsync();
        var regulator = await w.ActorOf("regulator");

        // A ride too fast to be true is refused and blocks nothing; a ride during another of the same batch is refused with
        // nothing counted before; a ride that began the evening before and ran past midnight blocks a ride just after
        // midnight (the window reaches back across the day boundary).
        var first = await RecordAsync(w, regulator, Batch("shenzhen-tanpuhui",
            Trip("f1", "metro", 100m, "08:00", 20m), new("n1", "card-1", "bus", "2026-11-29T23:50:00+08:00", 5m, 30m, User: "citizen"),
            new("n1b", "bike-7", "metro", "2026-11-29T23:55:00+08:00", 5m, 10m, User: "citizen")));
        var second = await RecordAsync(w, regulator, Batch("shenzhen-tanpuhui",
            Trip("f2", "bus", 5m, "08:05", 20m), Trip("n2", "bus", 2m, "00:05", 10m)));

        Assert.Equal([ActionStatus.Refused, ActionStatus.Counted, ActionStatus.Refused], first.Items.Select(i => i.Status).ToArray());
        Assert.Equal(("ImpossibleSpeed", "OverlappingTrip"), (first.Items[0].Rule, first.Items[2].Rule));
        Assert.Equal([ActionStatus.Counted, ActionStatus.Refused], second.Items.Select(i => i.Status).ToArray());
        Assert.Equal("OverlappingTrip", second.Items[1].Rule);
    }
}
