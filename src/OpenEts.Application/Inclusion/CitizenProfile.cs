namespace OpenEts.Application.Inclusion;

/// <summary>
/// What a citizen gave at sign-up (nickname and contact are optional) and the consent in force: the notice version they
/// agreed to, or null after withdrawal. After erasure nickname and contact are gone and <see cref="ErasedAt"/> is set.
/// </summary>
public sealed record CitizenProfile(long UserId, string? Nickname, string? Contact, DateTimeOffset SignedUpAt, string? ConsentVersion,
    DateTimeOffset? ConsentAt, DateTimeOffset? ErasedAt);
