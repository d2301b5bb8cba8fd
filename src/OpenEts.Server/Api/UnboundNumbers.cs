using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Metadata;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Api;

/// <summary>
/// An optional number in an API's address (<c>?year=abc</c> for an <c>int?</c>) that is no number is refused with 400
/// naming the field and the value as typed (rule <c>Number</c>, <c>NumberTooLarge</c> or <c>WholeNumber</c>), as every other
/// field is. The request delegate generator answers such a value with a bare 400 that names nothing and, unlike a required
/// number's, throws nothing for <see cref="Hosting.BadRequestHandler"/> to name; this check reads the endpoint's optional
/// numbers first, with the parsing the generator uses.
/// </summary>
internal static class UnboundNumbers
{
    // Each endpoint's optional numbers, found once from its binding metadata.
    private static readonly ConditionalWeakTable<Endpoint, OptionalNumber[]> Found = [];

    private sealed record OptionalNumber(string Name, Type Type);

    /// <summary>Adds the check; place it after routing and authorisation, so that a caller who may not ask is told that first.</summary>
    public static IApplicationBuilder UseUnboundNumbers(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is { } endpoint && Found.GetValue(endpoint, Of) is { Length: > 0 } numbers
                && Errors(context, numbers) is { Count: > 0 } errors)
            {
                await Problems.Fields(errors).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
        });

    private static OptionalNumber[] Of(Endpoint endpoint) =>
        [.. endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .Where(p => Nullable.GetUnderlyingType(p.ParameterInfo.ParameterType) is { } t && Parses(t, "0"))
            .Select(p => new OptionalNumber(p.Name, Nullable.GetUnderlyingType(p.ParameterInfo.ParameterType)!))];

    private static List<FieldError> Errors(HttpContext context, OptionalNumber[] numbers)
    {
        var errors = new List<FieldError>();
        foreach (var number in numbers)
        {
            var typed = context.Request.RouteValues.TryGetValue(number.Name, out var route) && route is string fromRoute
                ? fromRoute
                : context.Request.Query[number.Name].ToString();
            if (!string.IsNullOrEmpty(typed) && !Parses(number.Type, typed))
            {
                errors.Add(Unbound.NotANumber(number.Name, typed));
            }
        }
        return errors;
    }

    // The parsing of the request delegate generator (IParsable with the invariant culture); false for a type that is no number.
    private static bool Parses(Type type, string text) =>
        type == typeof(int) ? int.TryParse(text, CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(text, CultureInfo.InvariantCulture, out _)
        : type == typeof(decimal) ? decimal.TryParse(text, CultureInfo.InvariantCulture, out _)
        : type == typeof(short) && short.TryParse(text, CultureInfo.InvariantCulture, out _);
}
