using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Runs a data partner's batch (<see cref="RecordActions"/>) under its API key: the key must be one the regulator issued
/// and not revoked (<c>PartnerKey</c>, 403). The partner then acts as itself (<see cref="Actor.ForPartner"/>, role
/// <see cref="Role.DataPartner"/>, journalled as <c>partner-7</c>), whose only right is recording actions within its key's
/// programme and behaviours (checked by <see cref="RecordActions"/>).
/// </summary>
public sealed class PartnerActionsHandler(IStore store, InclusionCommandHandler inclusion)
{
    /// <summary>The programmes the batches run under.</summary>
    public InclusionProgrammes Programmes => inclusion.Programmes;

    /// <summary>The partner's key is checked here; everything after is <see cref="RecordActions"/>.</summary>
    public async Task<InclusionCommandOutcome> HandleAsync(string? presentedKey, RecordActions command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!PartnerKey.LooksLikeKey(presentedKey?.Trim()))
        {
            return new InclusionCommandOutcome.Refused("PartnerKey", "key", "send the partner key the regulator issued, in the X-Partner-Key header",
                RefusalKind.Forbidden);
        }
        var hash = PartnerKey.Hash(presentedKey!);
        if (await store.ReadAsync(s => s.Inclusion.PartnerByKeyAsync(hash), ct).ConfigureAwait(false) is not { Active: true } partner)
        {
            return new InclusionCommandOutcome.Refused("PartnerKey", "key", "this key is unknown or revoked", RefusalKind.Forbidden);
        }
        return await inclusion.HandleAsync(Actor.ForPartner(partner.Id, partner.Scope), command, ct).ConfigureAwait(false);
    }
}
