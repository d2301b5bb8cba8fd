using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// The verifier draws the sample of an aggregation's events (抽样): the size from <see cref="Domain.Inclusion.SamplingPlan"/>,
/// spread over behaviours (<see cref="Domain.Inclusion.SampleAllocation"/>), the events chosen by their rank under the
/// aggregation's seed (<see cref="Domain.Inclusion.SampleSeed"/>), copied with the citizen's sample pseudonym. Drawn once:
/// asking again shows the same sample. The verifier's organisation takes the aggregation: only its verifiers record
/// findings and verify. Completed with the <see cref="SampleCheck"/>.
/// </summary>
public sealed record DrawSample(long Aggregation)
{
    public sealed record Form(long? Aggregation);

    public static IReadOnlyList<Role> Roles => InclusionRoles.Verifiers;

    public static bool TryParse(Form form, [NotNullWhen(true)] out DrawSample? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var id = read.Id(form.Aggregation, "aggregation");
        command = read.IsValid ? new DrawSample(id) : null;
        errors = read.Errors;
        return command is not null;
    }
}
