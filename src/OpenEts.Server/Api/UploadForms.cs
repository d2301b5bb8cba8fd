using Microsoft.AspNetCore.Http.Metadata;

namespace OpenEts.Server.Api;

/// <summary>
/// An API upload (an endpoint that takes a file: the covered-entity list's and the market statistics' imports) sent with no
/// content type at all (no body) is refused with 415 (problem, rule <c>FormContentType</c>) naming the form it takes,
/// before the endpoint reads the form: ASP.NET's form reader would otherwise throw and the program would get a 500 with
/// no reason. A body of another content type (JSON) never reaches the endpoint: routing answers it 415 itself.
/// </summary>
internal static class UploadForms
{
    public const string Rule = "FormContentType";

    /// <summary>Adds the check; place it after routing and authorisation, so that a caller who may not upload is told that first.</summary>
    public static IApplicationBuilder UseUploadForms(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && !context.Request.HasFormContentType
                && TakesAFile(context.GetEndpoint()))
            {
                await Problems.WriteRefusalAsync(context, StatusCodes.Status415UnsupportedMediaType, "problem.import", "file", Rule).ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
        });

    // An endpoint whose accepted content types (its parameters' and its own declarations) are forms only.
    private static bool TakesAFile(Endpoint? endpoint) =>
        endpoint?.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes).ToList() is { Count: > 0 } types
        && types.Any(t => t.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        && types.All(t => t.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));
}
