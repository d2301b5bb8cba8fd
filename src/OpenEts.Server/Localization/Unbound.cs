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
    /// <c>capacityKw</c>), its rule <c>Number</c>, <c>NumberTooLarge</c> or <c>WholeNumber</c> and the typed text as its figure.
    /// </summary>
    public static IReadOnlyList<FieldError> Errors(ModelStateDictionary state)
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
            var label = RuleText.Label(field);
            errors.Add(RuleOf(typed) switch
            {
                "TooLarge" => new FieldError(field, "NumberTooLarge", $"{label}: '{typed}' is too large") { Figures = [typed] },
                "WholeNumber" => new FieldError(field, "WholeNumber", $"{label}: '{typed}' is not a whole number") { Figures = [typed] },
                _ => new FieldError(field, "Number", $"{label}: '{typed}' is not a number") { Figures = [typed] },
            });
        }
        return errors;
    }

    /// <summary>The text a field shows: as typed when it did not bind, else <paramref name="bound"/>.</summary>
    public static string Typed(ModelStateDictionary state, string key, string bound)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && entry.AttemptedValue is { } typed ? typed : bound;
    }

    /// <summary>The text a number's field shows: as typed when it did not bind, else <paramref name="bound"/> written invariantly ("" when none).</summary>
    public static string Typed(ModelStateDictionary state, string key, IFormattable? bound) =>
        Typed(state, key, bound?.ToString(null, CultureInfo.InvariantCulture) ?? "");

    // Why a typed value did not bind: a number beyond the field's range, a fraction for a whole number, or no number.
    private static string RuleOf(string typed)
    {
        if (!double.TryParse(typed, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            return "Number";
        }
        if (!decimal.TryParse(typed, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return "TooLarge";
        }
        return decimal.Truncate(value) != value ? "WholeNumber" : "TooLarge";
    }
}
