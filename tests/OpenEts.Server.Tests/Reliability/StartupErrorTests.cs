using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace OpenEts.Server.Tests.Reliability;

/// <summary>The real server process on broken databases: one clear message on stderr and exit code 1, no stack trace.</summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openets-startup-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Issue_8_Start_OnAFileThatIsNotADatabase_SaysSoAndExits1()
    {
        var path = Path.Combine(_folder, "notes.db");
        await File.WriteAllTextAsync(path, new string('x', 4096), Ct);

        var (code, stderr) = await RunAsync(path);

        Assert.Equal(1, code);
        Assert.Contains("is not an OpenETS database", stderr, StringComparison.Ordinal);
        Assert.Contains(path, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_Start_OnATruncatedDatabase_SaysSoAndExits1()
    {
        var path = Path.Combine(_folder, "truncated.db");
        await CreateDatabaseAsync(path);
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 3)], Ct);

        var (code, stderr) = await RunAsync(path);

        Assert.Equal(1, code);
        Assert.Contains(path, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnADatabaseKilledMidCheckpoint_ReadsTheMissingPagesFromItsLogAndKeepsEveryRow()
    {
        // A checkpoint cut short by kill -9: page 1 (which states the grown size) is already in the main file, the pages
        // that grow it are still only in the write-ahead log. The file looks truncated on its own, and is not.
        var path = Path.Combine(_folder, "live.db");
        var copy = Path.Combine(_folder, "mid-checkpoint.db");
        await CreateDatabaseAsync(path);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE filler (n INTEGER, b BLOB);"
                + "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 200) "
                + "INSERT INTO filler SELECT n, randomblob(3000) FROM k;";
            await command.ExecuteNonQueryAsync(Ct);
            File.Copy(path, copy);
            File.Copy(path + "-wal", copy + "-wal");
        }
        var log = await File.ReadAllBytesAsync(copy + "-wal", Ct);
        var pageSize = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(log.AsSpan(8));
        var lastPageOne = -1;
        for (var frame = 32; frame + 24 + pageSize <= log.Length; frame += 24 + pageSize)
        {
            lastPageOne = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(log.AsSpan(frame)) == 1 ? frame : lastPageOne;
        }
        Assert.True(lastPageOne > 0, "the log holds a newer page 1");
        await using (var file = new FileStream(copy, FileMode.Open, FileAccess.Write))
        {
            await file.WriteAsync(log.AsMemory(lastPageOne + 24, pageSize), Ct);
        }
        var stated = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(log.AsSpan(lastPageOne + 24 + 28)) * (long)pageSize;
        Assert.True(stated > new FileInfo(copy).Length, "the main file alone is shorter than its header says");

        await using (var server = await ServerProcess.StartAsync(copy, _folder, Ct))
        {
        }

        SqliteConnection.ClearAllPools();
        await using var check = new SqliteConnection($"Data Source={copy};Pooling=False");
        await check.OpenAsync(Ct);
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*), sum(length(b)) FROM filler; PRAGMA integrity_check;";
        await using var reader = await count.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal(200L, reader.GetInt64(0));
        Assert.Equal(600_000L, reader.GetInt64(1));
        Assert.True(await reader.NextResultAsync(Ct) && await reader.ReadAsync(Ct));
        Assert.Equal("ok", reader.GetString(0));
    }

    [Fact]
    public async Task Issue_8_Start_WithADbInAFolderThatDoesNotExist_RefusesAndExits1()
    {
        var path = Path.Combine(_folder, "no-such-folder", "openets.db");

        var (code, stderr) = await RunAsync(path);

        Assert.Equal(1, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)), "no folder (and no demo database) was created");
    }

    [Fact]
    public async Task Issue_8_Start_InAFolderItMayNotWrite_SaysWhatToDoAndExits1()
    {
        // A read-only data folder. chmod does not bind root (and the suite runs as root under ./test.sh), so the folder
        // is /proc, which refuses new files to everyone.
        var path = Path.Combine("/proc", $"openets-{Guid.NewGuid():N}.db");

        var (code, stderr) = await RunAsync(path);

        Assert.Equal(1, code);
        Assert.Contains(path, stderr, StringComparison.Ordinal);
        Assert.Contains("read-only", stderr, StringComparison.Ordinal);
        Assert.Contains("write access", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_8_Start_OnADatabaseNewerThanTheProgram_NamesBothVersionsAndExits1()
    {
        var path = Path.Combine(_folder, "newer.db");
        await CreateDatabaseAsync(path);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'from_the_future', 0)";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var (code, stderr) = await RunAsync(path);

        Assert.Equal(1, code);
        Assert.Contains("schema version 9999", stderr, StringComparison.Ordinal);
        Assert.Contains("newer than this program", stderr, StringComparison.Ordinal);
    }

    // A migrated database with everything in the main file: closing the last connection checkpoints the write-ahead log,
    // so that cutting the file really loses pages (rather than leaving them recoverable from the -wal file).
    private static async Task CreateDatabaseAsync(string path)
    {
        await using (var store = await OpenEts.Storage.SqlStore.OpenAsync(path, Ct))
        {
        }
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            await command.ExecuteNonQueryAsync(Ct);
        }
        Assert.False(File.Exists(path + "-wal"), "the write-ahead log was folded into the database");
    }

    [Fact]
    public async Task Start_WithHelp_ListsTheOptionsAndExits0()
    {
        var (code, output) = await RunArgumentsAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("--db CONNECTION", output, StringComparison.Ordinal);
        Assert.Contains("--snapshot-interval N", output, StringComparison.Ordinal);
        Assert.Contains("docs/deployment.md", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Start_WithAMisspeltOption_NamesItAndExits1WithoutSeedingADemo()
    {
        var (code, output) = await RunArgumentsAsync("--dbb", Path.Combine(_folder, "x.db"), "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        Assert.Contains("unknown option --dbb", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    private Task<(int Code, string Stderr)> RunAsync(string database) =>
        RunArgumentsAsync("--db", database, "--urls", "http://127.0.0.1:0");

    private async Task<(int Code, string Stderr)> RunArgumentsAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in arguments.Prepend(ServerProcess.ServerDll))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the server did not exit with {string.Join(' ', arguments)}: {await stdout}");
        }
        return (process.ExitCode, await stderr + await stdout);
    }
}
