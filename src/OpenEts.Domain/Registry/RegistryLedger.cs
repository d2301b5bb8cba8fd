using OpenEts.Domain.Text;

namespace OpenEts.Domain.Registry;

/// <summary>
/// The carbon registry (注册登记系统) in memory: accounts, their representatives and holdings, and transfer proposals.
/// Pure: no clock, no I/O. Every request method takes the acting user, <c>now</c> and an idempotency key, and returns a
/// <see cref="RegistryOutcome"/>; a completed one carries the <see cref="RegistryEvent"/> that storage journals, and
/// <see cref="Apply"/> of the journalled events rebuilds exactly the same registry.
/// </summary>
/// <remarks>
/// Units move lowest serial first: a transfer, allocation, surrender, cancellation or quantity correction of N units of
/// a class takes the N lowest serials the source holds in that class. The regulator is whoever represents the issuance
/// account. Not thread-safe: callers serialise requests (storage runs one at a time per registry).
/// </remarks>
public sealed partial class RegistryLedger
{
    /// <summary>The longest name or reason the registry stores (characters).</summary>
    public const int MaxTextLength = 1000;

    private readonly Dictionary<AccountNumber, Account> _accounts = [];
    private readonly Dictionary<UnitClass, Dictionary<AccountNumber, BlockList>> _holdings = [];
    private readonly Dictionary<UnitClass, long> _lastSerial = [];
    // Pending proposals, and decided ones until they leave the retention window (RegistryLedger.Retention.cs).
    private readonly Dictionary<long, TransferProposal> _proposals = [];
    private readonly SortedSet<long> _pending = [];
    private long _proposalCount;
    // Keys belong to their sender: the same key from two users is two requests, and neither learns of the other's.
    private readonly Dictionary<(UserId Sender, IdempotencyKey Key), RegistryEvent> _requests = [];

    /// <summary>The regulator's name, once initialised.</summary>
    public string? Authority { get; private set; }

    /// <summary>The issuance account's number, once initialised.</summary>
    public AccountNumber? IssuanceAccount { get; private set; }

    /// <summary>The surrender account's number, once initialised.</summary>
    public AccountNumber? SurrenderAccount { get; private set; }

    /// <summary>The cancellation account's number, once initialised.</summary>
    public AccountNumber? CancellationAccount { get; private set; }

    /// <summary>True once <see cref="Initialise"/> has completed.</summary>
    public bool IsInitialised => IssuanceAccount is not null;

    /// <summary>Every account, ordered by number.</summary>
    public IReadOnlyList<Account> Accounts => [.. _accounts.Values.OrderBy(a => a.Number)];

    /// <summary>
    /// The proposals in memory, ordered by id: every pending one, and decided ones until they leave the retention window
    /// (<see cref="RetentionWindow"/>); older decided ones are found through <see cref="FindProposal"/>.
    /// </summary>
    public IReadOnlyList<TransferProposal> Proposals => [.. _proposals.Values.OrderBy(p => p.Id.Value)];

    /// <summary>The id of the newest proposal (0 before the first): proposal ids run 1, 2, 3, ….</summary>
    public long LastProposalId => _proposalCount;

    /// <summary>The account with that number, or null.</summary>
    public Account? FindAccount(AccountNumber number) =>
        number.Value is not null && _accounts.TryGetValue(number, out var account) ? account : null;

    /// <summary>
    /// The proposal with that id, or null: from memory while pending or within the retention window, otherwise from
    /// <see cref="ProposalArchive"/> (null when none is set).
    /// </summary>
    public TransferProposal? FindProposal(ProposalId id) =>
        id.Value < 1 || id.Value > _proposalCount ? null
        : _proposals.TryGetValue(id.Value, out var proposal) ? proposal
        : ProposalArchive?.Invoke(id);

    /// <summary>True when <paramref name="user"/> is one of the regulator's officers (represents the issuance account).</summary>
    public bool IsRegulator(UserId user) =>
        IssuanceAccount is { } issuance && _accounts[issuance].IsRepresentative(user);

    /// <summary>Rebuilds a registry from its events, in journal order. Throws when an event does not fit.</summary>
    public static RegistryLedger Replay(IEnumerable<RegistryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ledger = new RegistryLedger();
        foreach (var e in events)
        {
            ledger.Apply(e);
        }
        return ledger;
    }

    private static RegistryOutcome.Rejected Reject(RegistryRejection reason, string field, string message) =>
        new(reason, field, message);

    // A rejection whose sentence names figures, kept apart so that another language can state them too.
    private static RegistryOutcome.Rejected RejectOf(RegistryRejection reason, string field, FormattableString message) =>
        new(reason, field, Text.Figures.Sentence(message)) { Figures = Text.Figures.Of(message) };

    // The event of an earlier request by the same sender with the same key: from memory within the retention window,
    // from the archive (storage's key index) after it; null when the key is new. Only the event is kept per key: the
    // request's fingerprint is recomputed from it (RequestOf) when the key comes again, which is rare, so a fresh key
    // costs neither a fingerprint nor an outcome kept in memory for the window.
    private RegistryEvent? Earlier(UserId sender, IdempotencyKey key)
    {
        if (key.Value is null)
        {
            throw new ArgumentException("An idempotency key is required.", nameof(key));
        }
        return _requests.TryGetValue((sender, key), out var earlier) ? earlier : RequestArchive?.Invoke(sender, key);
    }

    // A key seen before: the first outcome again (same event, same blocks) when the request is the same, otherwise a
    // refusal.
    private static RegistryOutcome Repeat(RegistryEvent earlier, IdempotencyKey key, string request) =>
        RequestOf(earlier) == request
            ? new RegistryOutcome.Completed(earlier, BlocksOf(earlier)) { Duplicate = true }
            : Reject(RegistryRejection.IdempotencyKeyReused, "key",
                $"Idempotency key '{key}' was already used for a different request.");

    private RegistryOutcome.Completed Commit(RegistryEvent e)
    {
        ApplyRequest(e);
        return new RegistryOutcome.Completed(e, BlocksOf(e));
    }

    private RegistryOutcome.Rejected? CheckRegulator(UserId actor)
    {
        if (!IsInitialised)
        {
            return Reject(RegistryRejection.NotInitialised, "registry", "The registry has not been initialised.");
        }
        return IsRegulator(actor)
            ? null
            : Reject(RegistryRejection.NotRegulator, "actor", $"User '{actor}' is not one of the regulator's officers.");
    }

    /// <summary>
    /// The first checks of a request for units to leave <paramref name="from"/>, for a caller that reads other inputs
    /// before it asks (as compliance reads the year's rules): the rejection the request itself would give for an unknown
    /// account or an actor who does not represent it; null when they do, or when <paramref name="key"/> is an earlier
    /// request of theirs (whose repeat the request answers).
    /// </summary>
    public RegistryOutcome.Rejected? CheckRepresents(UserId actor, IdempotencyKey key, AccountNumber from, string field)
    {
        if (Earlier(actor, key) is not null)
        {
            return null;
        }
        return Lookup(from, field, out var account) ?? CheckRepresentative(account, actor, field);
    }

    private RegistryOutcome.Rejected? Lookup(AccountNumber number, string field, out Account account)
    {
        account = null!;
        if (!IsInitialised)
        {
            return Reject(RegistryRejection.NotInitialised, "registry", "The registry has not been initialised.");
        }
        if (FindAccount(number) is not { } found)
        {
            return RejectOf(RegistryRejection.UnknownAccount, field, $"Account '{number}' ({field}) does not exist.");
        }
        account = found;
        return null;
    }

    private RegistryOutcome.Rejected? CheckClass(UnitClass unitClass) =>
        unitClass.IsValid && _lastSerial.ContainsKey(unitClass)
            ? null
            : unitClass.IsValid
                ? RejectOf(RegistryRejection.UnknownUnitClass, "unitClass", $"No units of class {unitClass} have been issued.")
                : Reject(RegistryRejection.UnknownUnitClass, "unitClass", "The unit class is not valid.");

    private static RegistryOutcome.Rejected? CheckQuantity(long quantity) =>
        quantity > 0
            ? null
            : Reject(RegistryRejection.InvalidQuantity, "quantity", $"Quantity must be a whole number of tonnes ≥ 1 (was {quantity}).");

    private static RegistryOutcome.Rejected? CheckText(string? text, string field, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(text))
        {
            return RejectOf(field == "reason" ? RegistryRejection.ReasonRequired : RegistryRejection.InvalidText, field,
                $"The {field} must not be blank (1–{MaxTextLength} characters).");
        }
        if (text is { Length: > MaxTextLength })
        {
            return RejectOf(RegistryRejection.InvalidText, field, $"The {field} is longer than {MaxTextLength} characters.");
        }
        // A reason may run over several lines; a name may not.
        return text is not null && DisplayText.Explain(text, field, allowLineBreaks: field == "reason") is { } forbidden
            ? Reject(RegistryRejection.InvalidText, field, forbidden)
            : null;
    }

    // Units can leave a holder's account by the holder's own request only while it is open.
    private static RegistryOutcome.Rejected? CheckCanSend(Account account, string field) => account.State switch
    {
        AccountState.Open => null,
        AccountState.Blocked => Reject(RegistryRejection.AccountBlocked, field, $"Account '{account.Number}' ({field}) is blocked."),
        _ => Reject(RegistryRejection.AccountClosed, field, $"Account '{account.Number}' ({field}) is closed."),
    };

    // Blocked accounts still receive units; closed ones receive nothing.
    private static RegistryOutcome.Rejected? CheckNotClosed(Account account, string field) =>
        account.State == AccountState.Closed
            ? Reject(RegistryRejection.AccountClosed, field, $"Account '{account.Number}' ({field}) is closed.")
            : null;

    private static RegistryOutcome.Rejected? CheckRepresentative(Account account, UserId actor, string field) =>
        account.IsRepresentative(actor)
            ? null
            : Reject(RegistryRejection.NotRepresentative, "actor",
                $"User '{actor}' is not an authorised representative of account '{account.Number}' ({field}).");

    private RegistryOutcome.Rejected? CheckHeld(Account account, UnitClass unitClass, long quantity, string field)
    {
        var held = HeldBy(account.Number, unitClass)?.Total ?? 0;
        return held >= quantity
            ? null
            : RejectOf(RegistryRejection.InsufficientHoldings, "quantity",
                $"Account '{account.Number}' ({field}) holds {held} of {unitClass}, fewer than the {quantity} asked for.");
    }

    private BlockList? HeldBy(AccountNumber account, UnitClass unitClass) =>
        _holdings.TryGetValue(unitClass, out var byAccount) && byAccount.TryGetValue(account, out var list) ? list : null;

    private List<SerialBlock> LowestSerials(AccountNumber account, UnitClass unitClass, long quantity) =>
        HeldBy(account, unitClass)!.PeekLowest(quantity);
}
