using OpenEts.Application.Registry;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Registry;
using OpenEts.Storage;

namespace OpenEts.Cli.Registry;

/// <summary>One <c>ets registry</c> run: the opened store, the registry on it, the clock and the two output streams.</summary>
internal sealed class RegistryContext : IAsyncDisposable
{
    private readonly SqlStore _store;

    private RegistryContext(SqlStore store, string command, TextWriter stdout, TextWriter stderr)
    {
        _store = store;
        Registry = new RegistryService(store);
        Command = command;
        Out = stdout;
        Err = stderr;
    }

    public RegistryService Registry { get; }

    /// <summary>The command's name for messages, e.g. <c>ets registry issue</c>.</summary>
    public string Command { get; }

    public TextWriter Out { get; }

    public TextWriter Err { get; }

    /// <summary>True when output goes to an interactive terminal (progress bars, coloured tables).</summary>
    public bool IsTerminal => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;

    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public static async Task<RegistryContext> OpenAsync(string database, string command, TextWriter stdout, TextWriter stderr,
        CancellationToken ct) =>
        new(await SqlStore.OpenAsync(database, ct).ConfigureAwait(false), command, stdout, stderr);

    /// <summary>
    /// The acting platform user: must exist, and have one of <paramref name="roles"/> — the same roles the API requires
    /// for the request. Null (after writing why on stderr) otherwise.
    /// </summary>
    public async Task<UserId?> ActorAsync(string userName, IReadOnlyCollection<Role> roles, CancellationToken ct)
    {
        var user = await _store.ReadAsync(s => s.Users.FindByNameAsync(userName), ct).ConfigureAwait(false);
        if (user is null)
        {
            await FailAsync($"refused: --as: there is no platform user '{userName}' (rule UnknownUser)").ConfigureAwait(false);
            return null;
        }
        if (!roles.Contains(user.Role))
        {
            await FailAsync($"refused: --as: user '{userName}' is a {user.Role}; this needs {string.Join(" or ", roles)} (rule NotPermitted)")
                .ConfigureAwait(false);
            return null;
        }
        return RegistryService.UserOf(user.UserName);
    }

    /// <summary>
    /// The platform user named <paramref name="userName"/> (any role), e.g. a representative to be. Null (after writing
    /// why, naming <paramref name="field"/>, on stderr) when there is none.
    /// </summary>
    public async Task<UserId?> UserAsync(string field, string userName, CancellationToken ct)
    {
        var user = await _store.ReadAsync(s => s.Users.FindByNameAsync(userName), ct).ConfigureAwait(false);
        if (user is null)
        {
            await FailAsync($"refused: {field}: there is no platform user '{userName}' (rule UnknownUser)").ConfigureAwait(false);
            return null;
        }
        return RegistryService.UserOf(user.UserName);
    }

    /// <summary>Writes a business failure on stderr; returns exit code 1.</summary>
    public async Task<int> FailAsync(string message)
    {
        await Err.WriteLineAsync($"{Command}: {message}").ConfigureAwait(false);
        return CommandRouter.Rejected;
    }

    /// <summary>Writes a refusal by the ledger (its message, field and rule) on stderr; returns exit code 1.</summary>
    public Task<int> RefusedAsync(RegistryOutcome.Rejected r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return FailAsync($"refused: {r.Field}: {r.Message} (rule {r.Reason})");
    }

    public async ValueTask DisposeAsync()
    {
        Registry.Dispose();
        await _store.DisposeAsync().ConfigureAwait(false);
    }
}
