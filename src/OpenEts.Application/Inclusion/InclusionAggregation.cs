using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A programme's verified reductions over a period, filed as a PHCER monitoring report through the offsets module
/// (<paramref name="Report"/>: the offsets report id). The tonnes claimed are the reduction rounded down to the kilogram.
/// </summary>
public sealed record InclusionAggregation(
    long Id, string Programme, DateOnly PeriodStart, DateOnly PeriodEnd, CarbonGrams Reduction, long Actions, decimal ClaimedTonnes,
    string PhcerProject, long Report, DateTimeOffset At, string By)
{
    /// <summary>How many distinct citizens the period's counted actions come from: the public statistics withhold a period of fewer than the minimum group.</summary>
    public long Citizens { get; init; }
}
