namespace OpenEts.Server.Hosting;

/// <summary>
/// Whether this server runs the demo market: on the embedded default database (the README's first command), or when
/// <c>--demo</c> is given. A database named with <c>--db</c> (PostgreSQL above all) is never seeded with the demo's
/// public sign-ins unless <c>--demo</c> says so, and the landing page lists demo sign-ins only on a demo.
/// </summary>
public sealed record DemoMode(bool IsDemo)
{
    /// <summary>Decides from <c>--demo</c> (made <c>--demo=true</c> by <see cref="ServerCommandLine.Normalise"/>) and whether a database was named.</summary>
    public static DemoMode From(IConfiguration configuration, bool databaseNamed)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var asked = string.Equals(configuration["demo"], "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(configuration["OPENETS_DEMO"], "true", StringComparison.OrdinalIgnoreCase);
        return new DemoMode(asked || !databaseNamed);
    }
}
