using System.CommandLine;
using OpenEts.Application.Exchange;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Cash;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Registry;
using static System.FormattableString;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// <c>ets exchange end-of-day --date D --as USER</c> closes a trading day (the exchange's staff): exit 0 when every
/// instrument reconciled and closed, 1 when the day was refused or an instrument was halted for a difference (each is
/// named). <c>ets exchange export trades|member-report --date D --as USER --out FILE</c> writes .xlsx (or CSV when FILE
/// ends in .csv).
/// </summary>
internal static class EndOfDayCommand
{
    private static Option<string> Db() => new("--db") { Description = "the database: a SQLite file or a PostgreSQL connection string", HelpName = "DB" };

    private static Option<string> As() => new("--as") { Description = "the platform user making the request", HelpName = "USER", Required = true };

    private static Option<string> Date() => new("--date") { Description = "the Beijing trading day, yyyy-MM-dd", HelpName = "D", Required = true };

    public static Command Build()
    {
        var db = Db();
        var who = As();
        var date = Date();
        var clearing = new Option<string?>("--clearing")
        {
            Description = "the exchange's registry clearing account (default the demo registry's GD-CLEARING)", HelpName = "ACCOUNT",
        };
        var verb = new Verb("end-of-day", "Close a trading day: day orders expire, each instrument reconciles, closes by its rule and gets the next day's reference.",
            "ets exchange end-of-day --date D --as USER [--clearing ACCOUNT] [--db DB]", date, who, clearing, db);
        verb.SetAction((r, ct) => RunAsync(r, db, who, async (c, actor) =>
        {
            if (!EndOfDay.TryParse(new(r.GetValue(date)), out var command, out var errors))
            {
                return await c.UsageAsync(errors.Select(e => e.Message)).ConfigureAwait(false);
            }
            using var exchange = new ExchangeService(c.Store, c.Registry,
                new ExchangeOptions(AccountNumber.From(r.GetValue(clearing) ?? "GD-CLEARING"), FeeSchedule.Demo));
            switch (await exchange.HandleAsync(actor, command, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false))
            {
                case ExchangeOutcome.Completed { EndOfDay: { } report }:
                    foreach (var close in report.Closed)
                    {
                        var d = close.Close;
                        await c.Out.WriteLineAsync(Invariant(
                            $"{close.Instrument}: close {Yuan.FromFen(d.CloseFen)} ({d.Rule}{(d.ReferenceKept ? ", reference kept" : "")}), open {Yuan.FromFen(d.OpenFen)}, {d.Volume} t, turnover {Yuan.FromFen(d.TurnoverFen)} yuan, {CliText.Count(close.ExpiredOrders, "order", "orders")} expired; next reference {Yuan.FromFen(d.CloseFen)}"))
                            .ConfigureAwait(false);
                    }
                    foreach (var a in report.Auctions)
                    {
                        await c.Out.WriteLineAsync(Invariant(
                            $"{(a.Kind == ClosedAuction.OneWay ? "one-way" : "allowance")} auction {a.Auction} ({a.Instrument}): {a.Sold} t{(a.ClearingPriceFen is { } p ? $" at {Yuan.FromFen(p)}" : "")}, {CliText.Count(a.Winners, "winner", "winners")}, proceeds {Yuan.FromFen(a.ProceedsFen)} yuan"))
                            .ConfigureAwait(false);
                    }
                    foreach (var m in report.Mismatches)
                    {
                        await c.Err.WriteLineAsync(m.ToString()).ConfigureAwait(false);
                    }
                    return report.Mismatches.Count == 0
                        ? ExitCode.Ok
                        : await c.FailAsync($"halted, not closed: {string.Join(", ", report.Halted)}").ConfigureAwait(false);
                case ExchangeOutcome.Refused refused:
                    return await c.FailAsync($"refused: {refused.Field}: {refused.Message} (rule {refused.Rule})").ConfigureAwait(false);
                case ExchangeOutcome.Forbidden forbidden:
                    return await c.FailAsync($"refused: only {string.Join(", ", forbidden.Allowed)} may end the day (rule Role)").ConfigureAwait(false);
                default:
                    return await c.FailAsync("refused").ConfigureAwait(false);
            }
        }, ct));
        return verb;
    }

    public static Command BuildExport()
    {
        var db = Db();
        var who = As();
        var date = Date();
        var output = new Option<string>("--out") { Description = "the file to write: .xlsx, or .csv", HelpName = "FILE", Required = true };
        var trades = new Verb("trades", "Every trade of the day with both accounts and fees (the exchange's staff, the regulator, the auditor).",
            "ets exchange export trades --date D --as USER --out FILE [--db DB]", date, who, output, db);
        trades.SetAction((r, ct) => RunAsync(r, db, who, async (c, actor) =>
        {
            if (EndOfDay.DayError(r.GetValue(date), out var day, "--date") is { } error)
            {
                return await c.UsageAsync([error.Message]).ConfigureAwait(false);
            }
            using var exchange = ExchangeVerb.Open(c);
            var queries = new ExchangeQueries(c.Store, exchange, c.Registry);
            if (await queries.DayTradesAsync(actor, day, ct).ConfigureAwait(false) is not { } list)
            {
                return await c.FailAsync("refused: only the exchange's staff, the regulator and the auditor export every trade (rule Role)").ConfigureAwait(false);
            }
            var path = r.GetRequiredValue(output);
            await using (var file = File.Create(path))
            {
                ExchangeExports.WriteTrades(file, list, IsCsv(path));
            }
            await c.Out.WriteLineAsync(Invariant($"{CliText.Count(list.Count, "trade", "trades")} of {day:yyyy-MM-dd} written to {path}")).ConfigureAwait(false);
            return ExitCode.Ok;
        }, ct));
        var account = new Option<long?>("--account") { Description = "a trading account (the exchange's staff, the regulator, the auditor); default your own", HelpName = "N" };
        var member = new Verb("member-report", "A member's daily report: its trades of the day, fees, position and cash.",
            "ets exchange export member-report --date D --as USER --out FILE [--account N] [--db DB]", date, who, output, account, db);
        member.SetAction((r, ct) => RunAsync(r, db, who, async (c, actor) =>
        {
            if (EndOfDay.DayError(r.GetValue(date), out var day, "--date") is { } error)
            {
                return await c.UsageAsync([error.Message]).ConfigureAwait(false);
            }
            using var exchange = ExchangeVerb.Open(c);
            var queries = new ExchangeQueries(c.Store, exchange, c.Registry);
            if (await queries.MemberReportAsync(actor, day, r.GetValue(account), ct).ConfigureAwait(false) is not { } report)
            {
                return await c.FailAsync("refused: --account: no such trading account, or you may not read it").ConfigureAwait(false);
            }
            var path = r.GetRequiredValue(output);
            await using (var file = File.Create(path))
            {
                ExchangeExports.WriteMemberReport(file, report, IsCsv(path));
            }
            await c.Out.WriteLineAsync(Invariant(
                $"{report.Organisation} account {report.Account.Id} on {day:yyyy-MM-dd}: {CliText.Count(report.Trades.Count, "trade", "trades")}, fees {Yuan.FromFen(report.FeesFen)} yuan, written to {path}"))
                .ConfigureAwait(false);
            return ExitCode.Ok;
        }, ct));
        return new Command("export", "Export the exchange's records as .xlsx or CSV.") { trades, member };
    }

    private static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the database, finds the <c>--as</c> user and runs <paramref name="work"/> for them (every exchange verb that acts for a user).</summary>
    internal static async Task<int> RunAsync(ParseResult r, Option<string> db, Option<string> who,
        Func<RegistryContext, Application.Identity.Actor, Task<int>> work, CancellationToken ct)
    {
        await using var context = await RegistryContext.OpenAsync(r, db, ct).ConfigureAwait(false);
        if (context is null)
        {
            return ExitCode.Usage;
        }
        var name = r.GetRequiredValue(who);
        return await context.ActorAsync(name, ct).ConfigureAwait(false) is { } actor
            ? await work(context, actor).ConfigureAwait(false)
            : await context.FailAsync($"refused: --as: there is no platform user '{name}' (rule UnknownUser)").ConfigureAwait(false);
    }
}
