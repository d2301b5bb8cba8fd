namespace OpenEts.Domain.Inclusion;

/// <summary>
/// The time one trip (出行) of a citizen took: a metro or bus ride from tap-in to tap-out, or a bike-share trip from unlock
/// to lock. <see cref="Start"/> is the action's time; <see cref="End"/> is it plus the trip's minutes, or the same instant
/// when the partner sent no duration (a bus tap on boarding only).
/// </summary>
/// <remarks>Default: an instant at <see cref="DateTimeOffset.MinValue"/>.</remarks>
public readonly record struct Trip
{
    private Trip(DateTimeOffset start, DateTimeOffset end) => (Start, End) = (start, end);

    /// <summary>When the trip began (tap-in, unlock).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>When the trip ended (tap-out, lock): at or after <see cref="Start"/>.</summary>
    public DateTimeOffset End { get; }

    /// <summary>True for the behaviours that are trips taking time: metro, bus, bike.</summary>
    public static bool IsTrip(Behaviour behaviour) => behaviour is Behaviour.Metro or Behaviour.Bus or Behaviour.Bike;

    /// <summary>The trip begun at <paramref name="start"/> lasting <paramref name="minutes"/> (null or 0: an instant).</summary>
    public static Trip Of(DateTimeOffset start, decimal? minutes)
    {
        if (minutes is < 0 or > 1440)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "a trip lasts 0–1440 minutes");
        }
        // Whole milliseconds, as stored: the same trip read back compares equal.
        var end = start.AddMilliseconds((double)decimal.Round((minutes ?? 0) * 60_000m, 0, MidpointRounding.ToZero));
        return new Trip(start, end);
    }

    /// <summary>
    /// True when this trip and <paramref name="other"/> cannot both have been taken by one person: each starts more than
    /// <paramref name="tolerance"/> before the other ends. Trips that only touch, or overlap by at most the tolerance
    /// (readers' clocks, a tap-out and the next tap-in of a transfer), do not conflict; two instants never do; an instant
    /// conflicts with a trip it lies inside by more than the tolerance from both ends.
    /// </summary>
    public bool Overlaps(Trip other, TimeSpan tolerance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        return Start < other.End - tolerance && other.Start < End - tolerance;
    }
}
