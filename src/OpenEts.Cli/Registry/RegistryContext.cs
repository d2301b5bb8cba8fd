using System.CommandLine;
using System.Diagnostics;
using OpenEts.Domain.Organisations;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Storage;

namespace OpenEts.Cli.Registry;

/// <summary>
/// One <c>ets registry</c> run: the opened store, the registry and its command handler on it, the command (for
/// messages and usage) and the two output streams; and the one mapping from a <see cref="RegistryCommandOutcome"/> to
/// text and an exit code.
/// </summary>
internal sealed class RegistryContext : IAsyncDisposable
{
    private readonly SqlStore _store;

    private RegistryContext(SqlStore store, Command command, TextWriter stdout, TextWriter stderr)
    {
        _store = store;
        Registry = new RegistryService(store);
        Handler = new RegistryCommandHandler(Registry, store, TimeProvider.System);
        Command = command;
        Out = stdout;
        Err = stderr;
    }

    public RegistryService Registry { get; }

    /// <summary>The opened database, for the use cases outside the registry (the journal's digests).</summary>
    public IStore Store => _store;

    public RegistryCommandHandler Handler { get; }

    public Command Command { get; }

    /// <summary>The command's words for messages, e.g. <c>ets registry issue</c>.</summary>
    public string Name => CommandUsage.PathOf(Command);

    public TextWriter Out { get; }

    public TextWriter Err { get; }

    /// <summary>True when output goes to an interactive terminal (progress bars, coloured tables).</summary>
    public bool IsTerminal => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>The default database, as the server's: <c>OPENETS_DB</c>, else <c>data/openets.db</c>.</summary>
    public static string DefaultDatabase =>
        Environment.GetEnvironmentVariable("OPENETS_DB") is { Length: > 0 } db ? db : Path.Combine("data", "openets.db");

    /// <summary>
    /// Opens the database named by <c>--db</c> (else the default); null, after a usage error on stderr, when it names a
    /// SQLite file that does not exist (a typo would otherwise create an empty database).
    /// </summary>
    public static async Task<RegistryContext?> OpenAsync(ParseResult result, Option<string> db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        var command = result.CommandResult.Command;
        var stderr = result.InvocationConfiguration.Error;
        var database = result.GetValue(db) ?? DefaultDatabase;
        if (DatabaseProblem(database) is { } problem)
        {
            await CommandUsage.ErrorAsync(stderr, command, [problem]).ConfigureAwait(false);
            return null;
        }
        var store = await SqlStore.OpenAsync(database, ct).ConfigureAwait(false);
        return new RegistryContext(store, command, result.InvocationConfiguration.Output, stderr);
    }

    /// <summary>
    /// Opens <c>--db</c>, finds the <c>--as</c> user and runs <paramref name="run"/> as them: exit 2 when the database
    /// cannot be opened, 1 when there is no such user (rule UnknownUser).
    /// </summary>
    public static async Task<int> RunAsAsync(ParseResult result, Option<string> db, Option<string> actor, Func<RegistryContext, Actor, Task<int>> run,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(run);
        await using var context = await OpenAsync(result, db, ct).ConfigureAwait(false);
        if (context is null)
        {
            return ExitCode.Usage;
        }
        var userName = result.GetRequiredValue(actor);
        if (await context.ActorAsync(userName, ct).ConfigureAwait(false) is not { } who)
        {
            return await context.FailAsync($"refused: --as: there is no platform user '{userName}' (rule UnknownUser)").ConfigureAwait(false);
        }
        return await run(context, who).ConfigureAwait(false);
    }

    /// <summary>The platform user named by <c>--as</c>, with the role the handler checks; null when there is none.</summary>
    public async Task<Actor?> ActorAsync(string userName, CancellationToken ct)
    {
        var user = await _store.ReadAsync(s => s.Users.FindByNameAsync(userName.Trim()), ct).ConfigureAwait(false);
        return user is null ? null : new Actor(user.Id, user.UserName, user.Role, user.OrganisationId);
    }

    /// <summary>The outcome for an <c>--as</c> that names nobody: the same shape as the handler's unknown named users.</summary>
    public static RegistryCommandOutcome UnknownActor(string userName) =>
        new RegistryCommandOutcome.Invalid([new FieldError("--as", "UnknownUser", $"--as: there is no platform user '{userName}'")]);

    /// <summary>
    /// Says how a request ended and returns the exit code: done on stdout (0); a refusal, a forbidden role or an unknown
    /// user on stderr (1); a field the registry found malformed on stderr with the usage (2). <paramref name="prefix"/>
    /// goes before each line (a sheet's row).
    /// </summary>
    public async Task<int> ReportAsync(RegistryCommandOutcome outcome, Actor? actor, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome)
        {
            case RegistryCommandOutcome.Completed c:
                await Out.WriteLineAsync(prefix + RegistryText.Outcome(c)).ConfigureAwait(false);
                return ExitCode.Ok;
            case RegistryCommandOutcome.Refused { Kind: RefusalKind.Malformed } r:
                return await CommandUsage.ErrorAsync(Err, Command, [$"{prefix}{r.Field}: {r.Message} (rule {r.Reason})"])
                    .ConfigureAwait(false);
            case RegistryCommandOutcome.Refused r:
                return await FailAsync($"{prefix}refused: {r.Field}: {r.Message} (rule {r.Reason})").ConfigureAwait(false);
            case RegistryCommandOutcome.Forbidden f:
                return await FailAsync($"{prefix}refused: --as: user '{actor?.UserName}' has the role {actor?.Role}; this needs "
                    + $"{string.Join(" or ", f.Allowed)} (rule NotPermitted)").ConfigureAwait(false);
            case RegistryCommandOutcome.Invalid i:
                foreach (var e in i.Errors.SkipLast(1))
                {
                    await Err.WriteLineAsync($"{Name}: {prefix}refused: {e.Message} (rule {e.Rule})").ConfigureAwait(false);
                }
                return await FailAsync($"{prefix}refused: {i.Errors[^1].Message} (rule {i.Errors[^1].Rule})").ConfigureAwait(false);
            default:
                throw new UnreachableException();
        }
    }

    /// <summary>Writes a business failure on stderr; returns exit code 1.</summary>
    public async Task<int> FailAsync(string message)
    {
        await Err.WriteLineAsync($"{Name}: {message}").ConfigureAwait(false);
        return ExitCode.Rejected;
    }

    /// <summary>Writes a usage error naming the problems, then the command's usage, on stderr; returns exit code 2.</summary>
    public Task<int> UsageAsync(IEnumerable<string> problems) => CommandUsage.ErrorAsync(Err, Command, problems);

    public async ValueTask DisposeAsync()
    {
        Registry.Dispose();
        await _store.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="database"/> names a SQLite file that does not exist (a typo would create an empty one).</summary>
    /// <summary>
    /// Why <paramref name="database"/> (<c>--db</c>) names nothing to open, or null: a SQLite file that does not exist, or a
    /// PostgreSQL connection string that does not read (<c>Host=…;Bogus=1</c>). One that reads but does not connect is
    /// told when it is opened.
    /// </summary>
    public static string? DatabaseProblem(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (IsMissingSqliteFile(database))
        {
            return $"no database file '{database}' (give --db, or set OPENETS_DB)";
        }
        if (!SqlStore.IsPostgres(database) || database.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(database);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"--db: not a PostgreSQL connection string: {e.Message}";
        }
    }

    public static bool IsMissingSqliteFile(string database) =>
        !(SqlStore.IsPostgres(database) || database.Contains('=', StringComparison.Ordinal) || database == ":memory:"
          || File.Exists(database));
}
