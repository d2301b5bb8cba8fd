namespace OpenEts.Server.Localization;

/// <summary>
/// Whose field labels a request's messages use: the same field name means different things in different modules and
/// forms (<c>code</c> is a credit code on the organisation list, an instrument on the exchange, a redemption code in carbon
/// inclusion; <c>from</c>/<c>to</c> are accounts in the registry and days elsewhere). <see cref="RuleText.Label"/> looks for
/// <c>field.{scope}.{field}</c> in each scope, the form's before the module's, before the global <c>field.{field}</c>.
/// </summary>
/// <remarks>
/// The scopes come from the request's path, as the UI culture does (Accept-Language, cookie): a page
/// <c>/Inclusion/Merchants</c> and the API <c>/api/v1/inclusion/merchants/…</c> are both <c>inclusion.merchants</c>, then
/// <c>inclusion</c>. They flow with the request (an <see cref="AsyncLocal{T}"/>, set by <see cref="UseAsync"/>).
/// </remarks>
internal static class LabelScope
{
    private static readonly AsyncLocal<IReadOnlyList<string>?> Scopes = new();

    /// <summary>The current scopes, most specific first; empty outside a request.</summary>
    public static IReadOnlyList<string> Current => Scopes.Value ?? [];

    /// <summary>The scopes of a request path: its form (module and page) and its module, lower case.</summary>
    public static IReadOnlyList<string> OfPath(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = segments.Length >= 2 && segments[0].Equals("api", StringComparison.OrdinalIgnoreCase) ? 2 : 0;
        if (segments.Length <= start)
        {
            return [];
        }
        var module = segments[start].ToLowerInvariant();
        return segments.Length > start + 1 && !char.IsAsciiDigit(segments[start + 1][0])
            ? [$"{module}.{segments[start + 1].ToLowerInvariant()}", module]
            : [module];
    }

    /// <summary>Sets the scopes of <paramref name="context"/>'s path for the rest of the request.</summary>
    public static void Enter(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Scopes.Value = OfPath(context.Request.Path);
    }

    /// <summary>Middleware: the scopes of the request's path, for everything after it.</summary>
    public static async Task UseAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Enter(context);
        await next(context).ConfigureAwait(false);
    }
}
