namespace OpenEts.Domain.Registry;

// Setting up the registry and managing accounts: all by the regulator.
public sealed partial class RegistryLedger
{
    private const int MinRepresentatives = 2;

    /// <summary>
    /// Sets up the registry: the issuance, surrender and cancellation accounts, all represented by the regulator's
    /// officers (two or more, including the actor). Allowed once.
    /// </summary>
    public RegistryOutcome Initialise(
        UserId actor, DateTimeOffset now, IdempotencyKey key, string authority,
        AccountNumber issuance, AccountNumber surrender, AccountNumber cancellation, IEnumerable<UserId> regulators)
    {
        ArgumentNullException.ThrowIfNull(regulators);
        var officers = Normalise(regulators);
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("initialise", actor, authority, issuance, surrender, cancellation, officers));
        }
        if (IsInitialised)
        {
            return Reject(RegistryRejection.AlreadyInitialised, "registry", "The registry is already initialised.");
        }
        if (CheckText(authority, "authority", required: true) is { } badName)
        {
            return badName;
        }
        foreach (var (number, field) in new[] { (issuance, "issuance"), (surrender, "surrender"), (cancellation, "cancellation") })
        {
            if (number.Value is null)
            {
                return Reject(RegistryRejection.InvalidText, field, $"The {field} account needs a number.");
            }
        }
        if (issuance == surrender || issuance == cancellation || surrender == cancellation)
        {
            return Reject(RegistryRejection.AccountExists, "surrender", "The three registry accounts need different numbers.");
        }
        if (officers.Any(o => o.Value is null) || officers.Count < MinRepresentatives)
        {
            return Reject(RegistryRejection.TooFewRepresentatives, "regulators",
                $"The regulator needs at least {MinRepresentatives} distinct officers (had {officers.Count}).");
        }
        if (!officers.Contains(actor))
        {
            return Reject(RegistryRejection.NotRegulator, "actor", $"User '{actor}' is not among the regulator's officers.");
        }
        return Commit(new RegistryInitialised(now, actor, key, authority, issuance, surrender, cancellation, officers));
    }

    /// <summary>Opens a holding, investor, clearing or buffer account with two or more representatives. Regulator only.</summary>
    public RegistryOutcome OpenAccount(
        UserId actor, DateTimeOffset now, IdempotencyKey key,
        AccountNumber number, AccountKind kind, string holderName, IEnumerable<UserId> representatives)
    {
        ArgumentNullException.ThrowIfNull(representatives);
        var reps = Normalise(representatives);
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("open", actor, number, kind, holderName, reps));
        }
        if (CheckRegulator(actor) is { } notRegulator)
        {
            return notRegulator;
        }
        if (number.Value is null)
        {
            return Reject(RegistryRejection.InvalidText, "number", "The account needs a number.");
        }
        if (_accounts.ContainsKey(number))
        {
            return Reject(RegistryRejection.AccountExists, "number", $"Account '{number}' already exists.");
        }
        if (kind is not (AccountKind.Holding or AccountKind.Investor or AccountKind.Clearing or AccountKind.Buffer))
        {
            return Reject(RegistryRejection.AccountKindNotAllowed, "kind",
                $"Only holding, investor, clearing and buffer accounts can be opened (was {kind}).");
        }
        if (CheckText(holderName, "holderName", required: true) is { } badName)
        {
            return badName;
        }
        if (reps.Any(r => r.Value is null) || reps.Count < MinRepresentatives)
        {
            return Reject(RegistryRejection.TooFewRepresentatives, "representatives",
                $"An account needs at least {MinRepresentatives} distinct representatives (had {reps.Count}).");
        }
        return Commit(new AccountOpened(now, actor, key, number, kind, holderName, reps));
    }

    /// <summary>Blocks (freezes) an open holding, investor or clearing account. Regulator only; reason required.</summary>
    public RegistryOutcome BlockAccount(UserId actor, DateTimeOffset now, IdempotencyKey key, AccountNumber number, string reason) =>
        ChangeState(actor, now, key, number, reason, AccountState.Blocked, AccountState.Open);

    /// <summary>Unblocks a blocked account. Regulator only; reason required.</summary>
    public RegistryOutcome UnblockAccount(UserId actor, DateTimeOffset now, IdempotencyKey key, AccountNumber number, string reason) =>
        ChangeState(actor, now, key, number, reason, AccountState.Open, AccountState.Blocked);

    /// <summary>Closes an open or blocked account that holds nothing. Regulator only; reason required.</summary>
    public RegistryOutcome CloseAccount(UserId actor, DateTimeOffset now, IdempotencyKey key, AccountNumber number, string reason) =>
        ChangeState(actor, now, key, number, reason, AccountState.Closed, AccountState.Open, AccountState.Blocked);

    /// <summary>Makes <paramref name="representative"/> an authorised representative of the account. Regulator only.</summary>
    public RegistryOutcome AddRepresentative(
        UserId actor, DateTimeOffset now, IdempotencyKey key, AccountNumber number, UserId representative)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("add-representative", actor, number, representative));
        }
        if (CheckRegulator(actor) is { } notRegulator)
        {
            return notRegulator;
        }
        if (Lookup(number, "number", out var account) is { } unknown)
        {
            return unknown;
        }
        if (CheckNotClosed(account, "number") is { } closed)
        {
            return closed;
        }
        if (representative.Value is null)
        {
            return Reject(RegistryRejection.InvalidText, "representative", "The representative needs a user id.");
        }
        if (account.IsRepresentative(representative))
        {
            return Reject(RegistryRejection.AlreadyRepresentative, "representative",
                $"User '{representative}' already represents account '{number}'.");
        }
        return Commit(new RepresentativeAdded(now, actor, key, number, representative));
    }

    /// <summary>Removes a representative, keeping at least two. Regulator only.</summary>
    public RegistryOutcome RemoveRepresentative(
        UserId actor, DateTimeOffset now, IdempotencyKey key, AccountNumber number, UserId representative)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("remove-representative", actor, number, representative));
        }
        if (CheckRegulator(actor) is { } notRegulator)
        {
            return notRegulator;
        }
        if (Lookup(number, "number", out var account) is { } unknown)
        {
            return unknown;
        }
        if (!account.IsRepresentative(representative))
        {
            return Reject(RegistryRejection.NotRepresentative, "representative",
                $"User '{representative}' does not represent account '{number}'.");
        }
        if (account.Representatives.Count <= MinRepresentatives)
        {
            return Reject(RegistryRejection.TooFewRepresentatives, "representative",
                $"Account '{number}' must keep at least {MinRepresentatives} representatives.");
        }
        return Commit(new RepresentativeRemoved(now, actor, key, number, representative));
    }

    private RegistryOutcome ChangeState(
        UserId actor, DateTimeOffset now, IdempotencyKey key, AccountNumber number, string reason,
        AccountState to, params AccountState[] from)
    {
        if (Earlier(actor, key) is { } earlier)
        {
            return Repeat(earlier, key, Request("state", actor, number, to, reason));
        }
        if (CheckRegulator(actor) is { } notRegulator)
        {
            return notRegulator;
        }
        if (Lookup(number, "number", out var account) is { } unknown)
        {
            return unknown;
        }
        if (CheckText(reason, "reason", required: true) is { } noReason)
        {
            return noReason;
        }
        if (account.IsSystemAccount)
        {
            return Reject(RegistryRejection.AccountKindNotAllowed, "number",
                $"The {account.Kind} account '{number}' cannot be blocked or closed.");
        }
        if (!from.Contains(account.State))
        {
            return Reject(RegistryRejection.InvalidAccountState, "number",
                $"Account '{number}' is {account.State}; it cannot become {to}.");
        }
        if (to == AccountState.Closed && _holdings.Values.Any(h => h.ContainsKey(number)))
        {
            return Reject(RegistryRejection.HoldingsNotEmpty, "number", $"Account '{number}' still holds units.");
        }
        return Commit(new AccountStateChanged(now, actor, key, number, to, reason));
    }
}
