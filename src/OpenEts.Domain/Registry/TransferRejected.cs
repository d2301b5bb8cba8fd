namespace OpenEts.Domain.Registry;

/// <summary>A representative rejected (or the proposer withdrew) a pending proposal; nothing moved.</summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="Proposal">The proposal.</param>
/// <param name="Reason">Why, as written; may be empty.</param>
public sealed record TransferRejected(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key, ProposalId Proposal, string Reason)
    : RegistryEvent(At, Actor, Key)
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.OfProposal(Proposal, ledger);
}
