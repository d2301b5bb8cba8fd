using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEts.Application.Auction;
using OpenEts.Application.Cash;
using OpenEts.Server.Auth;
using CashCommandResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<OpenEts.Server.Api.CashEndpoints.CashOutcomeView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.NotFound>;

namespace OpenEts.Server.Api;

/// <summary>
/// Allowance auctions (有偿发放): <c>/api/v1/auctions</c>. Announcements and results are public; the regulator announces
/// and closes; companies and exchange members bid. Parse → call → map (<see cref="CashEndpoints.ToHttp"/>).
/// </summary>
internal static class AuctionEndpoints
{
    public static void MapAuctionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auctions").WithTags("Auctions");
        var regulator = new AuthorizeAttribute { Roles = Access.Regulator };
        group.MapGet("", ListAsync).AllowAnonymous()
            .WithSummary("Every auction, newest first: class, volume, bidding window, reserve price, status and clearing price (public)");
        group.MapGet("/{id}", DetailAsync).AllowAnonymous()
            .WithSummary("One auction: its reserve inputs, published results once cleared, your own bids; every bid for the regulator and auditor once cleared");
        group.MapPost("", AnnounceAsync).RequireAuthorization(regulator)
            .WithSummary("Announce an auction; the reserve price is computed by the plan's rule from the monthly market figures given");
        group.MapPost("/{id}/bids", BidAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Access.RegistryHolders })
            .WithSummary("Place a sealed bid (tonnes, price per tonne, your holding account); holds tonnes × price of your cash; cannot be withdrawn");
        group.MapPost("/{id}/close", CloseAsync).RequireAuthorization(regulator)
            .WithSummary("Clear and settle on the exchange, delivery versus payment, all or nothing: cash from the winners to the auction proceeds, allowances from the issuance account to their accounts");
        group.MapPost("/{id}/withdraw", WithdrawAsync).RequireAuthorization(regulator)
            .WithSummary("Withdraw an auction not yet closed (撤销拍卖): every bid's cash is released and its volume no longer offered; it then takes no bid and is not closed");
    }

    public sealed record MonthInput(string Month, decimal? Price = null, decimal? Turnover = null, long? Volume = null);

    public sealed record AnnounceInput(string Jurisdiction, int Year, string Class, long Volume, string OpensAt, string ClosesAt,
        IReadOnlyList<MonthInput> ReserveInputs, string IdempotencyKey);

    public sealed record BidInput(string Account, long Tonnes, decimal Price, string IdempotencyKey);

    /// <summary>Why the auction is withdrawn (optional).</summary>
    public sealed record WithdrawInput(string? Reason = null);

    /// <summary>An auction's terms and state; <c>failure</c> says why its close could not deliver when <c>status</c> is failed (null otherwise).</summary>
    public sealed record AuctionSummary(long Id, string Jurisdiction, int Year, string Class, long Volume, DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt, decimal ReservePrice, AuctionStatus Status, decimal? ClearingPrice, long? Sold, string? Failure);

    public sealed record ReserveInputView(string Month, decimal Price, decimal Turnover, long Volume);

    public sealed record BidView(long Id, string Account, long Tonnes, decimal Price, DateTimeOffset PlacedAt, long? Awarded, bool Delivered);

    public sealed record ResultsView(decimal? ClearingPrice, long Sold, long Unsold, int Bidders, int Winners, decimal Proceeds, bool Delivered);

    public sealed record RulesView(string ReserveRule, decimal ReserveFraction, int ReserveMonths, long MinimumBidTonnes,
        decimal MaximumBidderShare, string Source, bool Confirmed);

    public sealed record AuctionView(AuctionSummary Auction, RulesView Rules, IReadOnlyList<ReserveInputView> ReserveInputs, ResultsView? Results,
        IReadOnlyList<BidView> OwnBids, IReadOnlyList<BidView> AllBids);

    public static AuctionSummary Summary(AuctionRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.Jurisdiction, a.Year, a.Class.ToString(), a.VolumeTonnes, a.OpensAt, a.ClosesAt, a.Reserve.Value,
            a.Status, a.ClearingPrice?.Value, a.SoldTonnes, a.Failure);
    }

    private static BidView Bid(AuctionBid b) => new(b.Id, b.Account.Value, b.Tonnes, b.Price.Value, b.PlacedAt, b.Awarded, b.Delivered);

    private static async Task<Ok<List<AuctionSummary>>> ListAsync(AuctionQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ListAsync(ct).ConfigureAwait(false)).Select(Summary).ToList());

    private static async Task<Results<Ok<AuctionView>, NotFound>> DetailAsync(long id, HttpContext http, AuctionQueries queries, CancellationToken ct)
    {
        var actor = http.User.Identity?.IsAuthenticated == true ? http.User.Actor() : null;
        if (await queries.DetailAsync(actor, id, ct).ConfigureAwait(false) is not { } d)
        {
            return TypedResults.NotFound();
        }
        var r = d.Auction.Rules;
        return TypedResults.Ok(new AuctionView(Summary(d.Auction),
            new RulesView(r.ReservePrice.Kind, r.ReservePrice.Fraction, r.ReservePrice.Months, r.MinimumBidTonnes, r.MaximumBidderShare,
                r.Source, r.Confirmed),
            [.. d.Auction.ReserveInputs.Select(i => new ReserveInputView(i.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                i.Price, i.Turnover, i.VolumeTonnes))],
            d.Results is { } x ? new ResultsView(x.ClearingPrice, x.SoldTonnes, x.UnsoldTonnes, x.Bidders, x.Winners, x.Proceeds, x.Delivered) : null,
            [.. d.OwnBids.Select(Bid)], [.. d.AllBids.Select(Bid)]));
    }

    private static async Task<CashCommandResult> AnnounceAsync(AnnounceInput input, HttpContext http, AuctionService auctions, CancellationToken ct) =>
        AnnounceAuction.TryParse(new(input.Jurisdiction, input.Year, input.Class, input.Volume, input.OpensAt, input.ClosesAt,
            [.. (input.ReserveInputs ?? []).Select(m => new AnnounceAuction.MonthForm(m.Month, m.Price, m.Turnover, m.Volume))],
            input.IdempotencyKey), out var command, out var errors)
            ? CashEndpoints.ToHttp(await auctions.AnnounceAsync(http.User.Actor(), command, ct).ConfigureAwait(false))
            : Problems.Fields(errors);

    private static async Task<CashCommandResult> BidAsync(long id, BidInput input, HttpContext http, AuctionService auctions, CancellationToken ct) =>
        PlaceBid.TryParse(new(id, input.Account, input.Tonnes, input.Price, input.IdempotencyKey), out var command, out var errors)
            ? CashEndpoints.ToHttp(await auctions.BidAsync(http.User.Actor(), command, ct).ConfigureAwait(false))
            : Problems.Fields(errors);

    private static async Task<CashCommandResult> WithdrawAsync(long id, WithdrawInput? input, HttpContext http, AuctionService auctions,
        CancellationToken ct) =>
        CashEndpoints.ToHttp(await auctions.WithdrawAsync(http.User.Actor(), new WithdrawAuction(id, input?.Reason), ct).ConfigureAwait(false));

    private static async Task<CashCommandResult> CloseAsync(long id, HttpContext http, AuctionService auctions, CancellationToken ct) =>
        CashEndpoints.ToHttp(await auctions.CloseAsync(http.User.Actor(), id, ct).ConfigureAwait(false));
}
