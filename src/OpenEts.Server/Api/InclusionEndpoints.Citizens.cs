using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Inclusion;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

// A citizen's personal information (个人信息保护法): their consent, a copy of everything held, and erasure. Sign-up is
// the page /Inclusion/SignUp and the rate-limited POST /signup (InclusionEndpoints.Merchants.cs).
internal static partial class InclusionEndpoints
{
    private static void MapCitizens(RouteGroupBuilder group)
    {
        var citizen = new AuthorizeAttribute { Roles = Access.Citizen };
        group.MapGet("/me/privacy", PrivacyAsync).RequireAuthorization(citizen)
            .WithSummary("My consent: the notice in force (what is collected, why, how long), my profile and every consent given or withdrawn");
        group.MapPost("/me/consent", ConsentAsync).RequireAuthorization(citizen)
            .WithSummary("Give (action give, consentVersion: the notice's version) or withdraw (action withdraw) my consent; without it no action of mine is recorded");
        group.MapGet("/me/data", DataAsync).RequireAuthorization(citizen).Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("Everything held about me as one JSON document: account, profile, consents, coins, daily rows, every action, redemptions, journal entries");
        group.MapGet("/me/data.xlsx", DataXlsxAsync).RequireAuthorization(citizen)
            .WithSummary("Everything held about me as an .xlsx workbook, one sheet per kind of data");
        group.MapPost("/me/erase", EraseAsync).RequireAuthorization(citizen)
            .WithSummary("Erase my personal data (confirm: my user name); anonymised reductions and the journal, which knows me by my pseudonym, stay");
    }

    public sealed record ConsentInput(string Action, string? ConsentVersion = null);

    public sealed record EraseInput(string Confirm);

    private static async Task<Results<Ok<InclusionViews.PrivacyView>, NotFound>> PrivacyAsync(HttpContext http, InclusionQueries q, CancellationToken ct) =>
        await q.PrivacyAsync(http.User.Actor(), ct).ConfigureAwait(false) is { } p ? TypedResults.Ok(InclusionViews.Privacy(p)) : TypedResults.NotFound();

    private static async Task<Results<Ok<InclusionViews.PrivacyView>, ValidationProblem, ProblemHttpResult>> ConsentAsync(ConsentInput input,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        ChangeConsent.TryParse(new(input.Action, input.ConsentVersion), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.Privacy((CitizenPrivacy)r))
            : Problems.Fields(errors);

    private static async Task<Results<ContentHttpResult, NotFound>> DataAsync(HttpContext http, InclusionQueries q, CancellationToken ct) =>
        await q.CitizenDataAsync(http.User.Actor(), null, ct).ConfigureAwait(false) is { } data
            ? TypedResults.Text(CitizenDataExport.ToJson(data), "application/json")
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> DataXlsxAsync(HttpContext http, InclusionQueries q, CancellationToken ct)
    {
        if (await q.CitizenDataAsync(http.User.Actor(), null, ct).ConfigureAwait(false) is not { } data)
        {
            return TypedResults.NotFound();
        }
        var (content, contentType, fileName) = CitizenDataExport.File(data, "xlsx");
        return TypedResults.File(content, contentType, fileName);
    }

    private static async Task<Results<Ok<InclusionViews.ErasedView>, ValidationProblem, ProblemHttpResult>> EraseAsync(EraseInput input,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        EraseCitizen.TryParse(new(null, input.Confirm), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.Erased((CitizenErased)r))
            : Problems.Fields(errors);
}
