namespace OpenEts.Domain.Registry;

/// <summary>A holder voluntarily cancelled units (自愿注销) into the cancellation account.</summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="From">The account the units leave.</param>
/// <param name="To">The account the units enter.</param>
/// <param name="Class">The unit class.</param>
/// <param name="Blocks">The serials, sorted and disjoint.</param>
/// <param name="Reason">The holder's stated purpose (e.g. an event's offsetting); may be empty.</param>
public sealed record UnitsCancelled(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber From, AccountNumber To, UnitClass Class, IReadOnlyList<SerialBlock> Blocks, string Reason)
    : RegistryEvent(At, Actor, Key), IUnitMovement
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.Movement(From, To, Class, Blocks, From);
}
