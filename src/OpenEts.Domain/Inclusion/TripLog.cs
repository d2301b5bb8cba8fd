namespace OpenEts.Domain.Inclusion;

/// <summary>
/// The trips already counted for one citizen (across partners, sources and programmes: one person rides one vehicle at a
/// time), against which a new trip is checked (<c>OverlappingTrip</c>). It grows as trips are counted, so a batch never
/// counts two trips of one citizen at once; the first counted wins.
/// </summary>
public sealed class TripLog
{
    /// <summary>
    /// How much two trips of one citizen may overlap and still both count: 2 minutes [UNCONFIRMED: the platform's own; no
    /// programme publishes one], for readers' clocks that disagree and the tap-out and tap-in of a transfer.
    /// </summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(2);

    private readonly List<Trip> _trips;

    /// <summary>A log holding the counted <paramref name="trips"/>.</summary>
    public TripLog(IEnumerable<Trip> trips)
    {
        ArgumentNullException.ThrowIfNull(trips);
        _trips = [.. trips];
    }

    /// <summary>The trips held.</summary>
    public IReadOnlyList<Trip> Trips => _trips;

    /// <summary>True when <paramref name="trip"/> overlaps a counted trip by more than <see cref="Tolerance"/>.</summary>
    public bool Conflicts(Trip trip)
    {
        // A citizen's trips over a batch's window are a handful: a scan is cheaper than any index.
        foreach (var counted in _trips)
        {
            if (trip.Overlaps(counted, Tolerance))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Counts <paramref name="trip"/> unless it conflicts; true when it was counted.</summary>
    public bool TryAdd(Trip trip)
    {
        if (Conflicts(trip))
        {
            return false;
        }
        _trips.Add(trip);
        return true;
    }

    /// <summary>Counts <paramref name="trip"/> (checked already).</summary>
    public void Add(Trip trip) => _trips.Add(trip);
}
