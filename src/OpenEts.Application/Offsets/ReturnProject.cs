using System.Diagnostics.CodeAnalysis;
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
        return ProjectReview.TryParse(form.Project, form.Comments, "comments", textRequired: true, (p, c) => new ReturnProject(p, c),
            out command, out errors);
    }

    /// <inheritdoc/>
    public Task<OffsetsDecision> DecideAsync(OffsetsWork work) =>
        ProjectReview.DecideAsync(work, Project, [ProjectStatus.Submitted, ProjectStatus.Validated], "returned",
            (project, programme) => (OffsetsRoles.HolderOf(programme, project.Status),
                $"returning a {project.Status.ToString().ToLowerInvariant()} project"),
            project =>
            {
                var returned = project with { Status = ProjectStatus.Returned, ReturnComment = Comments, ReturnedBy = work.Actor.Role };
                return work.Write(returned, null, "project.returned", Comments, new { from = project.Status.ToString(), comments = Comments })
                    with { Project = returned };
            });
}
