using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>A user's counted actions, reduction and coins of one behaviour from one source on one Beijing day.</summary>
public sealed record DailyRollup(DateOnly Day, Behaviour Behaviour, string Source, long Actions, CarbonGrams Reduction, long Coins)
{
    /// <summary>The row as the caps see it.</summary>
    public UsageRow Usage => new(Day, Behaviour, Source, Actions, Coins);
}
