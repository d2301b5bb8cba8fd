using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// The regulator assigns a verification body (核查机构) to a submitted report. The body must be a verifier organisation,
/// not the company itself, and must have declared no conflict of interest with the company (利益冲突声明): the request
/// carries the declaration, and a declared conflict is refused. Reassigning before verification is allowed.
/// </summary>
public sealed record AssignVerifier(long Report, CreditCode Verifier, ConflictDeclaration Declaration) : IMrvCommand
{
    /// <param name="ConflictOfInterest">The body's declaration: <c>none</c> or <c>conflicted</c>.</param>
    public sealed record Form(long? Report, string? Verifier, string? ConflictOfInterest);

    /// <summary>Who may assign: known before the form is read, so that anyone else is told so, not what the form lacks.</summary>
    public static IReadOnlyList<Role> Allowed => MrvRoles.Regulator;

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => Allowed;

    public static bool TryParse(Form form, [NotNullWhen(true)] out AssignVerifier? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var report = read.Report(form.Report);
        var parsed = CreditCode.Parse(form.Verifier?.Trim());
        if (parsed.Error != CreditCodeError.None)
        {
            read.Fail("verifier", parsed.Error.ToString(), $"verifier: '{form.Verifier}' is not a valid unified social credit code ({parsed.Error})");
        }
        var declaration = read.Enum<ConflictDeclaration>(form.ConflictOfInterest, "conflictOfInterest");
        command = read.IsValid ? new AssignVerifier(report, parsed.Code, declaration) : null;
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
        if (report!.Status is not (ReportStatus.Submitted or ReportStatus.Assigned))
        {
            return MrvWork.WrongStep(report, "assigned a verifier");
        }
        var body = await work.Session.Organisations.FindByCodeAsync(Verifier).ConfigureAwait(false);
        if (body is null)
        {
            return new MrvDecision.Refuse("UnknownOrganisation", "verifier", $"no organisation has the code {Verifier.Value}", RefusalKind.Conflict);
        }
        if (body.Id == company!.Id || Declaration == ConflictDeclaration.Conflicted)
        {
            return new MrvDecision.Refuse("ConflictOfInterest", body.Id == company.Id ? "verifier" : "conflictOfInterest",
                body.Id == company.Id ? $"{company.Name} cannot verify its own report"
                    : $"{body.Name} declared a conflict of interest with {company.Name}", RefusalKind.Conflict);
        }
        if (body.Kind != OrganisationKind.Verifier)
        {
            return new MrvDecision.Refuse("NotAVerifier", "verifier", $"{body.Name} is not a verification body", RefusalKind.Conflict);
        }
        var assigned = report with { Status = ReportStatus.Assigned, VerifierOrganisationId = body.Id };
        return new MrvDecision.Write("mrv.report.verifier-assigned", MrvWork.Subject(company, report.Year), new
        {
            report = report.Id,
            verifier = body.Code.Value,
            verifierName = body.Name,
            conflictOfInterest = "none",
        }) { Report = assigned };
    }
}

/// <summary>A verification body's declaration of conflict of interest with the company whose report it would verify.</summary>
public enum ConflictDeclaration
{
    /// <summary>Declares no conflict of interest: it may be assigned.</summary>
    None = 0,

    /// <summary>Declares a conflict: it may not be assigned.</summary>
    Conflicted,
}
