namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// Working days (工作日) for the repair and calibration deadlines: Monday to Friday. Statutory holidays and their
/// make-up working days (调休) are not modelled: the sources give "3 working days" with no calendar, so a deadline
/// across a holiday comes out earlier than the official one (stricter, never laxer by more than the holiday).
/// </summary>
public static class WorkingDays
{
    /// <summary>True for Monday to Friday.</summary>
    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The day <paramref name="count"/> working days after <paramref name="day"/> (the day itself not counted): Friday
    /// plus 3 is the next Wednesday.
    /// </summary>
    public static DateOnly Add(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var d = day;
        while (count > 0)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d))
            {
                count--;
            }
        }
        return d;
    }
}
