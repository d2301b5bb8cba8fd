namespace OpenEts.Domain.Cash;

/// <summary>
/// The cash ledger's rules, once: every movement takes money off one account (the debit) and puts the same amount on
/// another (the credit), so the sum over all accounts never changes; reservations hold a member's money until settled
/// or released; no member account ever goes below zero nor holds more than it has. Pure: the storage and the in-memory
/// <see cref="CashBook"/> both apply these.
/// </summary>
public static class CashMoves
{
    /// <summary>Moves <paramref name="amount"/> of <paramref name="from"/>'s available money to <paramref name="to"/>.</summary>
    /// <returns>The two accounts after the move, or why not.</returns>
    public static CashRejection? Transfer(CashAccount from, CashAccount to, Yuan amount, out (CashAccount From, CashAccount To) after)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        after = (from, to);
        if (from.Id == to.Id)
        {
            return CashRejection.SameAccount;
        }
        if (!from.CanPay(amount))
        {
            return CashRejection.InsufficientFunds;
        }
        after = (from.Debit(amount), to.Credit(amount));
        return null;
    }

    /// <summary>Holds <paramref name="amount"/> of <paramref name="account"/>'s available money.</summary>
    public static CashRejection? Reserve(CashAccount account, Yuan amount, out CashAccount after)
    {
        ArgumentNullException.ThrowIfNull(account);
        after = account;
        if (account.Kind == CashAccountKind.ExternalBank || account.Available < amount.Value)
        {
            return CashRejection.InsufficientFunds;
        }
        after = account.Hold(amount);
        return null;
    }

    /// <summary>Frees what an open reservation holds.</summary>
    public static CashRejection? Release(CashAccount account, CashReservation reservation, out (CashAccount Account, CashReservation Reservation) after)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(reservation);
        after = (account, reservation);
        if (!reservation.Open)
        {
            return CashRejection.ReservationClosed;
        }
        after = (account.Free(reservation.Amount), reservation with { Amount = Yuan.Zero, Open = false });
        return null;
    }

    /// <summary>
    /// Pays <paramref name="amount"/> (≤ what the reservation holds) from the reserved money to <paramref name="to"/>
    /// and frees the rest: the reservation closes.
    /// </summary>
    public static CashRejection? Settle(
        CashAccount from, CashReservation reservation, CashAccount to, Yuan amount,
        out (CashAccount From, CashAccount To, CashReservation Reservation) after) =>
        PayOut(from, reservation, to, amount, close: true, out after);

    /// <summary>
    /// Pays <paramref name="amount"/> (≤ what the reservation holds) from the reserved money to <paramref name="to"/> and
    /// keeps the reservation open with the rest (an order that trades in parts pays each part as it trades).
    /// </summary>
    public static CashRejection? Pay(
        CashAccount from, CashReservation reservation, CashAccount to, Yuan amount,
        out (CashAccount From, CashAccount To, CashReservation Reservation) after) =>
        PayOut(from, reservation, to, amount, close: false, out after);

    private static CashRejection? PayOut(
        CashAccount from, CashReservation reservation, CashAccount to, Yuan amount, bool close,
        out (CashAccount From, CashAccount To, CashReservation Reservation) after)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(to);
        after = (from, to, reservation);
        if (!reservation.Open)
        {
            return CashRejection.ReservationClosed;
        }
        if (amount > reservation.Amount)
        {
            return CashRejection.ExceedsReservation;
        }
        if (from.Id == to.Id)
        {
            return CashRejection.SameAccount;
        }
        after = close
            ? (from.Free(reservation.Amount).Debit(amount), to.Credit(amount), reservation with { Amount = Yuan.Zero, Open = false })
            : (from.Free(amount).Debit(amount), to.Credit(amount), reservation with { Amount = reservation.Amount - amount });
        return null;
    }
}
