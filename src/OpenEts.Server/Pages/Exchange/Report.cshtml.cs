using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenEts.Application.Exchange;
using OpenEts.Domain.Exchange.MarketData;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;
using OpenEts.Server.Localization;
using OpenEts.Server.Pages.Shared;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>
/// A member's daily report (会员日报): the organisation's trades of a Beijing trading day, the totals and fees, and its
/// position and cash, with an .xlsx export, and a line per client (客户) of a member; a member opens a client's report, and
/// the exchange's staff, the regulator and the auditor pick any trading account.
/// </summary>
[Authorize(Roles = "CompanyRepresentative,ExchangeMember,Regulator,Auditor")]
public sealed class ReportModel(ExchangeQueries queries, TimeProvider clock) : PageModel
{
    public DateOnly Day { get; private set; }

    public long? Account { get; private set; }

    public MemberDayReport? Report { get; private set; }

    public IReadOnlyList<TradingAccount> Accounts { get; private set; } = [];

    /// <summary>The typed day's broken rule (not a date, or outside the platform's days), or null.</summary>
    public FieldError? DayError { get; private set; }

    /// <summary>The day as the address gave it when it could not be read (kept in the day's box), else null.</summary>
    public string? TypedDay { get; private set; }

    /// <summary>The day or account in the address the page could not read, named as typed with what is shown instead.</summary>
    public AddressErrors Unread { get; } = new();

    /// <summary>The account as the address gave it when it was no number, kept as the choice shown.</summary>
    public string? TypedAccount => Unread.Err("account") is null ? null : Request.Query["account"].ToString();

    /// <summary>True when the report is of a day before today: its trades are that day's, its position and cash today's.</summary>
    public bool IsPastDay { get; private set; }

    public async Task OnGetAsync([FromQuery] string? day, [FromQuery] long? account, CancellationToken ct)
    {
        Day = BeijingTime.TradingDay(clock.GetUtcNow());
        if (day is not null)
        {
            DayError = EndOfDay.DayError(day, out var d);
            Day = DayError is null ? d : Day;
        }
        if (DayError is { } error)
        {
            var typed = TypedDay = day!.Trim();
            Unbound.Name(Unread.ByField, error with { Message = $"{error.Message} ('{typed}')", Figures = [error.Field, typed] }, Text.T("address.nothing"));
        }
        IsPastDay = Day < BeijingTime.TradingDay(clock.GetUtcNow());
        // An account in the address that is another member's, or none, is named, and the organisation's own report shown.
        if (account is { } asked && await queries.ReadableAccountAsync(User.Actor(), asked, ct) is null)
        {
            Unbound.Name(Unread.ByField, ExchangeQueries.UnreadableAccount("account", asked),
                await queries.AccountAsync(User.Actor(), ct) is null ? Text.T("address.nothing") : Text.T("exchange.clients.own"));
            account = null;
        }
        Account = account;
        Accounts = await queries.AccountsAsync(User.Actor(), ct);
        // A day that could not be read shows its rule and no report: today's report under it would read as that day's.
        Report = DayError is null ? await queries.MemberReportAsync(User.Actor(), Day, account, ct) : null;
        Unbound.Name(Unread.ByField, ModelState, field => field == "account"
            ? Report is null ? Text.T("address.nothing") : Text.T("exchange.clients.own")
            : null);
    }
}
