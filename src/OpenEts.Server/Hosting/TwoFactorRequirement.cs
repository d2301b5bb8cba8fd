using OpenEts.Application.Identity;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Reads <c>--require-2fa-for-tokens[=true|false]</c> (or <c>OPENETS_REQUIRE_2FA_FOR_TOKENS</c>): whether creating an
/// API token needs two-factor enrolment. On by default, off by default on the demo so that the README's tour works.
/// </summary>
internal static class TwoFactorRequirement
{
    public static TwoFactorPolicy From(string[] args, IConfiguration configuration, bool isDemo)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        if (args.Contains("--require-2fa-for-tokens", StringComparer.Ordinal))
        {
            return new TwoFactorPolicy(true);
        }
        var text = configuration["require-2fa-for-tokens"] ?? configuration["OPENETS_REQUIRE_2FA_FOR_TOKENS"];
        return text is null ? new TwoFactorPolicy(!isDemo)
            : bool.TryParse(text, out var required) ? new TwoFactorPolicy(required)
            : throw new StartupException($"--require-2fa-for-tokens: '{text}' is neither true nor false.");
    }
}
