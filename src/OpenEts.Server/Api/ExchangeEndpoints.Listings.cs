using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange;
using OpenEts.Matching;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

// Click-on-listing (挂牌点选): a member lists a lot, which freezes its units or cash; other members see the open listings
// and pick the best-priced one, all or part, settled delivery versus payment at once; the lister may withdraw what is
// left. Parse → call → map.
internal static partial class ExchangeEndpoints
{
    /// <summary>The header a pick may carry its idempotency key in, instead of the body's <c>idempotencyKey</c>.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static void MapListings(RouteGroupBuilder group)
    {
        group.MapPost("/listings", PostListingAsync).RequireAuthorization(Traders)
            .WithSummary("List a lot for click-on-listing (挂牌点选): side, price, quantity, optional minimum take (default one lot), for your own account "
                + "or (account) one of your clients'; a sell's units go to the clearing account, a buy reserves value + the maximum fee; the order's "
                + "pre-trade checks apply");
        group.MapGet("/listings", OpenListingsAsync).RequireAuthorization(Traders)
            .WithSummary("Every open listing, by number (mine marks your organisation's, or with ?account= one of your clients'); only the best-priced, "
                + "then earliest, of a side may be picked");
        group.MapPost("/listings/{id}/pick", PickListingAsync).RequireAuthorization(Traders)
            .WithSummary("Pick a listing at its price: all that is left (no quantity) or at least its minimum take, for your own account or (account) one "
                + "of your clients'; settles delivery versus payment at once (units, cash and fees); the idempotency key (idempotencyKey or the "
                + "Idempotency-Key header) makes a repeat return the first pick");
        group.MapPost("/listings/{id}/withdraw", WithdrawListingAsync).RequireAuthorization(Traders)
            .WithSummary("Withdraw what is left of one of your listings or your clients': its units or cash come back");
        group.MapGet("/listing-trades", MyListingTradesAsync).RequireAuthorization(Traders)
            .WithSummary("Your organisation's listing trades (as lister or picker), newest first, each settled (?account= one of your clients')");
    }

    /// <summary>A listing's terms: price yuan/t, quantity and minimum take in tonnes (the minimum may be left out: one lot).</summary>
    public sealed record ListingInput(
        string? Instrument, [property: ApiEnum(typeof(Side))] string? Side, decimal? Price, long? Quantity, string? IdempotencyKey,
        long? MinimumTake = null, long? Account = null);

    /// <summary>
    /// A pick: the tonnes to take (left out or null: all that is left), its idempotency key (here or in the
    /// <c>Idempotency-Key</c> header: a repeat returns the first pick) and the account it is for (left out: your own).
    /// </summary>
    public sealed record PickInput(long? Quantity = null, string? IdempotencyKey = null, long? Account = null);

    /// <summary>A listing: price yuan/t, tonnes listed, taken and left; <c>mine</c> when it is your organisation's.</summary>
    public sealed record ListingView(
        long Id, string Instrument, [property: ApiEnum(typeof(Side))] string Side, decimal Price, long Quantity, long MinimumTake, long Taken, long Left,
        [property: ApiEnum(typeof(ListingStatus))] string Status, DateTimeOffset PostedAt, DateTimeOffset UpdatedAt, bool Mine);

    /// <summary>A listing trade from one trading account's side, with that side's fee.</summary>
    public sealed record ListingTradeView(
        long Id, long Listing, string Instrument, DateTimeOffset At, decimal Price, long Quantity, [property: ApiEnum(typeof(Side))] string Side,
        decimal Value, decimal Fee, string Settlement);

    public static ListingView View(ExchangeListing l, long? account)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.Id, l.Instrument, ApiDocument.EnumName(l.Side), Yuan(l.PriceFen), l.Quantity, l.MinimumTake, l.Taken, l.Left,
            ApiDocument.EnumName(l.Status), l.PostedAt, l.UpdatedAt, l.AccountId == account);
    }

    public static ListingTradeView View(ListingTrade t, long account)
    {
        ArgumentNullException.ThrowIfNull(t);
        var buyer = t.BuyAccount == account;
        return new(t.Id, t.Listing, t.Instrument, t.At, Yuan(t.PriceFen), t.Quantity, ApiDocument.EnumName(buyer ? Side.Buy : Side.Sell),
            Yuan(t.ValueFen), Yuan(buyer ? t.BuyerFeeFen : t.SellerFeeFen), "settled");
    }

    private static async Task<ExchangeCommandResult> PostListingAsync(
        ListingInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        PostListing.TryParse(new(input.Instrument, input.Side, input.Price, input.Quantity, input.MinimumTake, input.IdempotencyKey, input.Account),
            out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> PickListingAsync(
        long id, PickInput? input, [FromHeader(Name = IdempotencyKeyHeader)] string? headerKey, HttpContext http, ExchangeService exchange,
        TimeProvider clock, CancellationToken ct) =>
        PickListing.TryParse(new(id, input?.Quantity, input?.IdempotencyKey ?? headerKey, input?.Account), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> WithdrawListingAsync(
        long id, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        await SendAsync(new WithdrawListing(id), http, exchange, clock, ct).ConfigureAwait(false);

    private static async Task<Ok<List<ListingView>>> OpenListingsAsync(HttpContext http, ExchangeQueries queries, CancellationToken ct, long? account = null)
    {
        var actor = http.User.Actor();
        var mine = await queries.ReadableAccountAsync(actor, account, ct).ConfigureAwait(false);
        return TypedResults.Ok((await queries.OpenListingsAsync(actor, ct).ConfigureAwait(false)).Select(l => View(l, mine?.Id)).ToList());
    }

    private static async Task<Ok<List<ListingTradeView>>> MyListingTradesAsync(
        HttpContext http, ExchangeQueries queries, CancellationToken ct, long? account = null)
    {
        var actor = http.User.Actor();
        var readable = await queries.ReadableAccountAsync(actor, account, ct).ConfigureAwait(false);
        return TypedResults.Ok(readable is null ? []
            : (await queries.MyListingTradesAsync(actor, readable.Id, ct).ConfigureAwait(false)).Select(t => View(t, readable.Id)).ToList());
    }
}
