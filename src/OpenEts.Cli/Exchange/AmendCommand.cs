using System.CommandLine;
using OpenEts.Application.Exchange;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using static System.FormattableString;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// <c>ets exchange amend --order N --quantity Q [--price P] --as USER</c> changes one of the trader's organisation's
/// resting limit orders (改单) through <see cref="AmendOrder"/>: exit 0 with the order as it stands and any trades it made,
/// 1 when refused (the rule named), 2 for a usage error.
/// </summary>
internal static class AmendCommand
{
    public static Command Build()
    {
        var db = new Option<string>("--db") { Description = "the database: a SQLite file or a PostgreSQL connection string", HelpName = "DB" };
        var who = new Option<string>("--as") { Description = "the platform user making the request", HelpName = "USER", Required = true };
        var order = new Option<long?>("--order") { Description = "the order number", HelpName = "N", Required = true };
        var quantity = new Option<long?>("--quantity") { Description = "the new open quantity in tonnes", HelpName = "Q", Required = true };
        var price = new Option<decimal?>("--price") { Description = "the new limit in yuan per tonne (omitted: the price is kept)", HelpName = "P" };
        var verb = new Verb("amend", "Change the price and/or open quantity of one of your organisation's resting limit orders.",
            "ets exchange amend --order N --quantity Q [--price P] --as USER [--db DB]", order, quantity, price, who, db);
        verb.SetAction((r, ct) => EndOfDayCommand.RunAsync(r, db, who, async (c, actor) =>
        {
            if (!AmendOrder.TryParse(new(r.GetValue(order), r.GetValue(price), r.GetValue(quantity)), out var command, out var errors))
            {
                return await c.UsageAsync(errors.Select(e => e.Message)).ConfigureAwait(false);
            }
            using var exchange = ExchangeVerb.Open(c);
            switch (await exchange.HandleAsync(actor, command, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false))
            {
                case ExchangeOutcome.Completed { Order: { } o } done:
                    await c.Out.WriteLineAsync(Invariant(
                        $"order {o.Id} {o.Instrument} {o.Side.ToString().ToLowerInvariant()} at {(o.PriceFen is { } p ? Yuan.FromFen(p).ToString() : "market")}: {CliText.Words(o.Status)}, resting {o.Resting} t, filled {o.Filled} t, cancelled {o.Cancelled} t"))
                        .ConfigureAwait(false);
                    foreach (var t in done.Trades)
                    {
                        await c.Out.WriteLineAsync(Invariant($"trade {t.Id}: {t.Quantity} t at {Yuan.FromFen(t.PriceFen)} yuan, settled")).ConfigureAwait(false);
                    }
                    return ExitCode.Ok;
                case ExchangeOutcome.Refused refused:
                    return await c.FailAsync($"refused: {refused.Field}: {refused.Message} (rule {refused.Rule})").ConfigureAwait(false);
                case ExchangeOutcome.Forbidden forbidden:
                    return await c.FailAsync($"refused: only {string.Join(", ", forbidden.Allowed)} may amend orders (rule Role)").ConfigureAwait(false);
                default:
                    return await c.FailAsync("refused").ConfigureAwait(false);
            }
        }, ct));
        return verb;
    }
}
