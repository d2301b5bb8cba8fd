using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Offsets;

namespace OpenEts.Application.Inclusion;

/// <summary>The verifier's sample of an aggregation: drawing it and verifying the aggregation on it (findings run through <see cref="HandleAsync"/>).</summary>
public sealed partial class InclusionCommandHandler
{
    /// <summary>The plan every sample is drawn under.</summary>
    public static SamplingPlan Plan => SamplingPlan.Default;

    /// <summary>Draws the sample of an aggregation (or shows the one drawn), for a verifier who may verify its report.</summary>
    public async Task<InclusionCommandOutcome> DrawSampleAsync(Actor actor, DrawSample command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!DrawSample.Roles.Contains(actor.Role))
        {
            return new InclusionCommandOutcome.Forbidden(DrawSample.Roles);
        }
        if (await ReportToVerifyAsync(actor, command.Aggregation, ct).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }
        var now = clock.GetUtcNow();
        return await store.WriteAsync(async s =>
        {
            var data = s.Inclusion;
            var aggregation = (await data.FindAggregationAsync(command.Aggregation).ConfigureAwait(false))!;
            if (await data.FindSampleAsync(aggregation.Id).ConfigureAwait(false) is { } drawn)
            {
                return drawn.VerifierOrganisationId == actor.OrganisationId
                    ? (InclusionCommandOutcome)new InclusionCommandOutcome.Completed(new SampleCheck(aggregation, drawn, await data.SampledEventsAsync(aggregation.Id).ConfigureAwait(false)))
                    : OtherVerifier(aggregation.Id);
            }
            var (sample, events) = await DrawAsync(s, aggregation, actor, now).ConfigureAwait(false);
            if (sample.Population == 0)
            {
                return new InclusionCommandOutcome.Refused("NoEventsToSample", "aggregation",
                    $"no counted event of {aggregation.PeriodStart:yyyy-MM-dd} – {aggregation.PeriodEnd:yyyy-MM-dd} is kept to sample", RefusalKind.Conflict);
            }
            await data.InsertSampleAsync(sample, events).ConfigureAwait(false);
            await new InclusionWork(s, actor, now, programmes).JournalAsync("sample.drawn", $"aggregation-{aggregation.Id}", new
            {
                programme = aggregation.Programme,
                report = aggregation.Report,
                seed = sample.Seed,
                plan = new { z = sample.Plan.Z, p = sample.Plan.ExpectedRate, e = sample.Plan.Precision, tolerable = sample.Plan.TolerableRate },
                population = sample.Population,
                size = sample.Size,
                strata = sample.Strata.Select(t => new { behaviour = Behaviours.CodeOf(t.Behaviour), t.Events, t.Drawn, claimedMg = t.Claimed.Milligrams }),
                verifierOrganisation = actor.OrganisationId,
            }).ConfigureAwait(false);
            return (InclusionCommandOutcome)new InclusionCommandOutcome.Completed(new SampleCheck(aggregation, sample, events));
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Verifies an aggregation on its checked sample through the offsets module's <see cref="VerifyMonitoringReport"/>, in
    /// one transaction with the sample's record: refused while the sample is not drawn, not wholly checked, or another
    /// organisation's.
    /// </summary>
    public async Task<InclusionCommandOutcome> VerifyAggregationAsync(Actor actor, VerifyAggregation command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (!VerifyAggregation.Roles.Contains(actor.Role))
        {
            return new InclusionCommandOutcome.Forbidden(VerifyAggregation.Roles);
        }
        if (await ReportToVerifyAsync(actor, command.Aggregation, ct).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }
        var now = clock.GetUtcNow();
        return await store.WriteAsync(async s =>
        {
            var data = s.Inclusion;
            var aggregation = (await data.FindAggregationAsync(command.Aggregation).ConfigureAwait(false))!;
            if (await data.FindSampleAsync(aggregation.Id).ConfigureAwait(false) is not { } sample)
            {
                return new InclusionCommandOutcome.Refused("SampleNotDrawn", "aggregation",
                    $"draw and check the sample of aggregation {aggregation.Id} before verifying it", RefusalKind.Conflict);
            }
            if (sample.VerifierOrganisationId != actor.OrganisationId)
            {
                return OtherVerifier(aggregation.Id);
            }
            var check = new SampleCheck(aggregation, sample, await data.SampledEventsAsync(aggregation.Id).ConfigureAwait(false));
            if (!check.Complete)
            {
                return new InclusionCommandOutcome.Refused("SampleIncomplete", "aggregation",
                    $"{check.Events.Count - check.Checked} of the {check.Events.Count} sampled events have no finding yet", RefusalKind.Conflict);
            }
            var evaluation = check.Evaluation;
            var verified = evaluation.VerifiedOf(aggregation.Reduction);
            var tonnes = decimal.Round(verified.Tonnes, 3, MidpointRounding.ToZero);
            var filed = await offsets.HandleWithinAsync(s, actor,
                new VerifyMonitoringReport(aggregation.Report, command.Opinion, tonnes, null, null) { SampleChecked = true }).ConfigureAwait(false);
            switch (filed)
            {
                case OffsetsCommandOutcome.Completed:
                    var done = sample with { VerifiedAt = now, ProjectedUnsupported = aggregation.Reduction - verified, Verified = verified };
                    await data.SaveSampleVerificationAsync(done).ConfigureAwait(false);
                    await new InclusionWork(s, actor, now, programmes).JournalAsync("sample.verified", $"aggregation-{aggregation.Id}", new
                    {
                        report = aggregation.Report,
                        sampled = evaluation.Sampled,
                        notSupported = evaluation.NotSupported,
                        eventErrorRate = evaluation.EventErrorRate,
                        projectedRate = evaluation.ProjectedRate,
                        tolerableRate = evaluation.TolerableRate,
                        cut = evaluation.ExceedsTolerable,
                        filedMg = aggregation.Reduction.Milligrams,
                        verifiedMg = verified.Milligrams,
                        verifiedTonnes = tonnes,
                    }).ConfigureAwait(false);
                    return (InclusionCommandOutcome)new InclusionCommandOutcome.Completed(check with { Sample = done });
                case OffsetsCommandOutcome.Refused r:
                    // Leaving by an exception would lose the refusal; nothing was written before the offsets step.
                    return new InclusionCommandOutcome.Refused(r.Rule, r.Field, r.Message, r.Kind) { Figures = r.Figures };
                case OffsetsCommandOutcome.Forbidden f:
                    return new InclusionCommandOutcome.Forbidden(f.Allowed);
                case OffsetsCommandOutcome.Invalid i:
                    return new InclusionCommandOutcome.Invalid(i.Errors);
                default:
                    return new InclusionCommandOutcome.Refused("UnknownAggregation", "aggregation",
                        $"monitoring report {aggregation.Report} could not be verified", RefusalKind.Conflict);
            }
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Why <paramref name="actor"/>, a verifier, could not draw the sample of <paramref name="aggregation"/> now — its
    /// organisation owns the PHCER project (<c>ConflictOfInterest</c>), or the monitoring report is not waiting for
    /// verification — as <see cref="DrawSampleAsync"/> would refuse it; null when it could, or when the actor is no verifier.
    /// The sample page says so in place of the draw button, rather than after the click.
    /// </summary>
    public async Task<InclusionCommandOutcome.Refused?> DrawRefusalAsync(Actor actor, long aggregation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return DrawSample.Roles.Contains(actor.Role)
            ? await ReportToVerifyAsync(actor, aggregation, ct).ConfigureAwait(false) as InclusionCommandOutcome.Refused
            : null;
    }

    /// <summary>The refusal a verifier of another organisation than the one that drew the sample gets.</summary>
    internal static InclusionCommandOutcome.Refused OtherVerifier(long aggregation) =>
        new("SampleOtherVerifier", "aggregation", $"aggregation {aggregation} is verified by another verifier's organisation", RefusalKind.Forbidden);

    /// <summary>
    /// Null when the actor, a verifier with an organisation, may act on the aggregation: it exists, its monitoring report
    /// waits for verification, and the verifier's organisation does not own the PHCER project; otherwise the refusal.
    /// </summary>
    private async Task<InclusionCommandOutcome?> ReportToVerifyAsync(Actor actor, long id, CancellationToken ct)
    {
        if (actor.OrganisationId is null)
        {
            return new InclusionCommandOutcome.Refused("NotAVerifier", "aggregation", "a verifier acts for a verification body's organisation", RefusalKind.Forbidden);
        }
        if (await store.ReadAsync(s => s.Inclusion.FindAggregationAsync(id), ct).ConfigureAwait(false) is not { } aggregation)
        {
            return new InclusionCommandOutcome.Refused("UnknownAggregation", "aggregation", $"no aggregation {id}", RefusalKind.Conflict);
        }
        var detail = await offsetsQueries.ProjectAsync(actor, "PHCER", aggregation.PhcerProject, ct).ConfigureAwait(false);
        if (detail?.Reports.FirstOrDefault(r => r.Id == aggregation.Report) is not { } report)
        {
            return new InclusionCommandOutcome.Refused("UnknownAggregation", "aggregation", $"monitoring report {aggregation.Report} is not on the register", RefusalKind.Conflict);
        }
        if (detail.Project.OrganisationId == actor.OrganisationId)
        {
            return new InclusionCommandOutcome.Refused("ConflictOfInterest", "aggregation", "a verifier does not verify its own organisation's reductions", RefusalKind.Forbidden);
        }
        if (report.Status == MonitoringStatus.Submitted)
        {
            return null;
        }
        // The figures name the report, its state and the state the step needs, as the offsets module's refusals do.
        var (state, needs) = (Code(report.Status), Code(MonitoringStatus.Submitted));
        return InclusionCommandOutcome.Refused.Of("MonitoringStatus", "aggregation",
            $"monitoring report {report.Id} is {state}: it is sampled and verified only when {needs}", RefusalKind.Conflict);
    }

    // A state as the figures of rule.MonitoringStatus give it (its code in lower case), for the server to name it in words.
    private static string Code(MonitoringStatus status) => status.ToString().ToLowerInvariant();

    private static async Task<(InclusionSample Sample, IReadOnlyList<SampledEvent> Events)> DrawAsync(IStoreSession s, InclusionAggregation aggregation,
        Actor actor, DateTimeOffset now)
    {
        var data = s.Inclusion;
        var seed = SampleSeed.Of(aggregation.Programme, aggregation.PeriodStart, aggregation.PeriodEnd, aggregation.Reduction.Milligrams,
            aggregation.Actions, (long)(aggregation.ClaimedTonnes * 1000m), aggregation.Report);
        var frame = await data.CountedEventStrataAsync(aggregation.Programme, aggregation.PeriodStart, aggregation.PeriodEnd).ConfigureAwait(false);
        // The claims as the aggregation filed them, by behaviour: an action counted since on one of the period's days is
        // in neither these nor the frame.
        var claims = (await data.AggregationDaysAsync(aggregation.Id).ConfigureAwait(false))
            .GroupBy(d => d.Behaviour)
            .ToDictionary(g => g.Key, g => CarbonGrams.FromMilligrams(g.Sum(d => d.Reduction.Milligrams)));
        var behaviours = frame.Select(f => f.Behaviour).Concat(claims.Where(c => c.Value > CarbonGrams.Zero).Select(c => c.Key))
            .Distinct().Order().ToList();
        var counts = behaviours.Select(b => frame.FirstOrDefault(f => f.Behaviour == b)?.Events ?? 0).ToList();
        var population = counts.Sum();
        var shares = SampleAllocation.Proportional(Plan.SizeFor(population), counts);
        var strata = behaviours.Select((b, i) => new SampleStratumPlan(b, counts[i], shares[i],
            claims.GetValueOrDefault(b, CarbonGrams.Zero))).ToList();
        var selector = new SampleSelector<InclusionEvent>(seed, shares);
        var index = behaviours.Select((b, i) => (b, i)).ToDictionary(p => p.b, p => p.i);
        if (population > 0)
        {
            await data.ScanCountedEventsAsync(aggregation.Programme, aggregation.PeriodStart, aggregation.PeriodEnd,
                e => selector.Offer(index[e.Behaviour], e.Source, e.EventId, e)).ConfigureAwait(false);
        }
        var events = selector.Drawn().Select((d, i) => new SampledEvent(aggregation.Id, i + 1, d.Rank.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            d.Item.Behaviour, d.Item.Source, d.Item.EventId, seed.PseudonymOf(d.Item.UserId).Value, d.Item.OccurredAt, d.Item.Quantity, d.Item.Minutes,
            d.Item.Reduction) { UserId = d.Item.UserId }).ToList();
        var sample = new InclusionSample(aggregation.Id, seed.Hex, Plan, population, events.Count, strata, now, actor.UserName, actor.OrganisationId!.Value);
        return (sample, events);
    }
}
