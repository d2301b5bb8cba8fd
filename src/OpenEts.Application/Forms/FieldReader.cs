using System.Collections.Frozen;
using System.Globalization;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Quantities;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Forms;

/// <summary>
/// Reads the fields of one request as a person typed them into typed values, and gathers one <see cref="FieldError"/>
/// per bad field (its name, rule and a sentence). The commands' <c>TryParse</c> use it, so the API, the pages and the CLI
/// read every field by the same rule. A field that fails reads as <c>default</c>; the command is not built then.
/// </summary>
public sealed class FieldReader
{
    private readonly List<FieldError> _errors = [];

    /// <summary>The bad fields so far, in the order read.</summary>
    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>True when no field was bad.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>Records a bad field.</summary>
    /// <summary>A time with its offset (2026-11-30T08:00:00+08:00, or …Z). A time without offset is refused: read in the server's own zone it would be ambiguous.</summary>
    public static bool TryTime(string? text, out DateTimeOffset at)
    {
        var t = text?.Trim();
        at = default;
        return t is { Length: >= 20 }
            && (t.EndsWith('Z') || t[^6] is '+' or '-')
            && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    public void Fail(string field, string rule, string message) => _errors.Add(new FieldError(field, rule, message));

    /// <summary>
    /// Records a value that is none of <paramref name="codes"/>, with the value as typed and the codes as its figures, so
    /// that another language names both (<c>rule.UnknownValue.figures</c>); <paramref name="message"/> is the English.
    /// </summary>
    public void Fail(string field, string rule, string message, string typed, IReadOnlyList<string> codes) =>
        _errors.Add(new FieldError(field, rule, message) { Figures = rule == "UnknownValue" ? [typed, string.Join(", ", codes)] : [] });

    /// <summary>
    /// Records a text longer than <paramref name="max"/> characters (rule <c>Length</c>) with the limit as its first figure,
    /// as <c>rule.Length.figures</c> places it, so that every language states the limit.
    /// </summary>
    public void TooLong(string field, int max, int length) =>
        FailOf(field, "Length", System.Runtime.CompilerServices.FormattableStringFactory.Create("{1} is at most {0} characters, not {2}", max, field, length));

    /// <summary>Records a bad field whose message names figures (a range, a limit), so that another language states them too.</summary>
    public void FailOf(string field, string rule, FormattableString message) => _errors.Add(FieldError.Of(field, rule, message));

    /// <summary>
    /// True when <paramref name="text"/> is written as a day, yyyy-MM-dd (four, two and two digits), whether or not the
    /// calendar has that day: 2023-13-01 is written right, and refused as no day of the calendar rather than for its format.
    /// </summary>
    public static bool IsDayShaped(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 10 && text[4] == '-' && text[7] == '-'
            && !text.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9')
            && !text.AsSpan(5, 2).ContainsAnyExceptInRange('0', '9')
            && !text.AsSpan(8, 2).ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>
    /// A day as the platform writes it in files, the API and pages' boxes: yyyy-MM-dd whatever the culture, the text
    /// <see cref="Day"/> reads back.
    /// </summary>
    public static string DayText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A Beijing day as yyyy-MM-dd within the platform's days (<see cref="PlatformDays"/>); else a Date error naming the
    /// text as typed, NoSuchDate for one written right that the calendar has not (2026-13-01), or a DateRange error naming it
    /// as typed (1999-12-31).
    /// </summary>
    public DateOnly Day(string? text, string field)
    {
        var typed = text?.Trim() ?? "";
        if (!DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (typed.Length == 0)
            {
                Fail(field, "Date", $"{field} is a day such as 2026-11-30");
            }
            else if (IsDayShaped(typed))
            {
                FailOf(field, "NoSuchDate", $"{field}: {typed} is not a day of the calendar");
            }
            else
            {
                FailOf(field, "Date", $"{field}: '{typed}' is not a day such as 2026-11-30");
            }
            return default;
        }
        if (!PlatformDays.Contains(day))
        {
            FailOf(field, "DateRange", $"{field}: '{typed}' is not from {PlatformDays.First:yyyy-MM-dd} to {PlatformDays.Last:yyyy-MM-dd}");
            return default;
        }
        return day;
    }

    /// <summary>
    /// A period of days as typed (fields <c>from</c> and <c>to</c>), each end read as <see cref="OptionalDay"/> (null when
    /// blank or not read: the caller's default); when both are read, from is on or before to (else a PeriodOrder error on
    /// from) and at most <paramref name="maxDays"/> days before it (else a Period error on from), each naming both days
    /// and the limit.
    /// </summary>
    public (DateOnly? From, DateOnly? To) Period(string? from, string? to, int maxDays)
    {
        var (start, end) = (OptionalDay(from, "from"), OptionalDay(to, "to"));
        if (start is { } f && end is { } t && f > t)
        {
            FailOf("from", "PeriodOrder", $"from: '{f:yyyy-MM-dd}' is after to, {t:yyyy-MM-dd}");
        }
        else if (start is { } a && end is { } b && b.DayNumber - a.DayNumber >= maxDays)
        {
            FailOf("from", "Period", $"from: '{a:yyyy-MM-dd}' to {b:yyyy-MM-dd} is more than {maxDays} days");
        }
        return (start, end);
    }

    /// <summary>A day as <see cref="Day"/> reads it; null when <paramref name="text"/> is blank (no error) or does not read (the field failed).</summary>
    public DateOnly? OptionalDay(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var bad = _errors.Count;
        var day = Day(text, field);
        return _errors.Count == bad ? day : null;
    }

    public AccountNumber Account(string? text, string field)
    {
        if (AccountNumber.TryCreate(text?.Trim(), out var number, out var reason))
        {
            return number;
        }
        Fail(field, "AccountNumber", $"{field}: {reason}");
        return default;
    }

    public UnitClass Class(string? text, string field = "class")
    {
        if (UnitClass.TryCreate(text, out var unitClass, out var reason))
        {
            return unitClass;
        }
        Fail(field, "UnitClass", $"{field}: {reason}");
        return default;
    }

    public IdempotencyKey Key(string? text, string field = "idempotencyKey")
    {
        if (IdempotencyKey.TryCreate(text, out var key, out var reason))
        {
            return key;
        }
        Fail(field, "IdempotencyKey", $"{field}: {reason}");
        return default;
    }

    /// <summary>A quantity to create or move: a whole number of tonnes, at least 1.</summary>
    public AllowanceCount Quantity(long? value, string field = "quantity")
    {
        if (AllowanceCount.TryCreatePositive(value, out var count, out var reason))
        {
            return count;
        }
        Fail(field, "Quantity", $"{field}: {reason}");
        return default;
    }

    /// <summary>
    /// A buffer share: <paramref name="percent"/> or <paramref name="tonnes"/>, at most one; neither withholds nothing.
    /// Fields <c>bufferPercent</c> and <c>bufferQuantity</c>.
    /// </summary>
    public BufferShare Buffer(decimal? percent, long? tonnes)
    {
        string? reason;
        BufferShare share;
        if (percent is not null && tonnes is not null)
        {
            Fail("bufferPercent", "BufferShare", "bufferPercent: give a buffer percentage or a buffer quantity, not both");
            return default;
        }
        if (percent is { } p)
        {
            if (BufferShare.TryOfPercent(p, out share, out reason))
            {
                return share;
            }
            Fail("bufferPercent", "BufferShare", $"bufferPercent: {reason}");
            return default;
        }
        if (tonnes is { } t)
        {
            if (BufferShare.TryOfTonnes(t, out share, out reason))
            {
                return share;
            }
            Fail("bufferQuantity", "BufferShare", $"bufferQuantity: {reason}");
        }
        return default;
    }

    public UserId User(string? text, string field)
    {
        if (UserId.TryCreate(text?.Trim(), out var user, out var reason))
        {
            return user;
        }
        Fail(field, "UserName", $"{field}: {reason}");
        return default;
    }

    public ProposalId Proposal(long? value, string field = "id")
    {
        if (value is { } v && ProposalId.TryCreate(v, out var id, out _))
        {
            return id;
        }
        Fail(field, "ProposalId", $"{field}: a proposal number is a whole number ≥ 1");
        return default;
    }

    /// <summary>A compliance year (履约年度); its range is the registry's rule, checked when the command runs.</summary>
    public int Year(int? value, string field = "complianceYear")
    {
        if (value is { } year)
        {
            return year;
        }
        Fail(field, "Required", $"{field} is required (a year, e.g. 2017)");
        return default;
    }

    /// <summary>Free text (a name, a reason), trimmed; whether it may be blank, and its length, are the registry's rules.</summary>
    public static string Text(string? text) => text?.Trim() ?? "";

    /// <summary>
    /// The one of <paramref name="codes"/> that <paramref name="text"/> names (case aside), or null with the rule
    /// <c>UnknownValue</c> naming the text as typed and the codes it may be.
    /// </summary>
    public string? Among(string? text, string field, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var typed = Text(text);
        if (codes.FirstOrDefault(c => string.Equals(c, typed, StringComparison.OrdinalIgnoreCase)) is { } code)
        {
            return code;
        }
        Fail(field, "UnknownValue", $"{field}: '{typed}' is not one of {string.Join(", ", codes)}", typed, codes);
        return null;
    }

    /// <summary>One of <paramref name="allowed"/>, by name, case-insensitive.</summary>
    public TEnum Choice<TEnum>(string? text, string field, params ReadOnlySpan<TEnum> allowed) where TEnum : struct, Enum
    {
        var given = text.AsSpan().Trim();
        foreach (var value in allowed)
        {
            if (given.Equals(EnumNames<TEnum>.Of(value), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        var names = new List<string>(allowed.Length);
        foreach (var value in allowed)
        {
            // The codes as the API spells them (notSupported), so the message lists what to send.
            var name = EnumNames<TEnum>.Of(value);
            names.Add(char.ToLowerInvariant(name[0]) + name[1..]);
        }
        var codes = string.Join(", ", names);
        _errors.Add(new FieldError(field, typeof(TEnum).Name, $"{field} must be one of: {codes}") { Figures = [given.ToString(), codes] });
        return default;
    }

    // Each value's name, made once (an order's side and type are read for every order of a batch).
    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => v.ToString());

        public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();
    }
}
