namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// The data-quality rules of key energy users' online monitoring (重点用能单位能耗在线监测 数据质量), with their sources
/// (reference section B, "Data quality rules"). Each figure is cited where it is used; one flagged [UNCONFIRMED] is
/// marked so in the docs and on the dashboard.
/// </summary>
public static class QualityRules
{
    /// <summary>
    /// Completeness threshold: uploaded ÷ expected × 100 % with a threshold of 90 %
    /// (http://m.sanyawang.net/helpdoc/2019/1127/633.html). A unit is flagged below it; exactly 90 % passes.
    /// [UNCONFIRMED] that the rule reads "≥ 90 %": the comparison symbol is lost in the page text.
    /// </summary>
    public const decimal CompletenessThreshold = 0.90m;

    /// <summary>Daily data must agree with the monthly data within 5 % (same source).</summary>
    public const decimal MonthlyAgreementTolerance = 0.05m;

    /// <summary>
    /// Daily data's timestamps may deviate by at most 1 minute (same source). The platform applies it to every reading of
    /// an hourly or daily meter: an hourly reading is daily data at a finer grain (our reading of the rule).
    /// </summary>
    public static TimeSpan ReadingTimestampTolerance { get; } = TimeSpan.FromMinutes(1);

    /// <summary>Monthly data's timestamps may deviate by at most 1 day (same source).</summary>
    public static TimeSpan MonthlyTimestampTolerance { get; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A meter fault is repaired within 3 working days; beyond that it is reported to the provincial platform
    /// (http://www.hao3537.com/xinwendongtai/781.html).
    /// </summary>
    public const int RepairWorkingDays = 3;

    /// <summary>After a meter's calibration or replacement the system is updated within 3 working days (same source).</summary>
    public const int CalibrationUpdateWorkingDays = 3;

    /// <summary>Beijing time, in which days and months are counted (UTC+8, no daylight saving).</summary>
    public static TimeSpan BeijingOffset { get; } = TimeSpan.FromHours(8);

    /// <summary>The Beijing calendar day of an instant.</summary>
    public static DateOnly BeijingDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(BeijingOffset).DateTime);

    /// <summary>The first instant of a Beijing calendar day.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), BeijingOffset);
}
