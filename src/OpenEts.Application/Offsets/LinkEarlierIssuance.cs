using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Offsets;

/// <summary>
/// The programme's registrar links a verified monitoring report to credits the registry issued before the project was
/// on this register (the demo's classes, or a programme's credits issued elsewhere and migrated): the report's class
/// must have been issued in the registry in exactly the verified tonnes, and no other report of the project may claim
/// that class. Nothing is issued; the report becomes issued with the registry's owner and buffer quantities, so the
/// register and the registry agree.
/// </summary>
public sealed record LinkEarlierIssuance(long Report) : IOffsetsCommand
{
    public sealed record Form(long? Report);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => OffsetsRoles.Registrars;

    public static bool TryParse(Form form, [NotNullWhen(true)] out LinkEarlierIssuance? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var report = read.Id(form.Report, "report");
        command = read.IsValid ? new LinkEarlierIssuance(report) : null;
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
        if (report!.Status != MonitoringStatus.Verified || report.Verified is not { } verified)
        {
            return OffsetsWork.WrongStep(report, "linked to an issuance", [MonitoringStatus.Verified]);
        }
        if (programme!.Registrar != work.Actor.Role)
        {
            return OffsetsWork.NotProgrammeRole(programme, programme.Registrar, "issuance");
        }
        var unitClass = project!.ClassOf(report.Vintage);
        var issuances = (await work.Registry.AllOffsetIssuancesAsync(work.Session.CancellationToken).ConfigureAwait(false))
            .Where(i => i.Class == unitClass).ToList();
        var toOwner = issuances.Sum(i => i.OwnerQuantity);
        var toBuffer = issuances.Sum(i => i.BufferQuantity);
        if (issuances.Count == 0 || toOwner + toBuffer != verified)
        {
            return new OffsetsDecision.Refuse("NoMatchingIssuance", "report",
                $"the registry issued {toOwner + toBuffer} t of {unitClass}, not the {verified} t verified", RefusalKind.Conflict);
        }
        var others = await work.Session.Offsets.ReportsAsync(project.Id).ConfigureAwait(false);
        if (others.Any(r => r.Id != report.Id && r.Status == MonitoringStatus.Issued && r.Vintage == report.Vintage))
        {
            return new OffsetsDecision.Refuse("IssuanceLinked", "report", $"another report of {project.Reference} already holds {unitClass}",
                RefusalKind.Conflict);
        }
        var linked = report with { Status = MonitoringStatus.Issued, IssuedToOwner = toOwner, IssuedToBuffer = toBuffer };
        return work.Write(project, report.Id, "credits.linked", "", new
        {
            unitClass = unitClass.ToString(),
            verified,
            toOwner,
            toBuffer,
            issuances = issuances.Select(i => i.Number),
        }) with { Report = linked };
    }
}
