using OpenEts.Domain.Inclusion;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A data partner (数据合作方: a transit operator, bike-share, utility or step counter) with its API key: what the key
/// may submit, the key's first characters and hash (never the key), who issued it and when, and when it was revoked; and
/// the public key every event must be signed under (<see cref="PartnerSignature"/>; base64 SubjectPublicKeyInfo), or null
/// when the API key alone authenticates the batch.
/// </summary>
public sealed record InclusionPartner(long Id, string Name, PartnerScope Scope, string KeyShown, string KeyHash, DateTimeOffset IssuedAt,
    string IssuedBy, DateTimeOffset? RevokedAt, string? SigningKey = null)
{
    /// <summary>True when every event the partner sends must be signed.</summary>
    public bool SignsEvents => SigningKey is not null;

    /// <summary>The signing key's fingerprint to show (the first 16 hex digits of the SHA-256 of its DER), or null.</summary>
    public string? SigningKeyFingerprint => SigningKey is null ? null
        : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromBase64String(SigningKey)))[..16];

    /// <summary>True while the key may submit.</summary>
    public bool Active => RevokedAt is null;
}
