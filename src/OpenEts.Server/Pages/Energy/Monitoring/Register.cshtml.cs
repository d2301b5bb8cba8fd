using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.DualControl.Targets;
using OpenEts.Application.Organisations;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Energy.Monitoring;

/// <summary>
/// Monitored units and their meter points (在线监测单位与计量点): the regulator registers units and meters, sets a meter's
/// permitted daily use and links a unit to its key-user designation; a company's representative and the auditor read
/// the units they may see. Every error names its field, beside the field.
/// </summary>
[Authorize(Roles = Access.EnergyMonitoringReaders)]
public sealed class RegisterModel(MonitoringQueries queries, MonitoringCommandHandler handler, OrganisationService organisations,
    EnergyTargetsQueries targets) : PageModel
{
    [BindProperty]
    public RegisterMonitoredUnit.Form UnitForm { get; set; } = new(null, null, null);

    [BindProperty]
    public RegisterMeterPoint.Form MeterForm { get; set; } = new(null, null, null, nameof(Domain.DualControl.Monitoring.EnergyKind.Electricity), "kWh",
        nameof(Domain.DualControl.Monitoring.MeterCadence.Hourly));

    [BindProperty]
    public SetMeterLimit.Form LimitForm { get; set; } = new(null, null, null);

    [BindProperty]
    public LinkKeyUser.Form LinkForm { get; set; } = new(null, null);

    public IReadOnlyList<MonitoredUnit> Units { get; private set; } = [];

    public Dictionary<long, IReadOnlyList<MeterPoint>> Meters { get; } = [];

    public Dictionary<long, MeterLimit> Limits { get; } = [];

    public Dictionary<long, string> Links { get; private set; } = [];

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public IReadOnlyList<KeyEnergyUser> KeyUsers { get; private set; } = [];

    /// <summary>Errors by form and field (<c>meter.code</c>); "" for the banner.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Done { get; private set; }

    public bool IsRegistrar => User.IsInRole(nameof(Role.Regulator));

    public string? Error(string form, string field) => Errors.GetValueOrDefault($"{form}.{field}");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostUnitAsync(CancellationToken ct) =>
        SendAsync("unit", RegisterMonitoredUnit.TryParse(UnitForm, out var command, out var errors), command, errors,
            r => $"{Text.T("emr.unitregistered")} #{((MonitoredUnit)r).Id}", ct);

    public Task<IActionResult> OnPostMeterAsync(CancellationToken ct) =>
        SendAsync("meter", RegisterMeterPoint.TryParse(MeterForm, out var command, out var errors), command, errors,
            r => $"{Text.T("emr.meterregistered")} {((MeterPoint)r).Code}", ct);

    public Task<IActionResult> OnPostLimitAsync(CancellationToken ct) =>
        SendAsync("limit", SetMeterLimit.TryParse(LimitForm, out var command, out var errors), command, errors,
            _ => $"{Text.T("emr.limitset")} {command?.Meter}", ct);

    public Task<IActionResult> OnPostLinkAsync(CancellationToken ct) =>
        SendAsync("link", LinkKeyUser.TryParse(LinkForm, out var command, out var errors), command, errors,
            r => $"{Text.T("emr.linked")} {((UnitKeyUser)r).KeyUserCode}", ct);

    // One step for every form: a parsed command is sent, and its outcome (or the parse errors) is filed beside the
    // form's fields; the page is then shown again with the lists reloaded.
    private async Task<IActionResult> SendAsync(string form, bool parsed, IMonitoringCommand? command,
        IReadOnlyList<FieldError> errors, Func<object, string> done, CancellationToken ct)
    {
        // A figure typed but not readable (a daily limit of 1e30) is left empty by the binder, which the use case would
        // take as not given: it is refused as typed instead.
        var unbound = Unbound.Errors(ModelState);
        var outcome = unbound.Count == 0 && parsed && command is not null
            ? await handler.HandleAsync(User.Actor(), command, ct)
            : new MonitoringCommandOutcome.Invalid([.. unbound, .. errors]);
        switch (outcome)
        {
            case MonitoringCommandOutcome.Completed c:
                Done = done(c.Result);
                break;
            case MonitoringCommandOutcome.Invalid i:
                FileErrors(form, i.Errors);
                break;
            case MonitoringCommandOutcome.Refused r:
                FileErrors(form, [new FieldError(r.Field, r.Rule, r.Message)]);
                break;
            default:
                Errors.TryAdd("", Text.T("rule.Role"));
                break;
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>An input's text: as typed when it could not be read as a number, else the bound value.</summary>
    public string Typed(string key, decimal? bound) => Unbound.Typed(ModelState, key, bound);

    private void FileErrors(string form, IReadOnlyList<FieldError> errors)
    {
        foreach (var e in errors)
        {
            Errors.TryAdd($"{form}.{e.Field}", RuleText.Field(e));
        }
        Errors.TryAdd("", Text.T("fixerrors"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = User.Actor();
        Units = await queries.UnitsAsync(actor, ct) ?? [];
        foreach (var unit in Units)
        {
            Meters[unit.Id] = await queries.MetersAsync(actor, unit.Id, ct) ?? [];
            foreach (var limit in await queries.LimitsAsync(actor, unit.Id, ct) ?? [])
            {
                Limits[limit.MeterId] = limit;
            }
        }
        Links = (await queries.KeyUserLinksAsync(actor, ct)).ToDictionary(l => l.UnitId, l => l.KeyUserCode);
        if (IsRegistrar)
        {
            var monitored = Units.Select(u => u.OrganisationId).ToHashSet();
            Organisations = [.. (await organisations.ListAsync(new OrganisationFilter(), ct)).Where(o => !monitored.Contains(o.Id))];
            KeyUsers = await targets.KeyUsersAsync(actor, ct);
        }
    }
}
