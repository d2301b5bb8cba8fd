using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OpenEts.Domain.Organisations;

namespace OpenEts.Server.Localization;

/// <summary>
/// The values a page's form typed but the binder could not read (<c>abc</c>, <c>１００</c> or <c>1e30</c> for a number,
/// <c>365.5</c> for a whole number): the binder leaves such a field empty, which the use case would take as not given
/// (a default used, a check skipped) or call missing. Each is reported as typed, by the field's name in the request.
/// </summary>
internal static class Unbound
{
    /// <summary>
    /// A field error for each value typed but not bound, the field named as the request does (<c>Pv.CapacityKw</c> →
    /// <c>capacityKw</c>), its rule <c>Number</c>, <c>NumberTooLarge</c> or <c>WholeNumber</c> and the typed text as its figure;
    /// a field among <paramref name="choices"/> (an enum in a page's address, <c>?kind=foo</c>) is <c>UnknownValue</c>,
    /// with the typed text and the values it takes.
    /// </summary>
    public static IReadOnlyList<FieldError> Errors(ModelStateDictionary state, params IReadOnlyList<UnboundChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(state);
        var errors = new List<FieldError>();
        foreach (var (key, entry) in state)
        {
            if (entry.Errors.Count == 0 || string.IsNullOrWhiteSpace(entry.AttemptedValue) || key.Length == 0)
            {
                continue;
            }
            var name = key[(key.LastIndexOf('.') + 1)..];
            var field = char.ToLowerInvariant(name[0]) + name[1..];
            var typed = entry.AttemptedValue.Trim();
            if (choices.FirstOrDefault(c => string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase)) is { } choice)
            {
                errors.Add(NotAmong(field, typed, choice.Values));
                continue;
            }
            errors.Add(NotANumber(field, typed));
        }
        return errors;
    }

    /// <summary>
    /// A value typed for the number <paramref name="field"/> that it could not take (in a page's form or an API's query):
    /// rule <c>Number</c>, <c>NumberTooLarge</c> or <c>WholeNumber</c>, with the typed text as its figure.
    /// </summary>
    public static FieldError NotANumber(string field, string typed)
    {
        var label = RuleText.Label(field);
        return RuleOf(typed) switch
        {
            "Grouped" => new FieldError(field, "NumberGrouping", $"{label}: '{typed}' is written with thousands separators; type it without them ({Plain(typed)})")
            {
                Figures = [typed, Plain(typed)],
            },
            "TooLarge" => new FieldError(field, "NumberTooLarge", $"{label}: '{typed}' is too large") { Figures = [typed] },
            "WholeNumber" => new FieldError(field, "WholeNumber", $"{label}: '{typed}' is not a whole number") { Figures = [typed] },
            _ => new FieldError(field, "Number", $"{label}: '{typed}' is not a number") { Figures = [typed] },
        };
    }

    /// <summary>
    /// A value typed for the date or time <paramref name="field"/> (an API's <c>?from=</c>) that does not read as one:
    /// rule <c>DateTime</c>, with the typed text as its figure.
    /// </summary>
    public static FieldError NotATime(string field, string typed) =>
        new(field, "DateTime", $"{RuleText.Label(field)}: '{typed}' is not a date (2026-11-30) or a time with its offset (2026-11-30T09:30:00+08:00)")
        {
            Figures = [typed],
        };

    /// <summary>
    /// A value in an API's path or query that its required parameter of type <paramref name="type"/> (as the minimal APIs
    /// name it: <c>int</c>, <c>long</c>) could not take: a number named as <see cref="NotANumber"/> does, anything else rule
    /// <c>Http.BadRequest</c> naming the field. (An optional number or time never gets here: see <c>Api/UnboundValues.cs</c>.)
    /// </summary>
    public static FieldError Parameter(string type, string field, string typed)
    {
        string[] numbers = ["int", "long", "short", "byte", "decimal"];
        return numbers.Contains(type)
            ? NotANumber(field, typed)
            : new FieldError(field, "Http.BadRequest", $"{field}: '{typed}' cannot be read as {type}") { Figures = [typed] };
    }

    /// <summary>
    /// Files each value in a page's address that did not bind (see <see cref="Errors"/>) under its field in
    /// <paramref name="into"/>, saying what the page shows instead (<paramref name="instead"/> of the field; a field it
    /// answers null for is not the page's to name, such as a link's internal parameter).
    /// </summary>
    public static void Name(IDictionary<string, string> into, ModelStateDictionary state, Func<string, string?> instead,
        params IReadOnlyList<UnboundChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(instead);
        foreach (var error in Errors(state, choices))
        {
            if (instead(error.Field) is { } shown)
            {
                Name(into, error, shown);
            }
        }
    }

    /// <summary>
    /// Files <paramref name="error"/> under its field in <paramref name="into"/>, saying that the page shows
    /// <paramref name="instead"/>; its field named <paramref name="label"/> when the page knows better than the form's label.
    /// </summary>
    public static void Name(IDictionary<string, string> into, FieldError error, string instead, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(error);
        var message = label is null ? RuleText.Field(error) : RuleText.Field(error, label);
        into.TryAdd(error.Field, Text.T("address.instead", message.TrimEnd('。', '.'), instead));
    }

    /// <summary>A value that read but lies outside what the page can show (<c>?p=-1</c> of 3 pages): rule <c>OutOfRange</c>.</summary>
    public static FieldError OutOfRange(string field, long typed, long min, long max)
    {
        var (t, lo, hi) = (Invariant(typed), Invariant(min), Invariant(max));
        return new FieldError(field, "OutOfRange", $"{RuleText.Label(field)}: '{t}' is not from {lo} to {hi}") { Figures = [t, lo, hi] };
    }

    /// <summary>A value of a choice that read but is not among those the page offers (a kind the list does not hold): rule <c>UnknownValue</c>.</summary>
    public static FieldError NotAmong(string field, string typed, IEnumerable<string> values)
    {
        var list = string.Join(", ", values);
        return new FieldError(field, "UnknownValue", $"{RuleText.Label(field)}: '{typed}' is not one of {list}") { Figures = [typed, list] };
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The text a field shows: as typed when it did not bind, else <paramref name="bound"/>.</summary>
    public static string Typed(ModelStateDictionary state, string key, string bound)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && entry.AttemptedValue is { } typed ? typed : bound;
    }

    /// <summary>The text a number's field shows: as typed when it did not bind, else <paramref name="bound"/> written invariantly ("" when none).</summary>
    public static string Typed(ModelStateDictionary state, string key, IFormattable? bound) =>
        Typed(state, key, bound?.ToString(null, CultureInfo.InvariantCulture) ?? "");

    // Why a typed value did not bind: thousands separators (1,000) where the field takes none, a number beyond the field's
    // range, a fraction for a whole number, or no number.
    private static string RuleOf(string typed)
    {
        if (!double.TryParse(typed, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            return "Number";
        }
        if (typed.Contains(',', StringComparison.Ordinal) && double.TryParse(Plain(typed), NumberStyles.Float, CultureInfo.InvariantCulture, out var plain)
            && Math.Abs(plain) < long.MaxValue)
        {
            return "Grouped";
        }
        if (!decimal.TryParse(typed, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return "TooLarge";
        }
        return decimal.Truncate(value) != value ? "WholeNumber" : "TooLarge";
    }

    // The typed number without its thousands separators.
    private static string Plain(string typed) => typed.Replace(",", "", StringComparison.Ordinal);
}
