using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A data partner (数据合作方: a transit operator, bike-share, utility or step counter) with its API key: what the key
/// may submit, the key's first characters and hash (never the key), who issued it and when, and when it was revoked.
/// </summary>
public sealed record InclusionPartner(long Id, string Name, PartnerScope Scope, string KeyShown, string KeyHash, DateTimeOffset IssuedAt,
    string IssuedBy, DateTimeOffset? RevokedAt)
{
    /// <summary>True while the key may submit.</summary>
    public bool Active => RevokedAt is null;
}
