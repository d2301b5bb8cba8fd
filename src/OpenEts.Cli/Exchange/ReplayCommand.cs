namespace OpenEts.Cli.Exchange;

/// <summary><c>ets exchange replay FILE.csv</c>. Owned by the matching-engine work; see docs/matching.md.</summary>
internal static class ReplayCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        await stderr.WriteLineAsync("ets exchange replay: the matching engine is not built yet").ConfigureAwait(false);
        return CommandRouter.Rejected;
    }
}
