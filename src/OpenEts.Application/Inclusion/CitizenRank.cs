using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A citizen's place in their programme this month (本月排名), by reduction: their rank (1 + the citizens who reduced more;
/// equal totals share a rank) among the citizens with a counted action in the month, and the month's top list — each
/// entry named only by the nickname its citizen chose (null: anonymous), never by account or contact.
/// </summary>
public sealed record CitizenRank(InclusionProgramme Programme, DateOnly Month, CarbonGrams Reduction, long Rank, long Citizens,
    IReadOnlyList<RankEntry> Top)
{
    /// <summary>
    /// The share of the month's citizens ranked at or above the citizen, in percent rounded up to one decimal (前 0.4%):
    /// 100 for the last, and never 0 for the first.
    /// </summary>
    public decimal TopPercent => Citizens == 0 ? 100m : Math.Ceiling(Rank * 1000m / Citizens) / 10m;
}
