using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;
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
            return TypedResults.Ok(new MeView(a.UserName, http.User.DisplayName(), ApiDocument.EnumName(a.Role), a.OrganisationId));
        }).WithSummary("The signed-in user");
        group.MapPost("/me/sign-out-everywhere", SignOutEverywhereAsync)
            .WithSummary("End every signed-in session of mine, this one included (API tokens stay: revoke them one by one)");
        group.MapGet("/tokens", ListAsync).WithSummary("My API tokens (never their secrets)");
        group.MapPost("/tokens", CreateAsync)
            .WithSummary("Create an API token (signed-in session only, not with a token); the secret is returned once")
            .WithDescription("expiresInDays: 1–365, default 90. scope: 'read' (GET only) or 'read-write' (default).");
        group.MapDelete("/tokens/{id}", RevokeAsync).WithSummary("Revoke one of my API tokens");
    }

    public sealed record MeView(string UserName, string DisplayName, [property: ApiEnum(typeof(Role))] string Role, long? OrganisationId);

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
        return await signIn.CreateTokenAsync(http.User.Actor(), new CreateToken.Form(input.Name, input.ExpiresInDays, input.Scope),
            clock.GetUtcNow(), ct).ConfigureAwait(false) switch
        {
            TokenCreation.Created c => TypedResults.Created($"/api/v1/tokens/{c.Token.Id}",
                new NewTokenView(c.Token.Id, c.Token.Name, c.Secret, TokenScopes.Name(c.Token.Scope), c.Token.ExpiresAt)),
            TokenCreation.Invalid i => Problems.Fields(i.Errors),
            TokenCreation.SecondFactorRequired => TokenRefusals.Forbidden(TokenRefusals.TwoFactorRequiredRule,
                "this server requires two-factor sign-in before API tokens: enrol on the two-factor page first"),
            _ => TokenRefusals.Forbidden(TokenRefusals.SessionRequiredRule, "only a signed-in session may create API tokens, not a token"),
        };
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
