using System.CommandLine;
using OpenEts.Application.Exchange;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Cash;
using static System.FormattableString;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// <c>ets exchange block propose|accept|decline|withdraw|list</c>: block trades (大宗协议) for a member's trader through
/// <see cref="ProposeBlockTrade"/>, <see cref="AcceptBlockTrade"/> and <see cref="CancelBlockTrade"/> (decline and withdraw
/// are one command: the counterparty declines, the proposer withdraws): exit 0 with the block trade as it stands, 1
/// refused with the rule named, 2 usage.
/// </summary>
internal static class BlockCommand
{
    public static Command Build()
    {
        var (db, who, instrument, side, price, quantity, key) = TermsOptions.Create("your side: buy or sell", "tonnes (at least 100 000)");
        var counterparty = new Option<long?>("--counterparty") { Description = "the counterparty's trading account number", HelpName = "N", Required = true };
        var account = ExchangeVerb.ClientAccount("the client's trading account the proposal is for (default your organisation's own)");
        var propose = new Verb("propose", "Propose a block trade to a counterparty's trading account, for your own or a client's; nothing is held until it accepts.",
            "ets exchange block propose --instrument CODE --side buy|sell --counterparty N --price P --quantity Q [--account N] [--key KEY] --as USER [--db DB]",
            instrument, side, counterparty, price, quantity, account, key, who, db);
        propose.SetAction((r, ct) => ExchangeVerb.RunAsync(r, db, who,
            ProposeBlockTrade.TryParse(new(r.GetValue(instrument), r.GetValue(side), r.GetValue(counterparty), r.GetValue(price), r.GetValue(quantity),
                ExchangeVerb.KeyOf(r, key), r.GetValue(account)), out var command, out var errors) ? command : null, errors, PrintAsync, ct));
        var listDb = ExchangeVerb.Db();
        var listWho = ExchangeVerb.As();
        var listAccount = ExchangeVerb.ClientAccount("one of your clients' trading accounts (default your organisation's own)");
        var list = new Verb("list", "Your organisation's block trades, or a client's, proposed by it or to it, newest first.",
            "ets exchange block list [--account N] --as USER [--db DB]", listAccount, listWho, listDb);
        list.SetAction((r, ct) => ExchangeVerb.ReadAsync(r, listDb, listWho, async (c, actor, queries) =>
            await CliText.WriteListAsync(c.Out,
                [.. (await queries.MyBlockTradesAsync(actor, r.GetValue(listAccount), ct).ConfigureAwait(false)).Select(Line)], "no block trades")
                .ConfigureAwait(false), ct));
        return new Command("block", "Block trades (大宗协议): propose, accept, decline, withdraw, list.")
        {
            propose,
            OnBlock("accept", "Accept a block trade proposed to your organisation or a client: it settles delivery versus payment at once.",
                id => new AcceptBlockTrade(id)),
            OnBlock("decline", "Decline a block trade proposed to your organisation or a client.", id => new CancelBlockTrade(id)),
            OnBlock("withdraw", "Withdraw a block trade you proposed while it waits.", id => new CancelBlockTrade(id)),
            list,
        };
    }

    private static Verb OnBlock(string name, string description, Func<long, IExchangeCommand> command)
    {
        var db = ExchangeVerb.Db();
        var who = ExchangeVerb.As();
        var id = new Option<long?>("--block") { Description = "the block trade number", HelpName = "N", Required = true };
        var verb = new Verb(name, description, $"ets exchange block {name} --block N --as USER [--db DB]", id, who, db);
        verb.SetAction((r, ct) => ExchangeVerb.RunAsync(r, db, who, command(r.GetValue(id) ?? 0), [], PrintAsync, ct));
        return verb;
    }

    private static async Task PrintAsync(RegistryContext c, ExchangeOutcome.Completed done)
    {
        if (done.Block is { } b)
        {
            await c.Out.WriteLineAsync(Line(b)).ConfigureAwait(false);
        }
    }

    private static string Line(BlockTrade b) => Invariant(
        $"block trade {b.Id} {b.Instrument}: {b.ProposerAccount} {b.ProposerSide.ToString().ToLowerInvariant()}s {b.Quantity} t at {Yuan.FromFen(b.PriceFen)} yuan to {b.CounterpartyAccount}: {CliText.Words(b.Status)}");
}
