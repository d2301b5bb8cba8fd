using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Offsets;

/// <summary>The programme's registrar registers a validated project (备案): from now on it files monitoring reports.</summary>
public sealed record RegisterProject(long Project, string Comments) : IOffsetsCommand
{
    public sealed record Form(long? Project, string? Comments);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => OffsetsRoles.Registrars;

    public static bool TryParse(Form form, [NotNullWhen(true)] out RegisterProject? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var project = read.Id(form.Project, "project");
        var comments = read.Words(form.Comments, "comments", OffsetsFields.LongText, required: false);
        command = read.IsValid ? new RegisterProject(project, comments) : null;
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
        if (project!.Status != ProjectStatus.Validated)
        {
            return OffsetsWork.WrongStep(project, "registered");
        }
        if (programme!.Registrar != work.Actor.Role)
        {
            return OffsetsWork.NotProgrammeRole(programme, programme.Registrar, "registration");
        }
        var registered = project with { Status = ProjectStatus.Registered };
        return work.Write(registered, null, "project.registered", Comments, new { comments = Comments }) with { Project = registered };
    }
}
