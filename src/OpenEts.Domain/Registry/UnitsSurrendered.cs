using OpenEts.Domain.Organisations;

namespace OpenEts.Domain.Registry;

/// <summary>A holding account surrendered units for a compliance year (履约清缴) into the surrender account.</summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="From">The surrendering account.</param>
/// <param name="To">The surrender account.</param>
/// <param name="Class">The unit class.</param>
/// <param name="ComplianceYear">The emissions year the units are surrendered for.</param>
/// <param name="Blocks">The serials, sorted and disjoint.</param>
/// <param name="Entity">
/// The covered entity (its credit code) the surrender counts for, fixed when it was made: whoever represents the account
/// later, or whichever organisation its representative moves to, the surrender stays that entity's. Null for a surrender
/// made without one (journaled before entities were kept, or straight into the registry past compliance): compliance then
/// reads it from the account's representatives.
/// </param>
public sealed record UnitsSurrendered(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber From, AccountNumber To, UnitClass Class, int ComplianceYear, IReadOnlyList<SerialBlock> Blocks,
    CreditCode? Entity = null)
    : RegistryEvent(At, Actor, Key), IUnitMovement
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.Movement(From, To, Class, Blocks, From);
}
