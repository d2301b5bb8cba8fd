using System.Diagnostics.CodeAnalysis;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Application.Exchange;

/// <summary>
/// A member opens a client account (客户开户): a trading account for another organisation — a covered company or an
/// investor — linked to the client's own registry holding account and the client's cash account, whose orders the
/// member's traders enter and whose trades settle into the client's accounts. The checks: the member trades on an open
/// account of its own (a client cannot take clients); the client is a company or investor other than the member; the client has
/// no trading account yet (one per organisation, trading.md §5.1, so it is the client of one member at most); the holding
/// account is a holding or investor account whose representatives are all users of the client, and no other trading
/// account uses it. The account then awaits the client's confirmation of the member's mandate (<see cref="TradingAccountState.AwaitingClient"/>):
/// nothing is entered for it until a representative of the client's holding account confirms it (<see cref="AnswerClientMandate"/>),
/// so a member cannot trade another company's units and cash without its consent; the client may decline it instead
/// (<see cref="AnswerClientMandate"/>). Journalled as <c>exchange.client.opened</c>.
/// </summary>
public sealed record OpenClientAccount(CreditCode Client, AccountNumber HoldingAccount) : IExchangeCommand
{
    public const string Kind = "exchange.client.opened";

    /// <summary>The request as typed: the client's credit code and its registry holding account.</summary>
    public sealed record Form(string? Client, string? HoldingAccount);

    /// <inheritdoc/>
    public IReadOnlyList<Role> Roles => ExchangeRoles.Traders;

    public static bool TryParse(Form form, [NotNullWhen(true)] out OpenClientAccount? command, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new FieldReader();
        var parsed = CreditCode.Parse(form.Client);
        if (!parsed.Success)
        {
            read.Fail("client", "CreditCode", "client: " + parsed.Message);
        }
        var account = read.Account(form.HoldingAccount, "holdingAccount");
        command = read.IsValid ? new OpenClientAccount(parsed.Code, account) : null;
        errors = read.Errors;
        return command is not null;
    }

    /// <inheritdoc/>
    public async Task<ExchangeOutcome> RunAsync(ExchangeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var s = work.Session;
        var (account, organisation, notMember) = await work.OpenAccountAsync().ConfigureAwait(false);
        if (notMember is not null || account is not { } member || organisation is not { } memberOrganisation)
        {
            return notMember ?? throw new InvalidOperationException("an open account without its organisation");
        }
        if (await s.Organisations.FindByCodeAsync(Client).ConfigureAwait(false) is not { } client
            || client.Id == memberOrganisation.Id || client.Kind is not (OrganisationKind.Company or OrganisationKind.Investor))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownClient, "client",
                $"{Client} is not an organisation that can be your client (a covered company or an investor other than your own)", RefusalKind.Conflict);
        }
        if (await s.Exchange.FindAccountOfAsync(client.Id).ConfigureAwait(false) is { } existing)
        {
            var whose = existing.Member is { } other ? $", a client account of the member with trading account {other}" : "";
            return new ExchangeOutcome.Refused(ExchangeRule.AlreadyOpen, "client",
                $"{client.Name} already has trading account {existing.Id}{whose}: an organisation has one trading account, so it is the client of one member at most",
                RefusalKind.Conflict);
        }
        var holding = work.RegistryRead(l => l.FindAccount(HoldingAccount));
        if (holding?.Kind is not (AccountKind.Holding or AccountKind.Investor))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.UnknownHoldingAccount, "holdingAccount",
                $"{HoldingAccount} is not a holding or investor account in the registry", RefusalKind.Conflict);
        }
        var representatives = await s.Users.FindByNamesAsync([.. holding.Representatives.Select(r => r.Value)]).ConfigureAwait(false);
        if (representatives.Count != holding.Representatives.Count || representatives.Any(u => u.OrganisationId != client.Id))
        {
            return new ExchangeOutcome.Refused(ExchangeRule.ClientHoldingAccount, "holdingAccount",
                $"{HoldingAccount} is not {client.Name}'s: its representatives are not all users of {client.Name}", RefusalKind.Conflict);
        }
        if ((await s.Exchange.AccountsAsync().ConfigureAwait(false)).FirstOrDefault(a => a.HoldingAccount == HoldingAccount) is { } linked)
        {
            return new ExchangeOutcome.Refused(ExchangeRule.ClientHoldingAccount, "holdingAccount",
                $"{HoldingAccount} is already linked to trading account {linked.Id}", RefusalKind.Conflict);
        }
        var opened = await s.Exchange.InsertAccountAsync(new TradingAccount(0, client.Id, HoldingAccount, false, work.Now, member.Id, AwaitingClient: true))
            .ConfigureAwait(false);
        await work.JournalAsync(Kind, client.Code.Value, new
        {
            account = opened.Id, organisation = client.Code.Value, holdingAccount = HoldingAccount.Value, member = member.Id,
            memberOrganisation = memberOrganisation.Code.Value,
        }).ConfigureAwait(false);
        return new ExchangeOutcome.Completed(Kind, opened.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), false, null, [], Account: opened);
    }
}
