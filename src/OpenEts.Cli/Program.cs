namespace OpenEts.Cli;

/// <summary>The <c>ets</c> command: parse the command line, run the command, return its exit code.</summary>
/// <remarks>Exit codes: 0 ok, 1 business rejection or failed check, 2 usage error (message on stderr).</remarks>
internal static class Program
{
    private static async Task<int> Main(string[] args) =>
        await EtsCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
}
