using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// The regulator sends a verified report back to its verifier with comments (退回核查机构), rather than to the company:
/// the report is under verification again with the same verification body, in the verifier's queue with the comments,
/// and its verification is recorded anew. The verification it had stays in the journal (this entry names its total).
/// </summary>
public sealed record ReturnToVerifier(long Report, string Comments) : IMrvCommand
{
    public sealed record Form(long? Report, string? Comments);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MrvRoles.Regulator;

    public static bool TryParse(Form form, [NotNullWhen(true)] out ReturnToVerifier? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        return MrvFields.TryReadReturn(form.Report, form.Comments, (report, comments) => new ReturnToVerifier(report, comments), out command, out errors);
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
        if (report!.Status != ReportStatus.Verified)
        {
            return MrvWork.WrongStep(report, "returned to its verifier");
        }
        return new MrvDecision.Write("mrv.report.returned-to-verifier", MrvWork.Subject(company!, report.Year), new
        {
            report = report.Id,
            comments = Comments,
            verifiedTonnes = report.Verification?.Verified.Value,
        })
        {
            Report = report with { Status = ReportStatus.Assigned, Verification = null, ReturnComment = Comments, ReturnedBy = work.Actor.Role },
        };
    }

    /// <summary>True when <paramref name="report"/> is back with its verifier on the regulator's comments.</summary>
    public static bool IsBackWithVerifier(MrvReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report is { Status: ReportStatus.Assigned, ReturnedBy: Role.Regulator, ReturnComment: not null };
    }
}
