using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenEts.Server.Hosting;

/// <summary>
/// The certificate that encrypts the data-protection key ring at rest (<c>--key-ring-certificate PATH</c> or
/// <c>OPENETS_KEY_RING_CERTIFICATE</c>): a PFX/PKCS#12 file, or a PEM file holding the certificate and its private key,
/// with an optional password from <c>OPENETS_KEY_RING_CERTIFICATE_PASSWORD</c>. It must be an RSA certificate with its
/// private key (XML encryption wraps each key's AES key with it). It lives outside the database, so a copy of the database
/// or of its backups cannot forge sign-in cookies or read the TOTP secrets.
/// </summary>
internal static class KeyRingCertificate
{
    public const string PasswordVariable = "OPENETS_KEY_RING_CERTIFICATE_PASSWORD";

    /// <summary>The certificate at <paramref name="path"/>; null when none is named. Throws with the path when unusable.</summary>
    public static X509Certificate2? Load(string? path, string? password)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The key-ring certificate {path} (--key-ring-certificate) does not exist.");
        }
        X509Certificate2 certificate;
        try
        {
            var pem = File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal);
            certificate = pem
                ? string.IsNullOrEmpty(password) ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"The key-ring certificate {path} could not be read ({e.Message}): give a PFX, or a PEM file with the certificate and its private key; "
                + $"put a password in {PasswordVariable}.", e);
        }
        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"The key-ring certificate {path} has no RSA private key: it must hold an RSA certificate and its private key.");
        }
        return certificate;
    }
}
