using System.Globalization;

namespace OpenEts.Domain.Quantities;

/// <summary>
/// A reported or approved quantity of emissions, tCO2 (排放量), exact to 1 kg (3 decimal places). Computed
/// intermediate figures keep full precision; a total becomes <see cref="Tonnes"/> only at reporting, through
/// <see cref="RoundForReport"/>. Stored as integer kilograms in both databases.
/// </summary>
/// <remarks>Never negative. <c>default</c> is zero, a valid value. Arithmetic is checked.</remarks>
public readonly record struct Tonnes : IComparable<Tonnes>
{
    /// <summary>The scale: 3 decimal places, 1 kg.</summary>
    public const int Scale = 3;

    private Tonnes(decimal value) => Value = value;

    /// <summary>The quantity in tonnes, at most 3 decimal places, never negative.</summary>
    public decimal Value { get; }

    /// <summary>Zero tonnes.</summary>
    public static Tonnes Zero => default;

    /// <summary>The quantity in whole kilograms, as stored.</summary>
    public long Kilograms => decimal.ToInt64(Value * 1000m);

    /// <summary>Wraps trusted data; a negative value or one finer than 1 kg is a bug at the caller and throws.</summary>
    public static Tonnes From(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (decimal.Round(value, Scale) != value)
        {
            throw new ArgumentException("Tonnes are exact to 1 kg (3 decimal places).", nameof(value));
        }
        return new Tonnes(value);
    }

    /// <summary>Reads stored kilograms.</summary>
    public static Tonnes FromKilograms(long kilograms) => From(kilograms / 1000m);

    /// <summary>
    /// Rounds an exact computed total to the reporting scale (1 kg), half away from zero (docs/mrv.md, "Rounding").
    /// A negative total (net export) is a bug at the caller: reports clamp at the edge that knows why.
    /// </summary>
    public static Tonnes RoundForReport(decimal exact) => From(decimal.Round(exact, Scale, MidpointRounding.AwayFromZero));

    public static Tonnes operator +(Tonnes a, Tonnes b) => new(a.Value + b.Value);

    public static Tonnes operator -(Tonnes a, Tonnes b) => From(a.Value - b.Value);

    public static bool operator <(Tonnes a, Tonnes b) => a.Value < b.Value;

    public static bool operator >(Tonnes a, Tonnes b) => a.Value > b.Value;

    public static bool operator <=(Tonnes a, Tonnes b) => a.Value <= b.Value;

    public static bool operator >=(Tonnes a, Tonnes b) => a.Value >= b.Value;

    public Tonnes Add(Tonnes other) => this + other;

    public Tonnes Subtract(Tonnes other) => this - other;

    public int CompareTo(Tonnes other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("0.000", CultureInfo.InvariantCulture) + " t";
}
