using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Files;
using OpenEts.Application.Inclusion;
using OpenEts.Server.Auth;
using OpenEts.Server.Hosting;

namespace OpenEts.Server.Api;

// The partners' quality dashboard: every partner's counters for those who oversee the programmes (as JSON and .xlsx),
// and a partner's own with its key. Parse → call → map.
internal static partial class InclusionEndpoints
{
    private static void MapQuality(RouteGroupBuilder group)
    {
        var overseers = new AuthorizeAttribute { Roles = Access.InclusionOverseers };
        group.MapGet("/quality", QualityAsync).RequireAuthorization(overseers)
            .WithSummary("The partners' quality dashboard: events accepted and rejected by partner, programme, day received and reason (programme, from, to: yyyy-MM-dd; default the last 30 days)");
        group.MapGet("/quality.xlsx", QualityXlsxAsync).RequireAuthorization(overseers)
            .WithSummary("The quality dashboard's counters as .xlsx: one row per day, partner, programme and outcome");
        group.MapGet("/partner/quality", PartnerQualityAsync).AllowAnonymous().RequireRateLimiting(InclusionRateLimits.Partner)
            .WithSummary($"A data partner's own quality counters, with its key in the {PartnerKeyHeader} header (from, to: yyyy-MM-dd; default the last 30 days)");
    }

    private static async Task<Results<Ok<InclusionViews.QualityView>, ValidationProblem, ForbidHttpResult>> QualityAsync(HttpContext http,
        InclusionQueries q, CancellationToken ct, [FromQuery] string? programme = null, [FromQuery] string? from = null, [FromQuery] string? to = null)
    {
        if (!q.TryReadQualityFilter(programme, from, to, out var filter, out var errors))
        {
            return Problems.Fields(errors);
        }
        return await q.QualityAsync(http.User.Actor(), filter.Programme, filter.From, filter.To, ct).ConfigureAwait(false) is { } dashboard
            ? TypedResults.Ok(InclusionViews.Quality(dashboard))
            : TypedResults.Forbid();
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult>> QualityXlsxAsync(HttpContext http,
        InclusionQueries q, CancellationToken ct, [FromQuery] string? programme = null, [FromQuery] string? from = null, [FromQuery] string? to = null)
    {
        if (!q.TryReadQualityFilter(programme, from, to, out var filter, out var errors))
        {
            return Problems.Fields(errors);
        }
        if (await q.QualityAsync(http.User.Actor(), filter.Programme, filter.From, filter.To, ct).ConfigureAwait(false) is not { } dashboard)
        {
            return TypedResults.Forbid();
        }
        using var buffer = new MemoryStream();
        TabularWriter.WriteXlsx(buffer, QualitySheet.Header, QualitySheet.Rows(dashboard));
        return TypedResults.File(buffer.ToArray(), TabularWriter.XlsxContentType, QualitySheet.FileName(dashboard));
    }

    private static async Task<Results<Ok<InclusionViews.QualityView>, ValidationProblem, ProblemHttpResult>> PartnerQualityAsync(
        [FromHeader(Name = PartnerKeyHeader)] string? key, PartnerActionsHandler partners, InclusionQueries q, CancellationToken ct,
        [FromQuery] string? from = null, [FromQuery] string? to = null)
    {
        // The key first, as for a batch: no feedback on the query for a caller without a valid key.
        var (partner, refused) = await partners.AuthenticateAsync(key, ct).ConfigureAwait(false);
        return partner is null ? ToHttp(refused!, r => InclusionViews.Quality((QualityDashboard)r))
            : q.TryReadQualityFilter(null, from, to, out var filter, out var errors)
            ? ToHttp(await partners.QualityAsync(partner, filter.From, filter.To, ct).ConfigureAwait(false), r => InclusionViews.Quality((QualityDashboard)r))
            : Problems.Fields(errors);
    }
}
