using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Auth;

/// <summary>
/// Holds a signed-in user on one page until they have done what the platform requires first:
/// <list type="bullet">
/// <item>a user whose password the regulator set (<see cref="Principals.MustChangePasswordClaim"/>) changes it at
/// <c>/Account/Password</c>; the API answers 403 <c>PasswordChangeRequired</c>;</item>
/// <item>then a user whose role requires two-factor sign-in and who has not enrolled
/// (<see cref="Principals.MustEnrolClaim"/>) enrols at <c>/Account/TwoFactor</c>; the API answers 403
/// <c>TwoFactorEnrolmentRequired</c>.</item>
/// </list>
/// Signing out, <c>/api/v1/me</c> and the language switch stay open.
/// </summary>
internal static class PasswordChangeGate
{
    public const string Rule = "PasswordChangeRequired";

    public const string EnrolRule = "TwoFactorEnrolmentRequired";

    public const string PagePath = "/Account/Password";

    public const string EnrolPath = "/Account/TwoFactor";

    private static readonly string[] Open = [PagePath, "/Account/Logout", "/api/v1/me", "/lang"];

    private static readonly string[] OpenWhileEnrolling = [.. Open, EnrolPath];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var (rule, page, open) = context.User.MustChangePassword() ? (Rule, PagePath, Open)
                : context.User.MustEnrolSecondFactor() ? (EnrolRule, EnrolPath, OpenWhileEnrolling)
                : (null, null, null);
            if (rule is not null && !open!.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await TypedResults.Problem(Text.T("rule." + rule), statusCode: StatusCodes.Status403Forbidden,
                            title: Text.T("problem.forbidden.title"),
                            extensions: new Dictionary<string, object?> { ["field"] = "", ["rule"] = rule })
                        .ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }
                context.Response.Redirect(page!);
                return;
            }
            await next(context).ConfigureAwait(false);
        });
}
