using System.CommandLine;

namespace OpenEts.Cli;

/// <summary>Usage lines and usage errors: the documented usage of a verb, or of every verb under a command.</summary>
internal static class CommandUsage
{
    /// <summary>The usage lines of <paramref name="command"/>: its own for a verb, else those of every verb under it.</summary>
    public static IEnumerable<string> LinesOf(Command command) => command is Verb verb
        ? [verb.UsageLine]
        : command.Subcommands.SelectMany(LinesOf);

    /// <summary><c>ets registry transfer propose</c>: the command's words, whatever the executable is called.</summary>
    public static string PathOf(Command command)
    {
        var words = new List<string>();
        for (Symbol? s = command; s is Command c and not RootCommand; s = c.Parents.FirstOrDefault())
        {
            words.Insert(0, c.Name);
        }
        return string.Join(' ', ["ets", .. words]);
    }

    /// <summary>Writes each problem and then the usage on stderr; returns exit code 2.</summary>
    public static async Task<int> ErrorAsync(TextWriter stderr, Command command, IEnumerable<string> problems)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var path = PathOf(command);
        foreach (var problem in problems)
        {
            await stderr.WriteLineAsync($"{path}: {problem}").ConfigureAwait(false);
        }
        var lines = LinesOf(command).ToList();
        await stderr.WriteLineAsync(lines.Count == 1 ? "usage: " + lines[0] : "usage:\n  " + string.Join("\n  ", lines))
            .ConfigureAwait(false);
        return ExitCode.Usage;
    }
}
