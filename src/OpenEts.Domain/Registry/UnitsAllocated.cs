namespace OpenEts.Domain.Registry;

/// <summary>The regulator allocated units from the issuance account to a holding account (配额发放).</summary>
public sealed record UnitsAllocated(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber From, AccountNumber To, UnitClass Class, IReadOnlyList<SerialBlock> Blocks)
    : RegistryEvent(At, Actor, Key), IUnitMovement
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.Movement(From, To, Class, Blocks, To);
}
