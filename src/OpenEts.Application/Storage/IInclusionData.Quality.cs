using OpenEts.Application.Inclusion;

namespace OpenEts.Application.Storage;

// The partners' quality dashboard: counters by partner, programme, receipt day and outcome (migration 0046).
public partial interface IInclusionData
{
    /// <summary>Adds a batch's tallied outcomes to the counters of (partner, programme, day): one upsert per outcome.</summary>
    Task AddQualityAsync(long partner, string programme, DateOnly day, IReadOnlyList<(string Outcome, long Events)> counts);

    /// <summary>
    /// The counters of the days from <paramref name="from"/> to <paramref name="to"/>, of one programme (null: all) and one
    /// partner (null: all), ordered by day, partner, programme and outcome.
    /// </summary>
    Task<IReadOnlyList<QualityCount>> QualityAsync(long? partner, string? programme, DateOnly from, DateOnly to);
}
