using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>
/// The exchange operator opens a trading account (开户) for a member organisation, linked to one of its registry holding
/// (or investor) accounts; its cash account is the organisation's account in the cash ledger, opened on first use. One per
/// organisation (trading.md §5.1: each entity may open only one trading account, [confirmed] for the national market).
/// </summary>
public sealed record OpenTradingAccount(CreditCode Organisation, AccountNumber HoldingAccount) : IExchangeCommand
{
    public const string Kind = "exchange.account.opened";

    /// <summary>The request as typed.</summary>
    public sealed record Form(string? Organisation, string? HoldingAccount);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Operator;

    public static bool TryParse(Form form, [NotNullWhen(true)] out OpenTradingAccount? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var parsed = CreditCode.Parse(form.Organisation);
        if (!parsed.Success)
        {
            read.Fail("organisation", "CreditCode", "organisation: " + parsed.Message);
        }
        var code = parsed.Code;
        var account = read.Account(form.HoldingAccount, "holdingAccount");
        command = read.IsValid ? new OpenTradingAccount(code, account) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await work.OperatorRefusalAsync().ConfigureAwait(false) is { } notOperator)
        {
            return notOperator;
        }
        var s = work.Session;
        if (await s.Organisations.FindByCodeAsync(Organisation).ConfigureAwait(false) is not { } organisation)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.NotAccountHolder, "organisation", $"no organisation has the code {Organisation}", RefusalKind.Malformed);
        }
        if (await s.Exchange.FindAccountOfAsync(organisation.Id).ConfigureAwait(false) is { } existing)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.AlreadyOpen, "organisation",
                $"{organisation.Name} already has trading account {existing.Id}", RefusalKind.Conflict);
        }
        var kind = work.RegistryRead(l => l.FindAccount(HoldingAccount)?.Kind);
        if (kind is not (AccountKind.Holding or AccountKind.Investor))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownHoldingAccount, "holdingAccount",
                $"{HoldingAccount} is not a holding or investor account in the registry", RefusalKind.Conflict);
        }
        var account = await s.Exchange.InsertAccountAsync(new TradingAccount(0, organisation.Id, HoldingAccount, true, work.Now)).ConfigureAwait(false);
        var subject = account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await work.JournalAsync(Kind, organisation.Code.Value, new { account = account.Id, organisation = organisation.Code.Value, holdingAccount = HoldingAccount.Value })
            .ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, subject, false, null, []);
    }
}
