namespace OpenEts.Domain.Inclusion;

/// <summary>
/// How many of an aggregation's events the verifier checks (核查抽样方案): attribute sampling of a proportion (the share
/// of events the records do not support), sized to estimate it within ±<see cref="Precision"/> at the confidence whose
/// two-sided standard normal quantile is <see cref="Z"/>, with the finite-population correction:
/// n₀ = z²·p·(1 − p) / e², n = ⌈n₀ / (1 + (n₀ − 1) / N)⌉ (Cochran, <i>Sampling Techniques</i>, 3rd ed., 1977, eqs. 4.2
/// and 4.3; the form the CDM "Standard: Sampling and surveys for CDM project activities and programmes of activities"
/// applies to proportions). The same plan says how much error is tolerable (<see cref="TolerableRate"/>): above it the
/// verified reduction is cut by the error projected from the sample (<see cref="SampleEvaluation"/>).
/// </summary>
/// <param name="Z">The standard normal quantile of the confidence, &gt; 0 (1.96 for 95 %, 1.645 for 90 %).</param>
/// <param name="ExpectedRate">p, the error rate expected before sampling, in (0, 1); 0.5 when nothing is known (it maximises p(1 − p)).</param>
/// <param name="Precision">e, the half-width of the interval on the error rate, in (0, 1).</param>
/// <param name="TolerableRate">The share of the claimed reduction that may be unsupported without changing the figure (materiality), in [0, 1).</param>
/// <param name="Source">Where the parameters come from.</param>
/// <param name="Confirmed">True when the parameters were read in a source that binds the programme.</param>
public sealed record SamplingPlan(decimal Z, decimal ExpectedRate, decimal Precision, decimal TolerableRate, string Source, bool Confirmed)
{
    /// <summary>
    /// 95 % confidence (z = 1.96, the two-sided normal quantile to two decimals), p = 0.5, e = 5 %, 5 % tolerable error
    /// [UNCONFIRMED: no Chinese 碳普惠 rule publishes a verification sampling plan; 95/5 is the common survey default and
    /// tighter than the CDM sampling standard's 90/10 for monitoring and 95/10 for a group of CPAs; the 5 % materiality is
    /// the EU verification regulation's threshold for installations of at most 500 kt a year (Regulation (EU) 2018/2067
    /// Art. 23), borrowed].
    /// </summary>
    public static SamplingPlan Default { get; } = new(1.96m, 0.5m, 0.05m, 0.05m,
        "95 % confidence (z = 1.96), p = 0.5, ±5 %; 5 % tolerable (materiality as in Regulation (EU) 2018/2067 Art. 23) — "
        + "no 碳普惠 rule publishes a verification sampling plan [UNCONFIRMED]", false);

    /// <summary>n₀ = z²·p·(1 − p) / e², the size for an unlimited population (not rounded).</summary>
    public decimal UnlimitedSize
    {
        get
        {
            Check();
            return Z * Z * ExpectedRate * (1 - ExpectedRate) / (Precision * Precision);
        }
    }

    /// <summary>
    /// The sample size for <paramref name="population"/> events: ⌈n₀ / (1 + (n₀ − 1) / N)⌉, never more than N (every event
    /// of a small population is checked); 0 for none.
    /// </summary>
    public long SizeFor(long population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        if (population == 0)
        {
            return 0;
        }
        var n0 = UnlimitedSize;
        var corrected = n0 / (1 + ((n0 - 1) / population));
        return Math.Min(population, (long)decimal.Ceiling(corrected));
    }

    private void Check()
    {
        if (Z <= 0 || ExpectedRate is <= 0 or >= 1 || Precision is <= 0 or >= 1 || TolerableRate is < 0 or >= 1)
        {
            throw new InvalidOperationException("a sampling plan's z is positive and its rates lie between 0 and 1");
        }
    }
}
