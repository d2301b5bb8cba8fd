using OpenEts.Server.Api;

namespace OpenEts.Server.Auth;

/// <summary>
/// Cross-site request forgery on the JSON API: a write (any method but GET, HEAD, OPTIONS, TRACE) under <c>/api</c> that
/// the sign-in cookie would authorise is refused with 403 (problem, rule <c>Csrf</c>) when the browser says it comes
/// from another site: an <c>Origin</c> header (or, without one, a <c>Referer</c>) that is not this site's origin, or,
/// with neither, <c>Sec-Fetch-Site: cross-site</c>. A request with <c>Authorization: Bearer</c> is exempt: a token is
/// never sent by a browser on its own, so it cannot be forged across sites. The pages' forms carry antiforgery tokens
/// instead; the API's JSON writes are mostly also shielded by the cookie's SameSite=Strict, which this does not rely on.
/// </summary>
internal static class SameOriginWrites
{
    public const string Rule = "Csrf";

    /// <summary>Adds the check; place it before authentication so that a forged write does nothing, not even sign-in work.</summary>
    public static IApplicationBuilder UseSameOriginWrites(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsCrossSiteCookieWrite(context.Request))
            {
                await Problems.WriteRefusalAsync(context, StatusCodes.Status403Forbidden, "problem.csrf", "", Rule).ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
        });

    /// <summary>True for an API write without a bearer token that the browser marks as coming from another site.</summary>
    public static bool IsCrossSiteCookieWrite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return !SameOrigin(request, origin);
        }
        var referer = request.Headers.Referer.ToString();
        if (referer.Length > 0)
        {
            return !SameOrigin(request, referer);
        }
        return string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase);
    }

    // Scheme, host and port of the header's URL equal this request's ("null", an opaque origin, never does).
    private static bool SameOrigin(HttpRequest request, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var from)
        && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}/", UriKind.Absolute, out var self)
        && string.Equals(from.Scheme, self.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(from.Host, self.Host, StringComparison.OrdinalIgnoreCase)
        && from.Port == self.Port;
}
