using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenEts.Domain.Registry;

/// <summary>
/// The share of a verified quantity withheld to a buffer account at issuance (the non-permanence buffer of forestry
/// methodologies): a percentage, or a fixed number of tonnes.
/// </summary>
/// <remarks>
/// Whole tonnes: a percentage withholds ⌈verified × percent / 100⌉, rounded UP so the owner is never credited a
/// fraction of a tonne the buffer should hold (the conservative side). The owner gets the rest; issued = owner + buffer
/// exactly. A percentage is 0–100 exclusive of 100 with at most 2 decimals. <c>default</c> withholds nothing.
/// </remarks>
public readonly record struct BufferShare
{
    private BufferShare(decimal? percent, long? tonnes)
    {
        Percent = percent;
        Tonnes = tonnes;
    }

    /// <summary>The percentage withheld; null when the share is a fixed quantity.</summary>
    public decimal? Percent { get; }

    /// <summary>The tonnes withheld; null when the share is a percentage.</summary>
    public long? Tonnes { get; }

    /// <summary>A share of <paramref name="percent"/> % (0 ≤ percent &lt; 100, 2 decimals at most), or says why not.</summary>
    public static bool TryOfPercent(decimal percent, out BufferShare share, [NotNullWhen(false)] out string? reason)
    {
        share = default;
        reason = percent is < 0 or >= 100 ? "a buffer percentage is at least 0 and below 100"
            : decimal.Round(percent, 2) != percent ? "a buffer percentage has at most 2 decimals"
            : null;
        if (reason is null)
        {
            // Trailing zeros dropped (20.50 → 20.5), so equal shares read, print and compare the same.
            share = new BufferShare(percent / 1.000000000000000000000000000000000m, null);
        }
        return reason is null;
    }

    /// <summary>A share of <paramref name="tonnes"/> whole tonnes (≥ 0), or says why not.</summary>
    public static bool TryOfTonnes(long tonnes, out BufferShare share, [NotNullWhen(false)] out string? reason)
    {
        share = default;
        reason = tonnes < 0 ? "a buffer quantity is a whole number of tonnes ≥ 0" : null;
        if (reason is null)
        {
            share = new BufferShare(null, tonnes);
        }
        return reason is null;
    }

    /// <summary>
    /// The whole tonnes withheld from <paramref name="verified"/> (≥ 0): a fixed quantity as is, a percentage rounded up
    /// (ceiling). May exceed <paramref name="verified"/> for a fixed
    /// quantity; the registry refuses that.
    /// </summary>
    public long WithheldFrom(long verified)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(verified);
        return Tonnes ?? (Percent is { } p ? (long)decimal.Ceiling(verified * p / 100m) : 0);
    }

    /// <summary>True when nothing is withheld whatever the verified quantity.</summary>
    public bool IsNone => (Tonnes ?? 0) == 0 && (Percent ?? 0) == 0;

    /// <summary><c>20%</c>, <c>500 t</c>, or <c>none</c>.</summary>
    public override string ToString() =>
        Percent is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p}%")
        : Tonnes is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t} t")
        : "none";
}
