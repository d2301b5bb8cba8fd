using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// Saves a company's report for a year as a draft (草稿): its lines and outputs, recomputed with the current factor
/// library and checked against its monitoring plan. Only a representative of that company, and only while the report
/// is a draft or returned. A draft may hold errors; submitting it may not.
/// </summary>
/// <param name="Sector">The sector a template declared (an upload); a report in another sector than the company's is refused. Null from a form.</param>
/// <param name="Method">The accounting method a template declared (an upload); null from a form or the API, which name none: the report keeps
/// the method it has (a new one follows the sector guidelines), rather than a power-facility report turning into a sector-guideline one
/// (purchased electricity counted in its total) when a figure is corrected in the form.</param>
/// <param name="Region">The grid region typed; null when none is: the report keeps the region it has (a new one is
/// <see cref="DefaultRegion"/>'s), rather than a report filed for another grid going back to Guangdong's factor when a
/// figure is corrected through the API.</param>
public sealed record SaveDraftReport(int Year, string? Region, IReadOnlyList<ReportLine> Lines, IReadOnlyList<ProductionOutput> Outputs,
    Sector? Sector = null, AccountingMethod? Method = null) : IMrvCommand
{
    /// <summary>The grid region (and jurisdiction) when the request names none: the platform's market is Guangdong's.</summary>
    public const string DefaultRegion = "guangdong";

    /// <summary>The request as typed.</summary>
    public sealed record Form(int? Year, string? Region, IReadOnlyList<LineForm>? Lines, IReadOnlyList<OutputForm>? Outputs);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MrvRoles.Company;

    public static bool TryParse(Form form, [NotNullWhen(true)] out SaveDraftReport? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var year = read.ReportingYear(form.Year);
        var region = string.IsNullOrWhiteSpace(form.Region) ? null : read.Region(form.Region);
        var lines = read.Lines(form.Lines);
        var outputs = read.Outputs(form.Outputs);
        command = read.IsValid ? new SaveDraftReport(year, region, lines, outputs) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <summary>A report read from a filled template (already checked by the file's reader).</summary>
    public static SaveDraftReport From(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new SaveDraftReport(input.Year, string.IsNullOrWhiteSpace(input.Region) ? DefaultRegion : input.Region,
            input.Lines, input.Outputs, input.Sector, input.Method);
    }

    /// <inheritdoc/>
    public async Task<MrvDecision> DecideAsync(MrvWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.OwnOrganisationAsync().ConfigureAwait(false) is not { Kind: OrganisationKind.Company } company)
        {
            return new MrvDecision.Refuse("NotACompany", "actor", "only a covered company's representative files reports", RefusalKind.Forbidden);
        }
        if (Year is < MrvFields.FirstYear or > MrvFields.LastYear)
        {
            return new MrvDecision.Fail([new FieldError("year", "Range", $"year must be from {MrvFields.FirstYear} to {MrvFields.LastYear}")]);
        }
        if (Sector is { } sector && sector != company.Sector)
        {
            return new MrvDecision.Refuse("SectorMismatch", "sector",
                $"the report is for the {sector} sector, but {company.Name} is in {company.Sector}", RefusalKind.Conflict);
        }
        var existing = await work.Session.Mrv.FindReportAsync(company.Id, Year).ConfigureAwait(false);
        if (existing is not null && existing.Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            return MrvWork.WrongStep(existing, "edited");
        }
        var report = existing ?? new MrvReport(0, company.Id, Year, ReportStatus.Draft, company.Sector, DefaultRegion, [], [], default, "", work.Now);
        report = report with { Sector = company.Sector, Region = Region ?? report.Region, Lines = Lines, Outputs = Outputs, Method = Method ?? report.Method };
        var calculation = await MrvReview.CheckAsync(work.Session.Mrv, company.Id, report.Input).ConfigureAwait(false);
        report = report with { Reported = MrvReview.Total(calculation), FactorVersion = calculation.FactorLibraryVersion };
        return new MrvDecision.Write("mrv.report.saved", MrvWork.Subject(company, Year), new
        {
            year = Year,
            region = report.Region,
            lines = MrvJson.Lines(Lines),
            outputs = MrvJson.Outputs(Outputs),
            reportedTonnes = report.Reported.Value,
            factorVersion = report.FactorVersion,
            errors = calculation.Issues.Count(i => i.Severity == IssueSeverity.Error),
        }) { Report = report };
    }
}
