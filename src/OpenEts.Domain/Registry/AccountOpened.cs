namespace OpenEts.Domain.Registry;

/// <summary>A holding, investor or clearing account was opened, in state <see cref="AccountState.Open"/>.</summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="Account">The account.</param>
/// <param name="Kind">What the account is for.</param>
/// <param name="HolderName">The company, investor or exchange holding it.</param>
/// <param name="Representatives">Its authorised representatives, two or more, sorted.</param>
public sealed record AccountOpened(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber Account, AccountKind Kind, string HolderName, IReadOnlyList<UserId> Representatives)
    : RegistryEvent(At, Actor, Key)
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) => RegistryEventFacts.About(Account);
}
