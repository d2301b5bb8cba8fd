namespace OpenEts.Domain.Inclusion;

/// <summary>
/// A quantified reduction (减排量) of carbon dioxide, exact to one milligram. Stored as whole milligrams (a <c>long</c>) in
/// both databases; shown in grams or kilograms. <c>default</c> is zero. Never negative: a methodology that finds no
/// reduction gives zero. Arithmetic is checked.
/// </summary>
public readonly record struct CarbonGrams : IComparable<CarbonGrams>
{
    private CarbonGrams(long milligrams) => Milligrams = milligrams;

    /// <summary>The reduction in whole milligrams (≥ 0).</summary>
    public long Milligrams { get; }

    /// <summary>The reduction in grams, exact (3 decimals).</summary>
    public decimal Grams => Milligrams / 1000m;

    /// <summary>The reduction in kilograms, exact (6 decimals).</summary>
    public decimal Kilograms => Milligrams / 1_000_000m;

    /// <summary>The reduction in tonnes, exact (9 decimals).</summary>
    public decimal Tonnes => Milligrams / 1_000_000_000m;

    public static CarbonGrams Zero => default;

    /// <summary>From whole milligrams (trusted data, e.g. storage); throws when negative.</summary>
    public static CarbonGrams FromMilligrams(long milligrams)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milligrams);
        return new CarbonGrams(milligrams);
    }

    /// <summary>
    /// Rounds a computed quantity of grams to the milligram, toward zero (a reduction is never overstated); a negative
    /// result (the behaviour emitted more than its baseline) is zero.
    /// </summary>
    public static CarbonGrams RoundToMilligram(decimal grams) =>
        grams <= 0 ? Zero : new CarbonGrams(checked((long)decimal.Round(grams * 1000m, 0, MidpointRounding.ToZero)));

    public static CarbonGrams operator +(CarbonGrams a, CarbonGrams b) => new(checked(a.Milligrams + b.Milligrams));

    public static CarbonGrams operator -(CarbonGrams a, CarbonGrams b)
    {
        var value = checked(a.Milligrams - b.Milligrams);
        return value < 0 ? throw new InvalidOperationException("A reduction cannot become negative.") : new CarbonGrams(value);
    }

    public static bool operator <(CarbonGrams a, CarbonGrams b) => a.Milligrams < b.Milligrams;

    public static bool operator >(CarbonGrams a, CarbonGrams b) => a.Milligrams > b.Milligrams;

    public static bool operator <=(CarbonGrams a, CarbonGrams b) => a.Milligrams <= b.Milligrams;

    public static bool operator >=(CarbonGrams a, CarbonGrams b) => a.Milligrams >= b.Milligrams;

    public int CompareTo(CarbonGrams other) => Milligrams.CompareTo(other.Milligrams);

    public override string ToString() => Grams.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " g";
}
