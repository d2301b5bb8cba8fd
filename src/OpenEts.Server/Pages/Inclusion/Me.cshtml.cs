using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Forms;
using OpenEts.Application.Inclusion;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Inclusion;

/// <summary>
/// A citizen's carbon account (我的碳账本), mobile-first: coins spendable, pending, redeemed and expired, reductions by
/// programme and day, recent actions; a form to record an action and the catalogue to redeem coins.
/// </summary>
[Authorize(Roles = Access.Citizen)]
public sealed class MeModel(InclusionCommandHandler handler, InclusionQueries queries, TimeProvider clock) : InclusionPageModel
{
    public CitizenStatement? Statement { get; private set; }

    /// <summary>The signed-in citizen's id: their own sources are shown as they named them (<see cref="CitizenSource.Shown"/>).</summary>
    public long UserId => User.Actor().UserId;

    /// <summary>
    /// The programmes the form offers, each in its version in force: the citizen's own (those they have a wallet in), or
    /// every programme in force before their first action. The behaviour list offers only these programmes' behaviours.
    /// </summary>
    public IReadOnlyList<Domain.Inclusion.InclusionProgramme> Programmes { get; private set; } = [];

    public RecordedActions? Recorded { get; private set; }

    /// <summary>The unit of an action's quantity (<see cref="InclusionQueries.UnitOf"/>).</summary>
    public string UnitOf(InclusionEvent e) => queries.UnitOf(e);

    public CoinRedemption? Redeemed { get; private set; }

    public CitizenPrivacy? Privacy { get; private set; }

    /// <summary>The citizen's rank this month in each of their programmes.</summary>
    public IReadOnlyList<CitizenRank> Rankings { get; private set; } = [];

    public CoinDonation? Donated { get; private set; }

    [BindProperty]
    public string? Cause { get; set; }

    [BindProperty]
    public long? Coins { get; set; }

    [BindProperty]
    public string? Programme { get; set; }

    [BindProperty]
    public string? Behaviour { get; set; }

    [BindProperty]
    public decimal? Quantity { get; set; }

    [BindProperty]
    public decimal? Minutes { get; set; }

    /// <summary>Beijing local time as the browser's datetime-local field sends it (yyyy-MM-ddTHH:mm).</summary>
    [BindProperty]
    public string? OccurredAt { get; set; }

    [BindProperty]
    public string? EventId { get; set; }

    [BindProperty]
    public string? Item { get; set; }

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        // The browser's field has no offset: it is Beijing time, the platform's display time.
        var at = string.IsNullOrWhiteSpace(OccurredAt) ? null : OccurredAt.Trim() + (OccurredAt.Trim().Length == 16 ? ":00" : "") + "+08:00";
        var form = new RecordActions.Form(Programme, [new RecordActions.ActionForm(EventId, "web", Behaviour, at, Quantity, Minutes)]);
        if (Unbound.Errors(ModelState) is { Count: > 0 } unbound)
        {
            // Typed but not a number: the binder left it empty, which the use case would call missing (a quantity) or
            // not given (the minutes, and with them the speed check).
            Report(unbound);
        }
        else if (RecordActions.TryParse(form, handler.Programmes, out var command, out var errors))
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Recorded = (RecordedActions)((InclusionCommandOutcome.Completed)outcome).Result;
                EventId = null;
            }
        }
        else
        {
            Report(errors);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRedeemAsync(CancellationToken ct)
    {
        if (RedeemCoins.TryParse(new(Programme, Item, IdempotencyKey), handler.Programmes, out var command, out var errors))
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Redeemed = (CoinRedemption)((InclusionCommandOutcome.Completed)outcome).Result;
                IdempotencyKey = null;
            }
        }
        else
        {
            Report(errors);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDonateAsync(CancellationToken ct)
    {
        if (DonateCoins.TryParse(new(Programme, Cause, Coins, IdempotencyKey), handler.Programmes, out var command, out var errors))
        {
            var outcome = await handler.HandleAsync(User.Actor(), command, ct);
            if (Report(outcome))
            {
                Donated = (CoinDonation)((InclusionCommandOutcome.Completed)outcome).Result;
                IdempotencyKey = null;
            }
        }
        else
        {
            Report(errors);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Statement = await queries.StatementAsync(User.Actor(), null, ct);
        var inForce = queries.InForce();
        var own = Statement?.Programmes.Select(p => p.Programme.Code).ToHashSet() ?? [];
        Programmes = inForce.Any(p => own.Contains(p.Code)) ? [.. inForce.Where(p => own.Contains(p.Code))] : inForce;
        Privacy = await queries.PrivacyAsync(User.Actor(), ct);
        Rankings = await queries.RankingsAsync(User.Actor(), ct);
        EventId ??= Guid.NewGuid().ToString("N");
        IdempotencyKey ??= IdempotencyKeys.NewText(KeyOrigin.Web);
        OccurredAt ??= clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
    }
}
