using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Auction;
using OpenEts.Application.Cash;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Registry;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Cash;

namespace OpenEts.Server.Pages.Auctions;

/// <summary>
/// One auction: its terms and reserve price with the figures it was computed from, the published results once cleared
/// (public), a bidder's own sealed bids and the bid form, and the regulator's close and withdrawal (撤销拍卖).
/// </summary>
[AllowAnonymous]
public sealed class DetailModel(AuctionService auctions, AuctionQueries queries, RegistryQueries registry) : CashPageModel
{
    public AuctionDetail? Detail { get; private set; }

    /// <summary>The holding accounts a bidder may name (the ones it represents).</summary>
    public IReadOnlyList<Domain.Registry.Account> Accounts { get; private set; } = [];

    public string? Done { get; private set; }

    public bool IsBidder => Signed && AuctionRoles.Bidders.Contains(User.Actor().Role);

    public bool IsRegulator => Signed && AuctionRoles.Regulator.Contains(User.Actor().Role);

    [BindProperty]
    public string? Account { get; set; }

    [BindProperty]
    public long? Tonnes { get; set; }

    [BindProperty]
    public decimal? Price { get; set; }

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    /// <summary>Why the regulator withdraws the auction (may be empty).</summary>
    [BindProperty]
    public string? Reason { get; set; }

    private bool Signed => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery] string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(id, ct);
        return Detail is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostBidAsync(long id, CancellationToken ct)
    {
        if (!Signed)
        {
            return Challenge();
        }
        if (!PlaceBid.TryParse(new(id, Account, Tonnes, Price, IdempotencyKey), out var command, out var errors))
        {
            Report(errors);
        }
        else if (Report(await auctions.BidAsync(User.Actor(), command, ct)))
        {
            return Redirect($"/Auctions/Detail/{id}?done=bid");
        }
        await LoadAsync(id, ct);
        return Detail is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct)
    {
        if (!Signed)
        {
            return Challenge();
        }
        var closed = await auctions.CloseAsync(User.Actor(), id, ct);
        if (Report(closed))
        {
            // A close the registry could not deliver failed the auction: said so, not "settled".
            var done = closed is CashCommandOutcome.Completed { Event: AuctionService.FailedEvent } ? "failed" : "closed";
            return Redirect($"/Auctions/Detail/{id}?done={done}");
        }
        await LoadAsync(id, ct);
        return Detail is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct)
    {
        if (!Signed)
        {
            return Challenge();
        }
        if (Report(await auctions.WithdrawAsync(User.Actor(), new WithdrawAuction(id, Reason), ct)))
        {
            return Redirect($"/Auctions/Detail/{id}?done=withdrawn");
        }
        await LoadAsync(id, ct);
        return Detail is null ? NotFound() : Page();
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        var actor = Signed ? User.Actor() : null;
        Detail = await queries.DetailAsync(actor, id, ct);
        if (actor is not null && IsBidder)
        {
            var user = RegistryService.UserOf(actor.UserName);
            Accounts = [.. (await registry.AccountsAsync(actor, ct)).Where(a => a.IsRepresentative(user) && !a.IsSystemAccount)];
            Account ??= Accounts.Count > 0 ? Accounts[0].Number.Value : null;
        }
        IdempotencyKey ??= IdempotencyKeys.NewText(KeyOrigin.Web);
    }
}
