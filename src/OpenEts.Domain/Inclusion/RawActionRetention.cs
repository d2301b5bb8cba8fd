namespace OpenEts.Domain.Inclusion;

/// <summary>
/// How long raw actions (source, event id, time, quantity) are kept (保存期限) before they are deleted; the daily
/// reductions summed by behaviour are kept, so totals, aggregations and the journal's hash chain do not change.
/// </summary>
/// <param name="Days">Days kept after the action's Beijing day, at least 31 (the oldest an action may arrive is 30 days).</param>
/// <param name="Source">Why this many days.</param>
/// <param name="Confirmed">True when read in a source.</param>
public sealed record RawActionRetention(int Days, string Source, bool Confirmed)
{
    /// <summary>
    /// 400 days [UNCONFIRMED: the platform's own choice, stated in the consent notice: long enough for a year's
    /// aggregation and its verification].
    /// </summary>
    public static RawActionRetention Default { get; } = new(400,
        "the platform's own choice, stated in the consent notice: a year's aggregation and its verification [UNCONFIRMED]", false);

    /// <summary>The first day whose actions are kept on <paramref name="today"/>: actions of earlier days are deleted.</summary>
    public DateOnly FirstKept(DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Days, 31);
        return today.AddDays(-Days);
    }
}
