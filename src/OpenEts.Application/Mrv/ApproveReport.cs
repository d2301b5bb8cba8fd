using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// The regulator approves a verified report (审定): the approved total is the verified calculation rounded for the report
/// (<see cref="Domain.Quantities.Tonnes.RoundForReport"/>), with the report's outputs and the verification's factor
/// library. Allocation and compliance read these through <see cref="MrvQueries"/>.
/// </summary>
public sealed record ApproveReport(long Report) : IMrvCommand
{
    public sealed record Form(long? Report);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MrvRoles.Regulator;

    public static bool TryParse(Form form, [NotNullWhen(true)] out ApproveReport? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var report = read.Report(form.Report);
        command = read.IsValid ? new ApproveReport(report) : null;
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
        if (report!.Status != ReportStatus.Verified || report.Verification is not { } verification)
        {
            return MrvWork.WrongStep(report, "approved");
        }
        return new MrvDecision.Write("mrv.report.approved", MrvWork.Subject(company!, report.Year), new
        {
            report = report.Id,
            approvedTonnes = verification.Verified.Value,
            // The outputs approved are the verified ones (a verifier may have adjusted them): allocation's true-up reads those.
            outputs = MrvJson.Outputs(report.VerifiedInput.Outputs),
            factorVersion = verification.FactorVersion,
        }) { Report = report with { Status = ReportStatus.Approved, Approved = verification.Verified, ApprovedAt = work.Now } };
    }
}
