using Microsoft.Data.Sqlite;
using OpenEts.Storage.Tests.Infrastructure;

namespace OpenEts.Storage.Tests;

/// <summary>
/// SQLite's threading mode is process-wide and set by the store when it first opens. A command nobody disposed leaves its
/// compiled statement to the garbage collector, whose finalizer thread finalizes it while the statement's connection may
/// be serving a request on another thread. Without a mutex per connection (SQLite's multi-thread mode) the two threads
/// corrupt the connection's memory and the server dies with a segmentation fault in SQLite's allocator, as it did twice
/// under the server's tests.
/// </summary>
public sealed class SqliteThreadingTests(SqliteDb db) : IClassFixture<SqliteDb>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommandsNobodyDisposed_FinalizedWhileTheirConnectionWorksOnAnotherThread_LeaveTheProcessAndTheStoreWhole()
    {
        // Before the mutex was kept, this crashed the process within about a second (five runs of five).
        var store = await db.CreateStoreAsync();
        var file = db.LastDatabase;
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            var until = Environment.TickCount64 + 2_000;
            var rounds = 0L;
            var worker = new Thread(() =>
            {
                for (; Environment.TickCount64 < until; rounds++)
                {
                    // Never disposed: the statement it compiled goes to the finalizer thread.
                    var leaked = connection.CreateCommand();
                    leaked.CommandText = $"SELECT seq, kind, {rounds % 5_000} FROM journal WHERE seq = $seq";
                    leaked.Parameters.AddWithValue("$seq", rounds);
                    leaked.ExecuteScalar();
                    using var read = connection.CreateCommand();
                    read.CommandText = "SELECT count(*) FROM journal WHERE kind = $kind";
                    read.Parameters.AddWithValue("$kind", new string('k', (int)(rounds % 200)));
                    read.ExecuteScalar();
                }
            });
            worker.Start();
            while (Environment.TickCount64 < until)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.Delay(1, Ct);
            }
            worker.Join();
            Assert.True(rounds > 1_000, $"the worker ran {rounds} rounds");
        }

        // The store, on the same file, still writes and reads.
        var appended = await store.WriteAsync(s => s.Journal.AppendAsync(Now, "tester", "test.threading", "GD-HOLD-1", "{}"), Ct);
        Assert.Equal(appended.Sequence, (await store.ReadAsync(s => s.Journal.TailAsync(), Ct)).Sequence);
        await store.DisposeAsync();
    }
}
