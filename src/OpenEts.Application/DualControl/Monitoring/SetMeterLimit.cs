using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Offsets;
using OpenEts.Application.Registry;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// The regulator sets a meter point's permitted use per Beijing day (in the meter's unit) with its basis (a permit, an
/// energy budget, a decision), replacing any earlier limit. A day whose readings sum above it is an exceedance
/// (<see cref="MonitoringQueries.ExceedancesAsync(OpenEts.Application.Storage.IStoreSession, DateOnly, DateOnly)"/>).
/// </summary>
public sealed record SetMeterLimit(string Meter, MeterQuantity DailyLimit, string Basis) : IMonitoringCommand
{
    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Meter, decimal? DailyLimit, string? Basis);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => MonitoringRoles.Registrars;

    public static bool TryParse(Form form, [NotNullWhen(true)] out SetMeterLimit? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var meter = FieldReader.Text(form.Meter);
        if (meter.Length is 0 or > 64)
        {
            read.Fail("meter", "Required", "meter is the meter point's code");
        }
        var limit = read.DailyLimit(form.DailyLimit, "dailyLimit");
        var basis = read.Words(form.Basis, "basis", OffsetsFields.ShortText);
        errors = read.Errors;
        command = read.IsValid ? new SetMeterLimit(meter, limit, basis) : null;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<MonitoringCommandOutcome> ExecuteAsync(MonitoringWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.Data.FindMeterAsync(Meter).ConfigureAwait(false) is not { } meter)
        {
            return new MonitoringCommandOutcome.Refused("UnknownMeter", "meter", $"there is no meter point {Meter}", RefusalKind.Malformed);
        }
        return new MonitoringCommandOutcome.Completed(await SaveAsync(work, meter, DailyLimit, Basis).ConfigureAwait(false));
    }

    /// <summary>Saves and journals a meter's limit (also when a meter is registered with one).</summary>
    internal static async Task<MeterLimit> SaveAsync(MonitoringWork work, MeterPoint meter, MeterQuantity dailyLimit, string basis)
    {
        var limit = new MeterLimit(meter.Id, dailyLimit.Milli, basis, work.Now, work.Actor.UserName);
        await work.Data.SaveLimitAsync(limit).ConfigureAwait(false);
        await work.JournalAsync("limit.set", meter.Code, new
        {
            meter = meter.Id,
            code = meter.Code,
            dailyLimit = dailyLimit.Value,
            unitOfMeasure = meter.Unit,
            basis,
        }).ConfigureAwait(false);
        return limit;
    }
}
