using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Data.Common;
using System.Globalization;

namespace OpenEts.Cli;

/// <summary>
/// <c>ets &lt;module&gt; &lt;verb&gt; …</c> on System.CommandLine: the command tree, the help (the overview of every
/// usage line for <c>ets help</c> and <c>ets --help</c>; System.CommandLine's sections with the documented usage lines
/// for a command's <c>--help</c>), and parse errors as usage errors (exit 2, the usage on stderr). A file the command
/// cannot write or read, or a database it cannot use, is a usage error too (exit 2, one line naming the path or database
/// and the reason).
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
            return await CommandUsage.ErrorAsync(stderr, result.CommandResult.Command, result.Errors.Select(Problem))
                .ConfigureAwait(false);
        }
        CliText.Utc = result.GetValue<bool>(UtcOption);
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
        catch (DbException e)
        {
            // A --db that names no usable database (a file that is not SQLite, a PostgreSQL that does not answer or
            // refuses the login): one line naming the database's complaint, not a stack trace, as a missing file is.
            await stderr.WriteLineAsync($"error: database: {e.Message} (check --db, or OPENETS_DB)").ConfigureAwait(false);
            return ExitCode.Usage;
        }
    }

    /// <summary>
    /// A parse error as the user should read it: a value that is no number names the option or argument and the text as
    /// typed (<c>--year: 'abc' is not a whole number</c>), where System.CommandLine names a .NET type
    /// (<c>as expected type 'System.Nullable`1[System.Int32]'</c>); any other error as System.CommandLine words it.
    /// </summary>
    private static string Problem(ParseError error)
    {
        var (name, type, tokens) = error.SymbolResult switch
        {
            ArgumentResult { Parent: OptionResult o } a => (o.Option.Name, a.Argument.ValueType, a.Tokens),
            OptionResult o => (o.Option.Name, o.Option.ValueType, o.Tokens),
            ArgumentResult a => (a.Argument.Name, a.Argument.ValueType, a.Tokens),
            _ => (null, null, null),
        };
        // Only System.CommandLine's own conversion error names the type: an argument's own parser words its errors already.
        if (name is null || type is null || tokens is null || !error.Message.Contains(type.ToString(), StringComparison.Ordinal))
        {
            return error.Message;
        }
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var what = target == typeof(int) || target == typeof(long) ? "a whole number" : target == typeof(decimal) ? "a number" : null;
        var bad = tokens.FirstOrDefault(t => !Reads(target, t.Value));
        return what is null || bad is null ? error.Message : $"{name}: '{bad.Value}' is not {what}";
    }

    private static bool Reads(Type type, string text) =>
        type == typeof(int) ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type != typeof(decimal) || decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _);

    /// <summary>The global option that prints every time in UTC instead of Beijing time.</summary>
    public const string UtcOption = "--utc";

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
        root.Add(new Option<bool>(UtcOption)
        {
            Description = "print times in UTC (+00:00) instead of Beijing time (+08:00); times you type are read as before",
            Recursive = true,
        });
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
