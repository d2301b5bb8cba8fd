using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenEts.Domain.Registry;

/// <summary>
/// A class of fungible units with its own serial range: allowances of one jurisdiction and vintage
/// (<c>GDEA-2017</c>, national <c>CEA-2021</c>), or one offset type (<c>CCER</c>, <c>PHCER</c>, <c>FFCER</c>).
/// </summary>
/// <remarks>
/// Jurisdiction codes are two upper-case ASCII letters (<c>CN</c> = national, written <c>CEA</c>); vintages run
/// <see cref="MinVintage"/>–<see cref="MaxVintage"/>. Offsets carry no jurisdiction or vintage here.
/// <c>default</c> is not a valid class (<see cref="IsValid"/> is false); the registry rejects it as unknown.
/// </remarks>
public readonly record struct UnitClass : IComparable<UnitClass>
{
    /// <summary>The first vintage year accepted.</summary>
    public const int MinVintage = 2000;

    /// <summary>The last vintage year accepted.</summary>
    public const int MaxVintage = 2099;

    /// <summary>The national ETS's jurisdiction code.</summary>
    public const string National = "CN";

    private UnitClass(UnitType type, string? jurisdiction, int vintage)
    {
        Type = type;
        Jurisdiction = jurisdiction;
        Vintage = vintage;
    }

    /// <summary>Allowance or offset type.</summary>
    public UnitType Type { get; }

    /// <summary>Two-letter jurisdiction of an allowance (e.g. <c>GD</c>, <c>CN</c>); null for offsets.</summary>
    public string? Jurisdiction { get; }

    /// <summary>Vintage year of an allowance; 0 for offsets.</summary>
    public int Vintage { get; }

    /// <summary>False only for <c>default</c>.</summary>
    public bool IsValid => Type != UnitType.Allowance || Jurisdiction is not null;

    /// <summary>CCER: one class for all CCER.</summary>
    public static UnitClass Ccer => new(UnitType.Ccer, null, 0);

    /// <summary>PHCER: one class for all PHCER.</summary>
    public static UnitClass Phcer => new(UnitType.Phcer, null, 0);

    /// <summary>FFCER: one class for all FFCER.</summary>
    public static UnitClass Ffcer => new(UnitType.Ffcer, null, 0);

    /// <summary>An allowance class; throws on a malformed jurisdiction or a vintage out of range.</summary>
    public static UnitClass Allowance(string jurisdiction, int vintage)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        if (!IsJurisdictionCode(jurisdiction))
        {
            throw new ArgumentException("A jurisdiction is two upper-case ASCII letters, e.g. GD or CN.", nameof(jurisdiction));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(vintage, MinVintage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vintage, MaxVintage);
        return new UnitClass(UnitType.Allowance, jurisdiction, vintage);
    }

    /// <summary>Parses canonical text (case-insensitive): <c>GDEA-2017</c>, <c>CEA-2021</c>, <c>CCER</c>, <c>PHCER</c>, <c>FFCER</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out UnitClass value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var upper = text.Trim().ToUpperInvariant();
        switch (upper)
        {
            case "CCER":
                value = Ccer;
                return true;
            case "PHCER":
                value = Phcer;
                return true;
            case "FFCER":
                value = Ffcer;
                return true;
        }
        var dash = upper.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0
            || !int.TryParse(upper.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var vintage)
            || upper.Length - dash - 1 != 4
            || vintage is < MinVintage or > MaxVintage)
        {
            return false;
        }
        var prefix = upper[..dash];
        string jurisdiction;
        if (prefix == "CEA")
        {
            jurisdiction = National;
        }
        else if (prefix.Length == 4 && prefix.EndsWith("EA", StringComparison.Ordinal) && prefix[..2] != National)
        {
            jurisdiction = prefix[..2];
        }
        else
        {
            return false;
        }
        if (!IsJurisdictionCode(jurisdiction))
        {
            return false;
        }
        value = new UnitClass(UnitType.Allowance, jurisdiction, vintage);
        return true;
    }

    /// <summary>Reads user input as a unit class, or says why it is not one.</summary>
    public static bool TryCreate([NotNullWhen(true)] string? text, out UnitClass value, [NotNullWhen(false)] out string? reason)
    {
        reason = TryParse(text, out value) ? null
            : string.IsNullOrWhiteSpace(text) ? "a unit class is required (e.g. GDEA-2017, CEA-2021, CCER)"
            : $"'{text}' is not a unit class (e.g. GDEA-2017, CEA-2021, CCER)";
        return reason is null;
    }

    /// <summary>Parses canonical text; throws <see cref="FormatException"/> when it is not one.</summary>
    public static UnitClass Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a unit class (e.g. GDEA-2017, CEA-2021, CCER).");

    /// <summary>Orders by type, then jurisdiction, then vintage.</summary>
    public int CompareTo(UnitClass other)
    {
        var byType = Type.CompareTo(other.Type);
        if (byType != 0)
        {
            return byType;
        }
        var byJurisdiction = string.CompareOrdinal(Jurisdiction, other.Jurisdiction);
        return byJurisdiction != 0 ? byJurisdiction : Vintage.CompareTo(other.Vintage);
    }

    /// <summary>The canonical text, e.g. <c>GDEA-2017</c>; <c>(invalid)</c> for <c>default</c>.</summary>
    public override string ToString() => Type switch
    {
        UnitType.Allowance when Jurisdiction is null => "(invalid)",
        UnitType.Allowance when Jurisdiction == National => string.Create(CultureInfo.InvariantCulture, $"CEA-{Vintage}"),
        UnitType.Allowance => string.Create(CultureInfo.InvariantCulture, $"{Jurisdiction}EA-{Vintage}"),
        UnitType.Ccer => "CCER",
        UnitType.Phcer => "PHCER",
        UnitType.Ffcer => "FFCER",
        _ => "(invalid)",
    };

    private static bool IsJurisdictionCode(string code) =>
        code.Length == 2 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]);

    public static bool operator <(UnitClass left, UnitClass right) => left.CompareTo(right) < 0;

    public static bool operator <=(UnitClass left, UnitClass right) => left.CompareTo(right) <= 0;

    public static bool operator >(UnitClass left, UnitClass right) => left.CompareTo(right) > 0;

    public static bool operator >=(UnitClass left, UnitClass right) => left.CompareTo(right) >= 0;
}
