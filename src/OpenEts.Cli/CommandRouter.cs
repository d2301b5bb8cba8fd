namespace OpenEts.Cli;

/// <summary>Routes <c>ets &lt;module&gt; &lt;verb&gt; …</c> to the module's command.</summary>
internal static class CommandRouter
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int Usage = 2;

    private static readonly string Help = string.Format(System.Globalization.CultureInfo.InvariantCulture, """
        ets — OpenETS command line

        usage:
          ets exchange replay FILE.csv        feed engine inputs from FILE.csv, print outcomes, trades and the final book
          ets registry …                      the carbon registry on the server's database (docs/cli.md):
        {0}
          ets help                            this text
        """, string.Join('\n', Registry.RegistryCommand.UsageLines.Select(u => "    " + u)));

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            await stdout.WriteLineAsync(Help).ConfigureAwait(false);
            return args.Length == 0 ? Usage : Ok;
        }

        var rest = args.Length > 2 ? args[2..] : [];
        return (args[0], args.Length > 1 ? args[1] : "") switch
        {
            ("exchange", "replay") => await Exchange.ReplayCommand.RunAsync(rest, stdout, stderr).ConfigureAwait(false),
            ("registry", _) => await Registry.RegistryCommand.RunAsync(args[1..], stdout, stderr).ConfigureAwait(false),
            _ => await UnknownAsync(args, stderr).ConfigureAwait(false),
        };
    }

    private static async Task<int> UnknownAsync(string[] args, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"ets: unknown command '{string.Join(' ', args)}'; try 'ets help'").ConfigureAwait(false);
        return Usage;
    }
}
