using Microsoft.AspNetCore.Identity;
using OpenEts.Application.Identity;

namespace OpenEts.Server.Hosting;

/// <summary>ASP.NET Core Identity's PBKDF2 (HMAC-SHA512, 100 000 iterations, 128-bit salt) password hasher.</summary>
internal sealed class PasswordHashing : IPasswordHashing
{
    private static readonly object User = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(User, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Success,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehash,
        _ => PasswordCheck.Failed,
    };
}
