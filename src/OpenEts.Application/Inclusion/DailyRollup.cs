using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A user's counted actions, reduction and coins of one behaviour from one source on one Beijing day, and
/// <paramref name="CoinsCut"/>: the coins a cap of the programme withheld from those actions (their reduction counted in
/// full); 0 on rows recorded before the platform kept it (migration 0063).
/// </summary>
public sealed record DailyRollup(DateOnly Day, Behaviour Behaviour, string Source, long Actions, CarbonGrams Reduction, long Coins, long CoinsCut = 0)
{
    /// <summary>The row as the caps see it.</summary>
    public UsageRow Usage => new(Day, Behaviour, Source, Actions, Coins);
}
