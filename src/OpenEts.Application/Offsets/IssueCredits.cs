using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Offsets;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Offsets;

/// <summary>
/// The programme's registrar issues a verified monitoring report's credits (签发): through the registry's own use cases,
/// it defines the class <c>PROGRAMME-PROJECT-VINTAGE</c> when it is new (<see cref="DefineOffsetClass"/>) and issues the
/// verified tonnes into the owner's holding account with the methodology's buffer share withheld to the programme's
/// buffer account (<see cref="IssueOffsets"/>). Both carry idempotency keys derived from the class and the report, so a
/// retry after a failure issues nothing twice.
/// </summary>
public sealed record IssueCredits(long Report) : IOffsetsCommand
{
    /// <summary>The registry's buffer account for withheld shares (the platform's one buffer account for every programme).</summary>
    public static AccountNumber BufferAccount { get; } = AccountNumber.From("GD-BUFFER");

    public sealed record Form(long? Report);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => OffsetsRoles.Registrars;

    public static bool TryParse(Form form, [NotNullWhen(true)] out IssueCredits? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var report = read.Id(form.Report, "report");
        command = read.IsValid ? new IssueCredits(report) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <summary>The idempotency key of a report's issuance.</summary>
    public static IdempotencyKey KeyOf(long report) => IdempotencyKey.From($"offsets-issue-{report}");

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
            return OffsetsWork.WrongStep(report, "issued", [MonitoringStatus.Verified]);
        }
        if (programme!.Registrar != work.Actor.Role)
        {
            return OffsetsWork.NotProgrammeRole(programme, programme.Registrar, "issuance");
        }
        var methodology = programme.FindMethodology(project!.Details.Methodology)!;
        var share = SubmitMonitoringReport.BufferOf(methodology);
        var unitClass = project.ClassOf(report.Vintage);
        var commands = new List<IRegistryCommand>();
        var attributes = await work.Registry.UnitAttributesAsync(unitClass, work.Session.CancellationToken).ConfigureAwait(false);
        if (attributes is not { Defined: true })
        {
            commands.Add(new DefineOffsetClass(unitClass, project.Details.Title, project.Details.Category, project.Details.Province,
                project.Details.PreCdm, IdempotencyKey.From($"offsets-define-{unitClass}")));
        }
        var reference = $"{project.Reference} 监测报告 {report.Id} ({report.PeriodStart:yyyy-MM-dd} – {report.PeriodEnd:yyyy-MM-dd})";
        commands.Add(new IssueOffsets(unitClass, AllowanceCount.From(verified), AccountNumber.From(project.HoldingAccount),
            share.IsNone ? null : BufferAccount, share, reference, KeyOf(report.Id)));
        var buffer = share.WithheldFrom(verified);
        var issued = report with { Status = MonitoringStatus.Issued, IssuedToOwner = verified - buffer, IssuedToBuffer = buffer };
        return new OffsetsDecision.ThroughRegistry(commands, work.Write(project, report.Id, "credits.issued", "", new
        {
            unitClass = unitClass.ToString(),
            verified,
            toOwner = verified - buffer,
            toBuffer = buffer,
            buffer = share.ToString(),
            owner = project.HoldingAccount,
        }) with { Report = issued });
    }
}
