using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using OpenEts.Application.Identity;

namespace OpenEts.Server.Auth;

/// <summary>
/// Protects secrets stored in the database (TOTP secrets) with the data-protection key ring, which itself is encrypted
/// with the deployment's certificate when one is configured (<c>--key-ring-certificate</c>).
/// </summary>
internal sealed class DataProtectionSecrets(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("OpenEts.Identity.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
