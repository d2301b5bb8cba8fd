using OpenEts.Application.Forms;
using OpenEts.Application.Identity;
using OpenEts.Application.Registry;
using OpenEts.Application.Storage;
using OpenEts.Domain.Identity;
using OpenEts.Domain.Inclusion;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Runs a data partner's batch (<see cref="RecordActions"/>) under its API key: the key must be one the regulator issued
/// and not revoked (<c>PartnerKey</c>, 403), the batch in the key's programme (<c>OutOfScope</c>, 403), and each action of
/// a behaviour the key may submit (else that action alone is refused <c>OutOfScope</c>). Each action's source is
/// prefixed with the partner's id (<c>p7/card-1</c>), so that one partner's event ids can never collide with or block
/// another's. The batch is journalled with the partner (<c>partner-7</c>) as its actor.
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
        if (!string.Equals(partner.Scope.Programme, command.Programme, StringComparison.Ordinal))
        {
            return new InclusionCommandOutcome.Refused("OutOfScope", "programme", $"this key submits to {partner.Scope.Programme} only", RefusalKind.Forbidden);
        }
        var scoped = command with
        {
            Items = [.. command.Items.Select(i => i with
            {
                Source = $"p{partner.Id}/{i.Source}",
                Errors = i.Errors.Count > 0 || partner.Scope.Permits(command.Programme, i.Behaviour)
                    ? i.Errors
                    : [new FieldError($"actions[{i.Index}].behaviour", "OutOfScope", $"this key may not submit {Behaviours.CodeOf(i.Behaviour)}")],
            })],
        };
        // The partner stands where the regulator stood for the data partners: it names each action's citizen.
        var actor = new Actor(0, $"partner-{partner.Id}", Role.Regulator, null) { ViaToken = true };
        return await inclusion.HandleAsync(actor, scoped, ct).ConfigureAwait(false);
    }
}
