namespace OpenEts.Domain.Registry;

/// <summary>A second representative approved a proposal and the units moved (the lowest serials first).</summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">The approver.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="Proposal">The proposal.</param>
/// <param name="From">The account the units leave.</param>
/// <param name="To">The account the units enter.</param>
/// <param name="Class">The unit class.</param>
/// <param name="Blocks">The serials, sorted and disjoint.</param>
public sealed record UnitsTransferred(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key, ProposalId Proposal,
    AccountNumber From, AccountNumber To, UnitClass Class, IReadOnlyList<SerialBlock> Blocks)
    : RegistryEvent(At, Actor, Key), IUnitMovement
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) =>
        RegistryEventFacts.Movement(From, To, Class, Blocks, From, Proposal);
}
