using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The verifier records what they found for one sampled event: confirmed, or not supported with the reason. A finding can
/// be changed until the aggregation is verified. Only a verifier of the organisation that drew the sample. Completed with
/// the <see cref="SampledEvent"/>.
/// </summary>
public sealed record RecordSampleFinding(long Aggregation, int Ordinal, SampleFinding Finding, string Reason) : IInclusionCommand
{
    public sealed record Form(long? Aggregation, int? Ordinal, string? Finding, string? Reason);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => InclusionRoles.Verifiers;

    public static bool TryParse(Form form, [NotNullWhen(true)] out RecordSampleFinding? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var aggregation = read.Id(form.Aggregation, "aggregation");
        var ordinal = form.Ordinal ?? 0;
        if (ordinal < 1)
        {
            read.Fail("ordinal", "Required", "ordinal: the event's place in the sample, from 1");
        }
        var finding = read.Choice(form.Finding, "finding", SampleFinding.Confirmed, SampleFinding.NotSupported);
        var reason = read.Words(form.Reason, "reason", OffsetsFields.ShortText, required: false);
        if (read.IsValid && finding == SampleFinding.NotSupported && reason.Length == 0)
        {
            read.Fail("reason", "ReasonRequired", "reason: say why the event is not supported");
        }
        command = read.IsValid ? new RecordSampleFinding(aggregation, ordinal, finding, reason) : null;
        errors = read.Errors;
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
        var events = await data.SampledEventsAsync(Aggregation).ConfigureAwait(false);
        if (events.FirstOrDefault(e => e.Ordinal == Ordinal) is not { } sampled)
        {
            return new InclusionCommandOutcome.Refused("UnknownSampledEvent", "ordinal", $"the sample has {events.Count} events", RefusalKind.Conflict);
        }
        var done = sampled with { Finding = Finding, Reason = Reason.Length == 0 ? null : Reason, CheckedAt = work.Now, CheckedBy = work.Actor.UserName };
        await data.RecordFindingAsync(done).ConfigureAwait(false);
        await work.JournalAsync("sample.finding", $"aggregation-{Aggregation}", new
        {
            ordinal = Ordinal,
            source = sampled.Source,
            eventId = sampled.EventId,
            finding = Finding.ToString(),
            reason = done.Reason,
            previous = sampled.Finding?.ToString(),
        }).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(done);
    }
}
