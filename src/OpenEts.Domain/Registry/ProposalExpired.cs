namespace OpenEts.Domain.Registry;

/// <summary>A pending proposal passed its expiry without approval; nothing moved. Raised by the registry itself.</summary>
public sealed record ProposalExpired(DateTimeOffset At, UserId Actor, IdempotencyKey? Key, ProposalId Proposal)
    : RegistryEvent(At, Actor, Key)
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.OfProposal(Proposal, ledger);
}
