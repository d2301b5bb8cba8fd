namespace OpenEts.Application.Identity;

/// <summary>
/// Encrypts secrets kept in the database (the TOTP secrets) with keys kept elsewhere: the server implements it with
/// ASP.NET Core data protection, whose key ring can itself be encrypted with a certificate (<c>--key-ring-certificate</c>).
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    /// <summary>The secret, or null when the text was not protected by these keys (or was changed).</summary>
    string? Unprotect(string protectedSecret);
}
