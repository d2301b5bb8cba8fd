namespace OpenEts.Domain.Inclusion;

/// <summary>
/// Splits a sample over strata (behaviours) in proportion to their events (proportional allocation, Cochran 1977 §5.5),
/// the remainders going to the largest fractional parts (ties: the stratum listed first), and then at least one event of
/// every stratum that has one, so that no behaviour goes unchecked. The total can exceed the plan's size by the strata
/// raised to one; every stratum's share stays within its events.
/// </summary>
public static class SampleAllocation
{
    /// <summary>The events to draw from each stratum, in the order of <paramref name="strata"/> (each its event count, ≥ 0).</summary>
    public static IReadOnlyList<long> Proportional(long size, IReadOnlyList<long> strata)
    {
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        long population = 0;
        foreach (var n in strata)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n);
            population = checked(population + n);
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, population);
        var shares = new long[strata.Count];
        if (population == 0)
        {
            return shares;
        }
        var remainders = new (decimal Fraction, int Index)[strata.Count];
        long given = 0;
        for (var i = 0; i < strata.Count; i++)
        {
            var exact = (decimal)size * strata[i] / population;
            shares[i] = (long)decimal.Floor(exact);
            given += shares[i];
            remainders[i] = (exact - shares[i], i);
        }
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Fraction).ThenBy(r => r.Index).Take((int)(size - given)))
        {
            shares[index]++;
        }
        for (var i = 0; i < strata.Count; i++)
        {
            if (shares[i] == 0 && strata[i] > 0 && size > 0)
            {
                shares[i] = 1;
            }
        }
        return shares;
    }
}
