using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Auction;
using OpenEts.Application.Exchange;
using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// One-way auctions (单向竞价): announce one (its units frozen), bid on the others' inside their window (cash reserved),
/// withdraw your open bids, and see each auction's result and your bids; the exchange's staff close an auction once its
/// window has ended. The regulator's allowance auctions (有偿发放), which settle through the exchange, are listed with a link
/// to each one's page. A member's trader announces and bids for its own account or one of its clients' (客户, the "for"
/// select), and sees and withdraws its clients' bids as its own; a client's own users, the regulator and the auditor read.
/// Parse → call → map.
/// </summary>
// The regulator and the auditor read the auctions and every bid (docs/exchange.md); their posts are refused by the use
// cases' own role checks, and the page shows them no form.
[Authorize(Roles = Access.RegistryHolders + "," + Access.AuditReaders)]
public sealed class AuctionsModel(ExchangeService exchange, ExchangeQueries queries, AuctionQueries allowance, TimeProvider clock)
    : ExchangeTradingPageModel(exchange, queries, clock)
{
    /// <summary>How many of the latest allowance auctions the page lists.</summary>
    public const int AllowanceShown = 20;

    /// <summary>The latest allowance auctions (有偿发放, public), which settle through the exchange; bids are placed on each one's page.</summary>
    public IReadOnlyList<AuctionRecord> Allowance { get; private set; } = [];

    /// <summary>True for the exchange's staff, who close auctions.</summary>
    public bool Operator { get; private set; }

    /// <summary>True for the regulator and the auditor, who read every auction and bid and enter nothing.</summary>
    public bool Supervisor { get; private set; }

    public IReadOnlyList<(OneWayAuction Auction, IReadOnlyList<OneWayBid> Bids)> Auctions { get; private set; } = [];

    [BindProperty]
    public long? MinimumBid { get; set; }

    [BindProperty]
    public string? Opens { get; set; }

    [BindProperty]
    public string? Closes { get; set; }

    [BindProperty]
    public string? Pricing { get; set; }

    /// <summary>The trading account an announcement or a bid is for: empty for the organisation's own, or a client's.</summary>
    [BindProperty]
    public long? AuctionAccount { get; set; }

    /// <summary>The member's client accounts (empty for anyone else).</summary>
    public IReadOnlyList<TradingClient> Clients { get; private set; } = [];

    /// <summary>For the exchange's staff and the supervisors, each trading account's organisation, to name the bidders; empty for a member.</summary>
    public IReadOnlyDictionary<long, string> Bidders { get; private set; } = new Dictionary<long, string>();

    /// <summary>True when the signed-in user's organisation is a member's client: it reads its auctions and bids and enters nothing.</summary>
    public bool ReadOnly => Account?.IsClient == true;

    /// <summary>True for the organisation's own trading account or one of its clients'.</summary>
    public bool IsOwn(long account) => account == Account?.Id || Clients.Any(c => c.Account.Id == account);

    protected override string PagePath => "/Exchange/Auctions";

    public Task<IActionResult> OnPostAnnounceAsync(CancellationToken ct)
    {
        PostedForm = "announce";
        return SendAsync(AnnounceOneWayAuction.TryParse(new(Instrument, Quantity, Price, MinimumBid, Opens, Closes, Pricing, IdempotencyKey, AuctionAccount),
            out var command, out var errors), command, errors, "announced", ct);
    }

    public Task<IActionResult> OnPostBidAsync([FromForm] long? auction, CancellationToken ct)
    {
        PostedForm = $"bid:{auction}";
        return SendAsync(PlaceOneWayBid.TryParse(new(auction, Price, Quantity, IdempotencyKey, AuctionAccount), out var command, out var errors), command,
            errors, "bid", ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync([FromForm] long bid, CancellationToken ct) =>
        SendAsync(new WithdrawOneWayBid(bid), "withdrawn", ct);

    public Task<IActionResult> OnPostCloseAsync([FromForm] long auction, CancellationToken ct) =>
        SendAsync(new CloseOneWayAuction(auction), "cleared", ct);

    protected override async Task LoadMoreAsync(Actor actor, CancellationToken ct)
    {
        Operator = ExchangeRoles.Operator.Contains(actor.Role) && Account is null;
        Supervisor = actor.Role is Role.Regulator or Role.Auditor;
        Clients = await Queries.ConfirmedClientsAsync(actor, ct);
        Auctions = await Queries.AuctionsWithBidsAsync(actor, ct);
        Bidders = await Queries.AccountHoldersAsync(actor, ct);
        Allowance = [.. (await allowance.ListAsync(ct)).Take(AllowanceShown)];
    }
}
