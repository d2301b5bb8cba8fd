namespace OpenEts.Cli;

/// <summary>The exit codes of <c>ets</c> (docs/cli.md).</summary>
internal static class ExitCode
{
    public const int Ok = 0;

    /// <summary>A business rejection (the registry refused, or the <c>--as</c> check), a bad row, or a failed check.</summary>
    public const int Rejected = 1;

    /// <summary>A usage error: unknown command or option, missing or malformed argument; the usage goes to stderr.</summary>
    public const int Usage = 2;
}
