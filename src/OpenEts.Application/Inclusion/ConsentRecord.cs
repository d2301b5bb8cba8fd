namespace OpenEts.Application.Inclusion;

/// <summary>One consent a citizen gave to a notice version, and when it was withdrawn (null while it stands).</summary>
public sealed record ConsentRecord(long Id, long UserId, string Version, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt);
