using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The verifier records the findings of a sample's events together (the sample page's one form): each row confirmed, or
/// not supported with the reason, or left unchecked; with <paramref name="RestConfirmed"/>, every event still without a
/// finding is confirmed as well. All or nothing: a row that does not read, or names no sampled event, records nothing.
/// A row that repeats the finding and reason held is not recorded again. Completed with <see cref="Recorded"/>.
/// </summary>
public sealed record RecordSampleFindings(long Aggregation, IReadOnlyList<RecordSampleFindings.Row> Rows, bool RestConfirmed) : IInclusionCommand
{
    /// <summary>One event's finding.</summary>
    public sealed record Row(int Ordinal, SampleFinding Finding, string Reason);

    /// <summary>One row as typed: an empty finding and reason leave the event unchecked.</summary>
    public sealed record RowForm(int? Ordinal, string? Finding, string? Reason);

    /// <summary>The form: its rows, and <c>rest</c> = <c>confirmed</c> to confirm every event left without a finding.</summary>
    public sealed record Form(long? Aggregation, IReadOnlyList<RowForm>? Findings, string? Rest);

    /// <summary>The findings as they stand after the command, for its rows (in order), and how many changed.</summary>
    public sealed record Recorded(IReadOnlyList<SampledEvent> Events, int Changed);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Verifiers;

    /// <summary>Reads every row, naming each bad one by its place (<c>findings[i].reason</c>), all together.</summary>
    public static bool TryParse(Form form, [NotNullWhen(true)] out RecordSampleFindings? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var aggregation = read.Id(form.Aggregation, "aggregation");
        var rest = !string.IsNullOrWhiteSpace(form.Rest) && read.Choice(form.Rest, "rest", SampleFinding.Confirmed) == SampleFinding.Confirmed;
        var rows = new List<Row>();
        var all = new List<FieldError>(read.Errors);
        var findings = form.Findings ?? [];
        for (var i = 0; i < findings.Count; i++)
        {
            var typed = findings[i];
            if (string.IsNullOrWhiteSpace(typed.Finding) && string.IsNullOrWhiteSpace(typed.Reason))
            {
                continue;
            }
            if (RecordSampleFinding.TryParse(new(form.Aggregation, typed.Ordinal, typed.Finding, typed.Reason), out var one, out var rowErrors))
            {
                rows.Add(new Row(one.Ordinal, one.Finding, one.Reason));
            }
            else
            {
                all.AddRange(rowErrors.Where(e => e.Field != "aggregation")
                    .Select(e => e with { Field = $"findings[{i}].{e.Field}", Message = $"event {typed.Ordinal}: {e.Message}" }));
            }
        }
        if (all.Count == 0 && rows.Count == 0 && !rest)
        {
            all.Add(new FieldError("findings", "Required", "findings: choose confirmed or not supported for at least one event"));
        }
        command = all.Count == 0 ? new RecordSampleFindings(aggregation, rows, rest) : null;
        errors = all;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<InclusionCommandOutcome> ExecuteAsync(InclusionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var data = work.Session.Inclusion;
        if (await data.FindSampleAsync(Aggregation).ConfigureAwait(false) is not { } sample)
        {
            return new InclusionCommandOutcome.Refused("SampleNotDrawn", "aggregation", $"no sample is drawn of aggregation {Aggregation}", RefusalKind.Conflict);
        }
        if (work.Actor.OrganisationId != sample.VerifierOrganisationId)
        {
            return new InclusionCommandOutcome.Refused("SampleOtherVerifier", "aggregation",
                $"aggregation {Aggregation} is verified by another verifier's organisation", RefusalKind.Forbidden);
        }
        if (sample.VerifiedAt is not null)
        {
            return new InclusionCommandOutcome.Refused("SampleVerified", "aggregation", $"aggregation {Aggregation} is verified already", RefusalKind.Conflict);
        }
        var events = (await data.SampledEventsAsync(Aggregation).ConfigureAwait(false)).ToDictionary(e => e.Ordinal);
        if (Rows.FirstOrDefault(r => !events.ContainsKey(r.Ordinal)) is { } unknown)
        {
            return new InclusionCommandOutcome.Refused("UnknownSampledEvent", "ordinal",
                $"event {unknown.Ordinal}: the sample has {events.Count} events", RefusalKind.Conflict);
        }
        var wanted = Rows.ToList();
        if (RestConfirmed)
        {
            var named = Rows.Select(r => r.Ordinal).ToHashSet();
            wanted.AddRange(events.Values.Where(e => e.Finding is null && !named.Contains(e.Ordinal)).OrderBy(e => e.Ordinal)
                .Select(e => new Row(e.Ordinal, SampleFinding.Confirmed, "")));
        }
        var result = new List<SampledEvent>(wanted.Count);
        var changed = 0;
        foreach (var row in wanted)
        {
            var held = events[row.Ordinal];
            var reason = row.Reason.Length == 0 ? null : row.Reason;
            if (held.Finding == row.Finding && held.Reason == reason)
            {
                result.Add(held);
                continue;
            }
            var done = held with { Finding = row.Finding, Reason = reason, CheckedAt = work.Now, CheckedBy = work.Actor.UserName };
            await data.RecordFindingAsync(done).ConfigureAwait(false);
            await work.JournalAsync("sample.finding", $"aggregation-{Aggregation}", new
            {
                ordinal = row.Ordinal,
                source = held.Source,
                eventId = held.EventId,
                finding = row.Finding.ToString(),
                reason,
                previous = held.Finding?.ToString(),
            }).ConfigureAwait(false);
            events[row.Ordinal] = done;
            result.Add(done);
            changed++;
        }
        return new InclusionCommandOutcome.Completed(new Recorded(result, changed));
    }
}
