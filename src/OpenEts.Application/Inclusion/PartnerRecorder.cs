using OpenEts.Application.Identity;
using OpenEts.Application.Storage;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// Records actions read back from an event log (the JetStream stream, the database queue) as the partner that sent them,
/// through <see cref="RecordActions"/> in one transaction: the workers' shared step. Partners are read once and read
/// again when one is not known (a partner added since).
/// </summary>
public sealed class PartnerRecorder(InclusionCommandHandler handler, IStore store)
{
    private Dictionary<long, InclusionPartner> _partners = [];

    /// <summary>Null when the actions were recorded (the transaction committed); else the rule that refused them as a whole.</summary>
    public async Task<string?> RecordAsync(long partnerId, string programme, IReadOnlyList<RecordActions.ActionForm> forms, CancellationToken ct)
    {
        if (await PartnerAsync(partnerId, ct).ConfigureAwait(false) is not { } partner)
        {
            return "UnknownPartner";
        }
        if (!RecordActions.TryParse(new RecordActions.Form(programme, forms), handler.Programmes, out var command, out var errors))
        {
            return string.Join("; ", errors.Select(e => e.Rule));
        }
        return await handler.HandleAsync(Actor.ForPartner(partner.Id, partner.Scope), command, ct).ConfigureAwait(false) switch
        {
            InclusionCommandOutcome.Completed => null,
            InclusionCommandOutcome.Refused r => r.Rule,
            var other => other.GetType().Name,
        };
    }

    private async Task<InclusionPartner?> PartnerAsync(long id, CancellationToken ct)
    {
        if (!_partners.TryGetValue(id, out var partner))
        {
            var all = await store.ReadAsync(s => s.Inclusion.PartnersAsync(), ct).ConfigureAwait(false);
            _partners = all.ToDictionary(p => p.Id);
            _partners.TryGetValue(id, out partner);
        }
        return partner;
    }
}
