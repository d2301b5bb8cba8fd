using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenEts.Domain.Cash;

/// <summary>
/// An amount of money in yuan (元), exact to the fen (0.01 元): never a <c>double</c>, never a fraction of a fen.
/// </summary>
/// <remarks>
/// Range 0 to 10¹⁵ yuan (well inside <c>long</c> fen); arithmetic is checked and a fraction of a fen is refused, never
/// rounded. <c>default</c> is zero, a valid value. Stored as integer fen (<see cref="Fen"/>) in both databases.
/// </remarks>
public readonly record struct Yuan : IComparable<Yuan>
{
    /// <summary>The largest amount accepted: 10¹⁵ yuan, far above any balance and far inside <c>long</c> fen.</summary>
    public static readonly decimal Max = 1_000_000_000_000_000m;

    private Yuan(decimal value) => Value = value;

    /// <summary>The amount in yuan, 0 to <see cref="Max"/>, at most two decimals.</summary>
    public decimal Value { get; }

    /// <summary>The amount in fen (分), exact.</summary>
    public long Fen => (long)(Value * 100m);

    /// <summary>Zero yuan.</summary>
    public static Yuan Zero => default;

    /// <summary>Wraps a trusted amount; throws when it is negative, above <see cref="Max"/> or holds a fraction of a fen.</summary>
    public static Yuan From(decimal value) =>
        TryCreate(value, out var yuan, out var reason) ? yuan : throw new ArgumentOutOfRangeException(nameof(value), value, reason);

    /// <summary>The amount of <paramref name="fen"/> fen; throws when negative.</summary>
    public static Yuan FromFen(long fen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fen);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fen, MaxFen);
        // fen × 10⁻²: the decimal of fen's bits with a scale of 2, the value From(fen / 100m) makes, without a decimal
        // division (a settlement reads and writes three amounts a trade; the division was 4 % of its time).
        return new Yuan(new decimal(unchecked((int)fen), unchecked((int)(fen >> 32)), 0, false, 2));
    }

    private static readonly long MaxFen = (long)(Max * 100m);

    /// <summary>Reads an amount a person typed: ≥ 0, at most two decimals; or says why it is not one.</summary>
    public static bool TryCreate(decimal? value, out Yuan yuan, [NotNullWhen(false)] out string? reason)
    {
        yuan = default;
        reason = value is not { } v ? "an amount in yuan is required"
            : v < 0m ? Text($"an amount is never negative (was {v})")
            : v > Max ? Text($"an amount is at most {Max} yuan (was {v})")
            : decimal.Round(v, 2) != v ? Text($"an amount is exact to the fen, 0.01 yuan (was {v})")
            : null;
        if (reason is not null)
        {
            return false;
        }
        yuan = new Yuan(decimal.Round(value!.Value, 2) + 0.00m);
        return true;
    }

    /// <summary>Reads a positive amount to move (≥ 0.01 yuan), or says why it is not one.</summary>
    public static bool TryCreatePositive(decimal? value, out Yuan yuan, [NotNullWhen(false)] out string? reason)
    {
        if (!TryCreate(value, out yuan, out reason))
        {
            return false;
        }
        if (yuan.Value == 0m)
        {
            reason = "an amount to move is at least 0.01 yuan";
            return false;
        }
        return true;
    }

    /// <summary>
    /// <paramref name="price"/> yuan per tonne × <paramref name="tonnes"/>: exact, as a price is whole fen and a
    /// quantity whole tonnes.
    /// </summary>
    public static Yuan Times(Yuan price, long tonnes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tonnes);
        return From(price.Value * tonnes);
    }

    public static Yuan operator +(Yuan a, Yuan b) => From(a.Value + b.Value);

    /// <summary>Subtracts; throws when the result would be negative (a ledger never guesses).</summary>
    public static Yuan operator -(Yuan a, Yuan b) => From(a.Value - b.Value);

    public static bool operator <(Yuan a, Yuan b) => a.Value < b.Value;

    public static bool operator >(Yuan a, Yuan b) => a.Value > b.Value;

    public static bool operator <=(Yuan a, Yuan b) => a.Value <= b.Value;

    public static bool operator >=(Yuan a, Yuan b) => a.Value >= b.Value;

    public Yuan Add(Yuan other) => this + other;

    public Yuan Subtract(Yuan other) => this - other;

    public int CompareTo(Yuan other) => Value.CompareTo(other.Value);

    /// <summary>The amount with two decimals, invariant culture (<c>1234.50</c>).</summary>
    public override string ToString() => Value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
