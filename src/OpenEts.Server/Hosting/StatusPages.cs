using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace OpenEts.Server.Hosting;

/// <summary>
/// What a 404 without a body says. A browser (a request that accepts text/html, outside <c>/api</c>) gets the not-found
/// page in the site's layout, still 404; every other client gets what <c>UseStatusCodePages</c> answers by default
/// (problem+json when it accepts it, plain text otherwise), so the API's 404s are unchanged.
/// </summary>
internal static class StatusPages
{
    public const string NotFoundPath = "/NotFound";

    private static readonly Func<StatusCodeContext, Task> Default = new StatusCodePagesOptions().HandleAsync;

    public static Task HandleAsync(StatusCodeContext context) =>
        context.HttpContext.Response.StatusCode == StatusCodes.Status404NotFound && IsBrowser(context.HttpContext.Request)
            ? ReExecuteAsync(context)
            : Default(context);

    private static bool IsBrowser(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    // As UseStatusCodePagesWithReExecute does, but as a GET: a form posted to a missing record is shown the page, not
    // refused by the page's antiforgery check or its lack of a POST handler.
    private static async Task ReExecuteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var (path, query, method) = (request.Path, request.QueryString, request.Method);
        var routeValues = http.Features.Get<IRouteValuesFeature>();
        http.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPathBase = request.PathBase.Value ?? "",
            OriginalPath = path.Value ?? "",
            OriginalQueryString = query.HasValue ? query.Value : null,
            Endpoint = http.GetEndpoint(),
            RouteValues = routeValues?.RouteValues,
        });
        http.SetEndpoint(null);
        routeValues?.RouteValues = [];
        request.Path = NotFoundPath;
        request.QueryString = QueryString.Empty;
        request.Method = HttpMethods.IsHead(method) ? method : HttpMethods.Get;
        try
        {
            await context.Next(http).ConfigureAwait(false);
        }
        finally
        {
            (request.Path, request.QueryString, request.Method) = (path, query, method);
            http.Features.Set<IStatusCodeReExecuteFeature?>(null);
        }
    }
}
