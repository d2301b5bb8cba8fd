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
    public async Task<string?> RecordAsync(long partnerId, string programme, IReadOnlyList<RecordActions.ActionForm> forms, CancellationToken ct) =>
        await RecordAsync(await PrepareAsync(partnerId, programme, forms, ct).ConfigureAwait(false), ct).ConfigureAwait(false);

    /// <summary>
    /// Reads the actions as the partner's command without recording them: what <see cref="RecordAsync(PreparedActions, CancellationToken)"/>
    /// then records. A worker can prepare the next part while the one before it is recorded; one caller at a time
    /// prepares (the partners read are kept here).
    /// </summary>
    public async Task<PreparedActions> PrepareAsync(long partnerId, string programme, IReadOnlyList<RecordActions.ActionForm> forms, CancellationToken ct)
    {
        if (await PartnerAsync(partnerId, ct).ConfigureAwait(false) is not { } partner)
        {
            return new PreparedActions(null, null, "UnknownPartner");
        }
        return RecordActions.TryParse(new RecordActions.Form(programme, forms), handler.Programmes, out var command, out var errors)
            ? new PreparedActions(Actor.ForPartner(partner.Id, partner.Scope), command, null)
            : new PreparedActions(null, null, string.Join("; ", errors.Select(e => e.Rule)));
    }

    /// <summary>Records prepared actions: null when the transaction committed; else the rule that refused them as a whole.</summary>
    public async Task<string?> RecordAsync(PreparedActions prepared, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Refusal is { } refused)
        {
            return refused;
        }
        return await handler.HandleAsync(prepared.Partner!, prepared.Command!, ct).ConfigureAwait(false) switch
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

/// <summary>
/// A partner's actions read and checked as a command (<see cref="PartnerRecorder.PrepareAsync"/>), or the rule that refuses
/// them as a whole (<see cref="Refusal"/>, with no command).
/// </summary>
public sealed record PreparedActions(Actor? Partner, RecordActions? Command, string? Refusal);
