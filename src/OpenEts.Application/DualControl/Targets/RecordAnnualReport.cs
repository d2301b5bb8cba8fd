using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Targets;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Targets;

/// <summary>
/// A key energy user files its annual energy report (energy used, industrial value added): its company's representative
/// for its own unit, or the regulator for any. Filing a year again replaces the figures; the journal keeps both.
/// </summary>
public sealed record RecordAnnualReport(UnitCode KeyUser, int Year, Tce Energy, EconomicOutput ValueAdded) : IEnergyTargetsCommand
{
    public sealed record Form(string? KeyUser, int? Year, decimal? EnergyTce, decimal? ValueAddedWanYuan);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => EnergyTargetsRoles.Reporters;

    public static bool TryParse(Form form, [NotNullWhen(true)] out RecordAnnualReport? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var code = read.UnitCode(form.KeyUser, "keyUser");
        var year = read.TargetYear(form.Year);
        if (!Tce.TryCreate(form.EnergyTce, out var energy, out var energyReason))
        {
            read.Fail("energyTce", "Tce", $"energyTce: {energyReason}");
        }
        if (!EconomicOutput.TryCreate(form.ValueAddedWanYuan, out var added, out var addedReason))
        {
            read.Fail("valueAddedWanYuan", "Output", $"valueAddedWanYuan: {addedReason}");
        }
        command = read.IsValid ? new RecordAnnualReport(code, year, energy, added) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<EnergyTargetsOutcome> ExecuteAsync(EnergyTargetsWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var today = RecordStatistics.BeijingDay(work.Now);
        if (Year >= today.Year)
        {
            var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return new EnergyTargetsOutcome.Invalid([FieldError.Of("year", "PeriodNotOver", $"year: the period {Year} has not ended yet; today is {day}")]);
        }
        var user = await work.Data.FindKeyUserAsync(KeyUser).ConfigureAwait(false);
        if (user is null)
        {
            return new EnergyTargetsOutcome.Refused("UnknownKeyUser", "keyUser", $"{KeyUser} is not a designated key energy user", RefusalKind.Conflict);
        }
        if (work.Actor.Role == Role.CompanyRepresentative && (user.OrganisationId is null || user.OrganisationId != work.Actor.OrganisationId))
        {
            return new EnergyTargetsOutcome.Refused("NotYourKeyUser", "keyUser", $"{KeyUser} is not your company's unit", RefusalKind.Forbidden);
        }
        var report = new AnnualEnergyReport(KeyUser, Year, Energy, ValueAdded, work.Now, work.Actor.UserName);
        await work.Data.SaveAnnualReportAsync(report).ConfigureAwait(false);
        await work.JournalAsync("annual-report.filed", KeyUser.Value, new
        {
            keyUser = KeyUser.Value,
            year = Year,
            energyTce = Energy.Value,
            valueAddedWanYuan = ValueAdded.WanYuan,
        }).ConfigureAwait(false);
        return new EnergyTargetsOutcome.Completed(report);
    }
}
