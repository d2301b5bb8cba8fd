namespace OpenEts.Domain.Registry;

/// <summary>The registry was set up: its issuance, surrender and cancellation accounts, held by the regulator.</summary>
/// <param name="At">When it happened (the <c>now</c> passed in).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Key">The request's idempotency key.</param>
/// <param name="Authority">The regulator's name, e.g. 广东省生态环境厅.</param>
/// <param name="Issuance">The issuance account's number.</param>
/// <param name="Surrender">The surrender account's number.</param>
/// <param name="Cancellation">The cancellation account's number.</param>
/// <param name="Regulators">The regulator's officers: the representatives of the three accounts, sorted.</param>
public sealed record RegistryInitialised(
    DateTimeOffset At, UserId Actor, IdempotencyKey? Key,
    string Authority, AccountNumber Issuance, AccountNumber Surrender, AccountNumber Cancellation,
    IReadOnlyList<UserId> Regulators) : RegistryEvent(At, Actor, Key)
{
    /// <inheritdoc/>
    public override RegistryEventFacts Facts(RegistryLedger ledger) =>
        new([Issuance, Surrender, Cancellation], Issuance, null, null, null, Quantities.AllowanceCount.Zero, [], null);
}
