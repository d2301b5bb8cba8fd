using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OpenEts.Server.Auth;

/// <summary>
/// Carries "this user's password was right" from the password form to the code form of the sign-in page: the user id and
/// security stamp with an expiry, encrypted and signed by data protection, in a hidden field. It is worth nothing without
/// a code, and a sign-out everywhere (a new stamp) or <see cref="Lifetime"/> voids it.
/// </summary>
public sealed class SecondFactorTicket(IDataProtectionProvider provider, TimeProvider clock)
{
    /// <summary>How long the code form stays valid after the password.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = provider.CreateProtector("OpenEts.SignIn.SecondFactor.v1");

    public string Issue(long userId, string stamp) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture,
            $"{userId}|{stamp}|{(clock.GetUtcNow() + Lifetime).ToUnixTimeMilliseconds()}"));

    public bool TryRead(string? ticket, out long userId, out string stamp)
    {
        userId = 0;
        stamp = "";
        if (string.IsNullOrEmpty(ticket))
        {
            return false;
        }
        string text;
        try
        {
            text = _protector.Unprotect(ticket);
        }
        catch (CryptographicException)
        {
            return false;
        }
        var parts = text.Split('|');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out userId)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || clock.GetUtcNow().ToUnixTimeMilliseconds() > expires)
        {
            return false;
        }
        stamp = parts[1];
        return true;
    }
}
