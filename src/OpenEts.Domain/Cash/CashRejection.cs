namespace OpenEts.Domain.Cash;

/// <summary>Why the cash ledger refused a movement (a business outcome, never an exception).</summary>
public enum CashRejection
{
    /// <summary>The account's available money (balance less reservations) is less than the amount: no overdraft.</summary>
    InsufficientFunds = 1,

    /// <summary>The reservation has already been settled or released.</summary>
    ReservationClosed,

    /// <summary>Settling more than the reservation holds.</summary>
    ExceedsReservation,

    /// <summary>The idempotency key was used for a different movement.</summary>
    KeyReused,

    /// <summary>The two sides of a movement are the same account.</summary>
    SameAccount,

    /// <summary>The bank's reference was already booked for a deposit (or a withdrawal): a bank slip is booked once.</summary>
    ReferenceReused,
}
