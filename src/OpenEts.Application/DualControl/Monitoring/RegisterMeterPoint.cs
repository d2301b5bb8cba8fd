using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// The regulator registers a meter point of a monitored unit: its code (unique on the platform), name, energy kind,
/// unit of measure and cadence (hourly or daily), the day readings are expected from (default: the unit's), and
/// optionally its permitted daily use with the basis (as <see cref="SetMeterLimit"/>, in the same transaction). A
/// pollutant meter (emission concentration or load) names its pollutant, and only a pollutant meter does; for a
/// concentration meter the limit is the concentration the day's mean may not exceed.
/// </summary>
public sealed record RegisterMeterPoint(long UnitId, string Code, string Name, EnergyKind Kind, string Unit, MeterCadence Cadence, DateOnly? MonitoredFrom,
    MeterQuantity? DailyLimit = null, string? LimitBasis = null, string? Pollutant = null)
    : IMonitoringCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(long? UnitId, string? Code, string? Name, string? Kind, string? Unit, string? Cadence, string? MonitoredFrom = null,
        decimal? DailyLimit = null, string? LimitBasis = null, string? Pollutant = null);

    /// <summary>The longest pollutant name, characters.</summary>
    public const int MaxPollutant = 40;

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MonitoringRoles.Registrars;

    public static bool TryParse(Form form, [NotNullWhen(true)] out RegisterMeterPoint? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        if (form.UnitId is not > 0)
        {
            read.Fail("unitId", "Required", "unitId is the id of a monitored unit");
        }
        var code = FieldReader.Text(form.Code);
        if (code.Length is 0 or > 64 || code.Any(c => char.IsWhiteSpace(c) || c == ','))
        {
            read.Fail("code", "Required", "code is the meter point's code, 1–64 characters without spaces or commas");
        }
        var name = FieldReader.Text(form.Name);
        if (name.Length is 0 or > 200)
        {
            read.Fail("name", "Required", "name is 1–200 characters");
        }
        var kind = read.Choice(form.Kind, "kind", Enum.GetValues<EnergyKind>());
        var pollutant = FieldReader.Text(form.Pollutant);
        var kindRead = read.Errors.All(e => e.Field != "kind");
        if (kindRead && kind.IsPollutant() && pollutant.Length is 0 or > MaxPollutant)
        {
            read.Fail("pollutant", "Required", $"a pollutant meter names its pollutant, e.g. SO2, NOx, COD (1–{MaxPollutant} characters)");
        }
        else if (kindRead && !kind.IsPollutant() && pollutant.Length > 0)
        {
            read.Fail("pollutant", "NotAPollutantMeter", "only a pollutant meter (emission concentration or load) names a pollutant");
        }
        var unit = FieldReader.Text(form.Unit);
        if (unit.Length is 0 or > 16)
        {
            read.Fail("unit", "Required", "unit is the unit of measure, e.g. kWh, m³, t, GJ (1–16 characters)");
        }
        var cadence = read.Choice(form.Cadence, "cadence", Enum.GetValues<MeterCadence>());
        DateOnly? from = string.IsNullOrWhiteSpace(form.MonitoredFrom) ? null : read.Day(form.MonitoredFrom, "monitoredFrom");
        MeterQuantity? limit = null;
        string? basis = null;
        if (form.DailyLimit is not null || !string.IsNullOrWhiteSpace(form.LimitBasis))
        {
            limit = read.DailyLimit(form.DailyLimit, "dailyLimit");
            basis = read.Words(form.LimitBasis, "limitBasis", OffsetsFields.ShortText);
        }
        errors = read.Errors;
        command = read.IsValid ? new RegisterMeterPoint(form.UnitId!.Value, code, name, kind, unit, cadence, from, limit, basis,
            pollutant.Length == 0 ? null : pollutant) : null;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<MonitoringCommandOutcome> ExecuteAsync(MonitoringWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Data.FindUnitAsync(UnitId).ConfigureAwait(false) is not { } unit)
        {
            return new MonitoringCommandOutcome.Refused("UnknownUnit", "unitId", $"there is no monitored unit {UnitId}", RefusalKind.Malformed);
        }
        if (await work.Data.FindMeterAsync(Code).ConfigureAwait(false) is not null)
        {
            return new MonitoringCommandOutcome.Refused("AlreadyRegistered", "code", $"meter point {Code} exists already", RefusalKind.Conflict);
        }
        var meter = await work.Data.InsertMeterAsync(new MeterPoint(0, unit.Id, Code, Name, Kind, Unit, Cadence, MonitoredFrom ?? unit.MonitoredFrom, Pollutant))
            .ConfigureAwait(false);
        await work.JournalAsync("meter.registered", Code, new
        {
            meter = meter.Id,
            unit = unit.Id,
            organisation = unit.OrganisationId,
            code = Code,
            name = Name,
            kind = Kind.ToString(),
            unitOfMeasure = Unit,
            cadence = Cadence.ToString(),
            monitoredFrom = meter.MonitoredFrom,
            pollutant = Pollutant,
        }).ConfigureAwait(false);
        if (DailyLimit is { } limit)
        {
            await SetMeterLimit.SaveAsync(work, meter, limit, LimitBasis ?? "").ConfigureAwait(false);
        }
        return new MonitoringCommandOutcome.Completed(meter);
    }
}
