using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenEts.Domain.Quantities;

/// <summary>
/// A whole number of registry units (配额/核证减排量): one unit is one tonne CO2e (national-ets.md §2.1, 条例 Art. 30).
/// </summary>
/// <remarks>Range 0 to <see cref="long.MaxValue"/>; arithmetic is checked. <c>default</c> is zero, a valid value.</remarks>
public readonly record struct AllowanceCount : IComparable<AllowanceCount>
{
    private AllowanceCount(long value) => Value = value;

    /// <summary>The number of units (tonnes CO2e), never negative.</summary>
    public long Value { get; }

    /// <summary>Zero units.</summary>
    public static AllowanceCount Zero => default;

    /// <summary>Wraps a non-negative count; a negative one is a bug at the caller and throws.</summary>
    public static AllowanceCount From(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return new AllowanceCount(value);
    }

    /// <summary>
    /// Reads a quantity a user asked to create or move: a whole number of tonnes, at least 1; or says why it is not one.
    /// </summary>
    public static bool TryCreatePositive(long? value, out AllowanceCount count, [NotNullWhen(false)] out string? reason)
    {
        count = default;
        reason = value is null ? "a quantity is required (a whole number of tonnes ≥ 1)"
            : value < 1 ? string.Create(CultureInfo.InvariantCulture, $"a quantity is a whole number of tonnes ≥ 1 (was {value})")
            : null;
        if (reason is not null)
        {
            return false;
        }
        count = new AllowanceCount(value!.Value);
        return true;
    }

    public static AllowanceCount operator +(AllowanceCount a, AllowanceCount b) => new(checked(a.Value + b.Value));

    /// <summary>Subtracts; throws when the result would be negative.</summary>
    public static AllowanceCount operator -(AllowanceCount a, AllowanceCount b) => From(checked(a.Value - b.Value));

    public static bool operator <(AllowanceCount a, AllowanceCount b) => a.Value < b.Value;

    public static bool operator >(AllowanceCount a, AllowanceCount b) => a.Value > b.Value;

    public static bool operator <=(AllowanceCount a, AllowanceCount b) => a.Value <= b.Value;

    public static bool operator >=(AllowanceCount a, AllowanceCount b) => a.Value >= b.Value;

    public AllowanceCount Add(AllowanceCount other) => this + other;

    public AllowanceCount Subtract(AllowanceCount other) => this - other;

    public int CompareTo(AllowanceCount other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
