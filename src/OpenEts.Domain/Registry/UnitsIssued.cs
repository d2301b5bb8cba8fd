namespace OpenEts.Domain.Registry;

/// <summary>New units were created in the issuance account, serials continuing the class's last issued serial.</summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="Account">The issuance account.</param>
/// <param name="Class">The unit class.</param>
/// <param name="Blocks">One block of new serials.</param>
public sealed record UnitsIssued(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    AccountNumber Account, UnitClass Class, IReadOnlyList<SerialBlock> Blocks) : RegistryEvent(At, Actor, Key)
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) =>
        RegistryEventFacts.Movement(Account, Account, Class, Blocks, Account) with { Accounts = [Account], From = null };
}
