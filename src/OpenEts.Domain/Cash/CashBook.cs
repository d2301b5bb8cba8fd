namespace OpenEts.Domain.Cash;

/// <summary>
/// The whole cash ledger in memory, applying <see cref="CashMoves"/>: for the property tests and the bench. The
/// platform's ledger lives in the database and applies the same rules.
/// </summary>
/// <remarks>Account 1 is the external bank and account 2 the auction proceeds; members are added from 3.</remarks>
public sealed class CashBook
{
    /// <summary>The external bank's account id.</summary>
    public const long BankId = 1;

    /// <summary>The auction proceeds' account id.</summary>
    public const long ProceedsId = 2;

    private readonly Dictionary<long, CashAccount> _accounts = new()
    {
        [BankId] = new CashAccount(BankId, CashAccountKind.ExternalBank, null, 0m, 0m),
        [ProceedsId] = new CashAccount(ProceedsId, CashAccountKind.AuctionProceeds, null, 0m, 0m),
    };

    private readonly Dictionary<long, CashReservation> _reservations = [];
    private long _nextReservation = 1;

    /// <summary>Every account, by id.</summary>
    public IReadOnlyDictionary<long, CashAccount> Accounts => _accounts;

    /// <summary>Every reservation, by id.</summary>
    public IReadOnlyDictionary<long, CashReservation> Reservations => _reservations;

    /// <summary>Opens a member account for <paramref name="organisationId"/> and returns its id.</summary>
    public long OpenMember(long organisationId)
    {
        var id = _accounts.Count + 1L;
        _accounts[id] = new CashAccount(id, CashAccountKind.Member, organisationId, 0m, 0m);
        return id;
    }

    /// <summary>Money comes in from the bank onto <paramref name="account"/>.</summary>
    public CashRejection? Deposit(long account, Yuan amount) => Transfer(BankId, account, amount);

    /// <summary>Money goes out of <paramref name="account"/> to the bank.</summary>
    public CashRejection? Withdraw(long account, Yuan amount) => Transfer(account, BankId, amount);

    /// <summary>Moves available money between two accounts.</summary>
    public CashRejection? Transfer(long from, long to, Yuan amount)
    {
        var rejection = CashMoves.Transfer(_accounts[from], _accounts[to], amount, out var after);
        if (rejection is null)
        {
            _accounts[from] = after.From;
            _accounts[to] = after.To;
        }
        return rejection;
    }

    /// <summary>Holds money for a purpose; the new reservation's id, or why not.</summary>
    public CashRejection? Reserve(long account, Yuan amount, out long reservationId)
    {
        reservationId = 0;
        var rejection = CashMoves.Reserve(_accounts[account], amount, out var after);
        if (rejection is null)
        {
            _accounts[account] = after;
            reservationId = _nextReservation++;
            _reservations[reservationId] = new CashReservation(reservationId, account, amount, amount, $"r{reservationId}", true);
        }
        return rejection;
    }

    /// <summary>Frees a reservation.</summary>
    public CashRejection? Release(long reservationId)
    {
        var r = _reservations[reservationId];
        var rejection = CashMoves.Release(_accounts[r.AccountId], r, out var after);
        if (rejection is null)
        {
            _accounts[r.AccountId] = after.Account;
            _reservations[reservationId] = after.Reservation;
        }
        return rejection;
    }

    /// <summary>Pays part or all of a reservation to <paramref name="to"/>; the rest is freed.</summary>
    public CashRejection? Settle(long reservationId, long to, Yuan amount)
    {
        var r = _reservations[reservationId];
        var rejection = CashMoves.Settle(_accounts[r.AccountId], r, _accounts[to], amount, out var after);
        if (rejection is null)
        {
            _accounts[r.AccountId] = after.From;
            _accounts[to] = after.To;
            _reservations[reservationId] = after.Reservation;
        }
        return rejection;
    }
}
