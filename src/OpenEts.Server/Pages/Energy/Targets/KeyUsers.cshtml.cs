using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Energy.Targets;

/// <summary>
/// Key energy users (重点用能单位): the regulator designates them and sees each one's budget, use and its company's
/// approved emissions from MRV beside its energy; a company's representative sees its own units and files their annual report.
/// </summary>
[Authorize(Roles = Access.EnergyProgressReaders)]
public sealed class KeyUsersModel(EnergyTargetsQueries queries, EnergyTargetsCommandHandler handler, MonitoringQueries monitoring, TimeProvider clock)
    : EnergyPageModel
{
    /// <summary>The year filter's year, read from the address only: a report posted for another year keeps its year in its own form.</summary>
    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    public IReadOnlyList<KeyUserProgress> Progress { get; private set; } = [];

    public IReadOnlyList<CarbonBeside> Carbon { get; private set; } = [];

    public bool IsOverseer { get; private set; }

    /// <summary>The linked monitored unit's data quality over the last 30 days, by key-user code (read through the monitoring queries).</summary>
    public IReadOnlyDictionary<string, UnitQuality> Monitoring { get; private set; } = new Dictionary<string, UnitQuality>();

    public string? Done { get; private set; }

    /// <summary>The designation as posted, when it failed (null otherwise): the form shows it again.</summary>
    public DesignateKeyUser.Form? Designation { get; private set; }

    /// <summary>The annual report as posted, when it failed (null otherwise): the form shows it again.</summary>
    public RecordAnnualReport.Form? AnnualReport { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ReadAddressYear();
        await LoadAsync(fromAddress: true, ct);
    }

    public async Task<IActionResult> OnPostDesignateAsync(DesignateKeyUser.Form form, CancellationToken ct)
    {
        if (!DesignateKeyUser.TryParse(form, out var command, out var errors))
        {
            FileFields(errors);
        }
        else if (Report(await handler.HandleAsync(User.Actor(), command, ct)))
        {
            Done = command.Code.Value;
        }
        Designation = Done is null ? form : null;
        await LoadAsync(fromAddress: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReportAsync(RecordAnnualReport.Form form, CancellationToken ct)
    {
        // A figure typed but not read (abc, １００, 1e30) reaches the command as not given; it is refused as typed.
        var unbound = Unbound.Errors(ModelState);
        if (!RecordAnnualReport.TryParse(form, out var command, out var errors) || unbound.Count > 0)
        {
            FileFields([.. unbound, .. errors]);
        }
        else if (Report(await handler.HandleAsync(User.Actor(), command, ct)))
        {
            Done = command.KeyUser.Value;
        }
        AnnualReport = Done is null ? form : null;
        await LoadAsync(fromAddress: false, ct);
        return Page();
    }

    /// <summary>A posted field's text: as typed when it could not be read, else <paramref name="bound"/> as the form shows it.</summary>
    public string? Typed(string key, IFormattable? bound) =>
        Unbound.Typed(ModelState, key, bound) is { Length: > 0 } text ? text : null;

    private async Task LoadAsync(bool fromAddress, CancellationToken ct)
    {
        var lastYear = await queries.OpeningYearAsync(clock.GetUtcNow(), ct);
        var actor = User.Actor();
        IsOverseer = EnergyTargetsQueries.IsOverseer(actor);
        var answer = await queries.ProgressAsync(actor, Year ??= lastYear, ct);
        if (answer.Errors.Count > 0)
        {
            // A year no target can name is refused with its rule, and the page shows last year's figures beside it.
            FileFields(answer.Errors);
            if (fromAddress)
            {
                AddressYear = new(answer.Errors[0], Year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            Year = lastYear;
            answer = await queries.ProgressAsync(actor, lastYear, ct);
        }
        Progress = answer.Rows;
        Carbon = await queries.CarbonBesideAsync(actor, Year.Value, ct);
        Monitoring = (await monitoring.KeyUserQualityAsync(actor, ct)).ToDictionary(q => q.KeyUserCode, q => q.Quality, StringComparer.Ordinal);
    }
}
