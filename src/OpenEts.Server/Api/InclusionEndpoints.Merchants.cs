using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenEts.Application.Inclusion;
using OpenEts.Server.Auth;
using OpenEts.Server.Hosting;

namespace OpenEts.Server.Api;

// Merchants confirm redemption codes; citizens donate coins; the regulator issues and revokes partners' keys and purges
// raw actions past retention; partners submit actions with their key; a person signs up (rate-limited). Parse → call → map.
internal static partial class InclusionEndpoints
{
    /// <summary>The header a data partner sends its key in.</summary>
    public const string PartnerKeyHeader = "X-Partner-Key";

    private static void MapMerchantsAndPartners(RouteGroupBuilder group)
    {
        var regulator = new AuthorizeAttribute { Roles = Access.Regulator };
        group.MapPost("/merchants", RegisterMerchantAsync).RequireAuthorization(regulator)
            .WithSummary("List an organisation on the register as a merchant of a programme, with the catalogue items it honours (none: all)");
        group.MapGet("/merchants", MerchantsAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.InclusionMerchantReaders })
            .WithSummary("Merchants with their confirmed redemptions and settlement by month: all (regulator, auditor) or one's organisation's");
        group.MapPost("/merchants/confirmations", ConfirmAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.MrvCompany })
            .WithSummary("A merchant confirms a citizen's redemption code: taken once, the coins settle to the merchant");
        group.MapPost("/donations", DonateAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.Citizen })
            .WithSummary("Give coins to a cause the programme lists (idempotencyKey: a retry returns the first donation)");
        group.MapGet("/partners", PartnersAsync).RequireAuthorization(regulator)
            .WithSummary("Data partners with their scope and key state (the key itself is never shown again)");
        group.MapPost("/partners", IssueKeyAsync).RequireAuthorization(regulator)
            .WithSummary("Issue a data partner an API key scoped to a programme and behaviours; the key is in this answer only. With publicKey (ECDSA P-256, PEM or base64 DER), every event sent with the key must carry its signature");
        group.MapPost("/partners/{id}/revoke", RevokeKeyAsync).RequireAuthorization(regulator)
            .WithSummary("Revoke a partner's key: every later submission with it is refused");
        group.MapPost("/partner/actions", PartnerActionsAsync).AllowAnonymous().RequireRateLimiting(InclusionRateLimits.Partner)
            .Accepts<BatchInput>("application/json")
            .WithSummary($"A data partner submits a batch of actions with its key in the {PartnerKeyHeader} header (rate-limited per key; 429 with Retry-After). On a server with the database queue (--inclusion-queue) or a stream (--nats) each action is answered queued and recorded in the background; 503 with Retry-After (rule QueueFull) when the queue is full");
        group.MapPost("/signup", SignUpAsync).AllowAnonymous().RequireRateLimiting(InclusionRateLimits.SignUp)
            .WithSummary("Sign up as a citizen with the least personal data, agreeing to the consent notice by its version (rate-limited per address; 429 with Retry-After)");
        group.MapPost("/retention/purge", PurgeAsync).RequireAuthorization(regulator)
            .WithSummary("Delete raw actions older than the retention window (400 days [UNCONFIRMED]); daily reductions and totals stay");
    }

    public sealed record MerchantInput(string Programme, string Organisation, string Name, string? Items = null);

    public sealed record ConfirmInput(string Code);

    public sealed record DonateInput(string Programme, string Cause, long Coins, string IdempotencyKey);

    public sealed record PartnerInput(string Name, string Programme, string Behaviours, string? PublicKey = null);

    public sealed record SignUpInput(string Password, string ConsentVersion, bool Agree, string? Nickname = null, string? Contact = null);

    private static async Task<Results<Ok<InclusionViews.MerchantView>, ValidationProblem, ProblemHttpResult>> RegisterMerchantAsync(MerchantInput input,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        RegisterMerchant.TryParse(new(input.Programme, input.Organisation, input.Name, input.Items), handler.Programmes, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.Merchant((Domain.Inclusion.Merchant)r))
            : Problems.Fields(errors);

    private static async Task<Ok<List<InclusionViews.MerchantStatementView>>> MerchantsAsync(HttpContext http, InclusionQueries q, CancellationToken ct) =>
        TypedResults.Ok((await q.MerchantsAsync(http.User.Actor(), ct).ConfigureAwait(false)).Select(InclusionViews.MerchantStatement).ToList());

    private static async Task<Results<Ok<InclusionViews.VoucherView>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(ConfirmInput input,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        ConfirmRedemption.TryParse(new(input.Code), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false),
                r => InclusionViews.Voucher(((MerchantConfirmation)r).Voucher))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<InclusionViews.DonationView>, ValidationProblem, ProblemHttpResult>> DonateAsync(DonateInput input,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        DonateCoins.TryParse(new(input.Programme, input.Cause, input.Coins, input.IdempotencyKey), handler.Programmes, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.Donation((CoinDonation)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<List<InclusionViews.PartnerView>>, ForbidHttpResult>> PartnersAsync(HttpContext http, InclusionQueries q,
        CancellationToken ct) =>
        await q.PartnersAsync(http.User.Actor(), ct).ConfigureAwait(false) is { } list
            ? TypedResults.Ok(list.Select(InclusionViews.Partner).ToList())
            : TypedResults.Forbid();

    private static async Task<Results<Ok<InclusionViews.IssuedKeyView>, ValidationProblem, ProblemHttpResult>> IssueKeyAsync(PartnerInput input,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        IssuePartnerKey.TryParse(new(input.Name, input.Programme, input.Behaviours, input.PublicKey), handler.Programmes, out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.IssuedKey((PartnerKeyIssued)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<InclusionViews.PartnerView>, ValidationProblem, ProblemHttpResult>> RevokeKeyAsync(long id,
        HttpContext http, InclusionCommandHandler handler, CancellationToken ct) =>
        RevokePartnerKey.TryParse(new(id), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(http.User.Actor(), command, ct).ConfigureAwait(false), r => InclusionViews.Partner((InclusionPartner)r))
            : Problems.Fields(errors);

    // The body is read by BatchBodyReader (one pass, straight into the form; the same refusals as binding BatchInput).
    private static async Task<Results<Ok<InclusionViews.RecordedView>, ValidationProblem, ProblemHttpResult>> PartnerActionsAsync(HttpRequest request,
        [FromHeader(Name = PartnerKeyHeader)] string? key, PartnerActionsHandler partners, [FromServices] IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken ct)
    {
        // The key first: a caller without a valid key learns nothing about what its body would have been told.
        var (partner, refused) = await partners.AuthenticateAsync(key, ct).ConfigureAwait(false);
        if (partner is null)
        {
            return ToHttp(refused!, r => InclusionViews.Recorded((RecordedActions)r));
        }
        var form = await BatchBodyReader.ReadAsync(request, json.Value, ct).ConfigureAwait(false);
        if (!RecordActions.TryParse(form, partners.Programmes, out var command, out var errors))
        {
            return Problems.Fields(errors);
        }
        var outcome = await partners.HandleAsync(partner, command, ct).ConfigureAwait(false);
        if (outcome is InclusionCommandOutcome.Refused { Rule: PartnerActionsHandler.QueueFull } full)
        {
            // The queue (--inclusion-queue) is full: nothing was stored, and the batch can come again once it drains.
            request.HttpContext.Response.Headers.RetryAfter = ((int)InclusionQueue.RetryWhenFull.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Refusal(StatusCodes.Status503ServiceUnavailable, full.Field, full.Rule, full.Message);
        }
        return ToHttp(outcome, r => InclusionViews.Recorded((RecordedActions)r));
    }

    private static async Task<Results<Ok<InclusionViews.SignedUpView>, ValidationProblem, ProblemHttpResult>> SignUpAsync(SignUpInput input,
        CitizenSignUpHandler handler, CancellationToken ct) =>
        SignUpCitizen.TryParse(new(input.Nickname, input.Contact, input.Password, input.ConsentVersion, input.Agree), out var command, out var errors)
            ? ToHttp(await handler.HandleAsync(command, ct).ConfigureAwait(false), r => InclusionViews.SignedUp((CitizenSignedUp)r))
            : Problems.Fields(errors);

    private static async Task<Results<Ok<InclusionViews.PurgedView>, ValidationProblem, ProblemHttpResult>> PurgeAsync(HttpContext http,
        InclusionCommandHandler handler, CancellationToken ct) =>
        ToHttp(await handler.HandleAsync(http.User.Actor(), PurgeRawActions.Default, ct).ConfigureAwait(false), r => InclusionViews.Purged((PurgedActions)r));
}
