using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Offsets;

/// <summary>
/// What the review steps on a project share (<see cref="ValidateProject"/>, <see cref="ReturnProject"/>,
/// <see cref="RegisterProject"/>): a form of the project's id and one text, and a decision that loads the project, checks
/// it stands at the step, that the actor holds the programme's role for it, then writes the step.
/// </summary>
internal static class ProjectReview
{
    /// <summary>Reads the project's id and the step's text (an opinion or comments) into a command.</summary>
    public static bool TryParse<TCommand>(long? project, string? text, string textField, bool textRequired, Func<long, string, TCommand> make,
        [NotNullWhen(true)] out TCommand? command, out IReadOnlyList<FieldError> errors)
        where TCommand : class
    {
        var read = new FieldReader();
        var id = read.Id(project, "project");
        var words = read.Words(text, textField, OffsetsFields.LongText, textRequired);
        command = read.IsValid ? make(id, words) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <summary>
    /// Decides a review step: refused when the project is unknown or not the actor's to see, when it is not at a step
    /// <paramref name="from"/> lists (<paramref name="what"/> names the step in the refusal), or when the actor's role is
    /// not the one <paramref name="holder"/> names (with the words for the refusal); else the step <paramref name="write"/> makes.
    /// </summary>
    public static async Task<OffsetsDecision> DecideAsync(OffsetsWork work, long projectId, IReadOnlyList<ProjectStatus> from, string what,
        Func<OffsetProject, Programme, (Role? Role, string Words)> holder, Func<OffsetProject, OffsetsDecision.Write> write)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (project, programme, refusal) = await work.ProjectAsync(projectId).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!from.Contains(project!.Status))
        {
            return OffsetsWork.WrongStep(project, what, from);
        }
        var (role, words) = holder(project, programme!);
        if (role != work.Actor.Role)
        {
            return OffsetsWork.NotProgrammeRole(programme!, role, words);
        }
        return write(project);
    }
}
