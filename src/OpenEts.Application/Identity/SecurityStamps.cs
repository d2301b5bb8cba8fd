using System.Security.Cryptography;

namespace OpenEts.Application.Identity;

/// <summary>New random security stamps (128 bits, hex).</summary>
public static class SecurityStamps
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
