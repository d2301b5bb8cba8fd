using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
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
        var read = new FieldReader();
        var project = read.Id(form.Project, "project");
        var opinion = read.Words(form.Opinion, "opinion", OffsetsFields.LongText);
        command = read.IsValid ? new ValidateProject(project, opinion) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<OffsetsDecision> DecideAsync(OffsetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (project, programme, refusal) = await work.ProjectAsync(Project).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (project!.Status != ProjectStatus.Submitted)
        {
            return OffsetsWork.WrongStep(project, "validated");
        }
        if (programme!.Validator != work.Actor.Role)
        {
            return OffsetsWork.NotProgrammeRole(programme, programme.Validator, "validation");
        }
        var validated = project with { Status = ProjectStatus.Validated };
        return work.Write(validated, null, "project.validated", Opinion, new { opinion = Opinion, verifierOrganisation = work.Actor.OrganisationId })
            with { Project = validated };
    }
}
