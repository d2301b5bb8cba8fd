using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

/// <summary>Who am I, sessions and API tokens: <c>/api/v1/me</c>, <c>/api/v1/tokens</c>.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Account")
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.Everyone });
        group.MapGet("/me", (HttpContext http) =>
        {
            var a = http.User.Actor();
            return TypedResults.Ok(new MeView(a.UserName, http.User.DisplayName(), a.Role.ToString(), a.OrganisationId));
        }).WithSummary("The signed-in user");
        group.MapPost("/me/sign-out-everywhere", SignOutEverywhereAsync)
            .WithSummary("End every signed-in session of mine, this one included (API tokens stay: revoke them one by one)");
        group.MapGet("/tokens", ListAsync).WithSummary("My API tokens (never their secrets)");
        group.MapPost("/tokens", CreateAsync)
            .WithSummary("Create an API token (signed-in session only, not with a token); the secret is returned once")
            .WithDescription("expiresInDays: 1–365, default 90. scope: 'read' (GET only) or 'read-write' (default).");
        group.MapDelete("/tokens/{id:long}", RevokeAsync).WithSummary("Revoke one of my API tokens");
    }

    public sealed record MeView(string UserName, string DisplayName, string Role, long? OrganisationId);

    public sealed record TokenInput(string? Name, int? ExpiresInDays = null, string? Scope = null);

    public sealed record TokenView(long Id, string Name, string Prefix, string Scope, DateTimeOffset CreatedAt,
        DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    public sealed record NewTokenView(long Id, string Name, string Token, string Scope, DateTimeOffset ExpiresAt);

    private static async Task<Ok<List<TokenView>>> ListAsync(HttpContext http, SignIn signIn, CancellationToken ct) =>
        TypedResults.Ok((await signIn.ListTokensAsync(http.User.Actor(), ct).ConfigureAwait(false))
            .Select(t => new TokenView(t.Id, t.Name, t.Prefix, TokenScopes.Name(t.Scope), t.CreatedAt, t.ExpiresAt, t.LastUsedAt,
                t.RevokedAt)).ToList());

    private static async Task<Results<Created<NewTokenView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TokenInput input, HttpContext http, SignIn signIn, TimeProvider clock, CancellationToken ct)
    {
        if (http.User.IsToken())
        {
            // A token that could mint tokens would outlive its own revocation through its offspring.
            return TokenRefusals.Forbidden(TokenRefusals.SessionRequiredRule, "only a signed-in session may create API tokens, not a token");
        }
        if (!CreateToken.TryParse(new CreateToken.Form(input.Name, input.ExpiresInDays, input.Scope), out var command, out var errors))
        {
            return Problems.Fields(errors);
        }
        var (token, secret) = await signIn.CreateTokenAsync(http.User.Actor(), command!, clock.GetUtcNow(), ct).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/tokens/{token.Id}",
            new NewTokenView(token.Id, token.Name, secret, TokenScopes.Name(token.Scope), token.ExpiresAt));
    }

    private static async Task<NoContent> SignOutEverywhereAsync(HttpContext http, Sessions sessions, TimeProvider clock,
        CancellationToken ct)
    {
        await sessions.SignOutEverywhereAsync(http.User.Actor(), clock.GetUtcNow(), ct).ConfigureAwait(false);
        if (!http.User.IsToken())
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(long id, HttpContext http, SignIn signIn,
        TimeProvider clock, CancellationToken ct) =>
        await signIn.RevokeTokenAsync(http.User.Actor(), id, clock.GetUtcNow(), ct).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
}
