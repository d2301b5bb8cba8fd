namespace OpenEts.Application.Storage;

/// <summary>
/// The web server's data-protection key ring: the XML elements (keys and revocations) that protect sign-in cookies and
/// antiforgery tokens, each under the friendly name the key manager gives it. The XML holds key material in clear, so
/// it never goes to the journal.
/// </summary>
public interface IDataProtectionKeyData
{
    /// <summary>Every stored element, oldest first.</summary>
    Task<IReadOnlyList<string>> AllAsync();

    /// <summary>
    /// Stores an element. A friendly name already stored keeps its first element and returns false, so a retried store
    /// (its commit lost) does not fail.
    /// </summary>
    Task<bool> AddAsync(string friendlyName, string xml, DateTimeOffset now);
}
