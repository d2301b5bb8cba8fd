using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using OpenEts.Application.Forms;
using OpenEts.Application.Registry;
using OpenEts.Domain.Organisations;

namespace OpenEts.Cli.Registry;

/// <summary>
/// <c>ets registry …</c>: the carbon registry from the server machine, on the same database as the server
/// (<c>--db</c>, else <c>OPENETS_DB</c>, else <c>data/openets.db</c>). A request is parse → call → map: its options
/// fill the command's <c>Form</c>, the command's <c>TryParse</c> reads it, <see cref="RegistryCommandHandler"/> runs
/// it as the platform user named by <c>--as</c> (who needs the role the API would require), and
/// <see cref="RegistryContext.ReportAsync"/> maps the outcome. Exit codes: 0 ok, 1 refused or failed check, 2 usage
/// error (docs/cli.md).
/// </summary>
internal static partial class RegistryCommand
{
    /// <summary>The <c>registry</c> command with every verb; <c>--db</c> applies to all of them.</summary>
    public static Command Build()
    {
        var db = new Option<string>("--db")
        {
            Description = "a SQLite file, or a PostgreSQL connection string or URL (default: OPENETS_DB, else data/openets.db)",
            HelpName = "DB",
            Recursive = true,
        };
        return new Command("registry", "The carbon registry on the server's database (docs/cli.md).")
        {
            db,
            Accounts(db), Holdings(db), History(db), Serial(db), Verify(db), Snapshot(db),
            Issue(db), Allocate(db),
            new Command("transfer", "Transfers between accounts: one representative proposes, another approves.")
            {
                Propose(db), Approve(db), Reject(db),
            },
            Surrender(db), Cancel(db),
            DefineClass(db), IssueOffsetUnits(db), Retire(db),
            OpenAccount(db), ChangeState(db, "block"), ChangeState(db, "unblock"), ChangeState(db, "close"),
            Representative(db, add: true), Representative(db, add: false), Correct(db),
            File(db, allocation: true), File(db, allocation: false),
        };
    }

    /// <summary>
    /// A request verb: on invocation, <paramref name="parse"/> builds the command from the options (a bad field is a
    /// usage error), the handler runs it as <c>--as</c>, and the outcome is reported.
    /// </summary>
    private static Verb Request(Option<string> db, Option<string> actor, string name, string description, string usage,
        Symbol[] symbols, Func<ParseResult, (IRegistryCommand? Command, IReadOnlyList<FieldError> Errors)> parse)
    {
        var verb = new Verb(name, description, usage, [.. symbols.OfType<Argument>(), actor, .. symbols.OfType<Option>()]);
        verb.SetAction(async (result, ct) =>
        {
            var (command, errors) = parse(result);
            if (command is null)
            {
                return await CommandUsage.ErrorAsync(result.InvocationConfiguration.Error, verb, errors.Select(e => e.Message))
                    .ConfigureAwait(false);
            }
            await using var context = await RegistryContext.OpenAsync(result, db, ct).ConfigureAwait(false);
            if (context is null)
            {
                return ExitCode.Usage;
            }
            var userName = result.GetRequiredValue(actor);
            var who = await context.ActorAsync(userName, ct).ConfigureAwait(false);
            var outcome = who is null
                ? RegistryContext.UnknownActor(userName)
                : await context.Handler.HandleAsync(who, command, ct).ConfigureAwait(false);
            return await context.ReportAsync(outcome, who).ConfigureAwait(false);
        });
        return verb;
    }

    /// <summary>What a command's <c>TryParse</c> gave: the command, or the bad fields.</summary>
    private static (IRegistryCommand? Command, IReadOnlyList<FieldError> Errors) Parsed(
        bool ok, IRegistryCommand? command, IReadOnlyList<FieldError> errors) => ok ? (command, []) : (null, errors);

    /// <summary>A verb that reads: opens the registry and runs <paramref name="read"/>.</summary>
    private static Verb Read(Option<string> db, string name, string description, string usage, Symbol[] symbols,
        Func<RegistryContext, ParseResult, CancellationToken, Task<int>> read)
    {
        var verb = new Verb(name, description, usage, symbols);
        verb.SetAction(async (result, ct) =>
        {
            await using var context = await RegistryContext.OpenAsync(result, db, ct).ConfigureAwait(false);
            return context is null ? ExitCode.Usage : await read(context, result, ct).ConfigureAwait(false);
        });
        return verb;
    }

    private static Option<string> AsOption() =>
        new("--as") { Description = "the platform user making the request", HelpName = "USER", Required = true };

    private static Option<string> KeyOption() =>
        new("--key") { Description = "idempotency key: the same key and request run once (default: a new one per run)", HelpName = "KEY" };

    private static Option<string> ReasonOption(string description) =>
        new("--reason") { Description = description, HelpName = "TEXT", Required = true };

    private static Argument<string> Text(string name, string description) => new(name) { Description = description };

    /// <summary>A whole-number argument; anything else is a usage error naming <paramref name="field"/>.</summary>
    private static Argument<long> Whole(string name, string field, string description) =>
        new(name) { Description = description, CustomParser = r => WholeNumber(r, field) ?? 0 };

    private static long? WholeNumber(ArgumentResult result, string field)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        result.AddError($"{field}: '{text}' is not a whole number");
        return null;
    }

    /// <summary>A key for a request that names none: each run is a new request.</summary>
}
