using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Journal;
using OpenEts.Domain.Journal;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

/// <summary>
/// The journal's signed digests, public: <c>/api/v1/journal/digests</c>. Anyone may download them with the public key
/// and keep them; a later rewrite of the journal no longer reproduces them (<c>ets registry verify --digest FILE</c>).
/// </summary>
internal static class JournalEndpoints
{
    public static void MapJournalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/journal").WithTags("Journal");
        group.MapGet("/digests", ListAsync).AllowAnonymous()
            .WithSummary("Every signed journal digest with the public key that checks them (public; keep a copy)");
        group.MapPost("/digests", SignAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.Regulator })
            .WithSummary("Sign the journal's head now (nothing new: 200 with the latest digest)");
    }

    public sealed record DigestView(string Format, long Sequence, string Hash, DateTimeOffset At, string KeyId, string Signature)
    {
        public static DigestView From(JournalDigest d) => new(JournalDigest.Format, d.Sequence, d.Hash, d.At, d.KeyId, d.Signature);
    }

    public sealed record DigestFile(string Format, string? KeyId, string? PublicKey, IReadOnlyList<DigestView> Digests);

    private static async Task<Ok<DigestFile>> ListAsync(JournalDigests digests, CancellationToken ct)
    {
        var all = await digests.ListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(new DigestFile(JournalDigest.Format, digests.KeyId, digests.PublicKeyPem,
            [.. all.Select(DigestView.From)]));
    }

    private static async Task<Results<Ok<DigestView>, ProblemHttpResult>> SignAsync(
        HttpContext http, JournalDigests digests, TimeProvider clock, CancellationToken ct)
    {
        if (!digests.CanSign)
        {
            return TypedResults.Problem("This server has no journal signing key (--signing-key).",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Digests cannot be signed");
        }
        return await digests.CurrentAsync(clock.GetUtcNow(), http.User.Actor().UserName, ct).ConfigureAwait(false) is { } digest
            ? TypedResults.Ok(DigestView.From(digest))
            : TypedResults.Problem("The journal is empty: there is nothing to sign yet.", statusCode: StatusCodes.Status409Conflict,
                title: "Nothing to sign");
    }
}
