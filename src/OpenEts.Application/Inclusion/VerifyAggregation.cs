using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The verifier verifies an aggregation on its checked sample (核证): refused while any sampled event has no finding; the
/// findings are evaluated (<see cref="Domain.Inclusion.SampleEvaluation"/>: the claim as filed when the projected error is
/// at most the tolerable rate, cut by it above), and the verified tonnes (rounded down to the kilogram; the offsets module
/// verifies whole tonnes) go to the offsets module's <see cref="VerifyMonitoringReport"/> inside the same transaction as
/// the sample's record. A verifier who will not verify returns the report through the offsets module. Completed with the
/// <see cref="SampleCheck"/>.
/// </summary>
public sealed record VerifyAggregation(long Aggregation, string Opinion)
{
    public sealed record Form(long? Aggregation, string? Opinion);

    public static IReadOnlyList<Role> Roles => InclusionRoles.Verifiers;

    public static bool TryParse(Form form, [NotNullWhen(true)] out VerifyAggregation? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var id = read.Id(form.Aggregation, "aggregation");
        var opinion = read.Words(form.Opinion, "opinion", OffsetsFields.LongText);
        command = read.IsValid ? new VerifyAggregation(id, opinion) : null;
        errors = read.Errors;
        return command is not null;
    }
}
