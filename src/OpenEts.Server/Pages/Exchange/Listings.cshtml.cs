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
/// a side, all or part, withdraw what is left of your own, and see your listing trades with their settlement. A member's
/// trader works for its own account or, with <c>?client=</c>, one of its clients' (客户): the client's listings, picks and
/// trades; a client's own users read theirs. Parse → call → map.
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

    /// <summary>The member's client accounts (empty for anyone else).</summary>
    public IReadOnlyList<TradingClient> Clients { get; private set; } = [];

    /// <summary>The trading account a listing is posted for: empty for the organisation's own, or a client's.</summary>
    [BindProperty]
    public long? ListingAccount { get; set; }

    /// <summary>The account whose listings and trades are shown and for whom a pick is made: the client viewed, or the organisation's own.</summary>
    public long? Viewed => Client ?? Account?.Id;

    /// <summary>True when the signed-in user's organisation is a member's client: it reads its listings and enters nothing.</summary>
    public bool ReadOnly => Account?.IsClient == true;

    protected override string PagePath => "/Exchange/Listings";

    // After a listing, pick or withdrawal for a client, the page shows that client's listings.
    protected override string DoneUrl(string done) =>
        (Client ?? ListingAccount) is { } client
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{PagePath}?client={client}&done={done}")
            : base.DoneUrl(done);

    /// <summary>True when the account viewed may pick <paramref name="listing"/>: not its own, and the best of its side among the others'.</summary>
    public bool Pickable(ExchangeListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return !ReadOnly && Viewed is { } account && listing.AccountId != account && ListingCheck.IsBest(listing.Side, (listing.Id, listing.PriceFen),
            Open.Where(l => l.Instrument == listing.Instrument && l.Side == listing.Side && l.AccountId != account).Select(l => (l.Id, l.PriceFen)));
    }

    public Task<IActionResult> OnPostPostAsync(CancellationToken ct) =>
        SendAsync(PostListing.TryParse(new(Instrument, Side, Price, Quantity, MinimumTake, IdempotencyKey, ListingAccount), out var command, out var errors),
            command, errors, "posted", ct);

    public Task<IActionResult> OnPostPickAsync([FromForm] long? listing, [FromForm] long? take, [FromForm] string? pickKey, CancellationToken ct)
    {
        PostedForm = $"pick:{listing}";
        return SendAsync(PickListing.TryParse(new(listing, take, pickKey, Client), out var command, out var errors), command, errors, "picked", ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync([FromForm] long listing, CancellationToken ct) =>
        SendAsync(new WithdrawListing(listing), "withdrawn", ct);

    protected override async Task LoadMoreAsync(Actor actor, CancellationToken ct)
    {
        Clients = await Queries.ConfirmedClientsAsync(actor, ct);
        Open = await Queries.OpenListingsAsync(actor, ct);
        Mine = await Queries.MyListingsAsync(actor, Client, ct);
        Trades = await Queries.MyListingTradesAsync(actor, Client, ct);
        ListingAccount ??= Client;
    }
}
