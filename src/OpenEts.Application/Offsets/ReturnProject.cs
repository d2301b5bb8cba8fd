using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Offsets;

/// <summary>
/// Returns a project to its owner with comments (退回), by the role that holds it: the programme's validator a submitted
/// project, its registrar a validated one. The owner files it again (<see cref="SubmitProject"/> with its id).
/// </summary>
public sealed record ReturnProject(long Project, string Comments) : IOffsetsCommand
{
    public sealed record Form(long? Project, string? Comments);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => OffsetsRoles.Holders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out ReturnProject? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var project = read.Id(form.Project, "project");
        var comments = read.Words(form.Comments, "comments", OffsetsFields.LongText);
        command = read.IsValid ? new ReturnProject(project, comments) : null;
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
        if (project!.Status is not (ProjectStatus.Submitted or ProjectStatus.Validated))
        {
            return OffsetsWork.WrongStep(project, "returned");
        }
        var holder = OffsetsRoles.HolderOf(programme!, project.Status);
        if (holder != work.Actor.Role)
        {
            return OffsetsWork.NotProgrammeRole(programme!, holder, $"returning a {project.Status.ToString().ToLowerInvariant()} project");
        }
        var returned = project with { Status = ProjectStatus.Returned, ReturnComment = Comments, ReturnedBy = work.Actor.Role };
        return work.Write(returned, null, "project.returned", Comments, new { from = project.Status.ToString(), comments = Comments })
            with { Project = returned };
    }
}
