using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Audit;
using OpenEts.Application.Storage;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

/// <summary>The audit log over HTTP: <c>/api/v1/audit</c>, for the regulator and the auditor.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit")
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.AuditReaders });
        group.MapGet("", PageAsync).WithSummary("Journal entries newest first (filters: subject, actor, kind prefix; page)");
        group.MapGet("/verify", VerifyAsync).WithSummary("Recompute the journal's hash chain; names the first bad entry");
    }

    public sealed record EntryView(long Sequence, DateTimeOffset At, string Actor, string Kind, string Subject, string Payload,
        string PreviousHash, string Hash);

    public sealed record PageView(long Total, int Page, int PageSize, List<EntryView> Entries);

    public sealed record VerifyView(bool Intact, long Checked, long? FirstBadSequence, string? Reason);

    private static async Task<Results<Ok<PageView>, ForbidHttpResult>> PageAsync(HttpContext http, AuditLog log,
        string? subject, string? actor, string? kind, int? page, CancellationToken ct)
    {
        var result = await log.PageAsync(http.User.Actor(), new JournalFilter(subject, actor, kind), page ?? 1, ct).ConfigureAwait(false);
        return result is null
            ? TypedResults.Forbid()
            : TypedResults.Ok(new PageView(result.Total, result.Page, AuditLog.PageSize, result.Entries
                .Select(e => new EntryView(e.Sequence, e.At, e.Actor, e.Kind, e.Subject, e.Payload, e.PreviousHash, e.Hash))
                .ToList()));
    }

    private static async Task<Ok<VerifyView>> VerifyAsync(AuditLog log, CancellationToken ct)
    {
        var (count, broken) = await log.VerifyAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(new VerifyView(broken is null, count, broken?.Sequence, broken?.Reason));
    }
}
