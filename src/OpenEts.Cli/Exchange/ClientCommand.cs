using System.CommandLine;
using OpenEts.Application.Exchange;
using OpenEts.Application.Forms;
using OpenEts.Domain.Organisations;
using OpenEts.Cli.Registry;
using static System.FormattableString;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// <c>ets exchange client list|offered|open|suspend|reinstate|close|offer|accept|decline|withdraw</c>: a member's batch work
/// on its clients' trading accounts (客户) through the exchange's use cases (<see cref="OpenClientAccount"/>,
/// <see cref="SuspendTradingAccount"/>, <see cref="ReinstateTradingAccount"/>, <see cref="CloseTradingAccount"/>,
/// <see cref="TransferClientAccount"/>, <see cref="AcceptClientTransfer"/>, <see cref="DeclineClientTransfer"/>,
/// <see cref="WithdrawClientTransfer"/>); and the client's answer to a member's mandate, <c>mandate|confirm|refuse</c>
/// (<see cref="AnswerClientMandate"/>; <c>decline</c> already names a move's decline), and its answer to a move its member
/// offered, <c>confirm-move|refuse-move</c> (<see cref="AnswerClientMove"/>): exit 0 with the account as it stands,
/// 1 refused with the rule named, 2 usage.
/// </summary>
internal static class ClientCommand
{
    public static Command Build()
    {
        var (db, who) = (ExchangeVerb.Db(), ExchangeVerb.As());
        var list = new Verb("list", "Your organisation's client accounts as a member, by number, with their state and any move offered.",
            "ets exchange client list --as USER [--db DB]", who, db);
        list.SetAction((r, ct) => ExchangeVerb.ReadAsync(r, db, who, async (c, actor, queries) =>
            await PrintClientsAsync(c, await queries.ClientsAsync(actor, ct).ConfigureAwait(false), "no client accounts").ConfigureAwait(false), ct));
        var (odb, owho) = (ExchangeVerb.Db(), ExchangeVerb.As());
        var offered = new Verb("offered", "Client accounts another member offered to move to your organisation, waiting for your answer.",
            "ets exchange client offered --as USER [--db DB]", owho, odb);
        offered.SetAction((r, ct) => ExchangeVerb.ReadAsync(r, odb, owho, async (c, actor, queries) =>
            await PrintClientsAsync(c, await queries.TransfersOfferedAsync(actor, ct).ConfigureAwait(false), "no client accounts offered to your organisation")
                .ConfigureAwait(false), ct));
        return new Command("client",
            "A member's clients (客户): list, offered, open, suspend, reinstate, close, offer, accept, decline, withdraw; the client's mandate, confirm, refuse, "
            + "confirm-move, refuse-move.")
        {
            list, offered, Open(), Mandate(),
            OnAccount("confirm", "As the client, confirm the mandate of the member that opened this client account for your organisation: it trades.",
                withReason: false, (account, _) => (AnswerClientMandate.TryParse(new(account, true), out var command, out var errors) ? command : null, errors)),
            OnAccount("refuse", "As the client, decline the mandate of the member that opened this client account for your organisation: it is deleted.",
                withReason: false, (account, _) => (AnswerClientMandate.TryParse(new(account, false), out var command, out var errors) ? command : null, errors)),
            OnAccount("suspend", "Suspend a client's trading account: its resting orders are cancelled, new orders refused.", withReason: true,
                (account, reason) => (SuspendTradingAccount.TryParse(new(account, reason), out var command, out var errors) ? command : null, errors)),
            OnAccount("reinstate", "Reinstate a client's suspended trading account (unless the exchange suspended it).", withReason: true,
                (account, reason) => (ReinstateTradingAccount.TryParse(new(account, reason), out var command, out var errors) ? command : null, errors)),
            OnAccount("close", "Close a client's trading account with nothing left on the exchange.", withReason: false,
                (account, _) => (CloseTradingAccount.TryParse(new(account), out var command, out var errors) ? command : null, errors)),
            Offer(),
            OnAccount("confirm-move", "As the client, confirm the move of your client account that its member offered: the new member may then accept it.",
                withReason: false, (account, _) => (AnswerClientMove.TryParse(new(account, true), out var command, out var errors) ? command : null, errors)),
            OnAccount("refuse-move", "As the client, refuse the move of your client account that its member offered: your member stays.",
                withReason: false, (account, _) => (AnswerClientMove.TryParse(new(account, false), out var command, out var errors) ? command : null, errors)),
            OnAccount("accept", "Accept a client's move offered to your organisation: it becomes your client.", withReason: false,
                (account, _) => (AcceptClientTransfer.TryParse(new(account), out var command, out var errors) ? command : null, errors)),
            OnAccount("decline", "Decline a client's move offered to your organisation: it stays with its member.", withReason: true,
                (account, reason) => (DeclineClientTransfer.TryParse(new(account, reason), out var command, out var errors) ? command : null, errors)),
            OnAccount("withdraw", "Withdraw the move of your client to another member before it accepts: the client stays yours.", withReason: true,
                (account, reason) => (WithdrawClientTransfer.TryParse(new(account, reason), out var command, out var errors) ? command : null, errors)),
        };
    }

    private static Verb Open()
    {
        var (db, who) = (ExchangeVerb.Db(), ExchangeVerb.As());
        var client = new Option<string>("--client") { Description = "the client's unified social credit code", HelpName = "CODE", Required = true };
        var holding = new Option<string>("--holding-account")
        {
            Description = "the client's own registry holding account", HelpName = "ACCOUNT", Required = true,
        };
        var verb = new Verb("open", "Open a client account for a covered company or investor, linked to its own holding account and cash.",
            "ets exchange client open --client CODE --holding-account ACCOUNT --as USER [--db DB]", client, holding, who, db);
        verb.SetAction((r, ct) => ExchangeVerb.RunAsync(r, db, who,
            OpenClientAccount.TryParse(new(r.GetValue(client), r.GetValue(holding)), out var command, out var errors) ? command : null, errors,
            PrintAsync, ct));
        return verb;
    }

    private static Verb Mandate()
    {
        var (db, who) = (ExchangeVerb.Db(), ExchangeVerb.As());
        var verb = new Verb("mandate", "The mandate a member opened for your organisation as its client, waiting for your confirmation (exit 1: none).",
            "ets exchange client mandate --as USER [--db DB]", who, db);
        verb.SetAction((r, ct) => ExchangeVerb.ReadAsync(r, db, who, async (c, actor, queries) =>
        {
            if (await queries.MandateAsync(actor, ct).ConfigureAwait(false) is not { } m)
            {
                await c.Err.WriteLineAsync("no member's mandate waits for your organisation").ConfigureAwait(false);
                return ExitCode.Rejected;
            }
            await c.Out.WriteLineAsync(Invariant(
                $"{Line(m.Account)}, {m.MemberCode.Value} {m.MemberName}, holding account {m.Account.HoldingAccount.Value}, opened {CliText.Time(m.Account.OpenedAt)}{(m.MayAnswer ? "" : ", answered by a representative of its holding account")}"))
                .ConfigureAwait(false);
            return ExitCode.Ok;
        }, ct));
        return verb;
    }

    private static Verb Offer()
    {
        var (db, who, account) = (ExchangeVerb.Db(), ExchangeVerb.As(), AccountOption());
        var to = new Option<long?>("--to-member")
        {
            Description = "the new member's own trading account number", HelpName = "N", Required = true,
        };
        var verb = new Verb("offer", "Offer your client's account to another member (转托管); that member accepts or declines it.",
            "ets exchange client offer --account N --to-member N --as USER [--db DB]", account, to, who, db);
        verb.SetAction((r, ct) => ExchangeVerb.RunAsync(r, db, who,
            TransferClientAccount.TryParse(new(r.GetValue(account), r.GetValue(to)), out var command, out var errors) ? command : null, errors,
            PrintAsync, ct));
        return verb;
    }

    private static Verb OnAccount(string name, string description, bool withReason,
        Func<long?, string?, (IExchangeCommand? Command, IReadOnlyList<FieldError> Errors)> parse)
    {
        var (db, who, account) = (ExchangeVerb.Db(), ExchangeVerb.As(), AccountOption());
        var reason = new Option<string?>("--reason") { Description = "why, for the record (at most 500 characters)", HelpName = "TEXT" };
        var verb = withReason
            ? new Verb(name, description, $"ets exchange client {name} --account N [--reason TEXT] --as USER [--db DB]", account, reason, who, db)
            : new Verb(name, description, $"ets exchange client {name} --account N --as USER [--db DB]", account, who, db);
        verb.SetAction((r, ct) =>
        {
            var (command, errors) = parse(r.GetValue(account), withReason ? r.GetValue(reason) : null);
            return ExchangeVerb.RunAsync(r, db, who, command, errors, PrintAsync, ct);
        });
        return verb;
    }

    private static Option<long?> AccountOption() =>
        new("--account") { Description = "the client's trading account number", HelpName = "N", Required = true };

    private static async Task PrintAsync(RegistryContext c, ExchangeOutcome.Completed done) =>
        await c.Out.WriteLineAsync(done.Account is { } a ? $"{Line(a)} ({done.Event})" : $"trading account {done.Subject}: deleted ({done.Event})")
            .ConfigureAwait(false);

    private static Task PrintClientsAsync(RegistryContext c, IReadOnlyList<TradingClient> clients, string none) =>
        CliText.WriteListAsync(c.Out,
            [.. clients.Select(client => $"{Line(client.Account)}, {client.Code.Value} {client.Name}, holding account {client.Account.HoldingAccount.Value}")], none);

    private static string Line(TradingAccount a) => Invariant(
        $"trading account {a.Id}: {CliText.Words(a.State)}{(a.SuspendedByExchange ? " by the exchange" : "")}{(a.Member is { } m ? $", member {m}" : "")}{(a.TransferTo is { } to ? $", move offered to {to}{(a.TransferConfirmed ? " (confirmed by the client)" : "")}" : "")}");
}
