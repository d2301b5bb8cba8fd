using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenEts.Application.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Server.Auth;

namespace OpenEts.Server.Pages.Exchange;

/// <summary>The exchange's operator page: the listed instruments with halt and resume and their switchable rules (T+1), the end of day and its closes, and the trading accounts.</summary>
[Authorize(Roles = nameof(Role.ExchangeMember))]
public sealed class OperatorModel(ExchangeService exchange, ExchangeQueries queries, TimeProvider clock) : ExchangePageModel
{
    public IReadOnlyList<ListedInstrument> Instruments { get; private set; } = [];

    /// <summary>Why, by whom and since when each halted instrument is halted, by code.</summary>
    public IReadOnlyDictionary<string, InstrumentHalt> Halts { get; private set; } = new Dictionary<string, InstrumentHalt>();

    public IReadOnlyList<TradingAccount> Accounts { get; private set; } = [];

    /// <summary>Each trading account's organisation name, by account number.</summary>
    public IReadOnlyDictionary<long, string> Holders { get; private set; } = new Dictionary<long, string>();

    /// <summary>Each trading account's organisation's cash account, by account number.</summary>
    public IReadOnlyDictionary<long, OpenEts.Domain.Cash.CashAccount> Cash { get; private set; } = new Dictionary<long, OpenEts.Domain.Cash.CashAccount>();

    /// <summary>The trading accounts as read, with what keeps each from closing.</summary>
    public AccountsOverview Overview { get; private set; } = new([], new Dictionary<long, string>(), new Dictionary<long, OpenEts.Domain.Cash.CashAccount>());

    public string? Done { get; private set; }

    /// <summary>The latest closes, newest first.</summary>
    public IReadOnlyList<InstrumentClose> Closes { get; private set; } = [];

    /// <summary>What the end of day just run did.</summary>
    public EndOfDayReport? EndOfDay { get; private set; }

    /// <summary>Today in Beijing, the day the end-of-day form offers.</summary>
    public DateOnly Today => Domain.Exchange.MarketData.BeijingTime.TradingDay(clock.GetUtcNow());

    /// <summary>The day whose closes are listed (<c>?closesOn=yyyy-MM-dd</c>), or null for the latest.</summary>
    public DateOnly? ClosesDay { get; private set; }

    /// <summary>The closes' day as the address typed it.</summary>
    public string? TypedClosesDay { get; private set; }

    public async Task OnGetAsync([FromQuery] string? done, [FromQuery] string? closesOn, CancellationToken ct)
    {
        Done = done;
        if (!string.IsNullOrWhiteSpace(closesOn))
        {
            TypedClosesDay = closesOn.Trim();
            // A day that does not read is named and the latest closes shown instead.
            if (Application.Exchange.EndOfDay.DayError(closesOn, out var day, "closesOn") is { } error)
            {
                Report([error with { Message = $"{error.Message} ('{TypedClosesDay}')", Figures = [error.Field, TypedClosesDay] }]);
            }
            else
            {
                ClosesDay = day;
            }
        }
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostHaltAsync([FromForm] string? instrument, [FromForm] string? reason, CancellationToken ct)
    {
        PostedForm = $"state:{instrument}";
        return SendAsync(instrument, reason, halt: true, ct);
    }

    public Task<IActionResult> OnPostResumeAsync([FromForm] string? instrument, [FromForm] string? reason, CancellationToken ct)
    {
        PostedForm = $"state:{instrument}";
        return SendAsync(instrument, reason, halt: false, ct);
    }

    /// <summary>Sets an instrument's switchable rules: T+1 and the best 5 levels (a checkbox is sent only when ticked).</summary>
    public async Task<IActionResult> OnPostRulesAsync(
        [FromForm] string? instrument, [FromForm] bool resaleNextDay, [FromForm] bool bestFiveLevels, CancellationToken ct)
    {
        if (!SetTradingRules.TryParse(new(instrument, resaleNextDay, bestFiveLevels), out var command, out var errors))
        {
            Report(errors);
        }
        else if (Report(await exchange.HandleAsync(User.Actor(), command, clock.GetUtcNow(), ct)))
        {
            return Redirect("/Exchange/Operator?done=rules");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEndOfDayAsync([FromForm] string? day, CancellationToken ct)
    {
        if (!Application.Exchange.EndOfDay.TryParse(new(day), out var command, out var errors))
        {
            Report(errors);
        }
        else if (await exchange.HandleAsync(User.Actor(), command, clock.GetUtcNow(), ct) is var outcome && Report(outcome))
        {
            EndOfDay = ((ExchangeOutcome.Completed)outcome).EndOfDay;
        }
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSuspendAccountAsync([FromForm] long? account, [FromForm] string? reason, CancellationToken ct)
    {
        PostedForm = $"suspend:{account}";
        return SendAsync(SuspendTradingAccount.TryParse(new(account, reason), out var command, out var errors), command, errors, "accountsuspended", ct);
    }

    public Task<IActionResult> OnPostReinstateAccountAsync([FromForm] long? account, CancellationToken ct) =>
        SendAsync(ReinstateTradingAccount.TryParse(new(account, null), out var command, out var errors), command, errors, "accountreinstated", ct);

    public Task<IActionResult> OnPostCloseAccountAsync([FromForm] long? account, CancellationToken ct) =>
        SendAsync(CloseTradingAccount.TryParse(new(account), out var command, out var errors), command, errors, "accountclosed", ct);

    /// <summary>Withdraws a client account still awaiting its client's confirmation (the close of such an account deletes it).</summary>
    public Task<IActionResult> OnPostWithdrawAccountAsync([FromForm] long? account, CancellationToken ct) =>
        SendAsync(CloseTradingAccount.TryParse(new(account), out var command, out var errors), command, errors, "clientwithdrawn", ct);

    public Task<IActionResult> OnPostTransferAccountAsync([FromForm] long? account, [FromForm] long? toMember, CancellationToken ct)
    {
        PostedForm = $"transfer:{account}";
        return SendAsync(TransferClientAccount.TryParse(new(account, toMember), out var command, out var errors), command, errors, "clienttransferred", ct);
    }

    public Task<IActionResult> OnPostWithdrawTransferAsync([FromForm] long? account, [FromForm] string? reason, CancellationToken ct)
    {
        PostedForm = $"withdraw:{account}";
        return SendAsync(WithdrawClientTransfer.TryParse(new(account, reason), out var command, out var errors), command, errors, "movewithdrawn", ct);
    }

    // Runs an account command that parsed (or files the errors of one that did not) and redirects when it completed.
    private async Task<IActionResult> SendAsync(bool parsed, IExchangeCommand? command, IReadOnlyList<FieldError> errors, string done, CancellationToken ct)
    {
        if (!parsed || command is null)
        {
            Report(errors);
        }
        else if (Report(await exchange.HandleAsync(User.Actor(), command, clock.GetUtcNow(), ct)))
        {
            return Redirect("/Exchange/Operator?done=" + done);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult> SendAsync(string? instrument, string? reason, bool halt, CancellationToken ct)
    {
        if (!HaltInstrument.TryParse(new(instrument, reason), halt, out var command, out var errors))
        {
            Report(errors);
        }
        else if (Report(await exchange.HandleAsync(User.Actor(), command, clock.GetUtcNow(), ct)))
        {
            return Redirect("/Exchange/Operator?done=" + (halt ? "halted" : "resumed"));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Instruments = await queries.InstrumentsAsync(ct);
        Halts = await queries.HaltsAsync(ct);
        Overview = await queries.AccountsOverviewAsync(User.Actor(), ct);
        (Accounts, Holders, Cash) = Overview;
        Closes = await queries.ClosesAsync(ClosesDay, ct);
    }
}
