using System.CommandLine;
using System.CommandLine.Help;

namespace OpenEts.Cli;

/// <summary>
/// <c>ets &lt;module&gt; &lt;verb&gt; …</c> on System.CommandLine: the command tree, the help (the overview of every
/// usage line for <c>ets help</c> and <c>ets --help</c>; System.CommandLine's sections with the documented usage lines
/// for a command's <c>--help</c>), and parse errors as usage errors (exit 2, the usage on stderr). A file the command
/// cannot write or read is a usage error too (exit 2, one line naming the path and the reason).
/// </summary>
internal static class EtsCommand
{
    /// <summary>Runs <c>ets ARGS</c>; secrets (a new user's password) come from <paramref name="secrets"/>, else stdin.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, SecretInput? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = Build(secrets ?? SecretInput.Console);
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not CommandHelp)
        {
            return await CommandUsage.ErrorAsync(stderr, result.CommandResult.Command, result.Errors.Select(e => e.Message))
                .ConfigureAwait(false);
        }
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await result.InvokeAsync(invocation, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file named on the command line that cannot be written or read (a missing folder, no permission, a full
            // disk): a usage error in one line, the system's message naming the path and why, as for every command.
            await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 2;
        }
    }

    public static RootCommand Build(SecretInput secrets)
    {
        var root = new RootCommand("ets — OpenETS command line")
        {
            Exchange.ReplayCommand.Build(),
            Registry.RegistryCommand.Build(),
            Admin.AdminCommand.Build(secrets),
            Mrv.MrvCommand.Build(),
            Auction.MarketCommand.BuildCash(),
            Auction.MarketCommand.BuildAuction(),
            Allocation.AllocateCommand.Build(),
            Compliance.ComplianceCommand.Build(),
            Offsets.OffsetsCommand.Build(),
            Inclusion.InclusionCommand.Build(),
            Monitoring.MetersCommand.Build(),
            Calculators.CalcCommand.Build(),
            Energy.EnergyCommand.Build(),
        };
        var help = new Command("help", "this text");
        help.SetAction(r => r.InvocationConfiguration.Output.Write(CommandHelp.Overview(root)));
        root.Add(help);
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            option.Action = new CommandHelp();
        }
        return root;
    }
}
