using System.Diagnostics.CodeAnalysis;
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
        return ProjectReview.TryParse(form.Project, form.Comments, "comments", textRequired: false, (p, c) => new RegisterProject(p, c),
            out command, out errors);
    }

    /// <inheritdoc/>
    public Task<OffsetsDecision> DecideAsync(OffsetsWork work) =>
        ProjectReview.DecideAsync(work, Project, [ProjectStatus.Validated], "registered",
            (_, programme) => (programme.Registrar, "registration"),
            project =>
            {
                var registered = project with { Status = ProjectStatus.Registered };
                return work.Write(registered, null, "project.registered", Comments, new { comments = Comments }) with { Project = registered };
            });
}
