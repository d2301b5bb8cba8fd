using OpenEts.Application.Identity;
using OpenEts.Domain.Identity;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Reads <c>--require-2fa-for-tokens[=true|false]</c> (or <c>OPENETS_REQUIRE_2FA_FOR_TOKENS</c>): whether creating an
/// API token needs two-factor enrolment; and <c>--require-2fa-for-roles Regulator,CompanyRepresentative|none</c> (or
/// <c>OPENETS_REQUIRE_2FA_FOR_ROLES</c>): the roles that must enrol before anything else. Both are on by default (the
/// regulator and company representatives) and off by default on the demo, so that the README's tour works.
/// </summary>
internal static class TwoFactorRequirement
{
    public static TwoFactorPolicy From(IConfiguration configuration, bool isDemo)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new TwoFactorPolicy(ForTokens(configuration, isDemo), ForRoles(configuration, isDemo));
    }

    private static bool ForTokens(IConfiguration configuration, bool isDemo)
    {
        var text = configuration["require-2fa-for-tokens"] ?? configuration["OPENETS_REQUIRE_2FA_FOR_TOKENS"];
        return text is null ? !isDemo
            : bool.TryParse(text, out var required) ? required
            : throw new StartupException($"--require-2fa-for-tokens: '{text}' is neither true nor false.");
    }

    // "Regulator,CompanyRepresentative", or "none".
    private static IReadOnlyList<Role> ForRoles(IConfiguration configuration, bool isDemo)
    {
        var text = configuration["require-2fa-for-roles"] ?? configuration["OPENETS_REQUIRE_2FA_FOR_ROLES"];
        if (text is null)
        {
            return isDemo ? [] : TwoFactorPolicy.DefaultRoles;
        }
        if (string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var roles = new List<Role>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            roles.Add(Roles.TryParse(name, out var role) && name.All(char.IsAsciiLetter) ? role
                : throw new StartupException($"--require-2fa-for-roles: '{name}' is not a role ({string.Join(", ", Roles.OfPeople)}, or none)."));
        }
        return roles;
    }
}
