using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Mrv;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Mrv;

/// <summary>
/// The regulator sets a jurisdiction's MRV deadlines for a reporting year: when reports and verification reports are
/// due (dates, China Standard Time, inclusive). Submissions and verifications after them are flagged late.
/// </summary>
public sealed record SetReportingDeadline(ReportingDeadline Deadline) : IMrvCommand
{
    /// <param name="ReportsDue">yyyy-MM-dd.</param>
    /// <param name="VerificationDue">yyyy-MM-dd, not before <paramref name="ReportsDue"/>.</param>
    public sealed record Form(string? Jurisdiction, int? Year, string? ReportsDue, string? VerificationDue);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MrvRoles.Regulator;

    public static bool TryParse(Form form, [NotNullWhen(true)] out SetReportingDeadline? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var jurisdiction = read.Text(form.Jurisdiction, "jurisdiction", MrvFields.CodeLength).ToLowerInvariant();
        if (jurisdiction.Length > 0 && !GridRegions.IsKnown(jurisdiction))
        {
            read.Fail("jurisdiction", "UnknownGridRegion", GridRegions.Unknown("jurisdiction", jurisdiction));
        }
        var year = read.ReportingYear(form.Year);
        var reports = Date(read, form.ReportsDue, "reportsDue");
        var verification = Date(read, form.VerificationDue, "verificationDue");
        if (read.IsValid && verification < reports)
        {
            read.Fail("verificationDue", "Range", "verificationDue must not be before reportsDue");
        }
        command = read.IsValid ? new SetReportingDeadline(new ReportingDeadline(jurisdiction, year, reports, verification)) : null;
        errors = read.Errors;
        return command is not null;
    }

    private static DateOnly Date(FieldReader read, string? text, string field)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        read.Fail(field, "DateTime", $"{field} must be a date as yyyy-MM-dd");
        return default;
    }

    /// <inheritdoc/>
    public Task<MrvDecision> DecideAsync(MrvWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Task.FromResult<MrvDecision>(new MrvDecision.Write("mrv.deadline.set", $"{Deadline.Jurisdiction}/{Deadline.Year}", new
        {
            jurisdiction = Deadline.Jurisdiction,
            year = Deadline.Year,
            reportsDue = Deadline.ReportsDue,
            verificationDue = Deadline.VerificationDue,
        }) { Deadline = Deadline });
    }
}
