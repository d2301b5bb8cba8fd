namespace OpenEts.Domain.Registry;

/// <summary>The regulator made a user an authorised representative of an account.</summary>
public sealed record RepresentativeAdded(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber Account, UserId Representative) : RegistryEvent(At, Actor, Key)
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.About(Account);
}
