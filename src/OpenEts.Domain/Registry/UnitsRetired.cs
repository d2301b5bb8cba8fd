namespace OpenEts.Domain.Registry;

/// <summary>
/// A holder retired units (自愿注销, voluntary cancellation) into the cancellation account on behalf of a named
/// beneficiary and for a stated purpose; the retirement is listed publicly and the serials never move again.
/// </summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="From">The account the units leave.</param>
/// <param name="To">The cancellation account.</param>
/// <param name="Class">The unit class.</param>
/// <param name="Blocks">The serials, sorted and disjoint.</param>
/// <param name="Beneficiary">On whose behalf (a company, an event, a person); never blank.</param>
/// <param name="Purpose">Why (e.g. offsetting an event's 2024 emissions); never blank.</param>
public sealed record UnitsRetired(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber From, AccountNumber To, UnitClass Class, IReadOnlyList<SerialBlock> Blocks, string Beneficiary, string Purpose)
    : RegistryEvent(At, Actor, Key), IUnitMovement
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.Movement(From, To, Class, Blocks, From);
}
