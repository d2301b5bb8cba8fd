namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A limit on what a user earns in a window. <paramref name="MaxActions"/> limits the actions counted: an action past it is
/// refused (nothing counted, neither reduction nor coins). <paramref name="MaxCoins"/> limits coins: an action past it still
/// counts its reduction, and its coins are cut to what is left.
/// </summary>
/// <param name="Scope">Per user, or per data source.</param>
/// <param name="Behaviour">The one behaviour it applies to, or null for all.</param>
/// <param name="Period">Day or month.</param>
/// <param name="MaxActions">Actions counted at most, or null.</param>
/// <param name="MaxCoins">Coins earned at most, or null.</param>
/// <param name="Source">Where the cap was read.</param>
/// <param name="Confirmed">True when read in its source.</param>
public sealed record Cap(CapScope Scope, Behaviour? Behaviour, CapPeriod Period, long? MaxActions, long? MaxCoins, string Source, bool Confirmed)
{
    /// <summary>True when an action of <paramref name="behaviour"/> counts toward this cap.</summary>
    public bool Covers(Behaviour behaviour) => Behaviour is null || Behaviour == behaviour;

    /// <summary>True when <paramref name="day"/> lies in the same window as <paramref name="actionDay"/>.</summary>
    public bool InWindow(DateOnly actionDay, DateOnly day) => Period == CapPeriod.Day
        ? day == actionDay
        : day.Year == actionDay.Year && day.Month == actionDay.Month;

    /// <summary>The first day of the window <paramref name="day"/> lies in: the day itself, or the first of its month.</summary>
    public DateOnly WindowOf(DateOnly day) => Period == CapPeriod.Day ? day : new DateOnly(day.Year, day.Month, 1);
}
