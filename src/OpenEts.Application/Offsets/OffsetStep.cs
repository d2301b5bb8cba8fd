using OpenEts.Domain.Identity;

namespace OpenEts.Application.Offsets;

/// <summary>One step of a project's status history (the journal has the same entry): who did what, when, with what comments.</summary>
/// <param name="Id">Storage id.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="ReportId">The monitoring report, for a report's step.</param>
/// <param name="At">When.</param>
/// <param name="Step">The journal kind without its <c>offsets.</c> prefix, e.g. <c>project.validated</c>.</param>
/// <param name="Role">The actor's role.</param>
/// <param name="UserName">The actor.</param>
/// <param name="Comments">Opinion or comments (may be empty).</param>
public sealed record OffsetStep(long Id, long ProjectId, long? ReportId, DateTimeOffset At, string Step, Role Role, string UserName, string Comments);
