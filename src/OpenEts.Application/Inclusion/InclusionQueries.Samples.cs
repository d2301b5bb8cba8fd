using OpenEts.Application.Identity;
using OpenEts.Application.Offsets;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>The verifier's samples and an aggregation's audit trail.</summary>
public sealed partial class InclusionQueries
{
    /// <summary>
    /// True when <paramref name="actor"/> may see the events of <paramref name="sample"/>: the regulator, the auditor, and
    /// verifiers of the organisation that drew it.
    /// </summary>
    public static bool MaySeeSample(Actor? actor, InclusionSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return actor is not null && InclusionRoles.SampleReaders.Contains(actor.Role)
            && (actor.Role != Role.Verifier || actor.OrganisationId == sample.VerifierOrganisationId);
    }

    /// <summary>
    /// The aggregation <paramref name="id"/>, or null with the error naming it (field <paramref name="field"/>) when there is
    /// none or the actor may not oversee its programme.
    /// </summary>
    public async Task<(InclusionAggregation? Found, FieldError? Error)> AggregationAsync(Actor? actor, long id, string field, CancellationToken ct)
    {
        var found = MayOversee(actor)
            ? await store.ReadAsync(async s => await s.Inclusion.FindAggregationAsync(id).ConfigureAwait(false) is { } a
                && await MayOverseeAsync(s, actor, a.Programme).ConfigureAwait(false) ? a : null, ct).ConfigureAwait(false)
            : null;
        return (found, found is null ? FieldError.Of(field, "UnknownAggregation", $"no aggregation {id}") : null);
    }

    /// <summary>An aggregation's sample with its events and findings, or null when none is drawn or the actor may not see it.</summary>
    public async Task<SampleCheck?> SampleAsync(Actor? actor, long aggregation, CancellationToken ct) =>
        (await SampleForAsync(actor, aggregation, ct).ConfigureAwait(false)).Check;

    /// <summary>
    /// An aggregation's sample as <see cref="SampleAsync"/> reads it, in one read; or, for a verifier whose organisation did
    /// not draw the sample drawn, no sample and the refusal its commands would give them (SampleOtherVerifier), rather than
    /// a sample seemingly not drawn.
    /// </summary>
    public Task<(SampleCheck? Check, FieldError? NotYours)> SampleForAsync(Actor? actor, long aggregation, CancellationToken ct) =>
        store.ReadAsync(async s => await s.Inclusion.FindAggregationAsync(aggregation).ConfigureAwait(false) is { } found
            ? await SampleOfAsync(s, actor, found).ConfigureAwait(false)
            : (null, null), ct);

    /// <summary>
    /// The aggregation <paramref name="id"/> as <see cref="AggregationAsync"/> reads it and its sample as
    /// <see cref="SampleForAsync"/> does, in one read (a sample's page shows both).
    /// </summary>
    public async Task<(InclusionAggregation? Found, SampleCheck? Check, FieldError? NotYours, FieldError? Error)> AggregationWithSampleAsync(
        Actor? actor, long id, string field, CancellationToken ct)
    {
        var (found, check, notYours) = MayOversee(actor)
            ? await store.ReadAsync<(InclusionAggregation?, SampleCheck?, FieldError?)>(async s =>
            {
                if (await s.Inclusion.FindAggregationAsync(id).ConfigureAwait(false) is not { } a
                    || !await MayOverseeAsync(s, actor, a.Programme).ConfigureAwait(false))
                {
                    return (null, null, null);
                }
                var (sample, other) = await SampleOfAsync(s, actor, a).ConfigureAwait(false);
                return (a, sample, other);
            }, ct).ConfigureAwait(false)
            : (null, null, null);
        return (found, check, notYours, found is null ? FieldError.Of(field, "UnknownAggregation", $"no aggregation {id}") : null);
    }

    private static async Task<(SampleCheck?, FieldError?)> SampleOfAsync(IStoreSession s, Actor? actor, InclusionAggregation found)
    {
        if (await s.Inclusion.FindSampleAsync(found.Id).ConfigureAwait(false) is not { } sample)
        {
            return (null, null);
        }
        if (MaySeeSample(actor, sample))
        {
            return (new SampleCheck(found, sample, await s.Inclusion.SampledEventsAsync(found.Id).ConfigureAwait(false)), null);
        }
        return (null, actor?.Role == Role.Verifier && InclusionCommandHandler.OtherVerifier(found.Id) is var refused
            ? new FieldError(refused.Field, refused.Rule, refused.Message) { Figures = refused.Figures }
            : null);
    }

    /// <summary>
    /// The samples drawn of <paramref name="aggregations"/>, by aggregation (none for one not drawn): how many events and
    /// whether verified, which everyone who oversees aggregations may see (the events only <see cref="SampleAsync"/> shows).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, InclusionSample>> SamplesOfAsync(Actor? actor, IReadOnlyList<long> aggregations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(aggregations);
        if (!MayOversee(actor) || aggregations.Count == 0)
        {
            return new Dictionary<long, InclusionSample>();
        }
        return await store.ReadAsync<IReadOnlyDictionary<long, InclusionSample>>(async s =>
        {
            var found = new Dictionary<long, InclusionSample>();
            var oversees = OverseesIn(s, actor);
            foreach (var id in aggregations)
            {
                if (await s.Inclusion.FindAggregationAsync(id).ConfigureAwait(false) is { } aggregation
                    && await oversees(aggregation.Programme).ConfigureAwait(false)
                    && await s.Inclusion.FindSampleAsync(id).ConfigureAwait(false) is { } sample)
                {
                    found[id] = sample;
                }
            }
            return found;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The audit trail an address asks for, by aggregation (field <c>id</c>) or else by the monitoring report it filed (field
    /// <c>report</c>), as <see cref="TrailAsync"/> reads it; when there is none the actor may oversee, the error naming the
    /// one asked for (none when neither is).
    /// </summary>
    public async Task<(AggregationTrail? Found, FieldError? Error)> TrailOfAsync(Actor? actor, long? aggregation, long? report,
        OffsetsQueries offsets, CancellationToken ct)
    {
        var trail = await TrailAsync(actor, aggregation, report, offsets, ct).ConfigureAwait(false);
        return (trail, trail is not null ? null
            : aggregation is { } id ? FieldError.Of("id", "UnknownAggregation", $"no aggregation {id}")
            : report is { } filed ? FieldError.Of("report", "NoAggregationOfReport", $"no aggregation filed monitoring report {filed}")
            : null);
    }

    /// <summary>
    /// The audit trail of an aggregation (by its id, or by the monitoring report it filed), or null when it does not exist
    /// or the actor may not oversee aggregations. The offsets report and its issuances come through <paramref name="offsets"/>.
    /// </summary>
    public async Task<AggregationTrail?> TrailAsync(Actor? actor, long? aggregation, long? report, OffsetsQueries offsets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        if (!MayOversee(actor))
        {
            return null;
        }
        var today = InclusionTime.DayOf(clock.GetUtcNow());
        var trail = await store.ReadAsync<AggregationTrail?>(async s =>
        {
            var data = s.Inclusion;
            var found = aggregation is { } id ? await data.FindAggregationAsync(id).ConfigureAwait(false)
                : report is { } r ? await data.FindAggregationByReportAsync(r).ConfigureAwait(false)
                : null;
            if (found is null || !await MayOverseeAsync(s, actor, found.Programme).ConfigureAwait(false))
            {
                return null;
            }
            var sample = await data.FindSampleAsync(found.Id).ConfigureAwait(false);
            var events = sample is not null && MaySeeSample(actor, sample) ? await data.SampledEventsAsync(found.Id).ConfigureAwait(false) : [];
            return new AggregationTrail(found, null, [], await data.AggregationDaysAsync(found.Id).ConfigureAwait(false),
                await data.CountedEventStrataAsync(found.Programme, found.PeriodStart, found.PeriodEnd).ConfigureAwait(false),
                RawActionRetention.Default.FirstKept(today), sample, events);
        }, ct).ConfigureAwait(false);
        if (trail is null)
        {
            return null;
        }
        var detail = await offsets.ProjectAsync(actor, "PHCER", trail.Aggregation.PhcerProject, ct).ConfigureAwait(false);
        var filed = detail?.Reports.FirstOrDefault(r => r.Id == trail.Aggregation.Report);
        var reference = $"监测报告 {trail.Aggregation.Report} (";
        return trail with
        {
            Report = filed,
            Issuances = detail is null ? [] : [.. detail.Issuances.Where(i => i.Class.ToString() == trail.Class && i.Reference.Contains(reference, StringComparison.Ordinal))],
        };
    }
}
