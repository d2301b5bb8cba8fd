namespace OpenEts.Domain.Registry;

/// <summary>A representative proposed a transfer; nothing moves until another representative approves.</summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="Proposal">The number given to the proposal.</param>
/// <param name="From">The account the units leave.</param>
/// <param name="To">The account the units enter.</param>
/// <param name="Class">The unit class.</param>
/// <param name="Quantity">Units (tonnes) to move, at least 1.</param>
/// <param name="ExpiresAt">After this instant the proposal can no longer be approved.</param>
public sealed record TransferProposed(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key, ProposalId Proposal,
    AccountNumber From, AccountNumber To, UnitClass Class, Quantities.AllowanceCount Quantity, DateTimeOffset ExpiresAt)
    : RegistryEvent(At, Actor, Key)
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) =>
        new([From, To], From, From, To, Class, Quantity, [], Proposal);
}
