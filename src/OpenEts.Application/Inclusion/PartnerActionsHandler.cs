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
/// programme and behaviours (checked by <see cref="RecordActions"/>). With an event log configured
/// (<see cref="IInclusionEventLog"/>: the server's <c>--nats</c>), the batch is appended to the log instead, each action
/// answered <see cref="ActionStatus.Queued"/> (or <see cref="ActionStatus.Duplicate"/>, or refused at once when malformed or
/// outside the key's scope), and a worker records it through the same <see cref="RecordActions"/> as the partner.
/// </summary>
public sealed class PartnerActionsHandler(IStore store, InclusionCommandHandler inclusion, IInclusionEventLog? log = null)
{
    /// <summary>The rule of a batch refused whole because the event log is full (nothing of it is stored; send it again later).</summary>
    public const string QueueFull = "QueueFull";

    /// <summary>The programmes the batches run under.</summary>
    public InclusionProgrammes Programmes => inclusion.Programmes;

    /// <summary>The partner's key is checked here; everything after is <see cref="RecordActions"/>.</summary>
    public async Task<InclusionCommandOutcome> HandleAsync(string? presentedKey, RecordActions command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (partner, refused) = await AuthenticateAsync(presentedKey, ct).ConfigureAwait(false);
        return partner is null ? refused! : await HandleAsync(partner, command, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The batch of a partner already authenticated (<see cref="AuthenticateAsync"/>): an edge checks the key before it
    /// reads the batch, so that a missing, unknown or revoked key is refused before anything is said about the body.
    /// </summary>
    public async Task<InclusionCommandOutcome> HandleAsync(InclusionPartner partner, RecordActions command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(command);
        if (partner.SigningKey is { } signingKey && string.Equals(partner.Scope.Programme, command.Programme, StringComparison.Ordinal))
        {
            command = CheckSignatures(command, signingKey);
        }
        return log is null
            ? await inclusion.HandleAsync(Actor.ForPartner(partner.Id, partner.Scope), command, ct).ConfigureAwait(false)
            : await AppendAsync(log, partner, command, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The partner's own lines of the quality dashboard (its key's counters only) over the Beijing days from
    /// <paramref name="from"/> to <paramref name="to"/>: completed with a <see cref="QualityDashboard"/>, or refused
    /// <c>PartnerKey</c> as a batch would be.
    /// </summary>
    public async Task<InclusionCommandOutcome> QualityAsync(string? presentedKey, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (partner, refused) = await AuthenticateAsync(presentedKey, ct).ConfigureAwait(false);
        return partner is null ? refused! : await QualityAsync(partner, from, to, ct).ConfigureAwait(false);
    }

    /// <summary>The quality dashboard of a partner already authenticated (<see cref="AuthenticateAsync"/>).</summary>
    public async Task<InclusionCommandOutcome> QualityAsync(InclusionPartner partner, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(partner);
        (from, to) = InclusionQueries.QualitySpan(from, to);
        var rows = await store.ReadAsync(s => s.Inclusion.QualityAsync(partner.Id, null, from, to), ct).ConfigureAwait(false);
        return new InclusionCommandOutcome.Completed(new QualityDashboard(partner.Scope.Programme, from, to, rows,
            new Dictionary<long, string> { [partner.Id] = partner.Name }));
    }

    /// <summary>
    /// Each well-formed action of a partner whose key requires signatures must carry a signature of its canonical bytes
    /// (<see cref="PartnerSignature.Message"/>) that verifies under the partner's public key: else it is refused alone,
    /// <c>MissingSignature</c> or <c>BadSignature</c>, and counted on the quality dashboard. One verification per event
    /// (ECDSA P-256: tens of microseconds of CPU), which is why signing is a per-partner choice.
    /// </summary>
    internal static RecordActions CheckSignatures(RecordActions command, string signingKey)
    {
        using var verifier = PartnerSignature.Verifier(signingKey);
        var items = new RecordActions.Item[command.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var item = command.Items[i];
            items[i] = item.Errors.Count > 0 ? item : SignatureError(command.Programme, item, verifier) is { } error ? item with { Errors = [error] } : item;
        }
        return command with { Items = items };
    }

    private static FieldError? SignatureError(string programme, RecordActions.Item item, System.Security.Cryptography.ECDsa verifier)
    {
        var field = $"actions[{item.Index}].signature";
        if (string.IsNullOrWhiteSpace(item.Signature))
        {
            return new FieldError(field, "MissingSignature", "signature: this partner's key requires every event signed (ECDSA P-256, base64)");
        }
        var behaviour = Behaviours.CodeOf(item.Behaviour);
        if (!PartnerSignature.Signable(programme, item.Source, item.EventId, item.User, behaviour))
        {
            return new FieldError(field, "BadSignature", "signature: a signed event's text fields hold no control characters");
        }
        var message = PartnerSignature.Message(programme, item.Source, item.EventId, item.User, behaviour, item.OccurredAt, item.Measure.Quantity,
            item.Measure.Minutes, item.Measure.OwnAverage);
        return PartnerSignature.Verify(verifier, message, item.Signature)
            ? null
            : new FieldError(field, "BadSignature", "signature: does not verify under the partner's public key over the event's canonical bytes");
    }

    /// <summary>The active partner holding <paramref name="presentedKey"/>, or the refusal <c>PartnerKey</c> (forbidden) when none does.</summary>
    public async Task<(InclusionPartner? Partner, InclusionCommandOutcome? Refused)> AuthenticateAsync(string? presentedKey, CancellationToken ct)
    {
        if (!PartnerKey.LooksLikeKey(presentedKey?.Trim()))
        {
            return (null, new InclusionCommandOutcome.Refused("PartnerKey", "key", "send the partner key the regulator issued, in the X-Partner-Key header",
                RefusalKind.Forbidden));
        }
        var hash = PartnerKey.Hash(presentedKey!);
        return await store.ReadAsync(s => s.Inclusion.PartnerByKeyAsync(hash), ct).ConfigureAwait(false) is { Active: true } partner
            ? (partner, null)
            : (null, new InclusionCommandOutcome.Refused("PartnerKey", "key", "this key is unknown or revoked", RefusalKind.Forbidden));
    }

    // The checks that need no database run before the log: the rest (the citizen, consent, time, caps, duplicates past
    // the log's window) are RecordActions' own, when a worker applies the action.
    private async Task<InclusionCommandOutcome> AppendAsync(IInclusionEventLog log, InclusionPartner partner, RecordActions command,
        CancellationToken ct)
    {
        if (!string.Equals(partner.Scope.Programme, command.Programme, StringComparison.Ordinal))
        {
            return new InclusionCommandOutcome.Refused("OutOfScope", "programme", $"this key submits to {partner.Scope.Programme} only", RefusalKind.Forbidden);
        }
        var results = new ActionResult[command.Items.Count];
        var accepted = new List<RecordActions.Item>();
        foreach (var item in command.Items)
        {
            // The field as the recorded answer names it: the action's own (behaviour), not its place in the batch.
            var refusal = item.Errors.Count > 0
                ? (item.Errors[0].Rule, string.Join("; ", item.Errors.Select(e => e.Message)), item.Errors[0].Field[(item.Errors[0].Field.IndexOf('.', StringComparison.Ordinal) + 1)..])
                : !partner.Scope.Permits(command.Programme, item.Behaviour) ? ("OutOfScope", $"this key may not submit {Behaviours.CodeOf(item.Behaviour)}", "behaviour")
                : default((string Rule, string Message, string Field)?);
            if (refusal is var (rule, message, field))
            {
                results[item.Index] = new ActionResult(item.Index, item.EventId, ActionStatus.Refused, rule, message, CarbonGrams.Zero, 0, 0, field);
            }
            else
            {
                accepted.Add(item);
            }
        }
        if (accepted.Count > 0 && await log.FullAsync(accepted.Count, ct).ConfigureAwait(false) is { } full)
        {
            return new InclusionCommandOutcome.Refused(QueueFull, "actions", full, RefusalKind.Conflict);
        }
        var held = accepted.Count == 0 ? [] : await log.AppendAsync(partner.Id, command.Programme, accepted, ct).ConfigureAwait(false);
        for (var i = 0; i < accepted.Count; i++)
        {
            var item = accepted[i];
            results[item.Index] = held[i]
                ? new ActionResult(item.Index, item.EventId, ActionStatus.Duplicate, "DuplicateEvent", $"{item.Source} already sent event {item.EventId}",
                    CarbonGrams.Zero, 0, 0)
                : new ActionResult(item.Index, item.EventId, ActionStatus.Queued, null, null, CarbonGrams.Zero, 0, 0);
        }
        // What the worker will never see is counted now; the queued actions are counted by the worker's RecordActions.
        if (QualityCount.Tally(results) is { Count: > 0 } lost)
        {
            await inclusion.HandleAsync(Actor.ForPartner(partner.Id, partner.Scope), new CountRefusals(command.Programme, lost), ct).ConfigureAwait(false);
        }
        return new InclusionCommandOutcome.Completed(new RecordedActions(results));
    }
}
