namespace OpenEts.Domain.DualControl.Monitoring;

/// <summary>
/// An amount of energy read off a meter, in the meter point's own unit (kWh, m³, t, GJ), exact to 0.001 of that unit.
/// Stored as whole thousandths (a <c>long</c>) in both databases. <c>default</c> is zero. Never negative (a reading is
/// the energy used in its interval, not a register value). Arithmetic is checked.
/// </summary>
public readonly record struct MeterQuantity : IComparable<MeterQuantity>
{
    private MeterQuantity(long milli) => Milli = milli;

    /// <summary>The amount in thousandths of the meter's unit (≥ 0).</summary>
    public long Milli { get; }

    /// <summary>The amount in the meter's unit, exact (3 decimals).</summary>
    public decimal Value => Milli / 1000m;

    public static MeterQuantity Zero => default;

    /// <summary>From thousandths (trusted data, e.g. storage); throws when negative.</summary>
    public static MeterQuantity FromMilli(long milli)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milli);
        return new MeterQuantity(milli);
    }

    /// <summary>Reads a typed amount: false with a reason when negative, finer than 0.001 or too large.</summary>
    public static bool TryCreate(decimal value, out MeterQuantity quantity, out string reason)
    {
        quantity = default;
        if (value < 0)
        {
            reason = "a reading is the energy used in its interval and is never negative";
            return false;
        }
        if (decimal.Round(value, 3) != value)
        {
            reason = "a reading is exact to 0.001 of its unit";
            return false;
        }
        if (value > 1_000_000_000_000m)
        {
            reason = "a reading is at most 10¹² of its unit";
            return false;
        }
        quantity = new MeterQuantity((long)(value * 1000m));
        reason = "";
        return true;
    }

    public static MeterQuantity operator +(MeterQuantity a, MeterQuantity b) => new(checked(a.Milli + b.Milli));

    public static bool operator <(MeterQuantity a, MeterQuantity b) => a.Milli < b.Milli;

    public static bool operator >(MeterQuantity a, MeterQuantity b) => a.Milli > b.Milli;

    public static bool operator <=(MeterQuantity a, MeterQuantity b) => a.Milli <= b.Milli;

    public static bool operator >=(MeterQuantity a, MeterQuantity b) => a.Milli >= b.Milli;

    public int CompareTo(MeterQuantity other) => Milli.CompareTo(other.Milli);

    public override string ToString() => Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
