using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

/// <summary>
/// Online energy monitoring of key energy users (重点用能单位能耗在线监测): <c>/api/v1/energy/monitoring</c>. The regulator
/// registers units and meter points; a key user's access system (接入端) sends readings in idempotent, all-or-nothing
/// batches for its own meters; faults, repairs and calibrations are recorded; the data-quality dashboards are read by the
/// regulator and the auditor (all) and companies (their own). Parse → call → map.
/// </summary>
internal static partial class EnergyMonitoringEndpoints
{
    public static void MapEnergyMonitoringApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/energy/monitoring").WithTags("EnergyMonitoring");
        group.MapPost("/units", RegisterUnitAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringRegistrar })
            .WithSummary("Put a key energy user (an organisation of the covered-entity list, by id) under online monitoring");
        group.MapGet("/units", UnitsAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringReaders })
            .WithSummary("Monitored units (a company sees its own)");
        group.MapPost("/meters", RegisterMeterAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringRegistrar })
            .WithSummary("Register a meter point of a unit: code, name, energy kind, unit of measure, cadence (hourly or daily)");
        group.MapPost("/limits", LimitAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringRegistrar })
            .WithSummary("Set a meter point's permitted use per day (in its unit) with its basis; a day whose readings sum above it is an exceedance");
        group.MapGet("/exceedances", ExceedancesAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringReaders })
            .WithSummary("Days a meter's readings summed above its permitted daily use (from, to: yyyy-MM-dd; default the last 30 days; a company sees its own)");
        group.MapPost("/units/{id}/key-user", LinkAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringRegistrar })
            .WithSummary("Link a monitored unit to the designation of the key energy user it is (its unit code, e.g. NX-KU-01)");
        group.MapGet("/units/{id}/meters", MetersAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringReaders })
            .WithSummary("A unit's meter points");
        group.MapPost("/readings", IngestAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringSenders })
            .WithSummary("Send a batch of readings (and monthly figures): all or nothing, every bad row named; a resent batch (same batchId and content) changes nothing and says so");
        group.MapPost("/faults", FaultAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringSenders })
            .WithSummary("Report a meter fault (repair due within 3 working days, else escalated)");
        group.MapPost("/faults/{id}/repair", RepairAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringSenders })
            .WithSummary("Record a fault's repair");
        group.MapPost("/calibrations", CalibrationAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringSenders })
            .WithSummary("Record a meter's calibration or replacement with its certificate");
        group.MapGet("/quality", OverviewAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringReaders })
            .WithSummary("Data quality of every unit and region over a period (from, to: yyyy-MM-dd; default the last 30 days; region optional)");
        group.MapGet("/units/{id}/quality", UnitQualityAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.EnergyMonitoringReaders })
            .WithSummary("A unit's data-quality dashboard: meters, flags, daily trend, faults, calibrations");
    }

    public sealed record UnitInput(long? OrganisationId, string? Region = null, string? MonitoredFrom = null);

    public sealed record MeterInput(long? UnitId, string? Code, string? Name, string? Kind, string? Unit, string? Cadence, string? MonitoredFrom = null,
        decimal? DailyLimit = null, string? LimitBasis = null, string? Pollutant = null);

    public sealed record LinkInput(string? KeyUser);

    public sealed record LimitInput(string? Meter, decimal? DailyLimit, string? Basis);

    public sealed record ReadingInput(string? ReadingId, string? Meter, string? At, decimal? Value);

    public sealed record MonthlyInput(string? Meter, string? Month, decimal? Value, string? At);

    public sealed record BatchInput(string? BatchId, IReadOnlyList<ReadingInput>? Readings, IReadOnlyList<MonthlyInput>? Monthly = null);

    public sealed record FaultInput(string? Meter, string? ReportedOn, string? Description);

    public sealed record RepairInput(string? RepairedOn, string? Note);

    public sealed record CalibrationInput(string? Meter, string? CalibratedOn, bool? Replaced, string? Certificate);

    private static async Task<Results<Ok<UnitView>, ValidationProblem, ProblemHttpResult>> RegisterUnitAsync(UnitInput input, HttpContext http,
        MonitoringCommandHandler handler, CancellationToken ct) =>
        RegisterMonitoredUnit.TryParse(new(input.OrganisationId, input.Region, input.MonitoredFrom), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => Unit((MonitoredUnit)r))
            : Problems.Fields(errors);

    private static async Task<Ok<List<UnitView>>> UnitsAsync(HttpContext http, MonitoringQueries q, CancellationToken ct) =>
        TypedResults.Ok((await q.UnitsAsync(http.User.Actor(), ct).ConfigureAwait(false) ?? []).Select(Unit).ToList());

    private static async Task<Results<Ok<MeterView>, ValidationProblem, ProblemHttpResult>> RegisterMeterAsync(MeterInput input, HttpContext http,
        MonitoringCommandHandler handler, CancellationToken ct) =>
        RegisterMeterPoint.TryParse(new(input.UnitId, input.Code, input.Name, input.Kind, input.Unit, input.Cadence, input.MonitoredFrom, input.DailyLimit,
            input.LimitBasis, input.Pollutant),
            out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => Meter((MeterPoint)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<List<MeterView>>, NotFound>> MetersAsync(long id, HttpContext http, MonitoringQueries q, CancellationToken ct) =>
        await q.MetersAsync(http.User.Actor(), id, ct).ConfigureAwait(false) is { } meters
            ? TypedResults.Ok(meters.Select(Meter).ToList())
            : TypedResults.NotFound();

    private static async Task<Results<Ok<LinkView>, ValidationProblem, ProblemHttpResult>> LinkAsync(long id, LinkInput input, HttpContext http,
        MonitoringCommandHandler handler, CancellationToken ct) =>
        LinkKeyUser.TryParse(new(id, input.KeyUser), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => Link((UnitKeyUser)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<LimitView>, ValidationProblem, ProblemHttpResult>> LimitAsync(LimitInput input, HttpContext http,
        MonitoringCommandHandler handler, CancellationToken ct) =>
        SetMeterLimit.TryParse(new(input.Meter, input.DailyLimit, input.Basis), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => Limit(command.Meter, (MeterLimit)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<List<ExceedanceView>>, ValidationProblem, NotFound>> ExceedancesAsync(HttpContext http, MonitoringQueries q,
        CancellationToken ct, [FromQuery] string? from = null, [FromQuery] string? to = null)
    {
        if (!TryPeriod(from, to, out var start, out var end, out var errors))
        {
            return Problems.Fields(errors);
        }
        return await q.ExceedancesAsync(http.User.Actor(), start, end, ct).ConfigureAwait(false) is { } days
            ? TypedResults.Ok(days.Select(Exceedance).ToList())
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IngestView>, ValidationProblem, ProblemHttpResult>> IngestAsync(BatchInput input, HttpContext http,
        MonitoringCommandHandler handler, TimeProvider clock, CancellationToken ct) =>
        IngestReadings.TryParse(new(input.BatchId, [.. (input.Readings ?? []).Select(r => new IngestReadings.ReadingForm(r?.ReadingId, r?.Meter, r?.At, r?.Value))],
            [.. (input.Monthly ?? []).Select(m => new IngestReadings.MonthlyForm(m?.Meter, m?.Month, m?.Value, m?.At))]), clock.GetUtcNow(), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => Ingest((IngestResult)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<FaultView>, ValidationProblem, ProblemHttpResult>> FaultAsync(FaultInput input, HttpContext http,
        MonitoringCommandHandler handler, MonitoringQueries q, CancellationToken ct) =>
        RecordMeterFault.TryParse(new(input.Meter, input.ReportedOn, input.Description), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => Fault((MeterFault)r, q.Today))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<FaultView>, ValidationProblem, ProblemHttpResult>> RepairAsync(long id, RepairInput input, HttpContext http,
        MonitoringCommandHandler handler, MonitoringQueries q, CancellationToken ct) =>
        RecordFaultRepair.TryParse(new(id, input.RepairedOn, input.Note), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => Fault((MeterFault)r, q.Today))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<CalibrationView>, ValidationProblem, ProblemHttpResult>> CalibrationAsync(CalibrationInput input,
        HttpContext http, MonitoringCommandHandler handler, CancellationToken ct) =>
        RecordCalibration.TryParse(new(input.Meter, input.CalibratedOn, input.Replaced, input.Certificate), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => Calibration((MeterCalibration)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<OverviewView>, ValidationProblem, NotFound>> OverviewAsync(HttpContext http, MonitoringQueries q,
        CancellationToken ct, [FromQuery] string? region = null, [FromQuery] string? from = null, [FromQuery] string? to = null)
    {
        if (!TryPeriod(from, to, out var start, out var end, out var errors))
        {
            return Problems.Fields(errors);
        }
        return await q.OverviewAsync(http.User.Actor(), region, start, end, ct).ConfigureAwait(false) is { } overview
            ? TypedResults.Ok(Overview(overview))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<DashboardView>, ValidationProblem, NotFound>> UnitQualityAsync(long id, HttpContext http, MonitoringQueries q,
        CancellationToken ct, [FromQuery] string? from = null, [FromQuery] string? to = null)
    {
        if (!TryPeriod(from, to, out var start, out var end, out var errors))
        {
            return Problems.Fields(errors);
        }
        return await q.UnitAsync(http.User.Actor(), id, start, end, ct).ConfigureAwait(false) is { } dashboard
            ? TypedResults.Ok(Dashboard(dashboard))
            : TypedResults.NotFound();
    }

    /// <summary>Reads the optional from and to days (defaults are the queries'): each a day, from on or before to, at most 366 days.</summary>
    internal static bool TryPeriod(string? from, string? to, out DateOnly? start, out DateOnly? end, out IReadOnlyList<FieldError> errors)
    {
        // As the monitoring pages read it: a from after the to, or a period longer than a dashboard shows, is refused
        // naming from (it was ordered and cut to 366 days without a word).
        var read = new FieldReader();
        (start, end) = read.Period(from, to, MonitoringLimits.MaxDashboardDays);
        errors = read.Errors;
        return read.IsValid;
    }

    /// <summary>The HTTP answer to every monitoring command: 200 with the result, or problem+json naming the field and rule.</summary>
    private static Results<Ok<TView>, ValidationProblem, ProblemHttpResult> ToHttp<TView>(MonitoringCommandOutcome outcome, Func<object, TView> view) =>
        outcome switch
        {
            MonitoringCommandOutcome.Completed c => TypedResults.Ok(view(c.Result)),
            MonitoringCommandOutcome.Invalid i => Problems.Fields(i.Errors),
            MonitoringCommandOutcome.Refused { Kind: RefusalKind.Malformed } r => Problems.Fields([new FieldError(r.Field, r.Rule, r.Message)]),
            MonitoringCommandOutcome.Refused r => Refusal(r.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
                r.Field, r.Rule, r.Message),
            MonitoringCommandOutcome.Forbidden f => Refusal(StatusCodes.Status403Forbidden, "actor", "Role", $"only {string.Join(", ", f.Allowed)} may do this"),
            _ => throw new UnreachableException(),
        };

    private static ProblemHttpResult Refusal(int status, string field, string rule, string message) =>
        TypedResults.Problem(RuleText.Message(field, rule, message), statusCode: status, title: Text.T("problem.monitoringrefused"),
            extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });
}
