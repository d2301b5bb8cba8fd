using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// Submits a company's report (提交): recomputed with the current factor library; refused with the calculation's errors
/// when it has any; flagged late when filed after the jurisdiction's reporting deadline. A resubmission after a return
/// starts verification afresh.
/// </summary>
public sealed record SubmitReport(long Report) : IMrvCommand
{
    public sealed record Form(long? Report);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MrvRoles.Company;

    public static bool TryParse(Form form, [NotNullWhen(true)] out SubmitReport? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var report = read.Report(form.Report);
        command = read.IsValid ? new SubmitReport(report) : null;
        errors = read.Errors;
        return command is not null;
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
        if (report!.Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            return MrvWork.WrongStep(report, "submitted");
        }
        var calculation = await MrvReview.CheckAsync(work.Session.Mrv, report.OrganisationId, report.Input).ConfigureAwait(false);
        if (!calculation.IsValid)
        {
            return new MrvDecision.Fail(MrvWork.ErrorsOf(calculation));
        }
        if (report.Lines.Count == 0)
        {
            return new MrvDecision.Refuse("EmptyReport", "lines", "a report needs at least one emission source", RefusalKind.Conflict);
        }
        var deadline = await work.Session.Mrv.FindDeadlineAsync(report.Region, report.Year).ConfigureAwait(false);
        var late = deadline is not null && ReportingDeadline.IsAfter(work.Now, deadline.ReportsDue);
        var submitted = report with
        {
            Status = ReportStatus.Submitted,
            Reported = MrvReview.Total(calculation),
            FactorVersion = calculation.FactorLibraryVersion,
            SubmittedAt = work.Now,
            Late = late,
            VerifierOrganisationId = null,
            Verification = null,
            ReturnComment = null,
            ReturnedBy = null,
        };
        return new MrvDecision.Write("mrv.report.submitted", MrvWork.Subject(company!, report.Year), new
        {
            report = report.Id,
            reportedTonnes = submitted.Reported.Value,
            factorVersion = submitted.FactorVersion,
            late,
            reportsDue = deadline?.ReportsDue,
        }) { Report = submitted };
    }
}
