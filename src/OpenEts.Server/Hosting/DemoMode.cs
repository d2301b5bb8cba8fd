namespace OpenEts.Server.Hosting;

/// <summary>
/// Whether this server runs the demo market: on the embedded default database (the README's first command), or when
/// <c>--demo</c> is given. A database named with <c>--db</c> (PostgreSQL above all) is never seeded with the demo's
/// public sign-ins unless <c>--demo</c> says so, and the landing page lists demo sign-ins only on a demo.
/// </summary>
public sealed record DemoMode(bool IsDemo)
{
    /// <summary>Decides from the command line and whether a database was named.</summary>
    public static DemoMode From(string[] args, IConfiguration configuration, bool databaseNamed)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        var asked = args.Contains("--demo", StringComparer.Ordinal)
            || string.Equals(configuration["demo"], "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(configuration["OPENETS_DEMO"], "true", StringComparison.OrdinalIgnoreCase);
        return new DemoMode(asked || !databaseNamed);
    }
}
