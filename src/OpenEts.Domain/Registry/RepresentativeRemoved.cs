namespace OpenEts.Domain.Registry;

/// <summary>The regulator removed an authorised representative (two or more remain).</summary>
public sealed record RepresentativeRemoved(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber Account, UserId Representative) : RegistryEvent(At, Actor, Key)
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.About(Account);
}
