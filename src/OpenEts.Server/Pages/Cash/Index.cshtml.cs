using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Cash;
using OpenEts.Application.Forms;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Cash;

/// <summary>
/// Cash (资金): a member's balance, what its bids hold, and its movements; the regulator and auditor see every account
/// and open any member's statement; the regulator records deposits and withdrawals from the bank's confirmations.
/// </summary>
[Authorize(Roles = Access.RegistryReaders)]
public sealed class IndexModel(CashCommandHandler handler, CashQueries queries) : CashPageModel
{
    public CashStatement? Statement { get; private set; }

    /// <summary>Every account with its holder's name (the regulator and auditor only).</summary>
    public IReadOnlyList<(CashAccount Account, string? Holder)> Accounts { get; private set; } = [];

    public string? Done { get; private set; }

    [BindProperty]
    public string? Organisation { get; set; }

    [BindProperty]
    public decimal? Amount { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    public bool IsOperator => CashRoles.Operator.Contains(User.Actor().Role);

    /// <summary>The page of movements shown, from 1 (the newest).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>A page number in the address the page could not use, named with the page shown instead.</summary>
    public AddressErrors Unread { get; } = new();

    /// <summary>The address of another page of the statement shown.</summary>
    public string PageLink(int page) =>
        $"/Cash?organisation={Uri.EscapeDataString(Organisation ?? "")}&p={page.ToString(CultureInfo.InvariantCulture)}";

    public async Task OnGetAsync([FromQuery] string? organisation, [FromQuery] string? done, CancellationToken ct)
    {
        Done = done;
        Organisation = organisation;
        var asked = PageNumber;
        await LoadAsync(organisation, ct);
        // A page past the last reads the last; the address's page is then named beside what is shown.
        PageNumber = Statement is { } s ? s.Page + 1 : Math.Max(PageNumber, 1);
        Unread.NamePage(ModelState, "p", asked, PageNumber, Statement?.Pages ?? 1);
    }

    public Task<IActionResult> OnPostDepositAsync(CancellationToken ct) =>
        SendAsync(DepositCash.TryParse(new(Organisation, Amount, Reference, IdempotencyKey), out var c, out var e), c, e, "deposited", ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        SendAsync(WithdrawCash.TryParse(new(Organisation, Amount, Reference, IdempotencyKey), out var c, out var e), c, e, "withdrawn", ct);

    private async Task<IActionResult> SendAsync(bool parsed, ICashCommand? command, IReadOnlyList<FieldError> errors, string done,
        CancellationToken ct)
    {
        if (parsed && command is not null && Report(await handler.HandleAsync(User.Actor(), command, ct)))
        {
            return Redirect($"/Cash?organisation={Uri.EscapeDataString(Organisation ?? "")}&done={done}");
        }
        if (!parsed)
        {
            Report(errors);
        }
        await LoadAsync(Organisation, ct);
        return Page();
    }

    private async Task LoadAsync(string? organisation, CancellationToken ct)
    {
        var actor = User.Actor();
        Accounts = await queries.AccountsWithHoldersAsync(actor, ct) ?? [];
        // The page as an index from 0; a page number below 1 (a form posted with ?p=-2147483648) reads the first.
        var page = Math.Max(PageNumber, 1) - 1;
        Statement = CreditCode.Parse(organisation) is { Success: true } code
            ? await queries.StatementAsync(actor, code.Code, page, ct, lastIfPast: true)
            : await queries.OwnStatementAsync(actor, page, ct, lastIfPast: true);
        IdempotencyKey ??= IdempotencyKeys.NewText(KeyOrigin.Web);
    }
}
