namespace OpenEts.Domain.Registry;

/// <summary>The regulator blocked, unblocked or closed an account.</summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="Account">The account.</param>
/// <param name="State">The new state.</param>
/// <param name="Reason">The regulator's written reason.</param>
public sealed record AccountStateChanged(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber Account, AccountState State, string Reason) : RegistryEvent(At, Actor, Key)
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.About(Account);
}
