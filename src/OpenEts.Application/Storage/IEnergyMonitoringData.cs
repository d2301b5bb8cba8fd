using OpenEts.Application.DualControl.Monitoring;

namespace OpenEts.Application.Storage;

/// <summary>
/// Online energy monitoring's tables: monitored units, meter points, readings keyed (meter, slot) and written in bulk,
/// per-meter daily rollups kept as readings arrive, monthly figures, received batches (idempotency), faults and
/// calibrations. Only <see cref="MonitoringCommandHandler"/> writes them; <see cref="MonitoringQueries"/> reads them for others.
/// </summary>
public interface IEnergyMonitoringData
{
    Task<MonitoredUnit> InsertUnitAsync(MonitoredUnit unit);

    Task<MonitoredUnit?> FindUnitAsync(long id);

    Task<MonitoredUnit?> FindUnitByOrganisationAsync(long organisationId);

    /// <summary>Units, by region then organisation name; only those of <paramref name="organisationId"/> or <paramref name="region"/> when given.</summary>
    Task<IReadOnlyList<MonitoredUnit>> UnitsAsync(string? region, long? organisationId);

    Task<MeterPoint> InsertMeterAsync(MeterPoint meter);

    Task<MeterPoint?> FindMeterAsync(string code);

    /// <summary>The meter points among <paramref name="codes"/> with their units' organisations (one read for a whole batch).</summary>
    Task<IReadOnlyList<OwnedMeter>> FindMetersAsync(IReadOnlyCollection<string> codes);

    /// <summary>Meter points, of one unit when <paramref name="unitId"/> is given, by code.</summary>
    Task<IReadOnlyList<MeterPoint>> MetersAsync(long? unitId);

    /// <summary>Sets (or replaces) a meter's permitted daily use.</summary>
    Task SaveLimitAsync(MeterLimit limit);

    /// <summary>The permitted daily use of one unit's meters, or of all meters.</summary>
    Task<IReadOnlyList<MeterLimit>> LimitsAsync(long? unitId);

    /// <summary>
    /// The daily rollups from <paramref name="fromDay"/> to <paramref name="toDay"/> (DayNumber, inclusive) whose total is
    /// above the meter's permitted daily use, by meter then day.
    /// </summary>
    Task<IReadOnlyList<MeterDay>> ExceedingDaysAsync(int fromDay, int toDay);

    /// <summary>Links (or relinks) a monitored unit to a key energy user's designation.</summary>
    Task SaveKeyUserLinkAsync(UnitKeyUser link);

    /// <summary>Every unit's key-user link.</summary>
    Task<IReadOnlyList<UnitKeyUser>> KeyUserLinksAsync();

    /// <summary>The readings a meter holds with slots from <paramref name="fromSeconds"/> to <paramref name="toSeconds"/> (inclusive).</summary>
    Task<IReadOnlyList<StoredReading>> ReadingsAsync(long meterId, long fromSeconds, long toSeconds);

    /// <summary>The readings held in each of <paramref name="ranges"/> (one read for a whole batch where the database allows).</summary>
    Task<IReadOnlyList<StoredReading>> ReadingsAsync(IReadOnlyList<ReadingRange> ranges);

    /// <summary>Inserts new readings in bulk (none may exist yet) and adds them to the daily rollups and their month sums.</summary>
    Task InsertReadingsAsync(IReadOnlyList<StoredReading> readings, IReadOnlyList<MeterDay> days);

    /// <summary>Daily rollups from <paramref name="fromDay"/> to <paramref name="toDay"/> (DayNumber, inclusive), of one unit's meters or all.</summary>
    Task<IReadOnlyList<MeterDay>> DaysAsync(long? unitId, int fromDay, int toDay);

    /// <summary>Per meter: slots received and off time from <paramref name="fromDay"/> to <paramref name="toDay"/>, summed in the database.</summary>
    Task<IReadOnlyList<MeterDay>> MeterTotalsAsync(long? unitId, int fromDay, int toDay);

    /// <summary>Per meter and month: the readings' total, summed in the database (Day is 0).</summary>
    Task<IReadOnlyList<MeterDay>> MonthTotalsAsync(long? unitId, int fromMonth, int toMonth);

    Task<MonthlyFigure?> FindMonthlyAsync(long meterId, DateOnly month);

    Task InsertMonthlyAsync(MonthlyFigure figure);

    /// <summary>Monthly figures from <paramref name="fromMonth"/> to <paramref name="toMonth"/> (yyyyMM), of one unit's meters or all.</summary>
    Task<IReadOnlyList<MonthlyFigure>> MonthlyAsync(long? unitId, int fromMonth, int toMonth);

    Task<ReadingBatch?> FindBatchAsync(long sender, string batchId);

    Task InsertBatchAsync(ReadingBatch batch);

    Task<MeterFault> InsertFaultAsync(MeterFault fault);

    Task<MeterFault?> FindFaultAsync(long id);

    Task RepairFaultAsync(long id, DateOnly repairedOn, string note, DateTimeOffset at, string by);

    /// <summary>Faults of one unit's meters or all, newest first.</summary>
    Task<IReadOnlyList<MeterFault>> FaultsAsync(long? unitId);

    Task<MeterCalibration> InsertCalibrationAsync(MeterCalibration calibration);

    /// <summary>Calibrations of one unit's meters or all, newest first.</summary>
    Task<IReadOnlyList<MeterCalibration>> CalibrationsAsync(long? unitId);
}
