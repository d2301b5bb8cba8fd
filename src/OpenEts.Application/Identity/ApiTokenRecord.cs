namespace OpenEts.Application.Identity;

/// <summary>
/// An API token for programs. Only its SHA-256 is stored; the token text is shown once at creation. It works until
/// <paramref name="ExpiresAt"/> or its revocation; <paramref name="LastUsedAt"/> is kept to the minute.
/// </summary>
public sealed record ApiTokenRecord(
    long Id,
    long UserId,
    string Name,
    string TokenHash,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset ExpiresAt,
    TokenScope Scope,
    DateTimeOffset? LastUsedAt)
{
    public bool IsLiveAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
