using OpenEts.Domain.Identity;

namespace OpenEts.Application.Mrv;

/// <summary>Who may ask MRV for what, by role; each command then checks the report (its company, its verifier).</summary>
public static class MrvRoles
{
    /// <summary>Fill in, submit and plan the reports of their own company.</summary>
    public static IReadOnlyList<Role> Company { get; } = [Role.CompanyRepresentative];

    /// <summary>Verify the reports their verification body is assigned.</summary>
    public static IReadOnlyList<Role> Verifier { get; } = [Role.Verifier];

    /// <summary>Assign verifiers, approve, set deadlines.</summary>
    public static IReadOnlyList<Role> Regulator { get; } = [Role.Regulator];

    /// <summary>Return a report with comments: whoever holds it at its step (checked per report).</summary>
    public static IReadOnlyList<Role> Holders { get; } = [Role.Regulator, Role.Verifier];

    /// <summary>Read reports: the regulator and the auditor all, a company its own, a verifier those assigned to it.</summary>
    public static IReadOnlyList<Role> Readers { get; } = [Role.Regulator, Role.Auditor, Role.CompanyRepresentative, Role.Verifier];

    /// <summary>Who holds a report at <paramref name="status"/>: the role that acts next (and may return it).</summary>
    public static Role? HolderOf(ReportStatus status) => status switch
    {
        ReportStatus.Draft or ReportStatus.Returned => Role.CompanyRepresentative,
        ReportStatus.Submitted or ReportStatus.Verified => Role.Regulator,
        ReportStatus.Assigned => Role.Verifier,
        _ => null,
    };
}
