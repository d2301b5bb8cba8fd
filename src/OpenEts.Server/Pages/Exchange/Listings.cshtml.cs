using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange;
using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Domain.Exchange;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// Click-on-listing (挂牌点选): list a lot (its units or cash frozen), see every open listing and pick the best-priced one of
/// a side, all or part, withdraw what is left of your own, and see your listing trades with their settlement. Parse → call → map.
/// </summary>
[Authorize(Roles = Access.RegistryHolders)]
public sealed class ListingsModel(ExchangeService exchange, ExchangeQueries queries, TimeProvider clock)
    : ExchangeTradingPageModel(exchange, queries, clock)
{
    public IReadOnlyList<ExchangeListing> Open { get; private set; } = [];

    public IReadOnlyList<ExchangeListing> Mine { get; private set; } = [];

    public IReadOnlyList<ListingTrade> Trades { get; private set; } = [];

    [BindProperty]
    public long? MinimumTake { get; set; }

    protected override string PagePath => "/Exchange/Listings";

    /// <summary>True when a member other than the lister may pick <paramref name="listing"/>: the best of its side among the others'.</summary>
    public bool Pickable(ExchangeListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return Account is { } account && listing.AccountId != account.Id && ListingCheck.IsBest(listing.Side, (listing.Id, listing.PriceFen),
            Open.Where(l => l.Instrument == listing.Instrument && l.Side == listing.Side && l.AccountId != account.Id).Select(l => (l.Id, l.PriceFen)));
    }

    public Task<IActionResult> OnPostPostAsync(CancellationToken ct) =>
        SendAsync(PostListing.TryParse(new(Instrument, Side, Price, Quantity, MinimumTake, IdempotencyKey), out var command, out var errors),
            command, errors, "posted", ct);

    public Task<IActionResult> OnPostPickAsync([FromForm] long? listing, [FromForm] long? take, [FromForm] string? pickKey, CancellationToken ct) =>
        SendAsync(PickListing.TryParse(new(listing, take, pickKey), out var command, out var errors), command, errors, "picked", ct);

    public Task<IActionResult> OnPostWithdrawAsync([FromForm] long listing, CancellationToken ct) =>
        SendAsync(new WithdrawListing(listing), "withdrawn", ct);

    protected override async Task LoadMoreAsync(Actor actor, CancellationToken ct)
    {
        Open = await Queries.OpenListingsAsync(actor, ct);
        Mine = await Queries.MyListingsAsync(actor, ct);
        Trades = await Queries.MyListingTradesAsync(actor, ct);
    }
}
