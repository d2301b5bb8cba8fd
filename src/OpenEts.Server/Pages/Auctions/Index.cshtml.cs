using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Auction;
using OpenEts.Application.Forms;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Cash;

namespace OpenEts.Server.Pages.Auctions;

/// <summary>
/// Allowance auctions (有偿发放): every announcement and its results, public; the regulator announces a new one here.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AuctionService auctions, AuctionQueries queries, TimeProvider clock) : CashPageModel
{
    /// <summary>How many months of market figures the form offers (the rules found average three).</summary>
    public const int MonthRows = 3;

    public IReadOnlyList<AuctionRecord> All { get; private set; } = [];

    public bool IsRegulator => User.Identity?.IsAuthenticated == true && AuctionRoles.Regulator.Contains(User.Actor().Role);

    [BindProperty]
    public string? Jurisdiction { get; set; } = "guangdong";

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? Class { get; set; }

    [BindProperty]
    public long? Volume { get; set; }

    [BindProperty]
    public string? OpensAt { get; set; }

    [BindProperty]
    public string? ClosesAt { get; set; }

    [BindProperty]
    public List<MonthRow> Months { get; set; } = [];

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        var parsed = AnnounceAuction.TryParse(new(Jurisdiction, Year, Class, Volume, OpensAt, ClosesAt,
            [.. Months.Select(m => new AnnounceAuction.MonthForm(m.Month, m.Price, m.Turnover, m.Volume))], IdempotencyKey),
            out var command, out var errors);
        if (!parsed)
        {
            Report(errors);
        }
        else if (await auctions.AnnounceAsync(User.Actor(), command!, ct) is var outcome && Report(outcome))
        {
            return Redirect($"/Auctions/Detail/{((Application.Cash.CashCommandOutcome.Completed)outcome).Id}?done=announced");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await queries.ListAsync(ct);
        IdempotencyKey ??= IdempotencyKeys.NewText(KeyOrigin.Web);
        // The months the reserve is computed from are the ones before the notice: the form names them, the figures are typed.
        var months = AuctionQueries.NoticeMonths(clock.GetUtcNow());
        while (Months.Count < MonthRows)
        {
            Months.Add(new MonthRow { Month = Months.Count < months.Count ? months[Months.Count] : null });
        }
    }

    public sealed class MonthRow
    {
        public string? Month { get; set; }

        public decimal? Price { get; set; }

        public decimal? Turnover { get; set; }

        public long? Volume { get; set; }
    }
}
