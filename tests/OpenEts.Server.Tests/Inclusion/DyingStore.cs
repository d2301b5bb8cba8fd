using OpenEts.Application.Storage;

namespace OpenEts.Server.Tests.Inclusion;

/// <summary>
/// The store as a worker process sees it until it dies: after its n-th commit the process is gone, before it could
/// acknowledge (a stream) or delete (the database queue) what that commit recorded.
/// </summary>
internal sealed class DyingStore(IStore inner, int commitsBeforeDeath, Func<ValueTask> die) : IStore
{
    private int _commits;

    public string Dialect => inner.Dialect;

    public long UsersVersion => inner.UsersVersion;

    public async Task<T> WriteAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct)
    {
        var result = await inner.WriteAsync(work, ct);
        if (++_commits == commitsBeforeDeath)
        {
            await die();
            throw new IOException("the worker process died after its commit, before acknowledging");
        }
        return result;
    }

    public Task<T> ReadAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken ct) => inner.ReadAsync(work, ct);
}
