using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Auth;

/// <summary>
/// A user whose password the regulator reset signs in with a <see cref="Principals.MustChangePasswordClaim"/> and can do
/// nothing but change it: every page sends them to <c>/Account/Password</c>, every API call but that one (and
/// <c>/api/v1/me</c>) answers 403 with rule <c>PasswordChangeRequired</c>. Signing out and the language switch stay open.
/// </summary>
internal static class PasswordChangeGate
{
    public const string Rule = "PasswordChangeRequired";

    public const string PagePath = "/Account/Password";

    private static readonly string[] Open = [PagePath, "/Account/Logout", "/api/v1/me", "/lang"];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.MustChangePassword()
                && !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await TypedResults.Problem(Text.T("rule." + Rule), statusCode: StatusCodes.Status403Forbidden,
                            title: Text.T("problem.forbidden.title"),
                            extensions: new Dictionary<string, object?> { ["field"] = "password", ["rule"] = Rule })
                        .ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }
                context.Response.Redirect(PagePath);
                return;
            }
            await next(context).ConfigureAwait(false);
        });
}
