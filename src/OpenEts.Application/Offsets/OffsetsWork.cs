using System.Globalization;
using System.Runtime.CompilerServices;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Offsets;

namespace OpenEts.Application.Offsets;

/// <summary>
/// What an offsets command decides on: the store inside the handler's transaction (to read), the registry's queries
/// (accounts, class attributes), who is asking, and now. The checks every command shares live here once.
/// </summary>
public sealed class OffsetsWork(IStoreSession session, RegistryQueries registry, Actor actor, DateTimeOffset now)
{
    public IStoreSession Session => session;

    public RegistryQueries Registry => registry;

    public Actor Actor => actor;

    public DateTimeOffset Now => now;

    /// <summary>
    /// The project with this id and its programme when it exists and the actor may see it
    /// (<see cref="OffsetsQueries.MaySee"/>); otherwise <see cref="OffsetsDecision.Missing"/>.
    /// </summary>
    public async Task<(OffsetProject? Project, Programme? Programme, OffsetsDecision? Refusal)> ProjectAsync(long id)
    {
        var project = await session.Offsets.FindProjectAsync(id).ConfigureAwait(false);
        return project is null || !OffsetsQueries.MaySee(actor, project)
            ? (null, null, new OffsetsDecision.Missing())
            : (project, Programmes.Of(project.Programme), null);
    }

    /// <summary>The monitoring report with this id, its project and programme, when the actor may see the project.</summary>
    public async Task<(MonitoringReport? Report, OffsetProject? Project, Programme? Programme, OffsetsDecision? Refusal)> ReportAsync(long id)
    {
        var report = await session.Offsets.FindReportAsync(id).ConfigureAwait(false);
        if (report is null)
        {
            return (null, null, null, new OffsetsDecision.Missing());
        }
        var (project, programme, refusal) = await ProjectAsync(report.ProjectId).ConfigureAwait(false);
        return (refusal is null ? report : null, project, programme, refusal);
    }

    /// <summary>True when the actor represents the project's owner organisation.</summary>
    public bool IsOwner(OffsetProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return actor.Role == Domain.Identity.Role.CompanyRepresentative && actor.OrganisationId == project.OrganisationId;
    }

    /// <summary>A status-history step by the actor, now (ids filled in by the handler when 0).</summary>
    public OffsetStep Step(long projectId, long? reportId, string step, string comments = "") =>
        new(0, projectId, reportId, now, step, actor.Role, actor.UserName, comments);

    /// <summary>A write of <paramref name="step"/> (journal kind <c>offsets.</c> + step) about <paramref name="project"/>.</summary>
    public OffsetsDecision.Write Write(OffsetProject project, long? reportId, string step, string comments, object payload)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new OffsetsDecision.Write("offsets." + step, project.Reference, Step(project.Id, reportId, step, comments), payload);
    }

    /// <summary>
    /// A refusal because the project is not at a step where this can be done: it names the project's state and the
    /// state(s) <paramref name="needs"/> the step needs (figures: the reference, the state, the states joined by " or ").
    /// </summary>
    public static OffsetsDecision.Refuse WrongStep(OffsetProject project, string what, IReadOnlyList<ProjectStatus> needs)
    {
        ArgumentNullException.ThrowIfNull(project);
        return WrongStep("ProjectStatus", "project", "project", project.Reference, what, Code(project.Status), needs.Select(Code));
    }

    /// <summary>A refusal because the monitoring report is not at a step where this can be done, as for a project.</summary>
    public static OffsetsDecision.Refuse WrongStep(MonitoringReport report, string what, IReadOnlyList<MonitoringStatus> needs)
    {
        ArgumentNullException.ThrowIfNull(report);
        return WrongStep("MonitoringStatus", "report", "monitoring report", report.Id.ToString(CultureInfo.InvariantCulture), what,
            Code(report.Status), needs.Select(Code));
    }

    // The step's own words (a constant of the use case) go into the sentence; the figures are the reference and the states.
    private static OffsetsDecision.Refuse WrongStep(string rule, string field, string noun, string reference, string what, string state,
        IEnumerable<string> needs) =>
        OffsetsDecision.Refuse.Of(rule, field, FormattableStringFactory.Create(
            noun + " {0} is {1}: it cannot be " + what + " now, only when {2}", reference, state, string.Join(" or ", needs)), RefusalKind.Conflict);

    private static string Code<TStatus>(TStatus status) where TStatus : struct, Enum => status.ToString().ToLowerInvariant();

    /// <summary>A refusal because the programme gives this step to another role.</summary>
    public static OffsetsDecision.Refuse NotProgrammeRole(Programme programme, Domain.Identity.Role? role, string what)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return new("NotProgrammeRole", "actor", $"{programme.Code}: {what} is done by the {role}", RefusalKind.Forbidden);
    }

    /// <summary>A refusal because only the project's owner may do this.</summary>
    public static OffsetsDecision.Refuse NotOwner(OffsetProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new("NotOwner", "actor", $"only the owner of {project.Reference} may do this", RefusalKind.Forbidden);
    }
}
