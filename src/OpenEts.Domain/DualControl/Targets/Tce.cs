using System.Globalization;

namespace OpenEts.Domain.DualControl.Targets;

/// <summary>
/// A quantity of energy in tonnes of standard coal equivalent, tce (吨标准煤), exact to 1 kgce (3 decimal places).
/// Stored as integer kilograms in both databases.
/// </summary>
/// <remarks>Never negative. <c>default</c> is zero, a valid value. Arithmetic is checked.</remarks>
public readonly record struct Tce : IComparable<Tce>
{
    /// <summary>The scale: 3 decimal places, 1 kgce.</summary>
    public const int Scale = 3;

    private Tce(decimal value) => Value = value;

    /// <summary>The quantity in tce, at most 3 decimal places, never negative.</summary>
    public decimal Value { get; }

    /// <summary>Zero tce.</summary>
    public static Tce Zero => default;

    /// <summary>The quantity in whole kilograms of coal equivalent, as stored.</summary>
    public long Kilograms => decimal.ToInt64(Value * 1000m);

    /// <summary>Wraps trusted data; a negative value or one finer than 1 kgce is a bug at the caller and throws.</summary>
    public static Tce From(decimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (decimal.Round(value, Scale) != value)
        {
            throw new ArgumentException("tce are exact to 1 kgce (3 decimal places).", nameof(value));
        }
        return new Tce(value);
    }

    /// <summary>Reads user input: a non-negative number of tce with at most 3 decimal places.</summary>
    public static bool TryCreate(decimal? value, out Tce tce, out string? reason)
    {
        tce = default;
        reason = value switch
        {
            null => "a number of tce is required",
            < 0 => "tce cannot be negative",
            { } v when decimal.Round(v, Scale) != v => "tce are exact to 1 kgce (at most 3 decimal places)",
            _ => null,
        };
        if (reason is null)
        {
            tce = new Tce(value!.Value);
        }
        return reason is null;
    }

    /// <summary>Reads stored kilograms.</summary>
    public static Tce FromKilograms(long kilograms) => From(kilograms / 1000m);

    public static Tce operator +(Tce a, Tce b) => new(a.Value + b.Value);

    public static Tce operator -(Tce a, Tce b) => From(a.Value - b.Value);

    public static bool operator <(Tce a, Tce b) => a.Value < b.Value;

    public static bool operator >(Tce a, Tce b) => a.Value > b.Value;

    public static bool operator <=(Tce a, Tce b) => a.Value <= b.Value;

    public static bool operator >=(Tce a, Tce b) => a.Value >= b.Value;

    public Tce Add(Tce other) => this + other;

    public Tce Subtract(Tce other) => this - other;

    public int CompareTo(Tce other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("0.000", CultureInfo.InvariantCulture) + " tce";
}
