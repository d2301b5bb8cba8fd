using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Exchange;
using OpenEts.Domain.Exchange;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Api;

// One-way auctions (单向竞价): a member announces an auction (its units frozen in clearing), members bid inside the window
// (cash reserved), the exchange's staff close it (cleared, settled delivery versus payment, the rest released). Parse →
// call → map.
internal static partial class ExchangeEndpoints
{
    private static void MapAuctions(RouteGroupBuilder group)
    {
        group.MapPost("/auctions", AnnounceAuctionAsync).RequireAuthorization(Traders)
            .WithSummary("Announce a one-way auction (单向竞价) as the seller: quantity, reserve price, minimum bid (default one lot), bidding window "
                + "(ISO 8601; without an offset Beijing time; opens default now) within the exchange's hours, pricing uniform (default, unconfirmed) "
                + "or payAsBid, for your own account or (account) one of your clients'; the units go to the clearing account");
        group.MapGet("/auctions", AuctionsAsync).RequireAuthorization(Readers)
            .WithSummary("The latest one-way auctions, newest first, with their results once cleared (members with a trading account, supervisors)");
        group.MapGet("/auctions/{id}", AuctionAsync).RequireAuthorization(Readers)
            .WithSummary("One auction and the bids you may see: your own (and your clients'); the seller's all once cleared; the supervisors' all");
        group.MapPost("/auctions/{id}/bids", BidAsync).RequireAuthorization(Traders)
            .WithSummary("Bid on an auction inside its window: price (at least the reserve) and quantity (at least the minimum bid); reserves "
                + "value + the maximum fee of your cash (or, with account, your client's) until the close; the seller may not bid");
        group.MapPost("/auctions/bids/{id}/withdraw", WithdrawBidAsync).RequireAuthorization(Traders)
            .WithSummary("Withdraw one of your open bids or your clients' before the window closes: its cash is released");
        group.MapPost("/auctions/{id}/close", CloseAuctionAsync).RequireAuthorization(Operators)
            .WithSummary("Close an auction whose window has ended (the exchange's staff): clears by price then time priority (the marginal bid "
                + "in part), settles each winning bid delivery versus payment with fees, releases the rest; not market prints");
    }

    /// <summary>An announcement: quantity and minimum bid in tonnes, reserve yuan/t, the window as ISO 8601 date-times.</summary>
    public sealed record AuctionInput(
        string? Instrument, long? Quantity, decimal? ReservePrice, string? Closes, string? IdempotencyKey, long? MinimumBid = null, string? Opens = null,
        [property: ApiEnum(typeof(AuctionPricing))] string? Pricing = null, long? Account = null);

    /// <summary>A bid: price yuan/t and quantity in tonnes; account left out for your own, or one of your clients'.</summary>
    public sealed record AuctionBidInput(decimal? Price, long? Quantity, string? IdempotencyKey, long? Account = null);

    /// <summary>An auction: its terms, and once cleared the clearing price (null when nothing sold) and what sold; <c>mine</c> when you are the seller.</summary>
    public sealed record AuctionView(
        long Id, string Instrument, long Quantity, decimal ReservePrice, long MinimumBid, DateTimeOffset Opens, DateTimeOffset Closes,
        [property: ApiEnum(typeof(AuctionPricing))] string Pricing, [property: ApiEnum(typeof(OneWayAuctionStatus))] string Status,
        decimal? ClearingPrice, long Sold, long Unsold, DateTimeOffset AnnouncedAt, long Account);

    /// <summary>A bid: price yuan/t and tonnes; at the close what it won, the price paid and its fee.</summary>
    public sealed record AuctionBidView(
        long Id, long Auction, decimal Price, long Quantity, [property: ApiEnum(typeof(OneWayBidStatus))] string Status, long Won, decimal? PaidPrice,
        decimal Fee, DateTimeOffset PlacedAt, long Account);

    /// <summary>An auction with the bids the caller may see.</summary>
    public sealed record AuctionDetailView(AuctionView Auction, IReadOnlyList<AuctionBidView> Bids);

    public static AuctionView View(OneWayAuction a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var t = a.Terms;
        return new(a.Id, a.Instrument, t.Quantity, Yuan(t.ReservePriceFen), t.MinimumBid, t.Opens, t.Closes, ApiDocument.EnumName(t.Pricing),
            ApiDocument.EnumName(a.Status), a.ClearingPriceFen is { } p ? Yuan(p) : null, a.Sold,
            a.Status == OneWayAuctionStatus.Cleared ? t.Quantity - a.Sold : 0, a.AnnouncedAt, a.AccountId);
    }

    public static AuctionBidView View(OneWayBid b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Id, b.Auction, Yuan(b.PriceFen), b.Quantity, ApiDocument.EnumName(b.Status), b.Won, b.PaidPriceFen is { } p ? Yuan(p) : null,
            Yuan(b.BuyerFeeFen), b.PlacedAt, b.AccountId);
    }

    private static async Task<ExchangeCommandResult> AnnounceAuctionAsync(
        AuctionInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        AnnounceOneWayAuction.TryParse(new(input.Instrument, input.Quantity, input.ReservePrice, input.MinimumBid, input.Opens, input.Closes, input.Pricing,
            input.IdempotencyKey, input.Account), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> BidAsync(
        long id, AuctionBidInput input, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        PlaceOneWayBid.TryParse(new(id, input.Price, input.Quantity, input.IdempotencyKey, input.Account), out var command, out var errors)
            ? await SendAsync(command, http, exchange, clock, ct).ConfigureAwait(false)
            : Problems.Fields(errors);

    private static async Task<ExchangeCommandResult> WithdrawBidAsync(long id, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        await SendAsync(new WithdrawOneWayBid(id), http, exchange, clock, ct).ConfigureAwait(false);

    private static async Task<ExchangeCommandResult> CloseAuctionAsync(long id, HttpContext http, ExchangeService exchange, TimeProvider clock, CancellationToken ct) =>
        await SendAsync(new CloseOneWayAuction(id), http, exchange, clock, ct).ConfigureAwait(false);

    private static async Task<Ok<List<AuctionView>>> AuctionsAsync(HttpContext http, ExchangeQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.AuctionsAsync(http.User.Actor(), ct).ConfigureAwait(false)).Select(View).ToList());

    private static async Task<Results<Ok<AuctionDetailView>, NotFound>> AuctionAsync(long id, HttpContext http, ExchangeQueries queries, CancellationToken ct) =>
        await queries.AuctionAsync(http.User.Actor(), id, ct).ConfigureAwait(false) is { } found
            ? TypedResults.Ok(new AuctionDetailView(View(found.Auction), [.. found.Bids.Select(View)]))
            : TypedResults.NotFound();
}
