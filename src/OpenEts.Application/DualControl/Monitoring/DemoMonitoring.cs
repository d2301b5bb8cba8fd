using System.Globalization;
using OpenEts.Application.Identity;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Monitoring;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// The demo's online monitoring, seeded with the demo market (in its transaction, through the use cases, so every step
/// is journalled): three key energy users with seven meter points and the last seven full Beijing days of readings.
/// The cement works' hourly meter misses 30 of its 168 hours, so its unit (145 of 175 slots, 82.9 %) is flagged under
/// 90 %; the steel works has a fault open past its 3-working-day deadline; only the power plant has recorded calibrations.
/// The power plant (the key energy user KU-NX-0003 once the targets are seeded, which links it) also has the limits a
/// regulator sets: a permitted daily use on its energy meters and the steel works' (budgets, all kept), and two pollutant
/// meters, SO2 concentration from its stack's CEMS (hourly, mg/m³, limit 100 as a daily mean) and NOx load (daily, kg,
/// permitted 2 600 a day, reporting from 1 January 2025: about 1 980 kg a day, which the pollutant 晴雨表 rates against
/// the power plant's NOx budget). On the day <see cref="SulphurDayBack"/> days before today the SO2 readings run half as high
/// again, a daily mean of about 120 mg/m³: the one exceedance, from which the demo cards propose a yellow card.
/// </summary>
public static class DemoMonitoring
{
    private const int Days = 7;

    /// <summary>How many days before today the power plant's SO2 daily mean is over its limit.</summary>
    public const int SulphurDayBack = 2;

    /// <summary>The power plant's NOx load meter (daily, kg), reporting from <see cref="NoxFrom"/>.</summary>
    public const string NoxMeter = "ZJ-NOX";

    /// <summary>
    /// The day the NOx load meter reports from: 1 January of the demo plan's last year (2025), so that the pollutant
    /// 晴雨表 of 2025 rates the power plant's NOx budget. Its day d (from 0) reads 2 000 × (90 + 3d mod 21) ÷ 100 kg.
    /// </summary>
    public static DateOnly NoxFrom { get; } = new(2025, 1, 1);

    /// <summary>The power plant's SO2 concentration meter.</summary>
    public const string SulphurMeter = "ZJ-SO2";

    /// <summary>
    /// The demo's meter points: organisation (first 17 characters of its code), code, name, kind, unit, cadence, base value,
    /// pollutant, and the limit with its basis (null: none). The limits are invented for the demo; the SO2 limit is shaped
    /// on GB 13223-2011's 100 mg/m³ for coal-fired boilers [UNCONFIRMED: not in the reference files].
    /// </summary>
    private static readonly (string Organisation, string Code, string Name, EnergyKind Kind, string Unit, MeterCadence Cadence, int Base,
        string? Pollutant, decimal? Limit, string? Basis)[] Meters =
    [
        ("91440101MA5CY1001", "ZJ-E01", "厂用电总表", EnergyKind.Electricity, "kWh", MeterCadence.Hourly, 42_000, null, 1_100_000m, "年度用能预算折算日用量（演示）"),
        ("91440101MA5CY1001", "ZJ-G01", "燃气总表", EnergyKind.NaturalGas, "m³", MeterCadence.Daily, 180_000, null, 220_000m, "年度用能预算折算日用量（演示）"),
        ("91441800MA5CY1002", "BJ-E01", "熟料线电表", EnergyKind.Electricity, "kWh", MeterCadence.Hourly, 9_500, null, null, null),
        ("91441800MA5CY1002", "BJ-C01", "入窑煤计量", EnergyKind.Coal, "t", MeterCadence.Daily, 1_150, null, null, null),
        ("91440200MA5CY1003", "SG-E01", "炼钢总电表", EnergyKind.Electricity, "kWh", MeterCadence.Hourly, 61_000, null, 1_600_000m, "节能审查意见核定日用量（演示）"),
        ("91440101MA5CY1001", SulphurMeter, "1号机组烟囱 CEMS", EnergyKind.PollutantConcentration, "mg/m³", MeterCadence.Hourly, 80, "SO2", 100m,
            "GB 13223-2011 燃煤锅炉二氧化硫浓度限值（演示，未确认）"),
        ("91440101MA5CY1001", NoxMeter, "1号机组氮氧化物排放量", EnergyKind.PollutantLoad, "kg", MeterCadence.Daily, 2_000, "NOx", 2_600m, "排污许可证许可日排放量（演示）"),
    ];

    /// <summary>Seeds the demo's units, meters, readings, a fault and calibrations in the demo market's transaction, as the platform.</summary>
    public static async Task SeedAsync(IStoreSession session, IReadOnlyList<Organisation> organisations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(organisations);
        var work = new MonitoringWork(session, Actor.System, now);
        var today = work.Today;
        var first = today.AddDays(-Days);
        var units = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var prefix in Meters.Select(m => m.Organisation).Distinct())
        {
            var organisation = organisations.First(o => o.Code.Value.StartsWith(prefix, StringComparison.Ordinal));
            units[prefix] = Completed<MonitoredUnit>(await new RegisterMonitoredUnit(organisation.Id, null, first).ExecuteAsync(work).ConfigureAwait(false)).Id;
        }
        var readings = new List<IngestReadings.ReadingForm>();
        foreach (var m in Meters)
        {
            // The NOx load meter reports from the demo plan's last year on, so the pollutant 晴雨表 has 2025's load to rate.
            var from = m.Code == NoxMeter && NoxFrom < first ? NoxFrom : first;
            Completed<MeterPoint>(await new RegisterMeterPoint(units[m.Organisation], m.Code, m.Name, m.Kind, m.Unit, m.Cadence, from == first ? null : from,
                    m.Limit is { } limit ? Quantity(limit) : null, m.Basis, m.Pollutant)
                .ExecuteAsync(work).ConfigureAwait(false));
            for (var d = 0; d < today.DayNumber - from.DayNumber; d++)
            {
                var day = from.AddDays(d);
                var slots = m.Cadence == MeterCadence.Hourly ? 24 : 1;
                for (var h = 0; h < slots; h++)
                {
                    // The cement works' access system drops the 8 night hours of its first three days and 6 on the fourth (30 of 168).
                    if (m.Code == "BJ-E01" && ((d < 3 && h < 8) || (d == 3 && h < 6)))
                    {
                        continue;
                    }
                    var at = QualityRules.StartOfDay(day).AddHours(h);
                    var value = m.Base * (90 + ((h * 7) + (d * 3)) % 21) / 100m * (m.Code == SulphurMeter && d == Days - SulphurDayBack ? 1.5m : 1m);
                    readings.Add(new IngestReadings.ReadingForm($"{m.Code}-{day:yyyyMMdd}-{h:00}", m.Code,
                        at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture), value));
                }
            }
        }
        if (!IngestReadings.TryParse(new IngestReadings.Form("demo-" + first.ToString("yyyyMMdd", CultureInfo.InvariantCulture), readings), out var batch, out var errors))
        {
            throw new InvalidOperationException("The demo readings do not parse: " + string.Join("; ", errors.Select(e => e.Message)));
        }
        Completed<IngestResult>(await batch.ExecuteAsync(work).ConfigureAwait(false));
        Completed<MeterFault>(await new RecordMeterFault("SG-E01", first.AddDays(1), "采集终端通讯中断").ExecuteAsync(work).ConfigureAwait(false));
        foreach (var code in new[] { "ZJ-E01", "ZJ-G01" })
        {
            Completed<MeterCalibration>(await new RecordCalibration(code, first, false, $"JJG 596-2012 / {code}-{first:yyyy}").ExecuteAsync(work).ConfigureAwait(false));
        }
    }

    private static MeterQuantity Quantity(decimal value) => MeterQuantity.TryCreate(value, out var quantity, out var reason)
        ? quantity
        : throw new InvalidOperationException($"The demo's limit {value} is no quantity: {reason}");

    private static T Completed<T>(MonitoringCommandOutcome outcome) => outcome is MonitoringCommandOutcome.Completed { Result: T result }
        ? result
        : throw new InvalidOperationException($"The demo's monitoring seed was refused: {outcome}");
}
