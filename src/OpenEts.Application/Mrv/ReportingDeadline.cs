namespace OpenEts.Application.Mrv;

/// <summary>
/// A jurisdiction's MRV timetable for one reporting year: the day emission reports are due and the day verification
/// reports are due (both inclusive, China Standard Time). Guangdong 2017: 2018-03-15 and 2018-05-05
/// (粤发改气候函〔2018〕758号, reference/guangdong.md §1.4a); others are set by the regulator.
/// </summary>
public sealed record ReportingDeadline(string Jurisdiction, int Year, DateOnly ReportsDue, DateOnly VerificationDue)
{
    // China has kept UTC+8 all year since 1991: a fixed offset is exact.
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>
    /// The reporting round in progress: the newest year with a deadline (what a company files next and the regulator
    /// chases); null when no deadline is set.
    /// </summary>
    public static ReportingDeadline? Current(IEnumerable<ReportingDeadline> deadlines) => deadlines.MaxBy(d => d.Year);

    /// <summary>True when <paramref name="at"/> is after the end of <paramref name="due"/> in China Standard Time.</summary>
    public static bool IsAfter(DateTimeOffset at, DateOnly due) =>
        at > new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaStandardTime);
}
