using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange;
using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// What every member's trading page shares (order entry, block trades, listings): the listed instruments, the terms typed
/// in the form, the "done" banner after a redirect, and one send step (parse → call → map). A page adds what it shows
/// of the member's account in <see cref="LoadMoreAsync"/>, after its trading account is read.
/// </summary>
public abstract class ExchangeTradingPageModel(ExchangeService exchange, ExchangeQueries queries, TimeProvider clock) : ExchangePageModel
{
    public IReadOnlyList<ListedInstrument> Instruments { get; private set; } = [];

    /// <summary>The instruments whose trading day has been closed by the end of day: their reference and band are the next day's.</summary>
    public IReadOnlySet<string> ClosedForTheDay { get; private set; } = new HashSet<string>();

    /// <summary>Why, by whom and since when each halted instrument is halted, by code.</summary>
    public IReadOnlyDictionary<string, InstrumentHalt> Halts { get; private set; } = new Dictionary<string, InstrumentHalt>();

    public string? Done { get; private set; }

    /// <summary>The signed-in member's trading account, or null (the exchange's staff, a supervisor, a member without one).</summary>
    public TradingAccount? Account { get; private set; }

    /// <summary>
    /// The client account (客户) the page is for (<c>?client=</c>), or null for the organisation's own; one the user may not
    /// read is named and cleared when the page loads.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public long? Client { get; set; }

    [BindProperty]
    public string? Instrument { get; set; }

    [BindProperty]
    public string? Side { get; set; }

    [BindProperty]
    public decimal? Price { get; set; }

    [BindProperty]
    public long? Quantity { get; set; }

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    /// <summary>The queries, for what a page shows beside the instruments.</summary>
    protected ExchangeQueries Queries => queries;

    /// <summary>The page's own path, where a completed command redirects with <c>?done=</c>.</summary>
    protected abstract string PagePath { get; }

    public async Task OnGetAsync([FromQuery] string? done, CancellationToken ct)
    {
        Done = done;
        // A client account in the address that is no number (?client=abc) is named, labelled as the address means it (a
        // client account, not the client form's credit code), and the organisation's own shown in its place.
        foreach (var unbound in Unbound.Errors(ModelState).Where(e => e.Field == "client"))
        {
            Unbound.Name(Errors, unbound, Text.T("exchange.clients.own"), Text.T("exchange.clients.title"));
        }
        await LoadAsync(ct);
    }

    /// <summary>Runs a command that parsed (or files the errors of one that did not) and redirects when it completed.</summary>
    protected async Task<IActionResult> SendAsync(bool parsed, IExchangeCommand? command, IReadOnlyList<FieldError> errors, string done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(errors);
        // A value typed that did not bind (10.5 for a whole number, 1e30) reads as not given to the command, which would take
        // its default or keep what it had (a listing's minimum take of 1, an amend's price): it is refused as typed instead.
        if (!parsed || command is null || Unbound.Errors(ModelState).Count > 0)
        {
            Report(errors);
        }
        else if (await exchange.HandleAsync(User.Actor(), command, clock.GetUtcNow(), ct) is var outcome && Report(outcome))
        {
            return Redirect(DoneUrl(DoneOf((ExchangeOutcome.Completed)outcome, done)));
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The <c>done</c> message a completed command shows; a page may name what happened more closely.</summary>
    protected virtual string DoneOf(ExchangeOutcome.Completed completed, string done) => done;

    /// <summary>Where a completed command redirects: the page with <c>?done=</c>.</summary>
    protected virtual string DoneUrl(string done) => PagePath + "?done=" + done;

    /// <summary>Runs a command that needs no parsing.</summary>
    protected Task<IActionResult> SendAsync(IExchangeCommand command, string done, CancellationToken ct) => SendAsync(true, command, [], done, ct);

    /// <summary>Loads what the page shows of the member's trading account.</summary>
    protected abstract Task LoadMoreAsync(Actor actor, CancellationToken ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Instruments = await queries.InstrumentsAsync(ct);
        ClosedForTheDay = await queries.ClosedForTheDayAsync(clock.GetUtcNow(), ct);
        Halts = await queries.HaltsAsync(ct);
        Account = await queries.AccountAsync(User.Actor(), ct);
        // A client account in the address that is another member's, or none, is named, and the organisation's own shown:
        // its lists would otherwise be empty under the organisation's account number, and read as its own.
        if (Client is { } asked && await queries.ReadableAccountAsync(User.Actor(), asked, ct) is null)
        {
            // Labelled as the address means it, a client account (客户账户), not as the client form's credit code.
            Unbound.Name(Errors, ExchangeQueries.UnreadableAccount("client", asked),
                Account is null ? Text.T("address.nothing") : Text.T("exchange.clients.own"), Text.T("exchange.clients.title"));
            Client = null;
        }
        await LoadMoreAsync(User.Actor(), ct);
        Instrument ??= ExchangeQueries.DefaultInstrument(Instruments);
        IdempotencyKey = IdempotencyKeys.NewText(KeyOrigin.Web);
    }
}
