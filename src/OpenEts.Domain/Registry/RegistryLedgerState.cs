namespace OpenEts.Domain.Registry;

/// <summary>
/// Everything a <see cref="RegistryLedger"/> holds in memory, as plain values, for a snapshot: restoring it with
/// <see cref="RegistryLedger.FromState"/> gives a ledger that answers and applies events exactly as the one it was taken
/// from. Lists are in the ledger's own order (queues oldest first), so the restored ledger forgets entries at the same
/// events as the original.
/// </summary>
/// <param name="Authority">The regulator's name; null before initialisation.</param>
/// <param name="Issuance">The issuance account; null before initialisation.</param>
/// <param name="Surrender">The surrender account; null before initialisation.</param>
/// <param name="Cancellation">The cancellation account; null before initialisation.</param>
/// <param name="Accounts">Every account, by number.</param>
/// <param name="Holdings">Every non-empty holding: account, class and blocks.</param>
/// <param name="LastSerials">The last serial issued per class.</param>
/// <param name="Definitions">Every offset class definition.</param>
/// <param name="Retired">The retired serials per class (account is the cancellation account).</param>
/// <param name="Retirements">Every retirement, oldest first.</param>
/// <param name="OffsetIssuances">Every offset issuance, oldest first.</param>
/// <param name="ProposalCount">The newest proposal id (0 before the first).</param>
/// <param name="Proposals">The proposals in memory (pending, and decided within the window), by id.</param>
/// <param name="DecidedOrder">The ids of the decided proposals in memory, in the order they were decided.</param>
/// <param name="Requests">The events of the keyed requests within the window, in the order they were applied.</param>
/// <param name="Clock">The retention clock: the latest event time applied.</param>
/// <param name="Surrenders">Every surrender, by compliance year, oldest first within a year.</param>
public sealed record RegistryLedgerState(
    string? Authority,
    AccountNumber? Issuance,
    AccountNumber? Surrender,
    AccountNumber? Cancellation,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<HeldBlocks> Holdings,
    IReadOnlyList<ClassSerial> LastSerials,
    IReadOnlyList<OffsetClassDefined> Definitions,
    IReadOnlyList<HeldBlocks> Retired,
    IReadOnlyList<Retirement> Retirements,
    IReadOnlyList<OffsetIssuance> OffsetIssuances,
    long ProposalCount,
    IReadOnlyList<TransferProposal> Proposals,
    IReadOnlyList<long> DecidedOrder,
    IReadOnlyList<RegistryEvent> Requests,
    DateTimeOffset Clock,
    IReadOnlyList<UnitsSurrendered> Surrenders);
