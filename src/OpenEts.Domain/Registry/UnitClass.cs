using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenEts.Domain.Registry;

/// <summary>
/// A class of fungible units with its own serial range: allowances of one jurisdiction and vintage
/// (<c>GDEA-2017</c>, national <c>CEA-2021</c>), offsets of one programme, project and vintage
/// (<c>CCER-001234-2019</c>, <c>FFCER-FJ0001-2016</c>), or one of the legacy coarse offset classes written before
/// offsets were fine-grained (<c>CCER</c>, <c>PHCER</c>, <c>FFCER</c>), which stay readable with their serials.
/// </summary>
/// <remarks>
/// Jurisdiction codes are two upper-case ASCII letters (<c>CN</c> = national, written <c>CEA</c>); vintages run
/// <see cref="MinVintage"/>–<see cref="MaxVintage"/>. A project code is the programme's own id for the project:
/// 1–<see cref="MaxProjectLength"/> upper-case ASCII letters and digits, no dash, so that the text form
/// <c>PROGRAMME-PROJECT-VINTAGE</c> and a serial <c>PROGRAMME-PROJECT-VINTAGE-FIRST-LAST</c> split at their dashes
/// unambiguously. A legacy offset class has no project and vintage 0.
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

    /// <summary>The longest project code (characters).</summary>
    public const int MaxProjectLength = 16;

    private UnitClass(UnitType type, string? jurisdiction, int vintage, string? project = null)
    {
        Type = type;
        Jurisdiction = jurisdiction;
        Vintage = vintage;
        Project = project;
    }

    /// <summary>Allowance or offset type.</summary>
    public UnitType Type { get; }

    /// <summary>Two-letter jurisdiction of an allowance (e.g. <c>GD</c>, <c>CN</c>); null for offsets.</summary>
    public string? Jurisdiction { get; }

    /// <summary>Vintage year of an allowance or of a fine-grained offset class; 0 for a legacy offset class.</summary>
    public int Vintage { get; }

    /// <summary>The programme's project code of a fine-grained offset class (e.g. <c>001234</c>); null otherwise.</summary>
    public string? Project { get; }

    /// <summary>False only for <c>default</c>.</summary>
    public bool IsValid => Type != UnitType.Allowance || Jurisdiction is not null;

    /// <summary>True for an offset class, fine-grained or legacy.</summary>
    public bool IsOffset => Type != UnitType.Allowance;

    /// <summary>True for a fine-grained offset class (programme + project + vintage).</summary>
    public bool IsProjectClass => IsOffset && Project is not null;

    /// <summary>True for one of the legacy coarse offset classes (<c>CCER</c>, <c>PHCER</c>, <c>FFCER</c>).</summary>
    public bool IsLegacyOffset => IsOffset && Project is null;

    /// <summary>CCER: the legacy class for all CCER issued before offsets were fine-grained.</summary>
    public static UnitClass Ccer => new(UnitType.Ccer, null, 0);

    /// <summary>PHCER: the legacy class for all PHCER issued before offsets were fine-grained.</summary>
    public static UnitClass Phcer => new(UnitType.Phcer, null, 0);

    /// <summary>FFCER: the legacy class for all FFCER issued before offsets were fine-grained.</summary>
    public static UnitClass Ffcer => new(UnitType.Ffcer, null, 0);

    /// <summary>
    /// A fine-grained offset class: <paramref name="programme"/> (CCER, PHCER, FFCER), the programme's project code
    /// (upper-cased) and the vintage. Throws on an allowance type, a malformed project code or a vintage out of range.
    /// </summary>
    public static UnitClass Offset(UnitType programme, string project, int vintage)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (programme is not (UnitType.Ccer or UnitType.Phcer or UnitType.Ffcer))
        {
            throw new ArgumentOutOfRangeException(nameof(programme), programme, "An offset programme is CCER, PHCER or FFCER.");
        }
        var code = project.ToUpperInvariant();
        if (!IsProjectCode(code))
        {
            throw new ArgumentException(
                $"A project code is 1–{MaxProjectLength} ASCII letters and digits, e.g. 001234.", nameof(project));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(vintage, MinVintage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vintage, MaxVintage);
        return new UnitClass(programme, null, vintage, code);
    }

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

    /// <summary>
    /// Parses canonical text (case-insensitive): <c>GDEA-2017</c>, <c>CEA-2021</c>, <c>CCER-001234-2019</c>, and the
    /// legacy <c>CCER</c>, <c>PHCER</c>, <c>FFCER</c>.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out UnitClass value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var upper = text.Trim().ToUpperInvariant();
        if (ProgrammeOf(upper) is { } legacy)
        {
            value = new UnitClass(legacy, null, 0);
            return true;
        }
        var dash = upper.LastIndexOf('-');
        if (dash < 0 || !TryVintage(upper.AsSpan(dash + 1), out var vintage))
        {
            return false;
        }
        var prefix = upper[..dash];
        var projectDash = prefix.IndexOf('-', StringComparison.Ordinal);
        if (projectDash >= 0)
        {
            if (ProgrammeOf(prefix[..projectDash]) is not { } programme || !IsProjectCode(prefix[(projectDash + 1)..]))
            {
                return false;
            }
            value = new UnitClass(programme, null, vintage, prefix[(projectDash + 1)..]);
            return true;
        }
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
            : string.IsNullOrWhiteSpace(text) ? "a unit class is required (e.g. GDEA-2017, CEA-2021, CCER-001234-2019)"
            : $"'{text}' is not a unit class (e.g. GDEA-2017, CEA-2021, CCER-001234-2019)";
        return reason is null;
    }

    /// <summary>Parses canonical text; throws <see cref="FormatException"/> when it is not one.</summary>
    public static UnitClass Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a unit class (e.g. GDEA-2017, CEA-2021, CCER-001234-2019).");

    /// <summary>
    /// Parses a displayed serial range, <c>CLASS-FIRST-LAST</c> (e.g. <c>CCER-001234-2019-1-1000</c>,
    /// <c>GDEA-2017-1-500</c>, legacy <c>CCER-1-2000</c>), or a single serial <c>CLASS-N</c>.
    /// </summary>
    public static bool TryParseSerials([NotNullWhen(true)] string? text, out UnitClass unitClass, out SerialBlock serials)
    {
        unitClass = default;
        serials = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }
        var lastDash = trimmed.LastIndexOf('-');
        if (lastDash <= 0 || !long.TryParse(trimmed.AsSpan(lastDash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            return false;
        }
        var rest = trimmed[..lastDash];
        var firstDash = rest.LastIndexOf('-');
        if (firstDash > 0
            && long.TryParse(rest.AsSpan(firstDash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && TryParse(rest[..firstDash], out unitClass)
            && first >= 1 && last >= first)
        {
            serials = SerialBlock.Create(first, last);
            return true;
        }
        if (TryParse(rest, out unitClass) && last >= 1)
        {
            serials = SerialBlock.Create(last, last);
            return true;
        }
        unitClass = default;
        return false;
    }

    /// <summary>
    /// The displayed serial range of <paramref name="serials"/> in this class: <c>CCER-001234-2019-1-1000</c>,
    /// <c>GDEA-2017-1-500</c>, legacy <c>CCER-1-2000</c>. <see cref="TryParseSerials"/> reads it back.
    /// </summary>
    public string SerialText(SerialBlock serials) => string.Create(CultureInfo.InvariantCulture, $"{this}-{serials.First}-{serials.Last}");

    /// <summary>Orders by type, then jurisdiction, then project (legacy offsets first), then vintage.</summary>
    public int CompareTo(UnitClass other)
    {
        var byType = Type.CompareTo(other.Type);
        if (byType != 0)
        {
            return byType;
        }
        var byJurisdiction = string.CompareOrdinal(Jurisdiction, other.Jurisdiction);
        if (byJurisdiction != 0)
        {
            return byJurisdiction;
        }
        var byProject = string.CompareOrdinal(Project, other.Project);
        return byProject != 0 ? byProject : Vintage.CompareTo(other.Vintage);
    }

    /// <summary>The canonical text, e.g. <c>GDEA-2017</c>; <c>(invalid)</c> for <c>default</c>.</summary>
    public override string ToString() => Type switch
    {
        UnitType.Allowance when Jurisdiction is null => "(invalid)",
        UnitType.Allowance when Jurisdiction == National => string.Create(CultureInfo.InvariantCulture, $"CEA-{Vintage}"),
        UnitType.Allowance => string.Create(CultureInfo.InvariantCulture, $"{Jurisdiction}EA-{Vintage}"),
        UnitType.Ccer or UnitType.Phcer or UnitType.Ffcer when Project is not null =>
            string.Create(CultureInfo.InvariantCulture, $"{ProgrammeText(Type)}-{Project}-{Vintage}"),
        UnitType.Ccer or UnitType.Phcer or UnitType.Ffcer => ProgrammeText(Type),
        _ => "(invalid)",
    };

    /// <summary>The programme's name as written in class text: <c>CCER</c>, <c>PHCER</c>, <c>FFCER</c>.</summary>
    public static string ProgrammeText(UnitType programme) => programme switch
    {
        UnitType.Ccer => "CCER",
        UnitType.Phcer => "PHCER",
        UnitType.Ffcer => "FFCER",
        _ => throw new ArgumentOutOfRangeException(nameof(programme), programme, "Not an offset programme."),
    };

    private static UnitType? ProgrammeOf(string upper) => upper switch
    {
        "CCER" => UnitType.Ccer,
        "PHCER" => UnitType.Phcer,
        "FFCER" => UnitType.Ffcer,
        _ => null,
    };

    private static bool TryVintage(ReadOnlySpan<char> text, out int vintage)
    {
        if (text.Length == 4
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out vintage)
            && vintage is >= MinVintage and <= MaxVintage)
        {
            return true;
        }
        vintage = 0;
        return false;
    }

    private static bool IsProjectCode(string code)
    {
        if (code.Length is 0 or > MaxProjectLength)
        {
            return false;
        }
        foreach (var c in code)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsJurisdictionCode(string code) =>
        code.Length == 2 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]);

    public static bool operator <(UnitClass left, UnitClass right) => left.CompareTo(right) < 0;

    public static bool operator <=(UnitClass left, UnitClass right) => left.CompareTo(right) <= 0;

    public static bool operator >(UnitClass left, UnitClass right) => left.CompareTo(right) > 0;

    public static bool operator >=(UnitClass left, UnitClass right) => left.CompareTo(right) >= 0;
}
