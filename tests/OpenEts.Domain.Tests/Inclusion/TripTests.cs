using FsCheck;
using FsCheck.Fluent;
using OpenEts.Domain.Inclusion;
using Xunit;

namespace OpenEts.Domain.Tests.Inclusion;

/// <summary>Overlapping trips (出行时段重叠): one citizen rides one vehicle at a time, give or take the readers' clocks.</summary>
public sealed class TripTests
{
    private static readonly DateTimeOffset Eight = new(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));

    private static Trip At(int minute, decimal? minutes) => Trip.Of(Eight.AddMinutes(minute), minutes);

    [Fact]
    public void Overlaps_BikeTripInsideAMetroRide_Conflicts()
    {
        var metro = At(0, 40m);
        var bike = At(10, 15m);

        Assert.True(bike.Overlaps(metro, TripLog.Tolerance));
        Assert.True(metro.Overlaps(bike, TripLog.Tolerance));
    }

    [Fact]
    public void Overlaps_TransferWithinTheTolerance_DoesNotConflict()
    {
        // Metro 08:00–08:30; the bus tapped at 08:29 (the gate's clock a minute ahead of the bus's): both count.
        Assert.False(At(0, 30m).Overlaps(At(29, 20m), TripLog.Tolerance));
        Assert.False(At(0, 30m).Overlaps(At(28, 20m), TripLog.Tolerance));
        Assert.True(At(0, 30m).Overlaps(At(27, 20m), TripLog.Tolerance));
    }

    [Fact]
    public void Overlaps_TapWithoutDuration_ConflictsOnlyWellInsideATrip()
    {
        Assert.True(At(15, null).Overlaps(At(0, 30m), TripLog.Tolerance));
        Assert.False(At(1, null).Overlaps(At(0, 30m), TripLog.Tolerance));
        Assert.False(At(29, 0m).Overlaps(At(0, 30m), TripLog.Tolerance));
        Assert.False(At(15, null).Overlaps(At(15, null), TripLog.Tolerance));
    }

    [Fact]
    public void Of_MinutesOutsideADay_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Trip.Of(Eight, 1441m));

    [Fact]
    public void TryAdd_SecondTripAtTheSameTime_IsRefusedAndTheFirstStays()
    {
        var log = new TripLog([]);

        Assert.True(log.TryAdd(At(0, 30m)));
        Assert.False(log.TryAdd(At(5, 10m)));
        Assert.True(log.TryAdd(At(31, 10m)));
        Assert.Equal([At(0, 30m), At(31, 10m)], log.Trips);
    }

    [Fact]
    public void IsTrip_RidesOnly() =>
        Assert.Equal([Behaviour.Metro, Behaviour.Bus, Behaviour.Bike], Enum.GetValues<Behaviour>().Where(Trip.IsTrip).ToArray());

    [Fact]
    public void TryAdd_RandomTrips_NeverCountsTwoOverlappingTripsOfOneCitizen() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1).ArrayOf()),
            (int[] seeds) =>
            {
                var trips = seeds.Select(seed => new Random(seed)).Select(r => (Start: r.Next(0, 600), Minutes: r.Next(-1, 90))).ToArray();
                var log = new TripLog([]);
                foreach (var (start, minutes) in trips)
                {
                    log.TryAdd(At(start, minutes < 0 ? null : minutes));
                }
                var counted = log.Trips;
                for (var i = 0; i < counted.Count; i++)
                {
                    for (var j = i + 1; j < counted.Count; j++)
                    {
                        // Counted trips overlap by at most the tolerance, measured from either side.
                        Assert.False(counted[i].Overlaps(counted[j], TripLog.Tolerance));
                        Assert.False(counted[j].Overlaps(counted[i], TripLog.Tolerance));
                    }
                }
                Assert.True(trips.Length == 0 || counted.Count > 0);
            }));
}
