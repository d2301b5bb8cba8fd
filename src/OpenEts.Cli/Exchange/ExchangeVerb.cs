using System.CommandLine;
using OpenEts.Application.Exchange;
using OpenEts.Application.Forms;
using OpenEts.Cli.Registry;
using OpenEts.Domain.Exchange;
using OpenEts.Domain.Organisations;
using OpenEts.Domain.Registry;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// What every exchange verb that acts for a user shares: the <c>--db</c> and <c>--as</c> options, one exchange service
/// over the demo clearing account and fee schedule, and the exit codes (0 done, printed; 1 refused with the rule named;
/// 2 usage).
/// </summary>
internal static class ExchangeVerb
{
    public static Option<string> Db() => new("--db") { Description = "the database: a SQLite file or a PostgreSQL connection string", HelpName = "DB" };

    public static Option<string> As() => new("--as") { Description = "the platform user making the request", HelpName = "USER", Required = true };

    public static Option<string> Instrument() =>
        new("--instrument") { Description = "the instrument's code, e.g. GDEA-2017", HelpName = "CODE", Required = true };

    public static Option<string> Side(string description) => new("--side") { Description = description, HelpName = "SIDE", Required = true };

    public static Option<decimal?> Price() => new("--price") { Description = "yuan per tonne", HelpName = "P", Required = true };

    public static Option<string?> Key() => new("--key") { Description = "an idempotency key (default a new one)", HelpName = "KEY" };

    /// <summary><c>--account N</c>: one of the member's clients' trading accounts (客户) to act for or read; left out, the organisation's own.</summary>
    public static Option<long?> ClientAccount(string description) => new("--account") { Description = description, HelpName = "N" };

    /// <summary>The <c>--key</c> given, or a new one.</summary>
    public static string KeyOf(ParseResult r, Option<string?> key) => r.GetValue(key) ?? IdempotencyKeys.NewText(KeyOrigin.Cli);

    /// <summary>Runs <paramref name="command"/> for the <c>--as</c> user (or reports <paramref name="errors"/> as a usage error) and prints what it did.</summary>
    public static Task<int> RunAsync(ParseResult r, Option<string> db, Option<string> who, IExchangeCommand? command, IReadOnlyList<FieldError> errors,
        Func<RegistryContext, ExchangeOutcome.Completed, Task> print, CancellationToken ct) =>
        EndOfDayCommand.RunAsync(r, db, who, async (c, actor) =>
        {
            if (command is null)
            {
                return await c.UsageAsync(errors.Select(e => e.Message)).ConfigureAwait(false);
            }
            using var exchange = Open(c);
            switch (await exchange.HandleAsync(actor, command, TimeProvider.System.GetUtcNow(), ct).ConfigureAwait(false))
            {
                case ExchangeOutcome.Completed done:
                    await print(c, done).ConfigureAwait(false);
                    return ExitCode.Ok;
                case ExchangeOutcome.Refused refused:
                    return await c.FailAsync($"refused: {refused.Field}: {refused.Message} (rule {refused.Rule})").ConfigureAwait(false);
                case ExchangeOutcome.Forbidden forbidden:
                    return await c.FailAsync($"refused: only {string.Join(", ", forbidden.Allowed)} may do this (rule Role)").ConfigureAwait(false);
                case ExchangeOutcome.Invalid invalid:
                    return await c.UsageAsync(invalid.Errors.Select(e => e.Message)).ConfigureAwait(false);
                default:
                    return await c.FailAsync("refused").ConfigureAwait(false);
            }
        }, ct);

    /// <summary>Runs a read for the <c>--as</c> user with the exchange's queries.</summary>
    public static Task<int> ReadAsync(ParseResult r, Option<string> db, Option<string> who,
        Func<RegistryContext, Application.Identity.Actor, ExchangeQueries, Task> read, CancellationToken ct) =>
        ReadAsync(r, db, who, async (c, actor, queries) =>
        {
            await read(c, actor, queries).ConfigureAwait(false);
            return ExitCode.Ok;
        }, ct);

    /// <summary>Runs a read for the <c>--as</c> user with the exchange's queries; the read says the exit code (1: nothing to show).</summary>
    public static Task<int> ReadAsync(ParseResult r, Option<string> db, Option<string> who,
        Func<RegistryContext, Application.Identity.Actor, ExchangeQueries, Task<int>> read, CancellationToken ct) =>
        EndOfDayCommand.RunAsync(r, db, who, async (c, actor) =>
        {
            using var exchange = Open(c);
            return await read(c, actor, new ExchangeQueries(c.Store, exchange, c.Registry)).ConfigureAwait(false);
        }, ct);

    /// <summary>The exchange over the CLI's store and registry: the demo registry's clearing account and fee schedule.</summary>
    public static ExchangeService Open(RegistryContext c) =>
        new(c.Store, c.Registry, new ExchangeOptions(AccountNumber.From("GD-CLEARING"), FeeSchedule.Demo));
}
