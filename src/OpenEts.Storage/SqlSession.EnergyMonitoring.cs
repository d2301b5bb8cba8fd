using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Storage;

internal sealed partial class SqlSession : IEnergyMonitoringData
{
    private const string UnitSelect = """
        SELECT u.id AS Id, u.organisation_id AS OrganisationId, o.name AS OrganisationName, u.region AS Region, u.monitored_from AS MonitoredFrom,
            u.registered_at AS RegisteredAt, u.registered_by AS RegisteredBy
        FROM energy_units u JOIN organisations o ON o.id = u.organisation_id
        """;

    private const string MeterSelect = """
        SELECT id AS Id, unit_id AS UnitId, code AS Code, name AS Name, kind AS Kind, unit AS Unit, cadence AS Cadence, monitored_from AS MonitoredFrom,
            pollutant AS Pollutant
        FROM energy_meters
        """;

    private const string FaultSelect = """
        SELECT f.id AS Id, f.meter_id AS MeterId, f.reported_on AS ReportedOn, f.description AS Description, f.reported_at AS ReportedAt,
            f.reported_by AS ReportedBy, f.repaired_on AS RepairedOn, f.repair_note AS RepairNote
        FROM energy_meter_faults f
        """;

    private const string CalibrationSelect = """
        SELECT c.id AS Id, c.meter_id AS MeterId, c.calibrated_on AS CalibratedOn, c.replaced AS Replaced, c.certificate AS Certificate,
            c.recorded_at AS RecordedAt, c.recorded_by AS RecordedBy
        FROM energy_meter_calibrations c
        """;

    // Restricts a query on meter_id to one unit's meters when @unitId is not null.
    private const string UnitFilter = "(@unitId IS NULL OR meter_id IN (SELECT id FROM energy_meters WHERE unit_id = @unitId))";

    public IEnergyMonitoringData EnergyMonitoring => this;

    async Task<MonitoredUnit> IEnergyMonitoringData.InsertUnitAsync(MonitoredUnit unit)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO energy_units (organisation_id, region, monitored_from, registered_at, registered_by)
            VALUES (@organisation, @region, @from, @at, @by) RETURNING id
            """, new
        {
            organisation = unit.OrganisationId,
            region = unit.Region,
            from = (long)unit.MonitoredFrom.DayNumber,
            at = Ms(unit.RegisteredAt),
            by = unit.RegisteredBy,
        }).ConfigureAwait(false);
        return unit with { Id = id };
    }

    async Task<MonitoredUnit?> IEnergyMonitoringData.FindUnitAsync(long id) =>
        (await QuerySingleOrDefaultAsync<UnitRow>($"{UnitSelect} WHERE u.id = @id", new { id }).ConfigureAwait(false))?.ToUnit();

    async Task<MonitoredUnit?> IEnergyMonitoringData.FindUnitByOrganisationAsync(long organisationId) =>
        (await QuerySingleOrDefaultAsync<UnitRow>($"{UnitSelect} WHERE u.organisation_id = @organisationId", new { organisationId }).ConfigureAwait(false))?.ToUnit();

    async Task<IReadOnlyList<MonitoredUnit>> IEnergyMonitoringData.UnitsAsync(string? region, long? organisationId) =>
        [.. (await QueryAsync<UnitRow>($"""
            {UnitSelect} WHERE (@region IS NULL OR u.region = @region) AND (@organisationId IS NULL OR u.organisation_id = @organisationId)
            ORDER BY u.region, o.name, u.id
            """, new { region, organisationId }).ConfigureAwait(false)).Select(r => r.ToUnit())];

    async Task<MeterPoint> IEnergyMonitoringData.InsertMeterAsync(MeterPoint meter)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO energy_meters (unit_id, code, name, kind, unit, cadence, monitored_from, pollutant)
            VALUES (@unitId, @code, @name, @kind, @unit, @cadence, @from, @pollutant) RETURNING id
            """, new
        {
            unitId = meter.UnitId,
            code = meter.Code,
            name = meter.Name,
            kind = meter.Kind.ToString(),
            unit = meter.Unit,
            cadence = meter.Cadence.ToString(),
            from = (long)meter.MonitoredFrom.DayNumber,
            pollutant = meter.Pollutant,
        }).ConfigureAwait(false);
        return meter with { Id = id };
    }

    async Task<MeterPoint?> IEnergyMonitoringData.FindMeterAsync(string code) =>
        (await QuerySingleOrDefaultAsync<MeterRowData>($"{MeterSelect} WHERE code = @code", new { code }).ConfigureAwait(false))?.ToMeter();

    async Task<IReadOnlyList<OwnedMeter>> IEnergyMonitoringData.FindMetersAsync(IReadOnlyCollection<string> codes)
    {
        var found = new List<OwnedMeter>(codes.Count);
        // PostgreSQL takes the codes as one array; for SQLite Dapper writes one parameter per code (at most 32 766), so chunks.
        var match = connection is NpgsqlConnection ? "m.code = ANY(@chunk)" : "m.code IN @chunk";
        foreach (var chunk in codes.Chunk(1_000))
        {
            found.AddRange((await QueryAsync<MeterRowData>($"""
                SELECT m.id AS Id, m.unit_id AS UnitId, m.code AS Code, m.name AS Name, m.kind AS Kind, m.unit AS Unit, m.cadence AS Cadence,
                    m.monitored_from AS MonitoredFrom, m.pollutant AS Pollutant, u.organisation_id AS OrganisationId
                FROM energy_meters m JOIN energy_units u ON u.id = m.unit_id WHERE {match}
                """, new { chunk }).ConfigureAwait(false)).Select(r => new OwnedMeter(r.ToMeter(), r.OrganisationId)));
        }
        return found;
    }

    async Task<IReadOnlyList<MeterPoint>> IEnergyMonitoringData.MetersAsync(long? unitId) =>
        [.. (await QueryAsync<MeterRowData>($"{MeterSelect} WHERE (@unitId IS NULL OR unit_id = @unitId) ORDER BY code", new { unitId })
            .ConfigureAwait(false)).Select(r => r.ToMeter())];

    async Task<IReadOnlyList<StoredReading>> IEnergyMonitoringData.ReadingsAsync(long meterId, long fromSeconds, long toSeconds) =>
        [.. (await QueryAsync<ReadingRow>("""
            SELECT meter_id AS MeterId, slot AS Slot, value_milli AS ValueMilli, offset_s AS OffsetSeconds
            FROM energy_readings WHERE meter_id = @meterId AND slot BETWEEN @fromSeconds AND @toSeconds ORDER BY slot
            """, new { meterId, fromSeconds, toSeconds }).ConfigureAwait(false)).Select(r => new StoredReading(r.MeterId, r.Slot, r.ValueMilli, (int)r.OffsetSeconds))];

    async Task<IReadOnlyList<StoredReading>> IEnergyMonitoringData.ReadingsAsync(IReadOnlyList<ReadingRange> ranges)
    {
        if (connection is NpgsqlConnection pg)
        {
            await using var command = new NpgsqlCommand("""
                SELECT r.meter_id, r.slot, r.value_milli, r.offset_s
                FROM unnest($1::integer[], $2::bigint[], $3::bigint[]) AS q (meter_id, low, high)
                JOIN energy_readings r ON r.meter_id = q.meter_id AND r.slot BETWEEN q.low AND q.high
                """, pg, (NpgsqlTransaction)transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = ranges.Select(r => checked((int)r.MeterId)).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = ranges.Select(r => r.FromSeconds).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = ranges.Select(r => r.ToSeconds).ToArray() });
            var held = new List<StoredReading>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                held.Add(new StoredReading(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3)));
            }
            return held;
        }
        // SQLite runs in process: a query per meter costs no round trip.
        var all = new List<StoredReading>();
        foreach (var range in ranges)
        {
            all.AddRange(await EnergyMonitoring.ReadingsAsync(range.MeterId, range.FromSeconds, range.ToSeconds).ConfigureAwait(false));
        }
        return all;
    }

    Task IEnergyMonitoringData.InsertReadingsAsync(IReadOnlyList<StoredReading> readings, IReadOnlyList<MeterDay> days) =>
        connection is NpgsqlConnection pg ? CopyReadingsAsync(pg, readings, days) : InsertReadingsEachAsync(readings, days);

    // PostgreSQL: one binary COPY for the readings (the table is new-rows-only: the use case checked none exist), and one
    // array upsert for the day rollups: two round trips whatever the batch size.
    private async Task CopyReadingsAsync(NpgsqlConnection pg, IReadOnlyList<StoredReading> readings, IReadOnlyList<MeterDay> days)
    {
        await using (var import = await pg.BeginBinaryImportAsync(
            "COPY energy_readings (meter_id, offset_s, slot, value_milli) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var r in readings)
            {
                await import.StartRowAsync(ct).ConfigureAwait(false);
                await import.WriteAsync(checked((int)r.MeterId), NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await import.WriteAsync(r.OffsetSeconds, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await import.WriteAsync(r.SlotSeconds, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await import.WriteAsync(r.ValueMilli, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            }
            await import.CompleteAsync(ct).ConfigureAwait(false);
        }
        // The day rollups and their month sums in one statement (a data-modifying WITH always runs to completion).
        await using var command = new NpgsqlCommand("""
            WITH d (meter_id, day, month, received, off_time, total_milli) AS (
                SELECT * FROM unnest($1::bigint[], $2::integer[], $3::integer[], $4::bigint[], $5::bigint[], $6::bigint[])),
            days AS (
                INSERT INTO energy_meter_days (meter_id, day, month, received, off_time, total_milli) SELECT * FROM d
                ON CONFLICT (meter_id, day) DO UPDATE SET received = energy_meter_days.received + excluded.received,
                    off_time = energy_meter_days.off_time + excluded.off_time, total_milli = energy_meter_days.total_milli + excluded.total_milli)
            INSERT INTO energy_meter_months (meter_id, month, received, off_time, total_milli)
            SELECT meter_id, month, SUM(received), SUM(off_time), SUM(total_milli) FROM d GROUP BY meter_id, month
            ON CONFLICT (meter_id, month) DO UPDATE SET received = energy_meter_months.received + excluded.received,
                off_time = energy_meter_months.off_time + excluded.off_time, total_milli = energy_meter_months.total_milli + excluded.total_milli
            """, pg, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = days.Select(d => d.MeterId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = days.Select(d => d.Day).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = days.Select(d => d.Month).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = days.Select(d => d.Received).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = days.Select(d => d.OffTime).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = days.Select(d => d.TotalMilli).ToArray() });
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    // SQLite: one prepared statement per table, rebound for each row (in-process, so a row costs no round trip).
    private async Task InsertReadingsEachAsync(IReadOnlyList<StoredReading> readings, IReadOnlyList<MeterDay> days)
    {
        var sqlite = (SqliteConnection)connection;
        await using (var insert = sqlite.CreateCommand())
        {
            insert.Transaction = (SqliteTransaction)transaction;
            insert.CommandText = "INSERT INTO energy_readings (meter_id, slot, value_milli, offset_s) VALUES ($m, $s, $v, $o)";
            var m = insert.Parameters.Add("$m", SqliteType.Integer);
            var s = insert.Parameters.Add("$s", SqliteType.Integer);
            var v = insert.Parameters.Add("$v", SqliteType.Integer);
            var o = insert.Parameters.Add("$o", SqliteType.Integer);
            insert.Prepare();
            foreach (var r in readings)
            {
                m.Value = r.MeterId;
                s.Value = r.SlotSeconds;
                v.Value = r.ValueMilli;
                o.Value = r.OffsetSeconds;
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
        await using var upsert = sqlite.CreateCommand();
        upsert.Transaction = (SqliteTransaction)transaction;
        upsert.CommandText = """
            INSERT INTO energy_meter_days (meter_id, day, month, received, off_time, total_milli) VALUES ($m, $d, $mo, $r, $o, $t)
            ON CONFLICT (meter_id, day) DO UPDATE SET received = received + excluded.received, off_time = off_time + excluded.off_time,
                total_milli = total_milli + excluded.total_milli
            """;
        var pm = upsert.Parameters.Add("$m", SqliteType.Integer);
        var pd = upsert.Parameters.Add("$d", SqliteType.Integer);
        var pmo = upsert.Parameters.Add("$mo", SqliteType.Integer);
        var pr = upsert.Parameters.Add("$r", SqliteType.Integer);
        var po = upsert.Parameters.Add("$o", SqliteType.Integer);
        var pt = upsert.Parameters.Add("$t", SqliteType.Integer);
        upsert.Prepare();
        foreach (var d in days)
        {
            pm.Value = d.MeterId;
            pd.Value = d.Day;
            pmo.Value = d.Month;
            pr.Value = d.Received;
            po.Value = d.OffTime;
            pt.Value = d.TotalMilli;
            await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        upsert.CommandText = """
            INSERT INTO energy_meter_months (meter_id, month, received, off_time, total_milli) VALUES ($m, $mo, $r, $o, $t)
            ON CONFLICT (meter_id, month) DO UPDATE SET received = received + excluded.received, off_time = off_time + excluded.off_time,
                total_milli = total_milli + excluded.total_milli
            """;
        upsert.Parameters.Remove(pd);
        upsert.Prepare();
        foreach (var month in days.GroupBy(d => (d.MeterId, d.Month)))
        {
            pm.Value = month.Key.MeterId;
            pmo.Value = month.Key.Month;
            pr.Value = month.Sum(d => d.Received);
            po.Value = month.Sum(d => d.OffTime);
            pt.Value = month.Sum(d => d.TotalMilli);
            await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    async Task<IReadOnlyList<MeterDay>> IEnergyMonitoringData.DaysAsync(long? unitId, int fromDay, int toDay) =>
        [.. (await QueryAsync<DayRow>($"""
            SELECT meter_id AS MeterId, day AS Day, month AS Month, received AS Received, off_time AS OffTime, total_milli AS TotalMilli
            FROM energy_meter_days WHERE day BETWEEN @fromDay AND @toDay AND {UnitFilter} ORDER BY day, meter_id
            """, new { unitId, fromDay, toDay }).ConfigureAwait(false)).Select(r => r.ToDay())];

    // The whole months inside the period from the month rollups, the days at its edges from the day rollups.
    async Task<IReadOnlyList<MeterDay>> IEnergyMonitoringData.MeterTotalsAsync(long? unitId, int fromDay, int toDay)
    {
        var max = DateOnly.MaxValue.DayNumber;
        var (from, to) = (DateOnly.FromDayNumber(Math.Clamp(fromDay, 0, max)), DateOnly.FromDayNumber(Math.Clamp(toDay, 0, max)));
        DateOnly? firstWhole = from.Day == 1 ? from : from >= new DateOnly(9999, 12, 1) ? null : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        DateOnly? lastWhole = to == DateOnly.MaxValue || to.AddDays(1).Day == 1 ? to
            : to < new DateOnly(1, 2, 1) ? null : new DateOnly(to.Year, to.Month, 1).AddDays(-1);
        var whole = firstWhole <= lastWhole;
        var (fullFrom, fullTo) = (firstWhole.GetValueOrDefault(), lastWhole.GetValueOrDefault());
        return [.. (await QueryAsync<DayRow>($"""
            SELECT meter_id AS MeterId, 0 AS Day, 0 AS Month, CAST(SUM(received) AS bigint) AS Received, CAST(SUM(off_time) AS bigint) AS OffTime,
                CAST(SUM(total_milli) AS bigint) AS TotalMilli
            FROM (
                SELECT meter_id, received, off_time, total_milli FROM energy_meter_months
                WHERE month BETWEEN @fromMonth AND @toMonth AND {UnitFilter}
                UNION ALL
                SELECT meter_id, received, off_time, total_milli FROM energy_meter_days
                WHERE (day BETWEEN @fromDay AND @headEnd OR day BETWEEN @tailStart AND @toDay) AND {UnitFilter}) t
            GROUP BY meter_id
            """, new
        {
            unitId,
            fromDay,
            toDay,
            fromMonth = whole ? MonitoringFields.MonthKey(fullFrom) : 1,
            toMonth = whole ? MonitoringFields.MonthKey(fullTo) : 0,
            headEnd = whole ? fullFrom.DayNumber - 1 : toDay,
            tailStart = whole ? fullTo.DayNumber + 1 : toDay + 1,
        }).ConfigureAwait(false)).Select(r => r.ToDay())];
    }

    async Task<IReadOnlyList<MeterDay>> IEnergyMonitoringData.MonthTotalsAsync(long? unitId, int fromMonth, int toMonth) =>
        [.. (await QueryAsync<DayRow>($"""
            SELECT meter_id AS MeterId, 0 AS Day, month AS Month, received AS Received, off_time AS OffTime, total_milli AS TotalMilli
            FROM energy_meter_months WHERE month BETWEEN @fromMonth AND @toMonth AND {UnitFilter}
            """, new { unitId, fromMonth, toMonth }).ConfigureAwait(false)).Select(r => r.ToDay())];

    async Task<MonthlyFigure?> IEnergyMonitoringData.FindMonthlyAsync(long meterId, DateOnly month) =>
        (await QuerySingleOrDefaultAsync<MonthlyRow>("""
            SELECT meter_id AS MeterId, month AS Month, value_milli AS ValueMilli, at AS At, on_time AS OnTime
            FROM energy_monthly WHERE meter_id = @meterId AND month = @month
            """, new { meterId, month = MonitoringFields.MonthKey(month) }).ConfigureAwait(false))?.ToFigure();

    Task IEnergyMonitoringData.InsertMonthlyAsync(MonthlyFigure figure) => ExecuteAsync("""
        INSERT INTO energy_monthly (meter_id, month, value_milli, at, on_time) VALUES (@meterId, @month, @value, @at, @onTime)
        """, new
    {
        meterId = figure.MeterId,
        month = MonitoringFields.MonthKey(figure.Month),
        value = figure.Value.Milli,
        at = Ms(figure.At),
        onTime = figure.OnTime ? 1 : 0,
    });

    async Task<IReadOnlyList<MonthlyFigure>> IEnergyMonitoringData.MonthlyAsync(long? unitId, int fromMonth, int toMonth) =>
        [.. (await QueryAsync<MonthlyRow>($"""
            SELECT meter_id AS MeterId, month AS Month, value_milli AS ValueMilli, at AS At, on_time AS OnTime
            FROM energy_monthly WHERE month BETWEEN @fromMonth AND @toMonth AND {UnitFilter} ORDER BY meter_id, month
            """, new { unitId, fromMonth, toMonth }).ConfigureAwait(false)).Select(r => r.ToFigure())];

    async Task<ReadingBatch?> IEnergyMonitoringData.FindBatchAsync(long sender, string batchId) =>
        (await QuerySingleOrDefaultAsync<BatchRow>("""
            SELECT sender AS Sender, batch_id AS BatchId, content_hash AS ContentHash, readings AS Readings, monthly AS Monthly,
                new_readings AS NewReadings, new_monthly AS NewMonthly, received_at AS ReceivedAt, received_by AS ReceivedBy
            FROM energy_reading_batches WHERE sender = @sender AND batch_id = @batchId
            """, new { sender, batchId }).ConfigureAwait(false))?.ToBatch();

    Task IEnergyMonitoringData.InsertBatchAsync(ReadingBatch batch) => ExecuteAsync("""
        INSERT INTO energy_reading_batches (sender, batch_id, content_hash, readings, monthly, new_readings, new_monthly, received_at, received_by)
        VALUES (@sender, @batchId, @hash, @readings, @monthly, @newReadings, @newMonthly, @at, @by)
        """, new
    {
        sender = batch.Sender,
        batchId = batch.BatchId,
        hash = batch.ContentHash,
        readings = batch.Readings,
        monthly = batch.MonthlyFigures,
        newReadings = batch.NewReadings,
        newMonthly = batch.NewMonthlyFigures,
        at = Ms(batch.ReceivedAt),
        by = batch.ReceivedBy,
    });

    async Task<MeterFault> IEnergyMonitoringData.InsertFaultAsync(MeterFault fault)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO energy_meter_faults (meter_id, reported_on, description, reported_at, reported_by)
            VALUES (@meterId, @on, @description, @at, @by) RETURNING id
            """, new
        {
            meterId = fault.MeterId,
            on = (long)fault.ReportedOn.DayNumber,
            description = fault.Description,
            at = Ms(fault.ReportedAt),
            by = fault.ReportedBy,
        }).ConfigureAwait(false);
        return fault with { Id = id };
    }

    async Task<MeterFault?> IEnergyMonitoringData.FindFaultAsync(long id) =>
        (await QuerySingleOrDefaultAsync<FaultRow>($"{FaultSelect} WHERE f.id = @id", new { id }).ConfigureAwait(false))?.ToFault();

    Task IEnergyMonitoringData.RepairFaultAsync(long id, DateOnly repairedOn, string note, DateTimeOffset at, string by) => ExecuteAsync("""
        UPDATE energy_meter_faults SET repaired_on = @on, repair_note = @note, repaired_at = @at, repaired_by = @by WHERE id = @id
        """, new { id, on = (long)repairedOn.DayNumber, note, at = Ms(at), by });

    async Task<IReadOnlyList<MeterFault>> IEnergyMonitoringData.FaultsAsync(long? unitId) =>
        [.. (await QueryAsync<FaultRow>($"{FaultSelect} WHERE {UnitFilter} ORDER BY f.reported_on DESC, f.id DESC", new { unitId }).ConfigureAwait(false))
            .Select(r => r.ToFault())];

    async Task<MeterCalibration> IEnergyMonitoringData.InsertCalibrationAsync(MeterCalibration calibration)
    {
        var id = await ExecuteScalarAsync<long>("""
            INSERT INTO energy_meter_calibrations (meter_id, calibrated_on, replaced, certificate, recorded_at, recorded_by)
            VALUES (@meterId, @on, @replaced, @certificate, @at, @by) RETURNING id
            """, new
        {
            meterId = calibration.MeterId,
            on = (long)calibration.CalibratedOn.DayNumber,
            replaced = calibration.Replaced ? 1 : 0,
            certificate = calibration.Certificate,
            at = Ms(calibration.RecordedAt),
            by = calibration.RecordedBy,
        }).ConfigureAwait(false);
        return calibration with { Id = id };
    }

    async Task<IReadOnlyList<MeterCalibration>> IEnergyMonitoringData.CalibrationsAsync(long? unitId) =>
        [.. (await QueryAsync<CalibrationRow>($"{CalibrationSelect} WHERE {UnitFilter} ORDER BY c.calibrated_on DESC, c.id DESC", new { unitId })
            .ConfigureAwait(false)).Select(r => r.ToCalibration())];

    private sealed class UnitRow
    {
        public long Id { get; set; }
        public long OrganisationId { get; set; }
        public string OrganisationName { get; set; } = "";
        public string Region { get; set; } = "";
        public long MonitoredFrom { get; set; }
        public long RegisteredAt { get; set; }
        public string RegisteredBy { get; set; } = "";

        public MonitoredUnit ToUnit() => new(Id, OrganisationId, OrganisationName, Region, Day(MonitoredFrom), At(RegisteredAt), RegisteredBy);
    }

    private sealed class MeterRowData
    {
        public long Id { get; set; }
        public long UnitId { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Unit { get; set; } = "";
        public string Cadence { get; set; } = "";
        public long MonitoredFrom { get; set; }
        public string? Pollutant { get; set; }

        // Only FindMetersAsync selects it.
        public long OrganisationId { get; set; }

        public MeterPoint ToMeter() => new(Id, UnitId, Code, Name, Enum.Parse<EnergyKind>(Kind), Unit, Enum.Parse<MeterCadence>(Cadence), Day(MonitoredFrom),
            Pollutant);
    }

    private sealed class ReadingRow
    {
        public long MeterId { get; set; }
        public long Slot { get; set; }
        public long ValueMilli { get; set; }
        public long OffsetSeconds { get; set; }
    }

    private sealed class DayRow
    {
        public long MeterId { get; set; }
        public long Day { get; set; }
        public long Month { get; set; }
        public long Received { get; set; }
        public long OffTime { get; set; }
        public long TotalMilli { get; set; }

        public MeterDay ToDay() => new(MeterId, checked((int)Day), checked((int)Month), Received, OffTime, TotalMilli);
    }

    private sealed class MonthlyRow
    {
        public long MeterId { get; set; }
        public long Month { get; set; }
        public long ValueMilli { get; set; }
        public long At { get; set; }
        public long OnTime { get; set; }

        public MonthlyFigure ToFigure() => new(MeterId, MonitoringFields.FromMonthKey(checked((int)Month)), MeterQuantity.FromMilli(ValueMilli),
            SqlSession.At(At), OnTime != 0);
    }

    private sealed class BatchRow
    {
        public long Sender { get; set; }
        public string BatchId { get; set; } = "";
        public string ContentHash { get; set; } = "";
        public long Readings { get; set; }
        public long Monthly { get; set; }
        public long NewReadings { get; set; }
        public long NewMonthly { get; set; }
        public long ReceivedAt { get; set; }
        public string ReceivedBy { get; set; } = "";

        public ReadingBatch ToBatch() => new(Sender, BatchId, ContentHash, checked((int)Readings), checked((int)Monthly), checked((int)NewReadings),
            checked((int)NewMonthly), At(ReceivedAt), ReceivedBy);
    }

    private sealed class FaultRow
    {
        public long Id { get; set; }
        public long MeterId { get; set; }
        public long ReportedOn { get; set; }
        public string Description { get; set; } = "";
        public long ReportedAt { get; set; }
        public string ReportedBy { get; set; } = "";
        public long? RepairedOn { get; set; }
        public string? RepairNote { get; set; }

        public MeterFault ToFault() => new(Id, MeterId, Day(ReportedOn), Description, At(ReportedAt), ReportedBy,
            RepairedOn is { } r ? Day(r) : null, RepairNote);
    }

    private sealed class CalibrationRow
    {
        public long Id { get; set; }
        public long MeterId { get; set; }
        public long CalibratedOn { get; set; }
        public long Replaced { get; set; }
        public string Certificate { get; set; } = "";
        public long RecordedAt { get; set; }
        public string RecordedBy { get; set; } = "";

        public MeterCalibration ToCalibration() => new(Id, MeterId, Day(CalibratedOn), Replaced != 0, Certificate, At(RecordedAt), RecordedBy);
    }
}
