using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization.Policy;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Auth;

/// <summary>
/// The 403 answers about how a request was authenticated, as problem+json with <c>field</c> and <c>rule</c>: a
/// read-only token that tries to write (<c>TokenReadOnly</c>), a token that tries to create a token (<c>SessionRequired</c>).
/// </summary>
internal sealed class TokenRefusals : IAuthorizationMiddlewareResultHandler
{
    public const string ReadOnlyRule = "TokenReadOnly";

    public const string SessionRequiredRule = "SessionRequired";

    /// <summary>Creating a token needs two-factor enrolment on this server (<c>--require-2fa-for-tokens</c>).</summary>
    public const string TwoFactorRequiredRule = "TwoFactorRequired";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public static ProblemHttpResult Forbidden(string rule, string english) =>
        TypedResults.Problem(RuleText.Message("token", rule, english), statusCode: StatusCodes.Status403Forbidden,
            title: Text.T("problem.forbidden.title"), extensions: new Dictionary<string, object?> { ["field"] = "token", ["rule"] = rule });

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Handler is ReadOnlyTokenHandler) == true)
        {
            return Forbidden(ReadOnlyRule, "this API token is read-only: it may only read (GET)").ExecuteAsync(context);
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
