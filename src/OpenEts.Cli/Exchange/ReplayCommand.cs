using System.CommandLine;
using System.Text;

namespace OpenEts.Cli.Exchange;

/// <summary>
/// <c>ets exchange replay FILE.csv [--fail-on-reject]</c>: feeds the file's rows into the matching engine and prints
/// every outcome and trade, then the final books, as CSV (formats in docs/matching.md). Rows are processed and
/// printed one by one: a malformed row stops the run with exit 2 after the output of the rows before it.
/// </summary>
internal static class ReplayCommand
{
    /// <summary>The <c>exchange</c> command with its <c>replay</c> verb.</summary>
    public static Command Build()
    {
        var file = new Argument<string>("FILE.csv") { Description = "engine inputs, one per row (docs/matching.md)" };
        var failOnReject = new Option<bool>("--fail-on-reject") { Description = "exit 1 when any input was rejected" };
        var replay = new Verb("replay", "Feed engine inputs from FILE.csv, print outcomes, trades and the final book.",
            "ets exchange replay FILE.csv [--fail-on-reject]", file, failOnReject);
        replay.SetAction((r, ct) => RunAsync(r.GetRequiredValue(file), r.GetValue(failOnReject), replay,
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return new Command("exchange", "The matching engine and the exchange.")
        {
            replay, VerifyCommand.Build(), VerifyCommand.BuildSnapshot(), EndOfDayCommand.Build(), EndOfDayCommand.BuildExport(), AmendCommand.Build(),
            ListingCommand.Build(), BlockCommand.Build(), AuctionCommand.Build(), ClientCommand.Build(),
        };
    }

    private static async Task<int> RunAsync(string path, bool failOnReject, Command command, TextWriter stdout, TextWriter stderr,
        CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return await CommandUsage.ErrorAsync(stderr, command, [$"file not found: {path}"]).ConfigureAwait(false);
        }

        var session = new ReplaySession();
        var output = new StringBuilder();
        using (StreamReader reader = File.OpenText(path))
        {
            int row = 0;
            while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
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
                    return ExitCode.Usage;
                }
            }
        }

        output.Clear();
        session.WriteBooks(output);
        await stdout.WriteAsync(output.ToString()).ConfigureAwait(false);
        return failOnReject && session.Rejections > 0 ? ExitCode.Rejected : ExitCode.Ok;
    }
}
