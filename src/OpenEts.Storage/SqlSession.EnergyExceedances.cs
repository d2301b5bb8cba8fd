using OpenEts.Application.DualControl.Monitoring;
using OpenEts.Application.Storage;
using OpenEts.Domain.DualControl.Monitoring;

namespace OpenEts.Storage;

// Migration 0021: meters' permitted daily use (for a concentration meter, the limit on the day's mean: migration 0035), monitoring exceedances cards were proposed from, units' key-user links.
internal sealed partial class SqlSession
{
    Task IEnergyMonitoringData.SaveLimitAsync(MeterLimit limit) => ExecuteAsync("""
        INSERT INTO energy_meter_limits (meter_id, daily_limit_milli, basis, set_at, set_by) VALUES (@meter, @limit, @basis, @at, @by)
        ON CONFLICT (meter_id) DO UPDATE SET daily_limit_milli = excluded.daily_limit_milli, basis = excluded.basis, set_at = excluded.set_at,
            set_by = excluded.set_by
        """, new { meter = limit.MeterId, limit = limit.DailyLimitMilli, basis = limit.Basis, at = Ms(limit.SetAt), by = limit.SetBy });

    async Task<IReadOnlyList<MeterLimit>> IEnergyMonitoringData.LimitsAsync(long? unitId) =>
        [.. (await QueryAsync<LimitRow>($"""
            SELECT meter_id AS MeterId, daily_limit_milli AS DailyLimitMilli, basis AS Basis, set_at AS SetAt, set_by AS SetBy
            FROM energy_meter_limits WHERE {UnitFilter} ORDER BY meter_id
            """, new { unitId }).ConfigureAwait(false)).Select(r => new MeterLimit(r.MeterId, r.DailyLimitMilli, r.Basis, At(r.SetAt), r.SetBy))];

    async Task<IReadOnlyList<MeterDay>> IEnergyMonitoringData.ExceedingDaysAsync(int fromDay, int toDay) =>
        [.. (await QueryAsync<DayRow>("""
            SELECT d.meter_id AS MeterId, d.day AS Day, d.month AS Month, d.received AS Received, d.off_time AS OffTime, d.total_milli AS TotalMilli
            FROM energy_meter_days d JOIN energy_meter_limits l ON l.meter_id = d.meter_id JOIN energy_meters m ON m.id = d.meter_id
            WHERE d.day BETWEEN @fromDay AND @toDay AND d.received > 0
                AND (CASE WHEN m.kind = @mean THEN d.total_milli > l.daily_limit_milli * d.received ELSE d.total_milli > l.daily_limit_milli END)
            ORDER BY d.meter_id, d.day
            """, new { fromDay, toDay, mean = nameof(EnergyKind.PollutantConcentration) }).ConfigureAwait(false)).Select(r => r.ToDay())];

    Task IEnergyMonitoringData.SaveKeyUserLinkAsync(UnitKeyUser link) => ExecuteAsync("""
        INSERT INTO energy_unit_key_users (unit_id, key_user_code, linked_at, linked_by) VALUES (@unit, @code, @at, @by)
        ON CONFLICT (unit_id) DO UPDATE SET key_user_code = excluded.key_user_code, linked_at = excluded.linked_at, linked_by = excluded.linked_by
        """, new { unit = link.UnitId, code = link.KeyUserCode, at = Ms(link.LinkedAt), by = link.LinkedBy });

    async Task<IReadOnlyList<UnitKeyUser>> IEnergyMonitoringData.KeyUserLinksAsync() =>
        [.. (await QueryAsync<LinkRow>("""
            SELECT unit_id AS UnitId, key_user_code AS KeyUserCode, linked_at AS LinkedAt, linked_by AS LinkedBy FROM energy_unit_key_users ORDER BY unit_id
            """).ConfigureAwait(false)).Select(r => new UnitKeyUser(r.UnitId, r.KeyUserCode, At(r.LinkedAt), r.LinkedBy))];

    async Task<IReadOnlyList<(long MeterId, int Month)>> IEnergyCardData.MonitoringSourcesAsync() =>
        [.. (await QueryAsync<SourceRow>("SELECT meter_id AS MeterId, month AS Month FROM energy_card_monitoring ORDER BY meter_id, month")
            .ConfigureAwait(false)).Select(r => (r.MeterId, checked((int)r.Month)))];

    Task IEnergyCardData.InsertMonitoringSourceAsync(long meterId, int month, long violationId) => ExecuteAsync(
        "INSERT INTO energy_card_monitoring (meter_id, month, violation_id) VALUES (@meterId, @month, @violationId)",
        new { meterId, month = (long)month, violationId });

    private sealed class LimitRow
    {
        public long MeterId { get; set; }
        public long DailyLimitMilli { get; set; }
        public string Basis { get; set; } = "";
        public long SetAt { get; set; }
        public string SetBy { get; set; } = "";
    }

    private sealed class LinkRow
    {
        public long UnitId { get; set; }
        public string KeyUserCode { get; set; } = "";
        public long LinkedAt { get; set; }
        public string LinkedBy { get; set; } = "";
    }

    private sealed class SourceRow
    {
        public long MeterId { get; set; }
        public long Month { get; set; }
    }
}
