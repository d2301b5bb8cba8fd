using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Storage;

// Citizens' reductions by programme and month, kept as batches are written (migration 0061), for a citizen's rank.
public partial interface IInclusionData
{
    /// <summary>Adds to citizens' month totals (creating those that are new); at most one row per user and month.</summary>
    Task AddCitizenMonthsAsync(string programme, IReadOnlyList<(long UserId, DateOnly Month, CarbonGrams Add)> rows);

    /// <summary>
    /// A citizen's reduction in a programme's month (<paramref name="month"/>: its first day), how many citizens reduced more,
    /// and how many citizens the month has; null when the citizen has no total in that month.
    /// </summary>
    Task<(CarbonGrams Reduction, long Above, long Citizens)?> MonthRankAsync(long userId, string programme, DateOnly month);

    /// <summary>The month's largest totals, largest first (ties by user id), at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<(long UserId, CarbonGrams Reduction)>> MonthTopAsync(string programme, DateOnly month, int take);
}
