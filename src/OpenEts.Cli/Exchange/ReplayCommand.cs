using System.Text;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// <c>ets exchange replay FILE.csv [--fail-on-reject]</c>: feeds the file's rows into the matching engine and prints
/// every outcome and trade, then the final books, as CSV (formats in docs/matching.md). Rows are processed and
/// printed one by one: a malformed row stops the run with exit 2 after the output of the rows before it.
/// </summary>
internal static class ReplayCommand
{
    private const string Usage = "usage: ets exchange replay FILE.csv [--fail-on-reject]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? path = null;
        bool failOnReject = false;
        foreach (string arg in args)
        {
            if (arg == "--fail-on-reject")
            {
                failOnReject = true;
            }
            else if (path is null && !arg.StartsWith("--", StringComparison.Ordinal))
            {
                path = arg;
            }
            else
            {
                await stderr.WriteLineAsync($"ets exchange replay: unexpected argument '{arg}'\n{Usage}").ConfigureAwait(false);
                return CommandRouter.Usage;
            }
        }

        if (path is null)
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return CommandRouter.Usage;
        }

        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"ets exchange replay: file not found: {path}").ConfigureAwait(false);
            return CommandRouter.Usage;
        }

        var session = new ReplaySession();
        var output = new StringBuilder();
        using (StreamReader reader = File.OpenText(path))
        {
            int row = 0;
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                row++;
                if (line.Length == 0 || line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
                {
                    continue;
                }

                output.Clear();
                ReplayRowError? error = session.Process(row, line, output);
                await stdout.WriteAsync(output.ToString()).ConfigureAwait(false);
                if (error is not null)
                {
                    await stderr.WriteLineAsync($"ets exchange replay: {path}: {error}; nothing after this row was processed").ConfigureAwait(false);
                    return CommandRouter.Usage;
                }
            }
        }

        output.Clear();
        session.WriteBooks(output);
        await stdout.WriteAsync(output.ToString()).ConfigureAwait(false);
        return failOnReject && session.Rejections > 0 ? CommandRouter.Rejected : CommandRouter.Ok;
    }
}
