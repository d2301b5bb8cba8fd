using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Offsets;

/// <summary>
/// Returns a monitoring report to the owner with comments, by the role that holds it: the programme's verifier a
/// submitted report, its registrar a verified one (before issuance). The owner files it again with its id.
/// </summary>
public sealed record ReturnMonitoringReport(long Report, string Comments) : IOffsetsCommand
{
    public sealed record Form(long? Report, string? Comments);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => OffsetsRoles.Holders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out ReturnMonitoringReport? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var report = read.Id(form.Report, "report");
        var comments = read.Words(form.Comments, "comments", OffsetsFields.LongText);
        command = read.IsValid ? new ReturnMonitoringReport(report, comments) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<OffsetsDecision> DecideAsync(OffsetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (report, project, programme, refusal) = await work.ReportAsync(Report).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        if (report!.Status is not (MonitoringStatus.Submitted or MonitoringStatus.Verified))
        {
            return OffsetsWork.WrongStep(report, "returned", [MonitoringStatus.Submitted, MonitoringStatus.Verified]);
        }
        var holder = OffsetsRoles.HolderOf(programme!, report.Status);
        if (holder != work.Actor.Role)
        {
            return OffsetsWork.NotProgrammeRole(programme!, holder, $"returning a {report.Status.ToString().ToLowerInvariant()} report");
        }
        var returned = report with
        {
            Status = MonitoringStatus.Returned, ReturnComment = Comments, ReturnedBy = work.Actor.Role, Verified = null, Opinion = null,
            VerifierOrganisationId = null,
        };
        return work.Write(project!, report.Id, "report.returned", Comments, new { from = report.Status.ToString(), comments = Comments })
            with { Report = returned };
    }
}
