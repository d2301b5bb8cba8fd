using System.Text.Json.Serialization;

namespace OpenEts.Domain.Registry;

/// <summary>
/// A change to the registry, raised by a successful <see cref="RegistryLedger"/> operation and journalled by storage.
/// <see cref="RegistryLedger.Apply"/> of the same events in the same order rebuilds the same registry.
/// JSON: see <see cref="RegistryEventJson"/>; the <c>type</c> property names the event.
/// </summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it; <see cref="UserId.System"/> for expiry.</param>
/// <param name="Key">The request's idempotency key; null only for <see cref="ProposalExpired"/>.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RegistryInitialised), "registry.initialised")]
[JsonDerivedType(typeof(AccountOpened), "registry.account.opened")]
[JsonDerivedType(typeof(AccountStateChanged), "registry.account.state-changed")]
[JsonDerivedType(typeof(RepresentativeAdded), "registry.account.representative-added")]
[JsonDerivedType(typeof(RepresentativeRemoved), "registry.account.representative-removed")]
[JsonDerivedType(typeof(UnitsIssued), "registry.units.issued")]
[JsonDerivedType(typeof(UnitsAllocated), "registry.units.allocated")]
[JsonDerivedType(typeof(TransferProposed), "registry.transfer.proposed")]
[JsonDerivedType(typeof(UnitsTransferred), "registry.transfer.executed")]
[JsonDerivedType(typeof(TransferRejected), "registry.transfer.rejected")]
[JsonDerivedType(typeof(ProposalExpired), "registry.transfer.expired")]
[JsonDerivedType(typeof(UnitsSurrendered), "registry.units.surrendered")]
[JsonDerivedType(typeof(UnitsCancelled), "registry.units.cancelled")]
[JsonDerivedType(typeof(UnitsCorrected), "registry.units.corrected")]
public abstract record RegistryEvent(DateTimeOffset At, UserId Actor, IdempotencyKey? Key)
{
    /// <summary>
    /// The accounts, unit class, quantity and serials the event touches; <paramref name="ledger"/> (caught up at least
    /// to this event) resolves what an event names only through its proposal.
    /// </summary>
    public abstract RegistryEventFacts Facts(RegistryLedger ledger);
}
