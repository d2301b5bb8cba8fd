using System.Diagnostics.CodeAnalysis;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Offsets;

/// <summary>
/// The programme's validator gives a positive validation opinion (审定意见) on a submitted project; its evidence is
/// attached as documents. A negative opinion is a return (<see cref="ReturnProject"/>).
/// </summary>
public sealed record ValidateProject(long Project, string Opinion) : IOffsetsCommand
{
    public sealed record Form(long? Project, string? Opinion);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => OffsetsRoles.Validators;

    public static bool TryParse(Form form, [NotNullWhen(true)] out ValidateProject? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return ProjectReview.TryParse(form.Project, form.Opinion, "opinion", textRequired: true, (p, o) => new ValidateProject(p, o),
            out command, out errors);
    }

    /// <inheritdoc/>
    public Task<OffsetsDecision> DecideAsync(OffsetsWork work) =>
        ProjectReview.DecideAsync(work, Project, [ProjectStatus.Submitted], "validated",
            (_, programme) => (programme.Validator, "validation"),
            project =>
            {
                var validated = project with { Status = ProjectStatus.Validated };
                return work.Write(validated, null, "project.validated", Opinion,
                    new { opinion = Opinion, verifierOrganisation = work.Actor.OrganisationId }) with { Project = validated };
            });
}
