namespace OpenEts.Server.Tests.Infrastructure;

/// <summary>
/// The demo market seeded once per test run and copied for every server that starts on a fresh demo SQLite database,
/// instead of each seeding its own: a seeding costs about 3 s of CPU (20 password hashes, the registry, exchange and
/// MRV demos through their use cases), and the run starts over a hundred demo servers. The copy is the database and the
/// journal signing key beside it, taken after the seeding server stopped, so a server started on it takes the path of
/// any restart (snapshots, journal replay). A seeding is made again when the day in Beijing has changed since, as the
/// demo seeds some figures relative to its day (the auction's window, the FFCER trades of the days before).
/// </summary>
public static class DemoTemplate
{
    private static readonly Lock Gate = new();
    private static (DateOnly Day, string Folder)? _made;

    /// <summary>Copies the seeded demo database (as <c>openets.db</c>) and its signing key into <paramref name="folder"/>.</summary>
    public static void CopyTo(string folder)
    {
        foreach (var file in Directory.GetFiles(Folder()))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static DateOnly BeijingDay() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static string Folder()
    {
        lock (Gate)
        {
            var day = BeijingDay();
            if (_made is { } made && made.Day == day)
            {
                return made.Folder;
            }
            // Seeded on a thread-pool thread: the factory's start blocks, and the caller may hold the test framework's
            // synchronisation context. Its folder is kept as the template once the server has stopped.
            var folder = Task.Run(() =>
            {
                using var seeding = new ServerFactory(fromTemplate: false) { KeepFolder = true };
                _ = seeding.Services;
                return seeding.Folder;
            }).GetAwaiter().GetResult();
            if (_made is { } old)
            {
                Delete(old.Folder);
            }
            else
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(_made?.Folder);
            }
            _made = (day, folder);
            return folder;
        }
    }

    /// <summary>Deletes a server's or the template's folder; one still in use is left for the OS to clean.</summary>
    internal static void Delete(string? folder)
    {
        try
        {
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
