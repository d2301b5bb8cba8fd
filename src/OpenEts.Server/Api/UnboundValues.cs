using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Metadata;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

/// <summary>
/// An optional number or time in an API's address (<c>?year=abc</c> for an <c>int?</c>, <c>?from=abc</c> for a
/// <c>DateTimeOffset?</c>) that does not read is refused with 400 naming the field and the value as typed (rule
/// <c>Number</c>, <c>NumberTooLarge</c> or <c>WholeNumber</c>; <c>DateTime</c> for a time), as every other field is. The
/// request delegate generator answers such a value with a bare 400 that names nothing and, unlike a required
/// parameter's, throws nothing for <see cref="Hosting.BadRequestHandler"/> to name; this check reads the endpoint's
/// optional numbers and times first, with the parsing the generator uses.
/// </summary>
internal static class UnboundValues
{
    // Each endpoint's optional numbers and times, found once from its binding metadata.
    private static readonly ConditionalWeakTable<Endpoint, OptionalValue[]> Found = [];

    private sealed record OptionalValue(string Name, Type Type);

    /// <summary>Adds the check; place it after routing and authorisation, so that a caller who may not ask is told that first.</summary>
    public static IApplicationBuilder UseUnboundValues(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is { } endpoint && Found.GetValue(endpoint, Of) is { Length: > 0 } values
                && Errors(context, values) is { Count: > 0 } errors)
            {
                await Problems.Fields(errors).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
        });

    private static OptionalValue[] Of(Endpoint endpoint) =>
        [.. endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .Where(p => Nullable.GetUnderlyingType(p.ParameterInfo.ParameterType) is { } t && (Parses(t, "0") || IsTime(t)))
            .Select(p => new OptionalValue(p.Name, Nullable.GetUnderlyingType(p.ParameterInfo.ParameterType)!))];

    private static List<FieldError> Errors(HttpContext context, OptionalValue[] values)
    {
        var errors = new List<FieldError>();
        foreach (var value in values)
        {
            var typed = context.Request.RouteValues.TryGetValue(value.Name, out var route) && route is string fromRoute
                ? fromRoute
                : context.Request.Query[value.Name].ToString();
            if (!string.IsNullOrEmpty(typed) && !Parses(value.Type, typed))
            {
                errors.Add(IsTime(value.Type) ? Unbound.NotATime(value.Name, typed) : Unbound.NotANumber(value.Name, typed));
            }
        }
        return errors;
    }

    private static bool IsTime(Type type) => type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly);

    // The parsing of the request delegate generator (IParsable with the invariant culture, times with white space
    // allowed); false for a type that is neither a number nor a time.
    private static bool Parses(Type type, string text) =>
        type == typeof(DateTimeOffset) ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, TimeStyles, out _)
        : type == typeof(DateTime) ? DateTime.TryParse(text, CultureInfo.InvariantCulture, TimeStyles, out _)
        : type == typeof(DateOnly) ? DateOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
        : type == typeof(int) ? int.TryParse(text, CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(text, CultureInfo.InvariantCulture, out _)
        : type == typeof(decimal) ? decimal.TryParse(text, CultureInfo.InvariantCulture, out _)
        : type == typeof(short) && short.TryParse(text, CultureInfo.InvariantCulture, out _);

    private const DateTimeStyles TimeStyles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
}
