using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenEts.Application.Identity;

namespace OpenEts.Server.Auth;

/// <summary>Authenticates programs by API token; only the token's SHA-256 is stored.</summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SignIn signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var user = await signIn.AuthenticateTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false);
        return user is null
            ? AuthenticateResult.Fail("invalid or revoked API token")
            : AuthenticateResult.Success(new AuthenticationTicket(Principals.For(user, Scheme.Name), Scheme.Name));
    }
}
