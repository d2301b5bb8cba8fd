using System.Security.Cryptography;
using OpenEts.Application.Journal;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Finds the journal signing key (ECDSA P-256, PEM) outside the database: <c>--signing-key FILE</c> or
/// <c>OPENETS_SIGNING_KEY</c>. Without one, an embedded SQLite database gets a key file created next to it (fine for a
/// demo, logged as a warning); a PostgreSQL deployment without one signs no digests until it is given a key.
/// </summary>
internal static class SigningKeyFile
{
    public const string DefaultName = "journal-signing-key.pem";

    /// <summary>The signer, or null when there is no key; a file that holds no P-256 key stops the start with its path.</summary>
    public static JournalSigner? Load(string? configured, string? sqliteFolder, ILogger log)
    {
        var path = configured;
        if (string.IsNullOrWhiteSpace(path))
        {
            if (sqliteFolder is null)
            {
                log.LogWarning("No journal signing key (--signing-key or OPENETS_SIGNING_KEY): journal digests are not signed");
                return null;
            }
            path = Path.Combine(sqliteFolder, DefaultName);
            if (!File.Exists(path))
            {
                using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                File.WriteAllText(path, created.ExportPkcs8PrivateKeyPem());
                log.LogWarning("Created a journal signing key at {Path}, next to the database; for production keep the key "
                    + "elsewhere and pass --signing-key", path);
            }
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            if (key.KeySize != 256)
            {
                throw new CryptographicException("not a P-256 key");
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            key.Dispose();
            throw new InvalidOperationException(
                $"The journal signing key {path} cannot be read as an ECDSA P-256 private key (PEM): {e.Message}", e);
        }
        return new JournalSigner(key);
    }
}
