using System.CommandLine;
using OpenEts.Application.Exchange;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// <c>ets exchange verify [--db DB]</c>: rebuilds every book from the input journal and compares the trades and open
/// orders it makes with the recorded ones. Exit 0 when they agree, 1 naming each difference.
/// </summary>
internal static class VerifyCommand
{
    public static Command Build()
    {
        var db = new Option<string>("--db") { Description = "the database: a SQLite file or a PostgreSQL connection string", HelpName = "DB" };
        var verify = new Verb("verify", "Rebuild the books from the input journal and compare them with the recorded trades and open orders.",
            "ets exchange verify [--db DB]", db);
        verify.SetAction(async (r, ct) =>
        {
            await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
            if (context is null)
            {
                return ExitCode.Usage;
            }
            // The clearing account and fees do not matter to a replay: it moves nothing.
            using var exchange = ExchangeVerb.Open(context);
            var found = await exchange.VerifyAsync(ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync(
                $"{found.Inputs} inputs replayed: {found.Trades} trades, {found.RestingOrders} orders resting").ConfigureAwait(false);
            foreach (var difference in found.Differences)
            {
                await context.Err.WriteLineAsync(difference).ConfigureAwait(false);
            }
            if (found.Agrees)
            {
                await context.Out.WriteLineAsync("the books rebuilt from the journal agree with the recorded trades and open orders").ConfigureAwait(false);
                return ExitCode.Ok;
            }
            return await context.FailAsync($"{found.Differences.Count} differences").ConfigureAwait(false);
        });
        return verify;
    }
}
