namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// Where a reading's timestamp falls: the interval it reports (the nearest hour for an hourly meter, the nearest Beijing
/// midnight for a daily one; a reading is stamped at the start of its interval) and how far the stamp is off it.
/// The platform keys readings by (meter, slot), so a reading sent twice for one slot is the same reading.
/// </summary>
/// <param name="Slot">The start of the interval the reading reports.</param>
/// <param name="Offset">The stamp minus the slot, at most half an interval either way.</param>
public readonly record struct ReadingSlot(DateTimeOffset Slot, TimeSpan Offset)
{
    /// <summary>True when the stamp is within 1 minute of its slot (<see cref="QualityRules.ReadingTimestampTolerance"/>).</summary>
    public bool IsOnTime => Offset.Duration() <= QualityRules.ReadingTimestampTolerance;

    /// <summary>The slot of a timestamp for a meter of <paramref name="cadence"/>.</summary>
    public static ReadingSlot Of(DateTimeOffset at, MeterCadence cadence)
    {
        var interval = cadence == MeterCadence.Hourly ? TimeSpan.TicksPerHour : TimeSpan.TicksPerDay;
        // Beijing midnight is 16:00 UTC; hours are the same in both (the offset is whole hours).
        var local = at.UtcTicks + QualityRules.BeijingOffset.Ticks;
        var slotLocal = (local + interval / 2) / interval * interval;
        var slot = new DateTimeOffset(slotLocal - QualityRules.BeijingOffset.Ticks, TimeSpan.Zero);
        return new ReadingSlot(slot, at - slot);
    }

    /// <summary>
    /// True when a monthly figure's timestamp is within 1 day (<see cref="QualityRules.MonthlyTimestampTolerance"/>) of
    /// its month's end, the first instant of the next Beijing month.
    /// </summary>
    public static bool MonthlyIsOnTime(DateTimeOffset at, DateOnly month)
    {
        var due = QualityRules.StartOfDay(new DateOnly(month.Year, month.Month, 1).AddMonths(1));
        return (at - due).Duration() <= QualityRules.MonthlyTimestampTolerance;
    }
}
