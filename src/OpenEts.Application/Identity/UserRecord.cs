using OpenEts.Domain.Identity;

namespace OpenEts.Application.Identity;

/// <summary>A person who signs in. The password is kept only as a salted hash.</summary>
public sealed record UserRecord(
    long Id,
    string UserName,
    string DisplayName,
    Role Role,
    long? OrganisationId,
    string PasswordHash,
    int FailedCount,
    DateTimeOffset? LockedUntil);

/// <summary>An API token for programs. Only its SHA-256 is stored; the token text is shown once at creation.</summary>
public sealed record ApiTokenRecord(
    long Id, long UserId, string Name, string TokenHash, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
