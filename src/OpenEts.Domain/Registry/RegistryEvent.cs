namespace OpenEts.Domain.Registry;

/// <summary>
/// A change to the registry, raised by a successful <see cref="RegistryLedger"/> operation and journalled by storage.
/// <see cref="RegistryLedger.Apply"/> of the same events in the same order rebuilds the same registry.
/// </summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it; <see cref="UserId.System"/> for expiry.</param>
/// <param name="Key">The request's idempotency key; null only for <see cref="ProposalExpired"/>.</param>
public abstract record RegistryEvent(DateTimeOffset At, UserId Actor, IdempotencyKey? Key)
{
    /// <summary>
    /// The accounts, unit class, quantity and serials the event touches; <paramref name="ledger"/> (caught up at least
    /// to this event) resolves what an event names only through its proposal.
    /// </summary>
    public abstract RegistryEventFacts Facts(RegistryLedger ledger);

    /// <summary>
    /// The facts as <paramref name="account"/>'s history shows them: the same as <see cref="Facts"/> for an event with one
    /// movement; an event that moves units to several accounts at once (an offset issuance's owner and buffer shares)
    /// answers the share that reached <paramref name="account"/>.
    /// </summary>
    public virtual RegistryEventFacts FactsFor(RegistryLedger ledger, AccountNumber account) => Facts(ledger);
}
