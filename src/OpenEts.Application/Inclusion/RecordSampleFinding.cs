using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
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
        var outcome = await new RecordSampleFindings(Aggregation, [new RecordSampleFindings.Row(Ordinal, Finding, Reason)], RestConfirmed: false)
            .ExecuteAsync(work).ConfigureAwait(false);
        return outcome is InclusionCommandOutcome.Completed { Result: RecordSampleFindings.Recorded recorded }
            ? new InclusionCommandOutcome.Completed(recorded.Events[0])
            : outcome;
    }
}
