using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Auction;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// One-way auctions (单向竞价): announce one (its units frozen), bid on the others' inside their window (cash reserved),
/// withdraw your open bids, and see each auction's result and your bids; the exchange's staff close an auction once its
/// window has ended. The regulator's allowance auctions (有偿发放), which settle through the exchange, are listed with a link
/// to each one's page. Parse → call → map.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class AuctionsModel(ExchangeService exchange, ExchangeQueries queries, AuctionQueries allowance, TimeProvider clock)
    : ExchangeTradingPageModel(exchange, queries, clock)
{
    /// <summary>How many of the latest allowance auctions the page lists.</summary>
    public const int AllowanceShown = 20;

    /// <summary>The latest allowance auctions (有偿发放, public), which settle through the exchange; bids are placed on each one's page.</summary>
    public IReadOnlyList<AuctionRecord> Allowance { get; private set; } = [];

    /// <summary>True for the exchange's staff, who close auctions.</summary>
    public bool Operator { get; private set; }

    public IReadOnlyList<(OneWayAuction Auction, IReadOnlyList<OneWayBid> Bids)> Auctions { get; private set; } = [];

    [BindProperty]
    public long? MinimumBid { get; set; }

    [BindProperty]
    public string? Opens { get; set; }

    [BindProperty]
    public string? Closes { get; set; }

    [BindProperty]
    public string? Pricing { get; set; }

    protected override string PagePath => "/Exchange/Auctions";

    public Task<IActionResult> OnPostAnnounceAsync(CancellationToken ct) =>
        SendAsync(AnnounceOneWayAuction.TryParse(new(Instrument, Quantity, Price, MinimumBid, Opens, Closes, Pricing, IdempotencyKey), out var command,
            out var errors), command, errors, "announced", ct);

    public Task<IActionResult> OnPostBidAsync([FromForm] long? auction, CancellationToken ct) =>
        SendAsync(PlaceOneWayBid.TryParse(new(auction, Price, Quantity, IdempotencyKey), out var command, out var errors), command, errors, "bid", ct);

    public Task<IActionResult> OnPostWithdrawAsync([FromForm] long bid, CancellationToken ct) =>
        SendAsync(new WithdrawOneWayBid(bid), "withdrawn", ct);

    public Task<IActionResult> OnPostCloseAsync([FromForm] long auction, CancellationToken ct) =>
        SendAsync(new CloseOneWayAuction(auction), "cleared", ct);

    protected override async Task LoadMoreAsync(Actor actor, CancellationToken ct)
    {
        Operator = ExchangeRoles.Operator.Contains(actor.Role) && Account is null;
        Auctions = await Queries.AuctionsWithBidsAsync(actor, ct);
        Allowance = [.. (await allowance.ListAsync(ct)).Take(AllowanceShown)];
    }
}
