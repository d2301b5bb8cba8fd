using OpenEts.Domain.Cash;

namespace OpenEts.Application.Cash;

/// <summary>
/// One movement in the cash ledger (a double entry): <paramref name="Amount"/> taken off account <paramref name="From"/>
/// (the debit) and put on account <paramref name="To"/> (the credit).
/// </summary>
/// <param name="Id">Its id (0 before it is stored).</param>
/// <param name="At">When.</param>
/// <param name="From">The account debited.</param>
/// <param name="To">The account credited.</param>
/// <param name="Amount">How much, exact to the fen, &gt; 0.</param>
/// <param name="Kind">What it is (<see cref="CashEntryKind"/>).</param>
/// <param name="Reference">What it is for, e.g. a bank slip or <c>auction/3/bid/17</c>.</param>
/// <param name="Key">The idempotency key it was asked with.</param>
/// <param name="Actor">Who asked (user name).</param>
/// <param name="ReservationId">The reservation it settled, if any.</param>
public sealed record CashEntry(
    long Id, DateTimeOffset At, long From, long To, Yuan Amount, CashEntryKind Kind, string Reference, string Key, string Actor,
    long? ReservationId);
