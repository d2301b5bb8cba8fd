using Microsoft.AspNetCore.Authorization;

namespace OpenEts.Server.Auth;

/// <summary>
/// A read-only API token may only read: every authorisation check of a request other than GET, HEAD or OPTIONS fails
/// for it, whatever the endpoint's roles (<see cref="TokenRefusals"/> turns the failure into a 403 naming the rule).
/// </summary>
internal sealed class ReadOnlyTokenHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Resource is HttpContext http && context.User.IsReadOnlyToken()
            && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)))
        {
            context.Fail(new AuthorizationFailureReason(this, TokenRefusals.ReadOnlyRule));
        }
        return Task.CompletedTask;
    }
}
