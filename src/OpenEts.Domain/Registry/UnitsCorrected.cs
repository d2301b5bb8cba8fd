namespace OpenEts.Domain.Registry;

/// <summary>The regulator moved units between any two accounts to correct an error, with a written reason.</summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="From">The account the units leave.</param>
/// <param name="To">The account the units enter.</param>
/// <param name="Class">The unit class.</param>
/// <param name="Blocks">The serials, sorted and disjoint.</param>
/// <param name="BySerials">True when the regulator named the serials; false when it named a quantity (lowest first).</param>
/// <param name="Reason">The regulator's written reason, never blank.</param>
public sealed record UnitsCorrected(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber From, AccountNumber To, UnitClass Class, IReadOnlyList<SerialBlock> Blocks,
    bool BySerials, string Reason)
    : RegistryEvent(At, Actor, Key), IUnitMovement
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.Movement(From, To, Class, Blocks, From);
}
