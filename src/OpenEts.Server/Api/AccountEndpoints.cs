using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

/// <summary>Who am I, and API tokens: <c>/api/v1/me</c>, <c>/api/v1/tokens</c>.</summary>
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
        group.MapGet("/tokens", ListAsync).WithSummary("My API tokens (never their secrets)");
        group.MapPost("/tokens", CreateAsync).WithSummary("Create an API token; the secret is returned once");
        group.MapDelete("/tokens/{id:long}", RevokeAsync).WithSummary("Revoke one of my API tokens");
    }

    public sealed record MeView(string UserName, string DisplayName, string Role, long? OrganisationId);

    public sealed record TokenInput(string Name);

    public sealed record TokenView(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed record NewTokenView(long Id, string Name, string Token);

    private static async Task<Ok<List<TokenView>>> ListAsync(HttpContext http, SignIn signIn, CancellationToken ct) =>
        TypedResults.Ok((await signIn.ListTokensAsync(http.User.Actor(), ct).ConfigureAwait(false))
            .Select(t => new TokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.RevokedAt)).ToList());

    private static async Task<Results<Created<NewTokenView>, ValidationProblem>> CreateAsync(
        TokenInput input, HttpContext http, SignIn signIn, TimeProvider clock, CancellationToken ct)
    {
        var name = input.Name.Trim();
        if (name.Length is 0 or > 60)
        {
            return Problems.Fields([new FieldError("name", "Length", "name must be 1–60 characters")]);
        }
        var (token, secret) = await signIn.CreateTokenAsync(http.User.Actor(), name, clock.GetUtcNow(), ct).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/tokens/{token.Id}", new NewTokenView(token.Id, token.Name, secret));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(long id, HttpContext http, SignIn signIn,
        TimeProvider clock, CancellationToken ct) =>
        await signIn.RevokeTokenAsync(http.User.Actor(), id, clock.GetUtcNow(), ct).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
}
