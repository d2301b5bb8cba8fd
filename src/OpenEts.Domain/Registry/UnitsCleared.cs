namespace OpenEts.Domain.Registry;

/// <summary>
/// Units moved between a holder's account and the exchange's clearing account (交易所清算), at the exchange's request:
/// into clearing when a sell order reserves them (so they can be neither transferred nor surrendered meanwhile), back
/// when the order is cancelled, and out to the buyer when a trade settles. The exchange's use cases raise it, never a
/// person directly.
/// </summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">The trader whose order it serves: a representative of the holder's account.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="From">The account the units leave.</param>
/// <param name="To">The account the units enter; exactly one of the two is a clearing account.</param>
/// <param name="Class">The unit class.</param>
/// <param name="Blocks">The serials, sorted and disjoint (the lowest the source holds).</param>
/// <param name="Reference">What it is for, e.g. <c>exchange/order/12/reserve</c> or <c>exchange/trade/7</c>.</param>
/// <param name="Mandate">
/// For a member's client (客户): the client account whose mandate the member's trader acts on, e.g.
/// <c>exchange/client/7</c>, in place of the trader representing the holder's account; null otherwise (the default).
/// </param>
public sealed record UnitsCleared(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber From, AccountNumber To, UnitClass Class, IReadOnlyList<SerialBlock> Blocks, string Reference, string? Mandate = null)
    : RegistryEvent(At, Actor, Key), IUnitMovement
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var holder = ledger.FindAccount(From)?.Kind == AccountKind.Clearing ? To : From;
        return RegistryEventFacts.Movement(From, To, Class, Blocks, holder);
    }
}
