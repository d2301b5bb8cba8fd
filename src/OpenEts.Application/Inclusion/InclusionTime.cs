namespace OpenEts.Application.Inclusion;

/// <summary>Days in carbon inclusion are Beijing calendar days (UTC+8): caps, rollups and coin lots count by them.</summary>
public static class InclusionTime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The Beijing calendar day of <paramref name="at"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Beijing).DateTime);

    /// <summary>The instant the Beijing calendar day <paramref name="day"/> begins (00:00 UTC+8).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Beijing);
}
