using OpenEts.Application.Identity;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Offsets;

namespace OpenEts.Storage.Tests;

// The verifier's sample of an aggregation, on every database: drawn reproducibly from the stored events, checked event by
// event, the verification through offsets refused until it is, the claim cut above the tolerable error, and the trail
// from the PHCER issued down to the sampled events.
public abstract partial class StoreContract<TDb>
{
    // 600 rooftop PV readings of 5 kg each in November 2026 (20 meters a day): 3 000 kg, aggregated as 3.000 t.
    private const int SampledReadings = 600;

    private async Task<(InclusionWorld World, InclusionAggregation Aggregation, OffsetsCommandHandler Offsets)> AggregatedReadingsAsync()
    {
        var w = await InclusionWorldAsync(offsets: true);
        var citizen = await w.ActorOf("citizen");
        var events = Enumerable.Range(0, SampledReadings).Select(i =>
        {
            var day = new DateOnly(2026, 11, 1 + (i / 20));
            var at = new DateTimeOffset(day.Year, day.Month, day.Day, 18, 0, 0, TimeSpan.FromHours(8));
            return new InclusionEvent($"pv-{i % 20}", $"r{i}", citizen.UserId, "guangdong-tanpuhui", Behaviour.SolarPv, at, day, 8.767m, null,
                CarbonGrams.FromMilligrams(5_000_000), 50, null);
        }).ToList();
        await w.Store.WriteAsync(async s =>
        {
            await s.Inclusion.InsertEventsAsync(events);
            await s.Inclusion.AddDailyAsync("guangdong-tanpuhui",
                [.. events.Select(e => (citizen.UserId, new DailyRollup(e.Day, e.Behaviour, e.Source, 1, e.Reduction, e.Coins)))]);
            return 0;
        }, Ct);
        Assert.True(AggregatePeriod.TryParse(new AggregatePeriod.Form("guangdong-tanpuhui", "2026-11-01", "2026-11-30"), InclusionProgrammes.Shipped,
            out var aggregate, out _));
        var aggregation = (InclusionAggregation)Assert.IsType<InclusionCommandOutcome.Completed>(
            await w.Handler.AggregateAsync(await w.ActorOf("cement-a"), aggregate, Ct)).Result;
        var clock = new FixedClock(InclusionNow);
        var offsets = new OffsetsCommandHandler(w.Store, new RegistryCommandHandler(w.Registry, w.Store, clock), new RegistryQueries(w.Registry), clock);
        return (w, aggregation, offsets);
    }

    private static async Task<SampleCheck> DrawAsync(InclusionWorld w, Actor verifier, long aggregation) =>
        (SampleCheck)Assert.IsType<InclusionCommandOutcome.Completed>(await w.Handler.DrawSampleAsync(verifier, new DrawSample(aggregation), Ct)).Result;

    private static async Task FindAsync(InclusionWorld w, Actor verifier, long aggregation, IEnumerable<int> notSupported, int size)
    {
        var bad = notSupported.ToHashSet();
        for (var ordinal = 1; ordinal <= size; ordinal++)
        {
            var finding = bad.Contains(ordinal)
                ? new RecordSampleFinding(aggregation, ordinal, SampleFinding.NotSupported, "no such reading in the utility's meter log")
                : new RecordSampleFinding(aggregation, ordinal, SampleFinding.Confirmed, "");
            Assert.IsType<InclusionCommandOutcome.Completed>(await w.Handler.HandleAsync(verifier, finding, Ct));
        }
    }

    [Fact]
    public async Task InclusionSample_CheckedBeforeVerification_IsReproducibleAndVerifiesTheClaimThroughOffsets()
    {
        var (w, aggregation, offsets) = await AggregatedReadingsAsync();
        await using var _ = w;
        var verifier = await w.ActorOf("verifier");
        var citizen = await w.ActorOf("citizen");

        var direct = await offsets.HandleAsync(verifier, new VerifyMonitoringReport(aggregation.Report, "ok", null, null, null), Ct);
        var early = await w.Handler.VerifyAggregationAsync(verifier, new VerifyAggregation(aggregation.Id, "ok"), Ct);
        var drawn = await DrawAsync(w, verifier, aggregation.Id);
        var again = await DrawAsync(w, verifier, aggregation.Id);
        var incomplete = await w.Handler.VerifyAggregationAsync(verifier, new VerifyAggregation(aggregation.Id, "ok"), Ct);

        Assert.Equal("SampleNotChecked", Assert.IsType<OffsetsCommandOutcome.Refused>(direct).Rule);
        Assert.Equal("SampleNotDrawn", Assert.IsType<InclusionCommandOutcome.Refused>(early).Rule);
        Assert.Equal("SampleIncomplete", Assert.IsType<InclusionCommandOutcome.Refused>(incomplete).Rule);
        // 600 events: ⌈384.16 / (1 + 383.16 / 600)⌉ = ⌈384.16 / 1.6386⌉ = ⌈234.44⌉ = 235.
        Assert.Equal(600, drawn.Sample.Population);
        Assert.Equal(235, drawn.Events.Count);
        Assert.Equal(drawn.Events.Select(e => e.EventId), again.Events.Select(e => e.EventId));
        // Anyone can redraw it: the seed from the aggregation's figures, the 235 smallest ranks of the 600 events.
        var seed = SampleSeed.Of("guangdong-tanpuhui", aggregation.PeriodStart, aggregation.PeriodEnd, aggregation.Reduction.Milligrams,
            aggregation.Actions, 3_000, aggregation.Report);
        Assert.Equal(seed.Hex, drawn.Sample.Seed);
        var redrawn = Enumerable.Range(0, SampledReadings).Select(i => (Source: $"pv-{i % 20}", Id: $"r{i}"))
            .OrderBy(e => seed.Rank(e.Source, e.Id)).Take(235).Select(e => e.Id).ToList();
        Assert.Equal(redrawn, drawn.Events.Select(e => e.EventId));
        // The citizen appears only as the sample's pseudonym.
        Assert.All(drawn.Events, e => Assert.Equal(seed.PseudonymOf(citizen.UserId).Value, e.Citizen));

        // One reading of 235 not supported: 5 of 1 175 kg sampled = 0.43 % ≤ 5 %: immaterial, the claim stands.
        await FindAsync(w, verifier, aggregation.Id, [7], 235);
        var verificationsBefore = await w.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter(KindPrefix: "offsets.report.verified")), Ct);
        var verified = await w.Handler.VerifyAggregationAsync(verifier, new VerifyAggregation(aggregation.Id, "抽样核查：数据真实"), Ct);
        var late = await w.Handler.HandleAsync(verifier, new RecordSampleFinding(aggregation.Id, 1, SampleFinding.NotSupported, "late"), Ct);

        var check = (SampleCheck)Assert.IsType<InclusionCommandOutcome.Completed>(verified).Result;
        Assert.Equal(aggregation.Reduction, check.Sample.Verified);
        var report = await w.Store.ReadAsync(s => s.Offsets.FindReportAsync(aggregation.Report), Ct);
        Assert.Equal(MonitoringStatus.Verified, report!.Status);
        Assert.Equal(3, report.Verified);
        Assert.Equal("SampleVerified", Assert.IsType<InclusionCommandOutcome.Refused>(late).Rule);
        var kinds = (await w.Store.ReadAsync(s => s.Journal.PageAsync(new JournalFilter(KindPrefix: "inclusion.sample"), 0, 10_000), Ct)).Select(e => e.Kind).ToList();
        Assert.Single(kinds, k => k == "inclusion.sample.drawn");
        Assert.Equal(235, kinds.Count(k => k == "inclusion.sample.finding"));
        Assert.Single(kinds, k => k == "inclusion.sample.verified");
        Assert.Equal(verificationsBefore + 1, await w.Store.ReadAsync(s => s.Journal.CountAsync(new JournalFilter(KindPrefix: "offsets.report.verified")), Ct));
    }

    [Fact]
    public async Task InclusionSample_ErrorAboveTheTolerableRate_CutsTheVerifiedReductionInProportion()
    {
        var (w, aggregation, _) = await AggregatedReadingsAsync();
        await using var _w = w;
        var verifier = await w.ActorOf("verifier");
        await DrawAsync(w, verifier, aggregation.Id);

        await FindAsync(w, verifier, aggregation.Id, Enumerable.Range(1, 24), 235);
        var verified = await w.Handler.VerifyAggregationAsync(verifier, new VerifyAggregation(aggregation.Id, "抽样误差超过可容忍误差，按比例核减"), Ct);

        // 24 of 235 equal readings unsupported: 3 000 000 000 mg × 24 / 235 = 306 382 978.7 → 306 382 979 mg projected
        // (10.2 % > 5 %), verified 2 693 617 021 mg = 2.693 t, which the offsets module verifies as 2 whole tonnes.
        var check = (SampleCheck)Assert.IsType<InclusionCommandOutcome.Completed>(verified).Result;
        Assert.Equal(2_693_617_021, check.Sample.Verified!.Value.Milligrams);
        Assert.Equal(306_382_979, check.Sample.ProjectedUnsupported!.Value.Milligrams);
        Assert.Equal(2, (await w.Store.ReadAsync(s => s.Offsets.FindReportAsync(aggregation.Report), Ct))!.Verified);
        var stored = await w.Queries.SampleAsync(await w.ActorOf("regulator"), aggregation.Id, Ct);
        Assert.Equal(24, stored!.Events.Count(e => e.Finding == SampleFinding.NotSupported));
        Assert.All(stored.Events.Where(e => e.Finding == SampleFinding.NotSupported), e => Assert.Equal("no such reading in the utility's meter log", e.Reason));
    }

    [Fact]
    public async Task InclusionSample_OnlyTheDrawingVerifierOrganisationActs_AndNeverTheOwners()
    {
        var (w, aggregation, _) = await AggregatedReadingsAsync();
        await using var _w = w;
        var verifier = await w.ActorOf("verifier");
        var owner = await w.ActorOf("cement-a");
        var other = verifier with { UserName = "verifier-b", OrganisationId = (await w.ActorOf("power-a")).OrganisationId };
        var ownersVerifier = verifier with { UserName = "verifier-c", OrganisationId = owner.OrganisationId };

        var byOwner = await w.Handler.DrawSampleAsync(owner, new DrawSample(aggregation.Id), Ct);
        var conflicted = await w.Handler.DrawSampleAsync(ownersVerifier, new DrawSample(aggregation.Id), Ct);
        await DrawAsync(w, verifier, aggregation.Id);
        var otherDraw = await w.Handler.DrawSampleAsync(other, new DrawSample(aggregation.Id), Ct);
        var otherFinding = await w.Handler.HandleAsync(other, new RecordSampleFinding(aggregation.Id, 1, SampleFinding.Confirmed, ""), Ct);
        var unknown = await w.Handler.DrawSampleAsync(verifier, new DrawSample(aggregation.Id + 100), Ct);

        Assert.IsType<InclusionCommandOutcome.Forbidden>(byOwner);
        Assert.Equal("ConflictOfInterest", Assert.IsType<InclusionCommandOutcome.Refused>(conflicted).Rule);
        Assert.Equal("SampleOtherVerifier", Assert.IsType<InclusionCommandOutcome.Refused>(otherDraw).Rule);
        Assert.Equal("SampleOtherVerifier", Assert.IsType<InclusionCommandOutcome.Refused>(otherFinding).Rule);
        Assert.Equal("UnknownAggregation", Assert.IsType<InclusionCommandOutcome.Refused>(unknown).Rule);
        Assert.Null(await w.Queries.SampleAsync(other, aggregation.Id, Ct));
        Assert.Null(await w.Queries.SampleAsync(owner, aggregation.Id, Ct));
        // Another body's verifier is told whose the sample is; the company is shown none, as if none were drawn.
        Assert.Equal("SampleOtherVerifier", (await w.Queries.SampleForAsync(other, aggregation.Id, Ct)).NotYours?.Rule);
        Assert.Equal((null, null), await w.Queries.SampleForAsync(owner, aggregation.Id, Ct));
        Assert.NotNull((await w.Queries.SampleForAsync(verifier, aggregation.Id, Ct)).Check);
    }

    [Fact]
    public async Task InclusionSample_AfterAnActionCountedLateInTheAggregatedPeriod_DrawsAndTracesOnlyWhatWasFiled()
    {
        var (w, aggregation, _) = await AggregatedReadingsAsync();
        await using var _w = w;
        var verifier = await w.ActorOf("verifier");
        var regulator = await w.ActorOf("regulator");
        var queries = new OffsetsQueries(w.Store, new RegistryQueries(w.Registry));

        // Two metro rides on days of the aggregated November, counted after it was filed: they earn coins, and the
        // period's public sums grow, but the report was filed without them.
        var late = await RecordAsync(w, regulator, Batch("guangdong-tanpuhui",
            Ride("late-1", "metro", 1m, at: "2026-11-20T08:15:00+08:00") with { User = "citizen" },
            Ride("late-2", "metro", 1m, at: "2026-11-21T08:15:00+08:00") with { User = "citizen" }));
        Assert.All(late.Items, i => Assert.Equal((ActionStatus.Counted, "InAggregatedPeriod"), (i.Status, i.Rule)));
        var period = await w.Store.ReadAsync(s => s.Inclusion.PeriodTotalsAsync("guangdong-tanpuhui", aggregation.PeriodStart, aggregation.PeriodEnd), Ct);
        Assert.Equal(SampledReadings + 2, period.Sum(t => t.Actions));

        var drawn = await DrawAsync(w, verifier, aggregation.Id);
        var trail = await w.Queries.TrailAsync(regulator, aggregation.Id, null, queries, Ct);

        // The sample is drawn from the 600 readings filed, and its claims are the filed 3 000 kg: no metro stratum.
        Assert.Equal(SampledReadings, drawn.Sample.Population);
        Assert.Equal(235, drawn.Events.Count);
        Assert.DoesNotContain(drawn.Events, e => e.EventId.StartsWith("late-", StringComparison.Ordinal));
        Assert.Equal([Behaviour.SolarPv], drawn.Sample.Strata.Select(st => st.Behaviour).ToArray());
        Assert.Equal(aggregation.Reduction, drawn.Sample.Strata.Aggregate(CarbonGrams.Zero, (a, st) => a + st.Claimed));
        // The trail's daily sums and kept events are the filed ones too.
        Assert.Equal(aggregation.Reduction, trail!.Daily.Aggregate(CarbonGrams.Zero, (a, d) => a + d.Reduction));
        Assert.Equal(aggregation.Actions, trail.Daily.Sum(d => d.Actions));
        Assert.Equal(SampledReadings, trail.KeptEvents.Sum(k => k.Events));
    }

    [Fact]
    public async Task InclusionTrail_FromTheIssuedPhcer_ReachesTheDailySumsAndTheSampledEvents()
    {
        var (w, aggregation, offsets) = await AggregatedReadingsAsync();
        await using var _w = w;
        var verifier = await w.ActorOf("verifier");
        var regulator = await w.ActorOf("regulator");
        var queries = new OffsetsQueries(w.Store, new RegistryQueries(w.Registry));
        await DrawAsync(w, verifier, aggregation.Id);
        await FindAsync(w, verifier, aggregation.Id, [], 235);
        Assert.IsType<InclusionCommandOutcome.Completed>(await w.Handler.VerifyAggregationAsync(verifier, new VerifyAggregation(aggregation.Id, "ok"), Ct));
        Assert.IsType<OffsetsCommandOutcome.Completed>(await offsets.HandleAsync(regulator, new IssueCredits(aggregation.Report), Ct));

        var trail = await w.Queries.TrailAsync(regulator, null, aggregation.Report, queries, Ct);
        var owners = await w.Queries.TrailAsync(await w.ActorOf("cement-a"), aggregation.Id, null, queries, Ct);

        Assert.Equal(aggregation.Id, trail!.Aggregation.Id);
        Assert.Equal(MonitoringStatus.Issued, trail.Report!.Status);
        Assert.Equal("PHCER-GD0001-2026", trail.Class);
        Assert.Equal(3, trail.Issuances.Sum(i => i.OwnerQuantity + i.BufferQuantity));
        Assert.Equal(30, trail.Daily.Count);
        Assert.Equal(aggregation.Reduction, trail.Daily.Aggregate(CarbonGrams.Zero, (a, d) => a + d.Reduction));
        Assert.Equal(SampledReadings, trail.KeptEvents.Sum(k => k.Events));
        Assert.False(trail.EventsPurged);
        Assert.Equal(235, trail.SampledEvents.Count);
        Assert.All(trail.SampledEvents, e => Assert.Null(e.UserId));
        Assert.NotNull(owners!.Sample);
        Assert.Empty(owners.SampledEvents);

        // Erasing the citizen deletes their raw events and unlinks the sampled copies; the sums and the sample stay.
        Assert.IsType<InclusionCommandOutcome.Completed>(await w.Handler.HandleAsync(regulator, new EraseCitizen("citizen", "citizen"), Ct));
        var erased = await w.Queries.TrailAsync(regulator, aggregation.Id, null, queries, Ct);
        Assert.Empty(erased!.KeptEvents);
        Assert.Equal(aggregation.Reduction, erased.Daily.Aggregate(CarbonGrams.Zero, (a, d) => a + d.Reduction));
        Assert.All(erased.SampledEvents, e => Assert.Equal("erased", e.Source));
    }
}
