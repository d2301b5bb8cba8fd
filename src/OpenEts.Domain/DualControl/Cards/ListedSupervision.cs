namespace OpenEts.Domain.DualControl.Cards;

/// <summary>
/// 挂牌督办: a company with serious exceedance in each of the rules' number of consecutive quarters, ending with the quarter
/// asked about, is put under listed supervision for that quarter (national pattern: two consecutive quarters).
/// </summary>
public static class ListedSupervision
{
    /// <summary>True when <paramref name="seriousQuarters"/> holds <paramref name="quarter"/> and the quarters just before it.</summary>
    public static bool Applies(IEnumerable<Quarter> seriousQuarters, Quarter quarter, int consecutive)
    {
        ArgumentNullException.ThrowIfNull(seriousQuarters);
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutive, 1);
        var set = seriousQuarters.ToHashSet();
        var q = quarter;
        for (var i = 0; i < consecutive; i++, q = q.Previous)
        {
            if (!set.Contains(q))
            {
                return false;
            }
        }
        return true;
    }
}
