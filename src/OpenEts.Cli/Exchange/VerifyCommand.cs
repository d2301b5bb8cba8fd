using System.CommandLine;
using System.Globalization;
using OpenEts.Cli.Registry;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// <c>ets exchange verify [--from-snapshot] [--db DB]</c>: rebuilds every book from the input journal and compares the
/// trades and open orders it makes with the recorded ones; from entry 1 it also compares every snapshot with the replay,
/// and the newest snapshot followed by the tail with the full replay. Exit 0 when they agree, 1 naming each difference.
/// <c>ets exchange snapshot [--db DB]</c>: stores a snapshot of the books now.
/// </summary>
internal static class VerifyCommand
{
    public static Command Build()
    {
        var db = ExchangeVerb.Db();
        var fromSnapshot = new Option<bool>("--from-snapshot")
        {
            Description = "start from the newest snapshot that checks out and check only the inputs and trades after it (fast; see docs/exchange.md)",
        };
        var verify = new Verb("verify",
            "Rebuild the books from the input journal and compare them with the recorded trades and open orders, and with every snapshot of the books.",
            "ets exchange verify [--from-snapshot] [--db DB]", db, fromSnapshot);
        verify.SetAction(async (r, ct) =>
        {
            await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
            if (context is null)
            {
                return ExitCode.Usage;
            }
            // The clearing account and fees do not matter to a replay: it moves nothing.
            using var exchange = ExchangeVerb.Open(context);
            var found = await exchange.VerifyAsync(r.GetValue(fromSnapshot), ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync(Invariant(
                $"{CliText.Count(found.Inputs, "input", "inputs")} replayed from {(found.FromSnapshot is { } from ? Invariant($"the snapshot of entry {from}") : "entry 1")}: {CliText.Count(found.Trades, "trade", "trades")}, {CliText.Count(found.RestingOrders, "order", "orders")} resting; {CliText.Count(found.SnapshotsCompared, "snapshot comparison", "snapshot comparisons")}"))
                .ConfigureAwait(false);
            foreach (var warning in found.SnapshotWarnings)
            {
                await context.Err.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
            }
            foreach (var difference in found.Differences)
            {
                await context.Err.WriteLineAsync(difference).ConfigureAwait(false);
            }
            if (found.Agrees)
            {
                await context.Out.WriteLineAsync("the books rebuilt from the journal agree with the recorded trades and open orders").ConfigureAwait(false);
                return ExitCode.Ok;
            }
            return await context.FailAsync(CliText.Count(found.Differences.Count, "difference", "differences")).ConfigureAwait(false);
        });
        return verify;
    }

    public static Command BuildSnapshot()
    {
        var db = ExchangeVerb.Db();
        var snapshot = new Verb("snapshot",
            "Store a snapshot of every book now and journal its hash; later starts restore it and replay only the inputs after it.",
            "ets exchange snapshot [--db DB]", db);
        snapshot.SetAction(async (r, ct) =>
        {
            await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
            if (context is null)
            {
                return ExitCode.Usage;
            }
            using var exchange = ExchangeVerb.Open(context);
            var row = await exchange.SnapshotAsync(TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync(Invariant(
                $"snapshot of entry {row.Sequence}: sha256 {row.Sha256}, format version {row.Version}, {row.Content.Length} bytes, journalled as entry {row.ReferenceSequence}"))
                .ConfigureAwait(false);
            return ExitCode.Ok;
        });
        return snapshot;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
