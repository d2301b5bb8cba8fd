using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenEts.Application.Identity;

namespace OpenEts.Server.Auth;

/// <summary>Authenticates programs by API token; only the token's SHA-256 is stored.</summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SignIn signIn, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var found = await signIn.AuthenticateTokenAsync(header["Bearer ".Length..].Trim(), clock.GetUtcNow(), Context.RequestAborted)
            .ConfigureAwait(false);
        return found is null
            ? AuthenticateResult.Fail("invalid, expired or revoked API token")
            : AuthenticateResult.Success(new AuthenticationTicket(Principals.For(found, Scheme.Name), Scheme.Name));
    }
}
