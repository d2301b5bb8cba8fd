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
public sealed record UnitsSurrendered(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber From, AccountNumber To, UnitClass Class, int ComplianceYear, IReadOnlyList<SerialBlock> Blocks)
    : RegistryEvent(At, Actor, Key), IUnitMovement
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.Movement(From, To, Class, Blocks, From);
}
