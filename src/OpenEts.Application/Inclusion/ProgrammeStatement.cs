using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A citizen's coins and reductions in one programme today: spendable, pending (not yet available), credited, redeemed
/// expired and donated (credited = spendable + pending + redeemed + expired + donated), the reduction and actions counted, and the last
/// 30 days by day, behaviour and source.
/// </summary>
public sealed record ProgrammeStatement(
    InclusionProgramme Programme, long Spendable, long Pending, long Credited, long Redeemed, long Expired, CarbonGrams Reduction, long Actions,
    IReadOnlyList<DailyRollup> Daily)
{
    /// <summary>Coins given to the programme's causes.</summary>
    public long Donated { get; init; }

    /// <summary>
    /// The daily rows whose coins a cap of the programme stopped: the cap's window (the day or month, the citizen or the
    /// source) holds as many coins as it allows, so actions past it counted their reduction and earned no more coins.
    /// </summary>
    public IReadOnlyDictionary<DailyRollup, Cap> CapsReached { get; init; } = new Dictionary<DailyRollup, Cap>();
}
