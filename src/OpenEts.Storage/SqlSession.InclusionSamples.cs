using System.Text.Json;
using Dapper;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Storage;

internal sealed partial class SqlSession
{
    private const string AggregationSelect = """
        SELECT id AS Id, programme AS Programme, period_start AS PeriodStart, period_end AS PeriodEnd, reduction_mg AS ReductionMg,
            actions AS Actions, claimed_kg AS ClaimedKg, phcer_project AS PhcerProject, report_id AS ReportId, at AS At, by_user AS ByUser,
            citizens AS Citizens
        FROM inclusion_aggregations
        """;

    // Counted events with a reduction: what an aggregation's reductions are made of, and so what a sample is drawn from;
    // never one counted after its period was aggregated (inclusion_late_events, migration 0064).
    private const string CountedEvents = """
        FROM inclusion_events e WHERE day BETWEEN @from AND @to AND programme = @programme AND refusal IS NULL AND reduction_mg > 0
            AND NOT EXISTS (SELECT 1 FROM inclusion_late_events l WHERE l.source = e.source AND l.event_id = e.event_id)
        """;

    async Task<InclusionAggregation?> IInclusionData.FindAggregationAsync(long id) =>
        (await QuerySingleOrDefaultAsync<AggregationRow>($"{AggregationSelect} WHERE id = @id", new { id }).ConfigureAwait(false))?.ToAggregation();

    async Task<InclusionAggregation?> IInclusionData.FindAggregationByReportAsync(long report) =>
        (await QuerySingleOrDefaultAsync<AggregationRow>($"{AggregationSelect} WHERE report_id = @report", new { report }).ConfigureAwait(false))
            ?.ToAggregation();

    async Task<IReadOnlyList<EventStratum>> IInclusionData.CountedEventStrataAsync(string programme, DateOnly from, DateOnly to) =>
        [.. (await QueryAsync<StratumRow>($"""
            SELECT behaviour AS Behaviour, COUNT(*) AS Events, CAST(SUM(reduction_mg) AS bigint) AS ReductionMg
            {CountedEvents}
            GROUP BY behaviour ORDER BY behaviour
            """, new { programme, from = (long)from.DayNumber, to = (long)to.DayNumber }).ConfigureAwait(false))
            .Select(r => new EventStratum(Enum.Parse<Behaviour>(r.Behaviour), r.Events, CarbonGrams.FromMilligrams(r.ReductionMg)))];

    async Task IInclusionData.ScanCountedEventsAsync(string programme, DateOnly from, DateOnly to, Action<InclusionEvent> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var rows = connection.QueryUnbufferedAsync<EventRow>($"SELECT {EventColumns} {CountedEvents}",
            new { programme, from = (long)from.DayNumber, to = (long)to.DayNumber }, transaction);
        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            visit(row.ToEvent());
        }
    }

    async Task<IReadOnlyList<DailyBehaviourTotal>> IInclusionData.AggregationDaysAsync(long aggregation) =>
        [.. (await QueryAsync<DailyTotalRow>("""
            SELECT day AS Day, behaviour AS Behaviour, actions AS Actions, reduction_mg AS ReductionMg, citizens AS Citizens
            FROM inclusion_aggregation_days WHERE aggregation_id = @aggregation
            ORDER BY day, behaviour
            """, new { aggregation }).ConfigureAwait(false))
            .Select(r => new DailyBehaviourTotal(Day(r.Day), Enum.Parse<Behaviour>(r.Behaviour), r.Actions, CarbonGrams.FromMilligrams(r.ReductionMg),
                r.Citizens))];

    async Task IInclusionData.MarkLateAsync(long aggregation, IReadOnlyList<(string Source, string EventId)> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var (source, eventId) in events)
        {
            await ExecuteAsync("INSERT INTO inclusion_late_events (source, event_id, aggregation_id) VALUES (@source, @eventId, @aggregation)",
                new { source, eventId, aggregation }).ConfigureAwait(false);
        }
    }

    async Task<InclusionSample?> IInclusionData.FindSampleAsync(long aggregation) =>
        (await QuerySingleOrDefaultAsync<SampleRow>("""
            SELECT aggregation_id AS AggregationId, seed AS Seed, plan AS Plan, population AS Population, size AS Size, strata AS Strata,
                drawn_at AS DrawnAt, drawn_by AS DrawnBy, verifier_organisation_id AS VerifierOrganisationId, verified_at AS VerifiedAt,
                projected_mg AS ProjectedMg, verified_mg AS VerifiedMg
            FROM inclusion_samples WHERE aggregation_id = @aggregation
            """, new { aggregation }).ConfigureAwait(false))?.ToSample();

    async Task IInclusionData.InsertSampleAsync(InclusionSample sample, IReadOnlyList<SampledEvent> events)
    {
        await ExecuteAsync("""
            INSERT INTO inclusion_samples (aggregation_id, seed, plan, population, size, strata, drawn_at, drawn_by, verifier_organisation_id)
            VALUES (@aggregation, @seed, @plan, @population, @size, @strata, @drawnAt, @drawnBy, @organisation)
            """, new
        {
            aggregation = sample.Aggregation,
            seed = sample.Seed,
            plan = JsonSerializer.Serialize(new PlanJson(sample.Plan.Z, sample.Plan.ExpectedRate, sample.Plan.Precision, sample.Plan.TolerableRate,
                sample.Plan.Source, sample.Plan.Confirmed)),
            population = sample.Population,
            size = sample.Size,
            strata = JsonSerializer.Serialize(sample.Strata.Select(s => new StratumJson(s.Behaviour.ToString(), s.Events, s.Drawn, s.Claimed.Milligrams))),
            drawnAt = Ms(sample.DrawnAt),
            drawnBy = sample.DrawnBy,
            organisation = sample.VerifierOrganisationId,
        }).ConfigureAwait(false);
        await ExecuteAsync("""
            INSERT INTO inclusion_sample_events (aggregation_id, ordinal, rank, behaviour, source, event_id, citizen, user_id, occurred_at,
                quantity_milli, minutes_milli, reduction_mg)
            VALUES (@aggregation, @ordinal, @rank, @behaviour, @source, @eventId, @citizen, @userId, @occurredAt, @quantity, @minutes, @reduction)
            """, events.Select(e => new
        {
            aggregation = e.Aggregation,
            ordinal = (long)e.Ordinal,
            rank = e.Rank,
            behaviour = e.Behaviour.ToString(),
            source = e.Source,
            eventId = e.EventId,
            citizen = e.Citizen,
            userId = e.UserId,
            occurredAt = Ms(e.OccurredAt),
            quantity = checked((long)(e.Quantity * 1000m)),
            minutes = e.Minutes is { } m ? checked((long)(m * 1000m)) : (long?)null,
            reduction = e.Reduction.Milligrams,
        })).ConfigureAwait(false);
    }

    async Task<IReadOnlyList<SampledEvent>> IInclusionData.SampledEventsAsync(long aggregation) =>
        [.. (await QueryAsync<SampledEventRow>("""
            SELECT aggregation_id AS AggregationId, ordinal AS Ordinal, rank AS Rank, behaviour AS Behaviour, source AS Source, event_id AS EventId,
                citizen AS Citizen, occurred_at AS OccurredAt, quantity_milli AS QuantityMilli, minutes_milli AS MinutesMilli,
                reduction_mg AS ReductionMg, finding AS Finding, reason AS Reason, checked_at AS CheckedAt, checked_by AS CheckedBy
            FROM inclusion_sample_events WHERE aggregation_id = @aggregation ORDER BY ordinal
            """, new { aggregation }).ConfigureAwait(false)).Select(r => r.ToEvent())];

    Task IInclusionData.RecordFindingAsync(SampledEvent sampled) => ExecuteAsync("""
        UPDATE inclusion_sample_events SET finding = @finding, reason = @reason, checked_at = @checkedAt, checked_by = @checkedBy
        WHERE aggregation_id = @aggregation AND ordinal = @ordinal
        """, new
    {
        aggregation = sampled.Aggregation,
        ordinal = (long)sampled.Ordinal,
        finding = sampled.Finding?.ToString(),
        reason = sampled.Reason,
        checkedAt = sampled.CheckedAt is { } at ? Ms(at) : (long?)null,
        checkedBy = sampled.CheckedBy,
    });

    Task IInclusionData.SaveSampleVerificationAsync(InclusionSample sample) => ExecuteAsync("""
        UPDATE inclusion_samples SET verified_at = @verifiedAt, projected_mg = @projected, verified_mg = @verified WHERE aggregation_id = @aggregation
        """, new
    {
        aggregation = sample.Aggregation,
        verifiedAt = sample.VerifiedAt is { } at ? Ms(at) : (long?)null,
        projected = sample.ProjectedUnsupported?.Milligrams,
        verified = sample.Verified?.Milligrams,
    });

    private sealed record PlanJson(decimal Z, decimal P, decimal E, decimal Tolerable, string Source, bool Confirmed);

    private sealed record StratumJson(string Behaviour, long Events, long Drawn, long ClaimedMg);

    private sealed class StratumRow
    {
        public string Behaviour { get; set; } = "";
        public long Events { get; set; }
        public long ReductionMg { get; set; }
    }

    private sealed class DailyTotalRow
    {
        public long Day { get; set; }
        public string Behaviour { get; set; } = "";
        public long Actions { get; set; }
        public long ReductionMg { get; set; }
        public long Citizens { get; set; }
    }

    private sealed class SampleRow
    {
        public long AggregationId { get; set; }
        public string Seed { get; set; } = "";
        public string Plan { get; set; } = "";
        public long Population { get; set; }
        public long Size { get; set; }
        public string Strata { get; set; } = "";
        public long DrawnAt { get; set; }
        public string DrawnBy { get; set; } = "";
        public long VerifierOrganisationId { get; set; }
        public long? VerifiedAt { get; set; }
        public long? ProjectedMg { get; set; }
        public long? VerifiedMg { get; set; }

        public InclusionSample ToSample()
        {
            var plan = JsonSerializer.Deserialize<PlanJson>(Plan) ?? throw new InvalidOperationException($"sample {AggregationId} has no plan");
            var strata = JsonSerializer.Deserialize<List<StratumJson>>(Strata) ?? [];
            return new InclusionSample(AggregationId, Seed, new SamplingPlan(plan.Z, plan.P, plan.E, plan.Tolerable, plan.Source, plan.Confirmed),
                Population, Size, [.. strata.Select(s => new SampleStratumPlan(Enum.Parse<Behaviour>(s.Behaviour), s.Events, s.Drawn,
                    CarbonGrams.FromMilligrams(s.ClaimedMg)))], At(DrawnAt), DrawnBy, VerifierOrganisationId)
            {
                VerifiedAt = VerifiedAt is { } v ? At(v) : null,
                ProjectedUnsupported = ProjectedMg is { } p ? CarbonGrams.FromMilligrams(p) : null,
                Verified = VerifiedMg is { } m ? CarbonGrams.FromMilligrams(m) : null,
            };
        }
    }

    private sealed class SampledEventRow
    {
        public long AggregationId { get; set; }
        public long Ordinal { get; set; }
        public string Rank { get; set; } = "";
        public string Behaviour { get; set; } = "";
        public string Source { get; set; } = "";
        public string EventId { get; set; } = "";
        public string Citizen { get; set; } = "";
        public long OccurredAt { get; set; }
        public long QuantityMilli { get; set; }
        public long? MinutesMilli { get; set; }
        public long ReductionMg { get; set; }
        public string? Finding { get; set; }
        public string? Reason { get; set; }
        public long? CheckedAt { get; set; }
        public string? CheckedBy { get; set; }

        public SampledEvent ToEvent() => new(AggregationId, checked((int)Ordinal), Rank, Enum.Parse<Behaviour>(Behaviour), Source, EventId, Citizen,
            At(OccurredAt), QuantityMilli / 1000m, MinutesMilli is { } m ? m / 1000m : null, CarbonGrams.FromMilligrams(ReductionMg))
        {
            Finding = Finding is { } f ? Enum.Parse<SampleFinding>(f) : null,
            Reason = Reason,
            CheckedAt = CheckedAt is { } c ? At(c) : null,
            CheckedBy = CheckedBy,
        };
    }
}
