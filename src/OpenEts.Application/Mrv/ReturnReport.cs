using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// Returns a report to its company with comments (退回), at any step after submission, by the role that holds it there:
/// the regulator a submitted or verified report, the assigned verifier a report under verification. The company edits
/// it and submits again.
/// </summary>
public sealed record ReturnReport(long Report, string Comments) : IMrvCommand
{
    public sealed record Form(long? Report, string? Comments);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MrvRoles.Holders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out ReturnReport? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return MrvFields.TryReadReturn(form.Report, form.Comments, (report, comments) => new ReturnReport(report, comments), out command, out errors);
    }

    /// <inheritdoc/>
    public async Task<MrvDecision> DecideAsync(MrvWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (report, company, refusal) = await work.ReportAsync(Report).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (report!.Status is not (ReportStatus.Submitted or ReportStatus.Assigned or ReportStatus.Verified))
        {
            return MrvWork.WrongStep(report, "returned");
        }
        if (MrvRoles.HolderOf(report.Status) != work.Actor.Role)
        {
            return new MrvDecision.Refuse("NotHolder", "actor",
                $"a {report.Status.ToString().ToLowerInvariant()} report is returned by the {MrvRoles.HolderOf(report.Status)}", RefusalKind.Forbidden);
        }
        return new MrvDecision.Write("mrv.report.returned", MrvWork.Subject(company!, report.Year), new
        {
            report = report.Id,
            from = report.Status,
            comments = Comments,
        }) { Report = report with { Status = ReportStatus.Returned, ReturnComment = Comments, ReturnedBy = work.Actor.Role } };
    }
}
