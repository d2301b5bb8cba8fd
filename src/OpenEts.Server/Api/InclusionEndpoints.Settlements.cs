using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Files;
using OpenEts.Application.Inclusion;
using OpenEts.Application.Offsets;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

// Merchants' settlement in yuan: the programme's operator (or the regulator) settles a merchant for a period; the
// merchant, the operator, the regulator and the auditor read the statement, as JSON or .xlsx. Parse → call → map.
internal static partial class InclusionEndpoints
{
    private static void MapSettlements(RouteGroupBuilder group)
    {
        group.MapPost("/merchants/{id}/settlements", SettleAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionSettlers })
            .WithSummary("The programme's operator (or the regulator) settles a merchant for a period of Beijing days: every redemption it confirmed then and no statement settled yet, at the programme's yuan per coin [UNCONFIRMED], into one journaled statement; a redemption is settled once");
        group.MapGet("/settlements/{id}", SettlementAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionMerchantReaders })
            .WithSummary("A settlement statement with every redemption it settled: the merchant's representatives, the programme's operator, the regulator and the auditor");
        group.MapGet("/settlements/{id}/statement.xlsx", SettlementXlsxAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionMerchantReaders })
            .WithSummary("A settlement statement as .xlsx: one row per redemption, then the totals");
    }

    public sealed record SettleInput(string PeriodStart, string PeriodEnd);

    private static async Task<Results<Ok<InclusionViews.SettlementView>, ValidationProblem, ProblemHttpResult>> SettleAsync(long id, SettleInput input,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        SettleMerchant.TryParse(new(id.ToString(System.Globalization.CultureInfo.InvariantCulture), input.PeriodStart, input.PeriodEnd), out var command,
            out var errors)
            ? ToHttp(await handler.SettleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.Settlement((MerchantSettlement)r))
            : Problems.Fields(errors);

    private static async Task<SettlementSheet?> SheetAsync(long id, HttpContext http, InclusionQueries queries, OffsetsQueries offsets,
        InclusionCommandHandler handler, CancellationToken ct)
    {
        var actor = http.User.Actor();
        var operated = await SettleMerchant.OperatedByAsync(actor, handler.Programmes, offsets, ct).ConfigureAwait(false);
        return await queries.SettlementAsync(actor, id, ct, operated).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<InclusionViews.SettlementSheetView>, NotFound>> SettlementAsync(long id, HttpContext http, InclusionQueries queries,
        OffsetsQueries offsets, InclusionCommandHandler handler, CancellationToken ct) =>
        await SheetAsync(id, http, queries, offsets, handler, ct).ConfigureAwait(false) is { } sheet
            ? TypedResults.Ok(InclusionViews.SettlementSheet(sheet))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> SettlementXlsxAsync(long id, HttpContext http, InclusionQueries queries,
        OffsetsQueries offsets, InclusionCommandHandler handler, CancellationToken ct)
    {
        if (await SheetAsync(id, http, queries, offsets, handler, ct).ConfigureAwait(false) is not { } sheet)
        {
            return TypedResults.NotFound();
        }
        using var buffer = new MemoryStream();
        TabularWriter.WriteXlsx(buffer, SettlementSheet.Header, sheet.Rows());
        return TypedResults.File(buffer.ToArray(), TabularWriter.XlsxContentType, sheet.FileName);
    }
}
